/**
 * `/moderation/experiences/{id}`: one record and its decision forms. Each decision is a
 * POST to `/moderation/experiences/{id}/{action}` that goes through the same use case as
 * the API (services/moderation/), then redirects back (POST/redirect/GET) with a
 * confirmation; a refused decision re-renders the page with the error next to its field.
 * Proposed edits and reports (part B's services) are decided from the same page.
 */
import { proposalOutcome } from '../../../domain/change-set'
import { Hono, type Context } from 'hono'
import { ExperimentId, type ExperimentContent } from '../../../domain/experiment'
import { listAudit } from '../../../db/audit'
import { getExperiment, toExperiment } from '../../../db/experiments'
import { lastPublishedRevision, listRevisions } from '../../../db/revisions'
import { latestOwnerReply } from '../../../db/owner-replies'
import { getPendingProposalFor } from '../../../db/proposals'
import { openReportsOn } from '../../../db/reports'
import { clientIpHash, requireDeskSession, type DeskEnv } from '../../../http/moderator-session'
import { MODERATION_ACTIONS, type ModerationAction } from '../../../domain/moderation'
import { diffContent } from '../../../domain/revision-diff'
import type { ModeratorActor } from '../../../services/moderation/actor'
import { allowedActions, moderate } from '../../../services/moderation/decisions'
import { approveProposal, rejectProposal } from '../../../services/moderation/proposals'
import { closeReportAs } from '../../../services/moderation/reports'
import { withRecordTitles } from '../../../services/history'
import { decisionEvent } from '../../../services/notifications'
import { notifierFor } from '../../notify'
import { DeskLayout } from '../../../../web/components/moderation/DeskLayout'
import { ACTION_SLUGS, DESK_NOTICES } from '../../../../web/components/moderation/labels'
import type { FormError } from '../../../../web/components/moderation/RecordForms'
import { RecordView, type RecordViewProps } from '../../../../web/components/moderation/RecordView'
import { NotFound } from '../../../../web/components/NotFound'
import { decisionFormError, deskForm, formField, renderDesk, requireDeskCsrf } from './render'

const ACTION_BY_SLUG = new Map(MODERATION_ACTIONS.map((a) => [ACTION_SLUGS[a], a] as const))

const NOTICES = DESK_NOTICES

const isExperimentId = (id: string | undefined): id is string =>
  id !== undefined && ExperimentId.safeParse(id).success

interface ShowOptions {
  notice?: string | undefined
  error?: FormError | undefined
  values?: { reason?: string; into?: string } | undefined
  status?: 200 | 400 | 404 | 409
}

function notFound(c: Context<DeskEnv>) {
  return renderDesk(
    c,
    <DeskLayout title="Fiche introuvable" path="/moderation" user={c.var.session}>
      <NotFound title="Fiche introuvable" text="Aucune expérience ne porte cet identifiant." />
    </DeskLayout>,
    404
  )
}

async function showRecord(c: Context<DeskEnv>, id: string, opts: ShowOptions = {}) {
  const db = c.var.db
  const row = await getExperiment(db, id)
  if (!row) return notFound(c)
  const [revisions, audit, published, proposal, reports, reply] = await Promise.all([
    listRevisions(db, id),
    listAudit(db, { target: `experiment:${id}`, limit: 100 }),
    lastPublishedRevision(db, id),
    getPendingProposalFor(db, id),
    openReportsOn(db, id),
    latestOwnerReply(db, id),
  ])
  const content = JSON.parse(row.data) as ExperimentContent
  const publishedData: unknown = published ? JSON.parse(published.data) : null
  const props: RecordViewProps = {
    record: {
      id: row.id,
      slug: row.slug,
      title: row.title,
      lead: content.lead.name,
      status: row.status,
      statusBeforeDelete: row.status_before_delete,
      deletedAt: row.deleted_at,
      deletedBy: row.deleted_by,
      mergedInto: row.merged_into,
      moderationNote: row.moderation_note,
      revision: row.revision,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      publishedAt: row.published_at,
      privateContact: JSON.parse(row.private_contact) as Record<string, unknown>,
    },
    experiment: toExperiment(row),
    csrfToken: c.var.session.csrfToken,
    actions: allowedActions(row),
    // Re-submissions: the current content against what readers last saw.
    diff: published
      ? {
          baseRevision: published.revision,
          changes: await withRecordTitles(db, diffContent(publishedData, content)),
        }
      : null,
    proposal: proposal
      ? {
          id: proposal.id,
          at: proposal.created_at,
          changes: await withRecordTitles(db, proposalOutcome(row.data, proposal).changes),
          message: proposal.message,
        }
      : null,
    ownerReply: reply ? { message: reply.message, at: reply.at } : null,
    reports: reports.map((r) => ({
      id: r.id,
      reason: r.reason,
      message: r.message,
      at: r.created_at,
    })),
    revisions: revisions.map((r) => ({
      revision: r.revision,
      action: r.action,
      status: r.status,
      actor: r.actor,
      reason: r.reason,
      at: r.created_at,
    })),
    audit: audit.map((a) => ({ at: a.at, actor: a.actor, action: a.action, reason: a.reason })),
    notice: opts.notice,
    error: opts.error,
    values: opts.values,
  }
  return renderDesk(
    c,
    <DeskLayout title={row.title} path="/moderation" user={c.var.session}>
      <RecordView {...props} />
    </DeskLayout>,
    opts.status ?? 200
  )
}

async function actorOf(c: Context<DeskEnv>): Promise<ModeratorActor> {
  return { name: c.var.session.moderator, via: 'desk', ipHash: await clientIpHash(c) }
}

/** A refused decision, back on the record page with the error where it belongs. */
function refused(
  c: Context<DeskEnv>,
  id: string,
  form: string,
  err: unknown,
  values: ShowOptions['values']
) {
  const { status, ...error } = decisionFormError(err, form)
  if (status === 404) return notFound(c)
  return showRecord(c, id, { error, values, status: status === 409 ? 409 : 400 })
}

const done = (c: Context<DeskEnv>, id: string | null, what: string) =>
  c.redirect(id ? `/moderation/experiences/${id}?fait=${what}` : '/moderation', 303)

export const recordPages = new Hono<DeskEnv>()
  .get('/moderation/experiences/:id', requireDeskSession, async (c) => {
    const id = c.req.param('id')
    if (!isExperimentId(id)) return notFound(c)
    const what = c.req.query('fait')
    return showRecord(c, id, { notice: what ? NOTICES[what] : undefined })
  })
  .post(
    '/moderation/experiences/:id/:action',
    deskForm,
    requireDeskSession,
    requireDeskCsrf,
    async (c) => {
      const id = c.req.param('id')
      const action: ModerationAction | undefined = ACTION_BY_SLUG.get(c.req.param('action'))
      if (!isExperimentId(id) || !action) return notFound(c)
      const reason = (await formField(c, 'raison')).slice(0, 4000)
      const into = (await formField(c, 'cible')).trim().slice(0, 100)
      const revision = Number(await formField(c, 'revision'))
      try {
        await moderate(
          c.var.db,
          id,
          {
            action,
            reason,
            into,
            // The page's revision: a decision on a record that moved since is refused.
            expectedRevision: Number.isSafeInteger(revision) ? revision : -1,
          },
          await actorOf(c)
        )
      } catch (err) {
        return refused(c, id, action, err, { reason, into })
      }
      const event = decisionEvent(action, reason)
      if (event) await notifierFor(c).notify(id, event)
      return done(c, id, ACTION_SLUGS[action])
    }
  )
  .post(
    '/moderation/propositions/:pid/:decision{approuver|refuser}',
    deskForm,
    requireDeskSession,
    requireDeskCsrf,
    async (c) => {
      const pid = c.req.param('pid').slice(0, 100)
      const fiche = await formField(c, 'fiche')
      const id = isExperimentId(fiche) ? fiche : null
      const reason = (await formField(c, 'raison')).slice(0, 4000)
      try {
        if (c.req.param('decision') === 'approuver') {
          const { recordId } = await approveProposal(c.var.db, pid, await actorOf(c))
          await notifierFor(c).notify(recordId, { kind: 'proposal-approved' })
        } else {
          const { recordId } = await rejectProposal(c.var.db, pid, await actorOf(c), reason)
          await notifierFor(c).notify(recordId, { kind: 'proposal-rejected', reason })
        }
      } catch (err) {
        if (!id) throw err
        return refused(c, id, 'proposal-reject', err, { reason })
      }
      return done(
        c,
        id,
        c.req.param('decision') === 'approuver' ? 'proposition-publiee' : 'proposition-refusee'
      )
    }
  )
  .post(
    '/moderation/signalements/:rid/clore',
    deskForm,
    requireDeskSession,
    requireDeskCsrf,
    async (c) => {
      const fiche = await formField(c, 'fiche')
      const id = isExperimentId(fiche) ? fiche : null
      const resolution = (await formField(c, 'raison')).trim().slice(0, 500)
      try {
        await closeReportAs(
          c.var.db,
          c.req.param('rid').slice(0, 100),
          await actorOf(c),
          resolution || null
        )
      } catch (err) {
        if (!id) throw err
        return refused(c, id, 'report', err, {})
      }
      return done(c, id, 'signalement-clos')
    }
  )
