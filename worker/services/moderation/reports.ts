/**
 * Reader reports: anyone may flag a published experiment or actor (outdated, wrong, duplicate,
 * inappropriate) with a short message; moderators read the open ones and close them.
 * Closing writes an audit row in the same batch, only if the closure applied.
 */
import {
  auditReportClosed,
  closeReport,
  getReport,
  insertReport,
  type ReportReason,
} from '../../db/reports'
import type { EditableKind } from '../../db/record-kinds'
import { wroteRow, type Db } from '../../db/session'
import { ProblemError } from '../../http/problem'
import { ulid } from '../../lib/crypto'
import { moderatorIp, moderatorName, type ModeratorRef } from './actor'

export const REPORT_MESSAGE_MAX = 1000

/** Stores a report on a published experiment; 404 if it is not (or no longer) published. */
export async function fileReport(
  db: Db,
  experimentId: string,
  reason: ReportReason,
  message: string,
  now = new Date(),
  kind: EditableKind = 'experiment'
): Promise<string> {
  const id = ulid(now.getTime())
  const [result] = await db.batch([
    insertReport(
      db,
      {
        id,
        experimentId,
        reason,
        message: message.trim().slice(0, REPORT_MESSAGE_MAX),
        at: now.toISOString(),
      },
      kind
    ),
  ])
  if (!wroteRow(result)) throw new ProblemError(404, 'Aucune fiche publiée ne correspond.')
  return id
}

export async function closeReportAs(
  db: Db,
  id: string,
  moderator: ModeratorRef,
  resolution: string | null,
  now = new Date(),
  kind: EditableKind = 'experiment'
): Promise<void> {
  const report = await getReport(db, id, kind)
  if (!report) throw new ProblemError(404, 'Aucun signalement ne porte cet identifiant.')
  if (report.status !== 'open') throw new ProblemError(409, 'Ce signalement est déjà clos.')
  const at = now.toISOString()
  const name = moderatorName(moderator)
  const [update] = await db.batch([
    closeReport(db, id, `moderator:${name}`, resolution, at, kind),
    auditReportClosed(
      db,
      id,
      { at, actor: `moderator:${name}`, resolution, ipHash: moderatorIp(moderator) },
      kind
    ),
  ])
  if (!wroteRow(update)) throw new ProblemError(409, 'Ce signalement est déjà clos.')
}
