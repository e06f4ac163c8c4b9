/**
 * The search outbox: one row per committed change and per index, written in the same
 * batch as the change (by db/revisions.ts). The sync (worker/search/sync.ts) drains it.
 */
import type { RecordKind } from './record-kinds'
import type { Db } from './session'

/** The indexes every change must reach. */
export const SEARCH_TARGETS = ['meilisearch', 'embedded'] as const
export type SearchTarget = (typeof SEARCH_TARGETS)[number]

// ── Draining (worker/search/sync.ts) ─────────────────────────────────────────

export interface OutboxRow {
  seq: number
  /** The id of the changed record, of `record_kind` (the column predates actors). */
  experiment_id: string
  record_kind: RecordKind
  revision: number
  target: SearchTarget
  attempts: number
}

/**
 * Claims up to `limit` due rows of one target and kind of record by pushing their `next_attempt_at` to
 * `leaseUntil`, so a concurrent drain (cron and nudge) skips them; if this drain dies,
 * the rows come due again when the lease ends.
 */
export async function claimOutboxRows(
  db: Db,
  target: SearchTarget,
  now: string,
  leaseUntil: string,
  limit: number,
  kind: RecordKind = 'experiment'
): Promise<OutboxRow[]> {
  const { results } = await db
    .prepare(
      `UPDATE search_outbox SET next_attempt_at = ?3
       WHERE seq IN (SELECT seq FROM search_outbox WHERE target = ?1 AND record_kind = ?5
                       AND next_attempt_at <= ?2
                     ORDER BY next_attempt_at, seq LIMIT ?4)
       RETURNING seq, experiment_id, record_kind, revision, target, attempts`
    )
    .bind(target, now, leaseUntil, limit, kind)
    .all<OutboxRow>()
  return results.sort((a, b) => a.seq - b.seq)
}

/** Delivered: the rows are gone (later rows of the same experiment stay). */
export async function deleteOutboxRows(db: Db, seqs: readonly number[]): Promise<void> {
  if (seqs.length === 0) return
  await db
    .prepare('DELETE FROM search_outbox WHERE seq IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(seqs))
    .run()
}

/** Not delivered: count the attempt, keep the error, retry at `retryAt`. */
export function failOutboxRow(
  db: Db,
  seq: number,
  error: string,
  retryAt: string
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE search_outbox SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3
       WHERE seq = ?1`
    )
    .bind(seq, error.slice(0, 1000), retryAt)
}

/** Makes rows due now without counting an attempt (state changed while they were delivered). */
export async function releaseOutboxRows(
  db: Db,
  seqs: readonly number[],
  at: string
): Promise<void> {
  if (seqs.length === 0) return
  await db
    .prepare(
      'UPDATE search_outbox SET next_attempt_at = ?2 WHERE seq IN (SELECT value FROM json_each(?1))'
    )
    .bind(JSON.stringify(seqs), at)
    .run()
}
