/**
 * Revisions: every change to an experiment is a new revision (who, when, why, the content
 * as it then stood), and each one queues its search outbox rows. `revisionStatements` is
 * the only writer of both, used by every change in db/: submissions, edits, imports,
 * moderation decisions and "still accurate" confirmations.
 */
import type { Status } from '../domain/experiment'
import { SEARCH_TARGETS } from './outbox'
import type { Db } from './session'

/** What an actor did, recorded with each revision. */
export interface Change {
  action:
    | 'submit'
    | 'edit'
    | 'verify'
    | 'import'
    | 'import-update'
    | 'approve'
    | 'reject'
    | 'request-changes'
    | 'unpublish'
    | 'delete'
    | 'restore'
    | 'merge'
  actor: string
  reason?: string | undefined
  at: string
}

/**
 * The revision snapshot and the outbox rows of the change that brought `id` to
 * `revision` at `change.at`. Both select from the experiment row as that change left it
 * (same revision, `updated_at` = the change's time), so when the change did not apply
 * (someone else moved the record first) they insert nothing.
 */
export function revisionStatements(
  db: Db,
  id: string,
  revision: number,
  change: Change
): D1PreparedStatement[] {
  const applied = 'FROM experiments WHERE id = ?1 AND revision = ?2 AND updated_at = ?3'
  return [
    db
      .prepare(
        `INSERT INTO experiment_revisions (experiment_id, revision, action, status, actor, reason, data, created_at)
         SELECT id, revision, ?4, status, ?5, ?6, data, ?3 ${applied}`
      )
      .bind(id, revision, change.at, change.action, change.actor, change.reason ?? null),
    db
      .prepare(
        `INSERT INTO search_outbox (experiment_id, revision, target, enqueued_at, next_attempt_at)
         SELECT ?1, ?2, value, ?3, ?3 FROM json_each(?4)
         WHERE EXISTS (SELECT 1 ${applied})`
      )
      .bind(id, revision, change.at, JSON.stringify(SEARCH_TARGETS)),
  ]
}

interface RevisionRow {
  experiment_id: string
  revision: number
  action: string
  status: Status
  actor: string
  reason: string | null
  data: string
  created_at: string
}

export async function listRevisions(db: Db, experimentId: string): Promise<RevisionRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM experiment_revisions WHERE experiment_id = ?1 ORDER BY revision')
    .bind(experimentId)
    .all<RevisionRow>()
  return results
}

/** The latest revision of an experiment that was published, as stored (content JSON). */
export async function lastPublishedRevision(
  db: Db,
  experimentId: string
): Promise<{ revision: number; data: string } | null> {
  return db
    .prepare(
      `SELECT revision, data FROM experiment_revisions
       WHERE experiment_id = ?1 AND status = 'published' ORDER BY revision DESC LIMIT 1`
    )
    .bind(experimentId)
    .first<{ revision: number; data: string }>()
}

/** The latest moderation decision the owner should read (request, refusal, publication, withdrawal). */
export async function latestDecision(
  db: Db,
  experimentId: string
): Promise<{ action: string; reason: string | null; at: string } | null> {
  return db
    .prepare(
      `SELECT action, reason, created_at AS at FROM experiment_revisions
       WHERE experiment_id = ?1 AND action IN ('request-changes', 'reject', 'approve', 'unpublish')
       ORDER BY revision DESC LIMIT 1`
    )
    .bind(experimentId)
    .first()
}
