/**
 * « Essaimage » on a record's page: what it was inspired by (named by title), which
 * practices it reproduces, and its spread: how many territories adopted it, who (each
 * approved replication with what it adapted), the graph of its generations with its
 * table twin, a map of the régions it reached, and the link to declare a replication.
 */
import type { Replication } from '../../worker/domain/replication'
import { REPLICATION_PROGRESS, REPLICATION_RELATIONS } from '../../worker/domain/replication'
import { linksPerRegion, type Lineage } from '../../worker/domain/spread'
import { labelOf } from '../../worker/domain/vocabularies'
import { formatDate } from '../format'
import { useT } from '../i18n'
import { FranceMap, mapAreas } from './FranceMap'
import { adopterLabel, SpreadGraph } from './SpreadGraph'
import { TableRegion } from './TableRegion'

const recordPath = (slug: string) => `/experiences/${encodeURIComponent(slug)}`

function ReplicationItem({ r, side }: { r: Replication; side: 'source' | 'adopter' }) {
  const t = useT()
  const s = t.spread
  const lang = t.lang
  return (
    <li>
      {side === 'adopter' ? (
        <a href={recordPath(r.source.slug)}>{r.source.title}</a>
      ) : (
        s.replicationBy(r.declarant.name, r.territory.name)
      )}
      {side === 'source' && r.actor && (
        <>
          {' '}
          ({s.networkActor}{' '}
          <a href={`/acteurs/${encodeURIComponent(r.actor.slug)}`}>{r.actor.name}</a>)
        </>
      )}{' '}
      — {labelOf(REPLICATION_RELATIONS, r.relation, lang)},{' '}
      {labelOf(REPLICATION_PROGRESS, r.progress, lang).toLowerCase()}
      {r.startDate && ` (${s.since(formatDate(r.startDate, lang))})`}
      {side === 'source' && r.adopter && (
        <>
          {' '}
          — {s.ownRecord} : <a href={recordPath(r.adopter.slug)}>{r.adopter.title}</a>
        </>
      )}
      {r.link && (
        <>
          {' '}
          —{' '}
          <a href={r.link} rel="noopener noreferrer nofollow ugc">
            {s.elsewhere}
          </a>
        </>
      )}
      {r.adaptations && (
        <p class="adaptations">
          {s.adapted} {r.adaptations}
        </p>
      )}
    </li>
  )
}

export function SpreadSection({ lineage, slug }: { lineage: Lineage; slug: string }) {
  const t = useT()
  const s = t.spread
  const lang = t.lang
  const { spread } = lineage
  const titles = new Map([
    [spread.source.id, spread.source.title],
    ...spread.links.flatMap((l) => (l.record ? [[l.record.id, l.record.title] as const] : [])),
  ])
  const perRegion = linksPerRegion(spread.links)
  const reached = Object.keys(perRegion).length > 0
  return (
    <section aria-labelledby="s-spread" class="spread">
      <h2 id="s-spread">{s.section}</h2>
      {lineage.inspiredBy.length > 0 && (
        <>
          <h3>{s.inspiredBy}</h3>
          <ul>
            {lineage.inspiredBy.map((r) => (
              <li>
                {r.slug && r.title ? <a href={recordPath(r.slug)}>{r.title}</a> : s.unpublished}
              </li>
            ))}
          </ul>
        </>
      )}
      {lineage.reproduces.length > 0 && (
        <>
          <h3>{s.reproduces}</h3>
          <ul>
            {lineage.reproduces.map((r) => (
              <ReplicationItem r={r} side="adopter" />
            ))}
          </ul>
        </>
      )}
      <h3>{s.spreadTo}</h3>
      <p class="adopted-by">
        <strong>{s.adoptedBy(spread.adoptedBy)}</strong>
      </p>
      {lineage.received.length > 0 && (
        <ul class="replications">
          {lineage.received.map((r) => (
            <ReplicationItem r={r} side="source" />
          ))}
        </ul>
      )}
      {spread.links.length > 0 && (
        <>
          <SpreadGraph spread={spread} />
          {spread.truncated && <p class="help">{s.truncated}</p>}
          <TableRegion label={s.tableCaption}>
            <table class="spread-table">
              <caption>{s.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.colGeneration}</th>
                  <th scope="col">{s.colAdopter}</th>
                  <th scope="col">{s.colFrom}</th>
                  <th scope="col">{s.colHow}</th>
                </tr>
              </thead>
              <tbody>
                {spread.links.map((l) => (
                  <tr>
                    <td>{l.generation}</td>
                    <th scope="row">
                      {l.record ? (
                        <a href={recordPath(l.record.slug)}>{adopterLabel(l)}</a>
                      ) : (
                        adopterLabel(l)
                      )}
                    </th>
                    <td>{titles.get(l.from) ?? '—'}</td>
                    <td>
                      {l.relation ? labelOf(REPLICATION_RELATIONS, l.relation, lang) : s.citedBy}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
      {reached && (
        <FranceMap
          id="carte-essaimage"
          values={Object.fromEntries(mapAreas('reg').map((a) => [a.code, perRegion[a.code] ?? 0]))}
          caption={s.mapCaption}
          legendTitle={s.mapLegend}
          formatValue={(v) => String(v)}
        />
      )}
      <p>
        <a class="button" href={`${recordPath(slug)}/reproduite`} rel="nofollow">
          {s.declare}
        </a>
      </p>
      <p class="help">{s.declareHelp}</p>
    </section>
  )
}
