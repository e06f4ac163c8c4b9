/**
 * Replications as an edge list: one line per approved replication, from the source
 * practice to the adopting territory (and its record here, when linked). CSV after the
 * same conventions as the catalogue (UTF-8, comma, ISO 8601, formulas neutralised).
 */
import type { Replication } from '../domain/replication'
import { csvLine, neutraliseFormula } from './csv'

export const REPLICATION_COLUMNS = [
  'id',
  'source_id',
  'source_title',
  'adopter_id',
  'adopter_title',
  'territory',
  'territory_name',
  'region',
  'declarant_name',
  'declarant_kind',
  'relation',
  'progress',
  'start_date',
  'adaptations',
  'link',
  'approved_at',
] as const

export function replicationsCsv(items: readonly Replication[]): string {
  const cells = (r: Replication): string[] =>
    [
      r.id,
      r.source.id,
      r.source.title,
      r.adopter?.id ?? '',
      r.adopter?.title ?? '',
      r.territory.code,
      r.territory.name,
      r.region ?? '',
      r.declarant.name,
      r.declarant.kind,
      r.relation,
      r.progress,
      r.startDate ?? '',
      r.adaptations,
      r.link ?? '',
      r.approvedAt ?? '',
    ].map(neutraliseFormula)
  return csvLine([...REPLICATION_COLUMNS]) + items.map((r) => csvLine(cells(r))).join('')
}
