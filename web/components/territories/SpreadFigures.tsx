/**
 * How practices spread, on the comparison and territory pages: take-ups received and
 * given side by side (with the same rates as the other measures and the national line),
 * and the most taken-up practices of the selection.
 */
import { areaSpread, type AreaSpread, type MostReplicated } from '../../../worker/domain/spread'
import type { TerritoryStats } from '../../../worker/domain/statistics'
import { useStatsFormat } from '../charts/measures'
import { useT } from '../../i18n'
import { MeasureTable, type MeasureRow } from './MeasureTable'

export interface SpreadColumn {
  label: string
  figures: AreaSpread
}

/** The national column: every take-up is both received and given in France. */
export function nationalSpread(
  national: TerritoryStats,
  total: number,
  label: string
): SpreadColumn {
  return {
    label,
    figures: areaSpread({
      code: 'fr',
      name: label,
      population: national.population,
      collectivites: national.collectivites,
      received: total,
      given: total,
    }),
  }
}

export function SpreadFigures(props: {
  columns: readonly SpreadColumn[]
  mostReplicated: readonly MostReplicated[]
  mostReplicatedTitle: string
  apiHref: string
}) {
  const t = useT()
  const s = t.spread.stats
  const f = useStatsFormat()
  const rate = (v: number | null) => (v === null ? '—' : f.rate(v))
  const rows: MeasureRow<SpreadColumn>[] = [
    [s.received, (c) => f.count(c.figures.received)],
    [`${s.received}, ${s.per100k}`, (c) => rate(c.figures.receivedPer100kInhabitants)],
    [`${s.received}, ${s.per100Collectivites}`, (c) => rate(c.figures.receivedPer100Collectivites)],
    [s.given, (c) => f.count(c.figures.given)],
    [`${s.given}, ${s.per100k}`, (c) => rate(c.figures.givenPer100kInhabitants)],
    [`${s.given}, ${s.per100Collectivites}`, (c) => rate(c.figures.givenPer100Collectivites)],
  ]
  return (
    <section aria-labelledby="essaimage" class="spread-figures">
      <h2 id="essaimage">{s.title}</h2>
      <p>{s.lead}</p>
      <MeasureTable
        caption={s.caption}
        columns={props.columns}
        header={(c) => c.label}
        rows={rows}
      />
      <h3>{props.mostReplicatedTitle}</h3>
      {props.mostReplicated.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <ol class="most-replicated">
          {props.mostReplicated.map((m) => (
            <li>
              <a href={`/experiences/${encodeURIComponent(m.record.slug)}`}>{m.record.title}</a> —{' '}
              {s.takeUps(m.takeUps)}
            </li>
          ))}
        </ol>
      )}
      <p>
        <a href={props.apiHref} type="application/json">
          {s.api}
        </a>
      </p>
    </section>
  )
}
