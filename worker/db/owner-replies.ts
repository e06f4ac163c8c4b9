/**
 * The owner's answers to a moderator's request for changes (migration 0009): private,
 * read by moderators on the desk and by the owner on their private page.
 */
import type { Db } from './session'

export interface OwnerReply {
  message: string
  at: string
  revision: number
}

/**
 * The reply of the edit that brings `experimentId` to `revision` at `at`; inserted only if
 * that edit applied (same guard as the revision rows).
 */
export function insertOwnerReply(
  db: Db,
  experimentId: string,
  revision: number,
  message: string,
  at: string
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO owner_replies (experiment_id, revision, message, created_at)
       SELECT ?1, ?2, ?3, ?4
       WHERE EXISTS (SELECT 1 FROM experiments WHERE id = ?1 AND revision = ?2 AND updated_at = ?4)`
    )
    .bind(experimentId, revision, message, at)
}

/** The latest reply to this record, if any. */
export async function latestOwnerReply(db: Db, experimentId: string): Promise<OwnerReply | null> {
  return db
    .prepare(
      `SELECT message, created_at AS at, revision FROM owner_replies
       WHERE experiment_id = ?1 ORDER BY id DESC LIMIT 1`
    )
    .bind(experimentId)
    .first<OwnerReply>()
}
