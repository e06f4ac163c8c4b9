/**
 * Queries behind the open-data features: producers' source ids (idempotent imports),
 * catalogue dates (DCAT).
 */
import type { Db } from './session'

interface SourceLink {
  sourceId: string
  experimentId: string
  revision: number
  status: string
  data: string
  /** Set when a moderator deleted the record: imports leave it alone. */
  deletedAt: string | null
}

/** The experiments already imported under these source ids, with what an update needs. */
export async function findBySourceIds(
  db: Db,
  sourceIds: readonly string[]
): Promise<Map<string, SourceLink>> {
  if (sourceIds.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT s.source_id AS sourceId, e.id AS experimentId, e.revision, e.status, e.data,
         e.deleted_at AS deletedAt
       FROM experiment_sources s JOIN experiments e ON e.id = s.experiment_id
       WHERE s.source_id IN (SELECT value FROM json_each(?1))`
    )
    .bind(JSON.stringify(sourceIds))
    .all<SourceLink>()
  return new Map(results.map((r) => [r.sourceId, r]))
}

/** Experiments by id (any status), for rows that carry the id of an exported record. */
export async function findByIds(
  db: Db,
  ids: readonly string[]
): Promise<Map<string, Omit<SourceLink, 'sourceId'>>> {
  if (ids.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT id AS experimentId, revision, status, data, deleted_at AS deletedAt FROM experiments
       WHERE id IN (SELECT value FROM json_each(?1))`
    )
    .bind(JSON.stringify(ids))
    .all<Omit<SourceLink, 'sourceId'>>()
  return new Map(results.map((r) => [r.experimentId, r]))
}

/** Records that a source id now points to an experiment (no-op if already recorded). */
export function linkSource(
  db: Db,
  sourceId: string,
  experimentId: string,
  at: string
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO experiment_sources (source_id, experiment_id, created_at) VALUES (?1, ?2, ?3)
       ON CONFLICT (source_id) DO NOTHING`
    )
    .bind(sourceId, experimentId, at)
}

/** Size and freshness of a published dataset (experiments, events), for the DCAT entry. */
export async function catalogueDates(
  db: Db,
  table: 'experiments' | 'events' = 'experiments'
): Promise<{ count: number; issued: string | null; modified: string | null }> {
  const row = await db
    .prepare(
      `SELECT count(*) AS count, min(published_at) AS issued, max(updated_at) AS modified
       FROM ${table} WHERE status = 'published'`
    )
    .first<{ count: number; issued: string | null; modified: string | null }>()
  return row ?? { count: 0, issued: null, modified: null }
}
