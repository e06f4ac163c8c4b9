/**
 * Moderation writes and reads on `experiments` (migration 0005) and, for the writes, on
 * every kind of record sharing the lifecycle (`actors`, migration 0013): status changes with
 * soft delete and merges, the desk's queue, and the redirect of merged duplicates.
 *
 * A decision is one `db.batch()`: the guarded update, the revision snapshot, the outbox
 * rows and the audit row. Everything after the update selects from the updated row, so
 * if the update matched nothing (someone else changed the record) nothing else lands.
 */
import type { Status } from '../domain/experiment'
import { auditRecordChange, type AuditEntry } from './audit'
import type { ExperimentRow } from './experiments'
import { RECORD_TABLES, type RecordKind, type RecordRow } from './record-kinds'
import { revisionStatements, type Change } from './revisions'
import type { Db } from './session'

/** The moderation columns of the row after the change. */
export interface ModerationState {
  status: Status
  note: string | null
  deletedAt: string | null
  deletedBy: string | null
  statusBeforeDelete: Status | null
  mergedInto: string | null
}

/** A live, published record (approval, publication by import). */
export const PUBLISHED: ModerationState = {
  status: 'published',
  note: null,
  deletedAt: null,
  deletedBy: null,
  statusBeforeDelete: null,
  mergedInto: null,
}

export function moderationStatements(
  db: Db,
  id: string,
  readRevision: number,
  next: ModerationState,
  change: Change,
  audit: AuditEntry,
  kind: RecordKind = 'experiment'
): D1PreparedStatement[] {
  const { table } = RECORD_TABLES[kind]
  return [
    db
      .prepare(
        `UPDATE ${table} SET status = ?3, revision = revision + 1, updated_at = ?4,
           published_at = CASE WHEN ?3 = 'published' THEN coalesce(published_at, ?4) ELSE published_at END,
           last_verified_at = CASE WHEN ?3 = 'published' THEN coalesce(last_verified_at, ?4) ELSE last_verified_at END,
           moderation_note = ?5, deleted_at = ?6, deleted_by = ?7, status_before_delete = ?8,
           merged_into = ?9
         WHERE id = ?1 AND revision = ?2
           -- A merge target must still be a live, unmerged record when this commits.
           AND (?9 IS NULL OR EXISTS (SELECT 1 FROM ${table} t WHERE t.id = ?9
                AND t.status <> 'merged' AND t.deleted_at IS NULL))`
      )
      .bind(
        id,
        readRevision,
        next.status,
        change.at,
        next.note,
        next.deletedAt,
        next.deletedBy,
        next.statusBeforeDelete,
        next.mergedInto
      ),
    ...revisionStatements(db, id, readRevision + 1, change, kind),
    auditRecordChange(db, id, readRevision + 1, audit, kind),
  ]
}

/** The lifecycle columns decisions read, on every kind of record. */
export type LifecycleRow = Pick<
  RecordRow,
  | 'id'
  | 'status'
  | 'revision'
  | 'moderation_note'
  | 'deleted_at'
  | 'status_before_delete'
  | 'merged_into'
>

/** The current row of a record of `kind`, any status; null when unknown. */
export async function getLifecycleRow<Row extends LifecycleRow = LifecycleRow>(
  db: Db,
  kind: RecordKind,
  id: string
): Promise<Row | null> {
  return db
    .prepare(`SELECT * FROM ${RECORD_TABLES[kind].table} WHERE id = ?1`)
    .bind(id)
    .first<Row>()
}

/** Records waiting for a moderator (not deleted), oldest first: first come, first reviewed. */
export async function listAwaitingModeration(db: Db, limit: number): Promise<ExperimentRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM experiments
       WHERE status IN ('pending', 'changes_requested') AND deleted_at IS NULL
       ORDER BY status = 'changes_requested', created_at, id LIMIT ?1`
    )
    .bind(limit)
    .all<ExperimentRow>()
  return results
}

/** Soft-deleted records, most recently deleted first (the desk's bin). */
export async function listDeleted(db: Db, limit: number): Promise<ExperimentRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM experiments WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id LIMIT ?1`
    )
    .bind(limit)
    .all<ExperimentRow>()
  return results
}

/**
 * Where a merged duplicate now lives: follows `merged_into` (merges may chain, never
 * loop: a merged record cannot be a merge target) to a published record. Null when the
 * id or slug is not a merged record, or its chain ends on something not public.
 */
export async function findMergeTarget(
  db: Db,
  idOrSlug: string
): Promise<{ id: string; slug: string } | null> {
  return db
    .prepare(
      `WITH RECURSIVE chain (id, slug, status, merged_into, depth) AS (
         SELECT id, slug, status, merged_into, 0 FROM experiments
         WHERE (id = ?1 OR slug = ?1) AND status = 'merged' AND deleted_at IS NULL
         UNION ALL
         SELECT e.id, e.slug, e.status, e.merged_into, c.depth + 1
         FROM experiments e JOIN chain c ON e.id = c.merged_into
         WHERE c.depth < 16
       )
       SELECT id, slug FROM chain WHERE status = 'published' LIMIT 1`
    )
    .bind(idOrSlug)
    .first<{ id: string; slug: string }>()
}
