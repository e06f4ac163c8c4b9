/**
 * The comparison proper: key figures side by side with the national reference, then the
 * same measures as bar charts (each with its data table).
 */
import type { TerritoryStats } from '../../../worker/domain/statistics'
import {
  EVIDENCE_LEVELS,
  labelOf,
  STAGES,
  THEMES,
  type Term,
} from '../../../worker/domain/vocabularies'
import { BarChart } from '../charts/BarChart'
import { useStatsFormat } from '../charts/measures'
import { useT } from '../../i18n'
import { MeasureTable, type MeasureRow } from './MeasureTable'

export function CompareResults(props: {
  territories: readonly TerritoryStats[]
  national: TerritoryStats
  csvHref: string
}) {
  const { territories: t, lang } = useT()
  const f = useStatsFormat()
  const all = [...props.territories, props.national]
  // The national line's name and the breakdowns' labels come from the API in French.
  const nameOf = (x: TerritoryStats) => (x.kind === 'fr' ? t.territory.france : x.name)
  const series = all.map((x) => ({ label: nameOf(x), reference: x.kind === 'fr' }))
  const cell = (v: number | null, f: (n: number) => string) => (v === null ? t.notAvailable : f(v))
  const known = (v: number | null, records: number, f: (n: number) => string) =>
    v === null ? t.notProvided : t.withRecords(f(v), records)
  const rows: MeasureRow<TerritoryStats>[] = [
    [t.rows.experiments, (x) => f.count(x.experiments)],
    [t.rows.per100k, (x) => cell(x.per100kInhabitants, f.rate)],
    [t.rows.per100Collectivites, (x) => cell(x.per100Collectivites, f.rate)],
    [t.rows.population, (x) => f.count(x.population)],
    [t.rows.collectivites, (x) => f.count(x.collectivites)],
    [t.rows.budget, (x) => known(x.budget.medianEur, x.budget.known, f.eur)],
    [t.rows.peopleReached, (x) => known(x.peopleReached.total, x.peopleReached.known, f.count)],
  ]
  const shares = (pick: (x: TerritoryStats) => TerritoryStats['themes'], terms: readonly Term[]) =>
    (pick(props.national) ?? []).map((b, i) => ({
      label: labelOf(terms, b.code, lang),
      values: all.map((x) => pick(x)[i]?.share ?? null),
    }))
  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats">{t.results}</h2>
      <MeasureTable
        caption={t.keyFigures}
        columns={all}
        header={(x) =>
          x.kind === 'fr' ? nameOf(x) : <a href={`/territoires/${x.code}`}>{x.name}</a>
        }
        rows={rows}
      />
      <p>
        <a href={props.csvHref}>{t.downloadComparison}</a>
      </p>
      <BarChart
        id="graphique-densite"
        title={t.charts.densityTitle}
        description={t.charts.densityDescription}
        series={series}
        groups={[
          { label: t.rows.per100k, values: all.map((x) => x.per100kInhabitants) },
          { label: t.rows.per100Collectivites, values: all.map((x) => x.per100Collectivites) },
        ]}
        format={f.rate}
        groupHeader={t.measure}
        scalePerGroup
      />
      <BarChart
        id="graphique-themes"
        title={t.charts.themesTitle}
        description={t.charts.themesDescription}
        series={series}
        groups={shares((x) => x.themes, THEMES)}
        format={f.share}
        groupHeader={t.charts.theme}
        max={1}
      />
      <BarChart
        id="graphique-etapes"
        title={t.charts.stagesTitle}
        series={series}
        groups={shares((x) => x.stages, STAGES)}
        format={f.share}
        groupHeader={t.charts.stage}
        max={1}
      />
      <BarChart
        id="graphique-preuve"
        title={t.charts.evidenceTitle}
        description={t.charts.evidenceDescription}
        series={series}
        groups={shares((x) => x.evidenceLevels, EVIDENCE_LEVELS)}
        format={f.share}
        groupHeader={t.charts.evidence}
        max={1}
      />
    </section>
  )
}
