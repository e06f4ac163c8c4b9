/**
 * What owners and readers send about a record of a kind an owner edits (actors, events):
 * the owner's last answer to a request for changes, the owner's proposed edit waiting on
 * the published record, with its field-level diff, and readers' open reports, each with its decision forms on the record's desk page.
 * Decisions post to `/moderation/{segment}/propositions/{pid}/approuver|refuser` and
 * `/moderation/{segment}/signalements/{rid}/clore`; a proposal's decision is e-mailed to
 * the owner.
 */
import { Hono, type Context } from 'hono'
import { proposalOutcome } from '../../../domain/change-set'
import { latestOwnerReply } from '../../../db/owner-replies'
import { getPendingProposalFor } from '../../../db/proposals'
import type { RecordRow } from '../../../db/record-kinds'
import { openReportsOn } from '../../../db/reports'
import { clientIpHash, requireDeskSession, type DeskEnv } from '../../../http/moderator-session'
import { approveProposal, rejectProposal } from '../../../services/moderation/proposals'
import { closeReportAs } from '../../../services/moderation/reports'
import type { OwnerKind } from '../../../services/owner-kind'
import {
  OwnerReplySection,
  ProposalSection,
  ReportsSection,
} from '../../../../web/components/moderation/RecordForms'
import { notifierFor } from '../../notify'
import { showRecordKind, type DeskKind, type Shown } from './record-kind'
import { decisionFormError, deskForm, formField, requireDeskCsrf } from './render'

/** The owner's waiting proposal (if any) and the open reports of `row`, with their forms. */
export async function ownerChanges<Row extends RecordRow>(
  c: Context<DeskEnv>,
  spec: DeskKind<Row>,
  editing: OwnerKind<unknown, Row>,
  row: Row,
  shown: Shown
) {
  const [proposal, reports, reply] = await Promise.all([
    getPendingProposalFor(c.var.db, row.id, editing.kind),
    openReportsOn(c.var.db, row.id, editing.kind),
    latestOwnerReply(c.var.db, row.id, editing.kind),
  ])
  return (
    <>
      {reply && <OwnerReplySection reply={reply} />}
      {proposal && (
        <ProposalSection
          proposal={{
            id: proposal.id,
            at: proposal.created_at,
            changes: proposalOutcome(editing.current(row), proposal, editing.diff).changes,
            message: proposal.message,
          }}
          recordId={row.id}
          basePath={`/moderation/${spec.segment}/propositions`}
          csrfToken={c.var.session.csrfToken}
          error={shown.error}
        />
      )}
      <ReportsSection
        reports={reports.map((r) => ({
          id: r.id,
          reason: r.reason,
          message: r.message,
          at: r.created_at,
        }))}
        recordId={row.id}
        basePath={`/moderation/${spec.segment}/signalements`}
        csrfToken={c.var.session.csrfToken}
      />
    </>
  )
}

/** The desk's decisions on a kind's proposals and reports, back on the record's page. */
export function ownerChangeRoutes<Row extends RecordRow>(
  spec: DeskKind<Row>,
  editing: OwnerKind<unknown, Row>
) {
  const base = `/moderation/${spec.segment}`
  const moderatorOf = async (c: Context<DeskEnv>) => ({
    name: c.var.session.moderator,
    via: 'desk' as const,
    ipHash: await clientIpHash(c),
  })
  const recordOf = async (c: Context<DeskEnv>) => {
    const fiche = await formField(c, 'fiche')
    return spec.isId(fiche) ? fiche : null
  }
  return new Hono<DeskEnv>()
    .post(
      `${base}/signalements/:rid/clore`,
      deskForm,
      requireDeskSession,
      requireDeskCsrf,
      async (c) => {
        const id = await recordOf(c)
        const resolution = (await formField(c, 'raison')).trim().slice(0, 500)
        try {
          await closeReportAs(
            c.var.db,
            c.req.param('rid').slice(0, 100),
            await moderatorOf(c),
            resolution || null,
            new Date(),
            editing.kind
          )
        } catch (err) {
          if (!id) throw err
          const { status, ...error } = decisionFormError(err, 'report')
          return showRecordKind(c, spec, id, { error }, status === 409 ? 409 : 400)
        }
        if (!id) return c.redirect('/moderation', 303)
        return c.redirect(`${base}/${id}?fait=signalement-clos`, 303)
      }
    )
    .post(
      `${base}/propositions/:pid/:decision{approuver|refuser}`,
      deskForm,
      requireDeskSession,
      requireDeskCsrf,
      async (c) => {
        const pid = c.req.param('pid').slice(0, 100)
        const id = await recordOf(c)
        const reason = (await formField(c, 'raison')).slice(0, 4000)
        const moderator = await moderatorOf(c)
        const approve = c.req.param('decision') === 'approuver'
        try {
          if (approve) {
            const { recordId } = await approveProposal(
              c.var.db,
              pid,
              moderator,
              new Date(),
              editing.kind
            )
            await notifierFor(c).notify(recordId, { kind: 'proposal-approved' }, editing.kind)
          } else {
            const trimmed = reason.trim()
            const { recordId } = await rejectProposal(
              c.var.db,
              pid,
              moderator,
              trimmed,
              new Date(),
              editing.kind
            )
            await notifierFor(c).notify(
              recordId,
              { kind: 'proposal-rejected', reason: trimmed },
              editing.kind
            )
          }
        } catch (err) {
          if (!id) throw err
          const { status, ...error } = decisionFormError(err, 'proposal-reject')
          return showRecordKind(
            c,
            spec,
            id,
            { error, values: { reason } },
            status === 409 ? 409 : 400
          )
        }
        if (!id) return c.redirect('/moderation', 303)
        const done = approve ? 'proposition-publiee' : 'proposition-refusee'
        return c.redirect(`${base}/${id}?fait=${done}`, 303)
      }
    )
}
