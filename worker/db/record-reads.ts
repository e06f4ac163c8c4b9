/**
 * The reads the search indexes make of any kind of record (worker/search/indexed-kinds.ts):
 * current rows by id, every row in id order, published revisions and counts. Table names
 * come only from RECORD_TABLES, never from input.
 */
import { RECORD_TABLES, type RecordKind, type RecordRow } from './record-kinds'
import type { Db } from './session'

/** These records, any status (missing ids are absent). */
export async function recordsByIds<R extends RecordRow>(
  db: Db,
  kind: RecordKind,
  ids: readonly string[],
  published = false
): Promise<R[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT * FROM ${RECORD_TABLES[kind].table} WHERE id IN (SELECT value FROM json_each(?1))
       ${published ? `AND status = 'published'` : ''}`
    )
    .bind(JSON.stringify(ids))
    .all<R>()
  return results
}

/** Every record after `afterId` in id order, any status: a rebuild walks them all. */
export async function recordsAfter<R extends RecordRow>(
  db: Db,
  kind: RecordKind,
  afterId: string,
  limit: number
): Promise<R[]> {
  const { results } = await db
    .prepare(`SELECT * FROM ${RECORD_TABLES[kind].table} WHERE id > ?1 ORDER BY id LIMIT ?2`)
    .bind(afterId, limit)
    .all<R>()
  return results
}

/** Ids and revisions of every published record of a kind. */
export async function publishedRecordRevisions(
  db: Db,
  kind: RecordKind
): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(`SELECT id, revision FROM ${RECORD_TABLES[kind].table} WHERE status = 'published'`)
    .all<{ id: string; revision: number }>()
  return new Map(results.map((r) => [r.id, r.revision]))
}

export async function countRecords(db: Db, kind: RecordKind): Promise<number> {
  const row = await db
    .prepare(`SELECT count(*) AS n FROM ${RECORD_TABLES[kind].table}`)
    .first<{ n: number }>()
  return row?.n ?? 0
}
