/**
 * What every query helper receives: a D1 database or a session of it (opened per request
 * by worker/http/d1-session.ts), and the check of a guarded write.
 */

/** What query helpers need: a D1 database or session. */
export type Db = Pick<D1Database, 'prepare' | 'batch'>

/**
 * True when a guarded single-row write (`UPDATE … WHERE id = ?1 AND revision = ?2`) found
 * its row; false means someone changed the row first. D1's `meta.changes` also counts the
 * rows that triggers write (migration 0007 bumps `catalogue_version` whenever a published
 * experiment changes), so "exactly 1" would read a success as a conflict.
 */
export function wroteRow(result: D1Result | undefined): boolean {
  return (result?.meta.changes ?? 0) > 0
}
