/**
 * Reader reports about published experiments, actors and events (migrations 0006, 0017,
 * 0021): written by anyone, read and closed by moderators. A report is only stored against
 * a published record, which the insert itself checks, so a race with an unpublish cannot
 * attach one to a hidden row.
 */
import { REPORT_REASONS, type ReportReason } from '../domain/report'
import { EDITABLE_KINDS, EDITABLE_TABLES, type EditableKind } from './record-kinds'
import type { Db } from './session'

export { REPORT_REASONS, type ReportReason }

interface ReportRow {
  id: string
  reason: ReportReason
  message: string
  status: 'open' | 'closed'
  created_at: string
  closed_at: string | null
  closed_by: string | null
  resolution: string | null
}

/** An open report with what the queue needs to show its record, whatever its kind. */
interface OpenReport extends ReportRow {
  record_kind: EditableKind
  record_id: string
  record_slug: string
  record_title: string
}

interface NewReport {
  id: string
  /** The reported record, of the kind the statement is built for. */
  experimentId: string
  reason: ReportReason
  message: string
  at: string
}

/** Stores a report if the record is published right now; `changes` says whether it did. */
export function insertReport(
  db: Db,
  r: NewReport,
  kind: EditableKind = 'experiment'
): D1PreparedStatement {
  const { table, reports, key } = EDITABLE_TABLES[kind]
  return db
    .prepare(
      `INSERT INTO ${reports} (id, ${key}, reason, message, status, created_at)
       SELECT ?1, id, ?3, ?4, 'open', ?5 FROM ${table} WHERE id = ?2 AND status = 'published'`
    )
    .bind(r.id, r.experimentId, r.reason, r.message, r.at)
}

/** The open reports on one record, oldest first (its desk page). */
export async function openReportsOn(
  db: Db,
  id: string,
  kind: EditableKind = 'experiment'
): Promise<Pick<ReportRow, 'id' | 'reason' | 'message' | 'created_at'>[]> {
  const { reports, key } = EDITABLE_TABLES[kind]
  const { results } = await db
    .prepare(
      `SELECT id, reason, message, created_at FROM ${reports}
       WHERE ${key} = ?1 AND status = 'open' ORDER BY created_at, id`
    )
    .bind(id)
    .all<Pick<ReportRow, 'id' | 'reason' | 'message' | 'created_at'>>()
  return results
}

/**
 * Open reports on records of `kinds`, oldest first (the moderation queue), each with its
 * record's kind, id, slug and name.
 */
export async function listOpenReports(
  db: Db,
  limit = 200,
  kinds: readonly EditableKind[] = EDITABLE_KINDS
): Promise<OpenReport[]> {
  const selects = kinds.map((kind) => {
    const { table, reports, key, name } = EDITABLE_TABLES[kind]
    return `SELECT r.id AS id, r.reason, r.message, r.status, r.created_at AS created_at,
              r.closed_at, r.closed_by, r.resolution, '${kind}' AS record_kind, r.${key} AS record_id,
              e.slug AS record_slug, e.${name} AS record_title
            FROM ${reports} r JOIN ${table} e ON e.id = r.${key} WHERE r.status = 'open'`
  })
  const { results } = await db
    .prepare(`${selects.join(' UNION ALL ')} ORDER BY created_at, id LIMIT ?1`)
    .bind(limit)
    .all<OpenReport>()
  return results
}

export async function getReport(
  db: Db,
  id: string,
  kind: EditableKind = 'experiment'
): Promise<Pick<ReportRow, 'id' | 'status'> | null> {
  return db
    .prepare(`SELECT id, status FROM ${EDITABLE_TABLES[kind].reports} WHERE id = ?1`)
    .bind(id)
    .first<Pick<ReportRow, 'id' | 'status'>>()
}

/** Closes an open report; matches nothing (changes = 0) when it was already closed. */
export function closeReport(
  db: Db,
  id: string,
  moderator: string,
  resolution: string | null,
  at: string,
  kind: EditableKind = 'experiment'
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ${EDITABLE_TABLES[kind].reports} SET status = 'closed', closed_at = ?2, closed_by = ?3, resolution = ?4
       WHERE id = ?1 AND status = 'open'`
    )
    .bind(id, at, moderator, resolution)
}

/** The audit row of a closure, inserted only if that closure just landed (guarded like the desk's). */
export function auditReportClosed(
  db: Db,
  id: string,
  entry: { at: string; actor: string; resolution: string | null; ipHash: string | null },
  kind: EditableKind = 'experiment'
): D1PreparedStatement {
  const { reports, key } = EDITABLE_TABLES[kind]
  return db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, reason, detail, ip_hash)
       SELECT ?2, ?3, 'close-report', ?6 || ':' || ${key}, ?4,
              json_object('report', id, 'reason', reason), ?5
       FROM ${reports} WHERE id = ?1 AND status = 'closed' AND closed_at = ?2 AND closed_by = ?3`
    )
    .bind(id, entry.at, entry.actor, entry.resolution, entry.ipHash, kind)
}
