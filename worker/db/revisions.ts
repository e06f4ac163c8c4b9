/**
 * Revisions: every change to a record (an experiment, an actor, an event) is a new revision (who,
 * when, why, the content as it then stood), and each one queues its search outbox rows.
 * `revisionStatements` is the only writer of both, used by every change in db/:
 * submissions, edits, imports, moderation decisions and "still accurate" confirmations.
 */
import type { Status } from '../domain/experiment'
import type { ChangeAction } from '../domain/moderation'
import { linkedActorsOutboxStatement } from './experiment-actors'
import { SEARCH_TARGETS } from './outbox'
import { RECORD_TABLES, type RecordKind } from './record-kinds'
import type { Db } from './session'

/** What an actor did, recorded with each revision. */
export interface Change {
  action: ChangeAction
  actor: string
  reason?: string | undefined
  at: string
}

/**
 * The revision snapshot and the outbox rows of the change that brought record `id` of
 * `kind` to `revision` at `change.at`. Both select from the record's row as that change
 * left it (same revision, `updated_at` = the change's time), so when the change did not
 * apply (someone else moved the record first) they insert nothing.
 */
export function revisionStatements(
  db: Db,
  id: string,
  revision: number,
  change: Change,
  kind: RecordKind = 'experiment'
): D1PreparedStatement[] {
  const { table, revisions, key, snapshot } = RECORD_TABLES[kind]
  const applied = `FROM ${table} WHERE id = ?1 AND revision = ?2 AND updated_at = ?3`
  return [
    db
      .prepare(
        `INSERT INTO ${revisions} (${key}, revision, action, status, actor, reason, data, created_at)
         SELECT id, revision, ?4, status, ?5, ?6, ${snapshot}, ?3 ${applied}`
      )
      .bind(id, revision, change.at, change.action, change.actor, change.reason ?? null),
    db
      .prepare(
        `INSERT INTO search_outbox (experiment_id, record_kind, revision, target, enqueued_at, next_attempt_at)
         SELECT ?1, ?5, ?2, value, ?3, ?3 FROM json_each(?4)
         WHERE EXISTS (SELECT 1 ${applied})`
      )
      .bind(id, revision, change.at, JSON.stringify(SEARCH_TARGETS), kind),
    // An experiment published, withdrawn or merged changes what its actors' documents count.
    ...(kind === 'experiment' ? [linkedActorsOutboxStatement(db, id, change.at)] : []),
  ]
}

interface RevisionRow {
  revision: number
  action: ChangeAction
  status: Status
  actor: string
  reason: string | null
  data: string
  created_at: string
}

export async function listRevisions(
  db: Db,
  id: string,
  kind: RecordKind = 'experiment'
): Promise<RevisionRow[]> {
  const { revisions, key } = RECORD_TABLES[kind]
  const { results } = await db
    .prepare(`SELECT * FROM ${revisions} WHERE ${key} = ?1 ORDER BY revision`)
    .bind(id)
    .all<RevisionRow>()
  return results
}

/** The latest revision of a record that was published, as stored (content JSON). */
export async function lastPublishedRevision(
  db: Db,
  id: string,
  kind: RecordKind = 'experiment'
): Promise<{ revision: number; data: string } | null> {
  const { revisions, key } = RECORD_TABLES[kind]
  return db
    .prepare(
      `SELECT revision, data FROM ${revisions}
       WHERE ${key} = ?1 AND status = 'published' ORDER BY revision DESC LIMIT 1`
    )
    .bind(id)
    .first<{ revision: number; data: string }>()
}

/** The latest moderation decision the owner should read (request, refusal, publication, withdrawal). */
export async function latestDecision(
  db: Db,
  id: string,
  kind: RecordKind = 'experiment'
): Promise<{ action: string; reason: string | null; at: string } | null> {
  const { revisions, key } = RECORD_TABLES[kind]
  return db
    .prepare(
      `SELECT action, reason, created_at AS at FROM ${revisions}
       WHERE ${key} = ?1 AND action IN ('request-changes', 'reject', 'approve', 'unpublish')
       ORDER BY revision DESC LIMIT 1`
    )
    .bind(id)
    .first()
}
