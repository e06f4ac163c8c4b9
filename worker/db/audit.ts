/**
 * The audit log (append-only, enforced by triggers): who did what, to what, when and why.
 * Moderation decisions write their row in the same `db.batch()` as the change, guarded
 * like the revision snapshot, so a change never lands without its audit row and a
 * refused change leaves none.
 */
import type { AuditAction } from '../domain/moderation'
import { RECORD_TABLES, type RecordKind } from './record-kinds'
import type { Db } from './session'

export interface AuditEntry {
  at: string
  actor: string
  action: AuditAction
  target: string | null
  reason?: string | null | undefined
  detail?: Record<string, unknown> | null | undefined
  ipHash?: string | null | undefined
}

export interface AuditRow {
  seq: number
  at: string
  actor: string
  action: string
  target: string | null
  reason: string | null
  detail: string | null
  ip_hash: string | null
}

function values(e: AuditEntry) {
  return [
    e.at,
    e.actor,
    e.action,
    e.target,
    e.reason ?? null,
    e.detail ? JSON.stringify(e.detail) : null,
    e.ipHash ?? null,
  ] as const
}

/** An audit row on its own (sign-in, sign-out, failed sign-in). */
export function appendAudit(db: Db, entry: AuditEntry): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, reason, detail, ip_hash)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`
    )
    .bind(...values(entry))
}

/**
 * An audit row that exists only if the record change it describes applied: it selects
 * from the row at the new revision written at `entry.at`, like the revision snapshot does.
 */
export function auditRecordChange(
  db: Db,
  id: string,
  revision: number,
  entry: AuditEntry,
  kind: RecordKind = 'experiment'
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, reason, detail, ip_hash)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7 FROM ${RECORD_TABLES[kind].table}
       WHERE id = ?8 AND revision = ?9 AND updated_at = ?1`
    )
    .bind(...values(entry), id, revision)
}

/** Newest first, `limit` rows before `beforeSeq` (keyset pagination); optionally one target. */
export async function listAudit(
  db: Db,
  opts: { beforeSeq?: number | null; target?: string | null; limit: number }
): Promise<AuditRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM audit_log
       WHERE (?1 IS NULL OR seq < ?1) AND (?2 IS NULL OR target = ?2)
       ORDER BY seq DESC LIMIT ?3`
    )
    .bind(opts.beforeSeq ?? null, opts.target ?? null, opts.limit)
    .all<AuditRow>()
  return results
}
