/**
 * `/moderation/acteurs/{id}`: one actor and its decision forms. Each decision posts to
 * `/moderation/acteurs/{id}/{action}`, goes through the lifecycle shared with experiments
 * (`moderateRecord(…, 'actor', …)`), then redirects back with a confirmation; a refused
 * decision re-renders the page with the error next to its field.
 */
import { Hono, type Context } from 'hono'
import { ActorId } from '../../../domain/actor'
import { MODERATION_ACTIONS, type ModerationAction } from '../../../domain/moderation'
import { getActor, toActor, type ActorRow } from '../../../db/actors'
import { getPendingProposalFor } from '../../../db/proposals'
import { listRevisions } from '../../../db/revisions'
import { ACTOR_DIFF } from '../../../domain/revision-diff'
import { clientIpHash, requireDeskSession, type DeskEnv } from '../../../http/moderator-session'
import { allowedActions, moderateRecord } from '../../../services/moderation/decisions'
import { decisionEvent } from '../../../services/notifications'
import { notifierFor } from '../../notify'
import {
  approveProposal,
  proposalOutcome,
  rejectProposal,
} from '../../../services/moderation/proposals'
import {
  ActorRecord,
  type ActorRecordProps,
} from '../../../../web/components/moderation/ActorRecord'
import { DeskLayout } from '../../../../web/components/moderation/DeskLayout'
import { ACTION_SLUGS, DESK_NOTICES } from '../../../../web/components/moderation/labels'
import { NotFound } from '../../../../web/components/NotFound'
import { decisionFormError, deskForm, formField, renderDesk, requireDeskCsrf } from './render'

const ACTION_BY_SLUG = new Map(MODERATION_ACTIONS.map((a) => [ACTION_SLUGS[a], a] as const))

const isActorId = (id: string): boolean => ActorId.safeParse(id).success

function notFound(c: Context<DeskEnv>) {
  return renderDesk(
    c,
    <DeskLayout title="Fiche introuvable" path="/moderation" user={c.var.session}>
      <NotFound title="Fiche introuvable" text="Aucun acteur ne porte cet identifiant." />
    </DeskLayout>,
    404
  )
}

type Shown = Pick<ActorRecordProps, 'notice' | 'error' | 'values'>

async function showActor(
  c: Context<DeskEnv>,
  id: string,
  shown: Shown = {},
  status: 200 | 400 | 409 = 200
) {
  const row = await getActor(c.var.db, id)
  if (!row) return notFound(c)
  const [revisions, proposal] = await Promise.all([
    listRevisions(c.var.db, id, 'actor'),
    getPendingProposalFor(c.var.db, id, 'actor'),
  ])
  return renderDesk(
    c,
    <DeskLayout title={row.name} path="/moderation" user={c.var.session}>
      <h1>{row.name}</h1>
      <ActorRecord
        actor={toActor(row)}
        status={row.status}
        moderationNote={row.moderation_note}
        privateContact={JSON.parse(row.private_contact) as ActorRecordProps['privateContact']}
        revisions={revisions.map((r) => ({
          revision: r.revision,
          action: r.action,
          status: r.status,
          actor: r.actor,
          at: r.created_at,
        }))}
        actions={allowedActions(row)}
        proposal={
          proposal && {
            id: proposal.id,
            at: proposal.created_at,
            changes: proposalOutcome(row.data, proposal, ACTOR_DIFF).changes,
            message: proposal.message,
          }
        }
        csrfToken={c.var.session.csrfToken}
        {...shown}
      />
    </DeskLayout>,
    status
  )
}

export const actorDeskPages = new Hono<DeskEnv>()
  .post(
    '/moderation/acteurs/propositions/:pid/:decision{approuver|refuser}',
    deskForm,
    requireDeskSession,
    requireDeskCsrf,
    async (c) => {
      const pid = c.req.param('pid').slice(0, 100)
      const fiche = await formField(c, 'fiche')
      const id = isActorId(fiche) ? fiche : null
      const reason = (await formField(c, 'raison')).slice(0, 4000)
      const moderator = {
        name: c.var.session.moderator,
        via: 'desk' as const,
        ipHash: await clientIpHash(c),
      }
      const approve = c.req.param('decision') === 'approuver'
      try {
        if (approve) {
          const { recordId } = await approveProposal(c.var.db, pid, moderator, new Date(), 'actor')
          await notifierFor(c).notify(recordId, { kind: 'proposal-approved' }, 'actor')
        } else {
          const trimmed = reason.trim()
          const { recordId } = await rejectProposal(
            c.var.db,
            pid,
            moderator,
            trimmed,
            new Date(),
            'actor'
          )
          await notifierFor(c).notify(
            recordId,
            { kind: 'proposal-rejected', reason: trimmed },
            'actor'
          )
        }
      } catch (err) {
        if (!id) throw err
        const { status, ...error } = decisionFormError(err, 'proposal-reject')
        return showActor(c, id, { error, values: { reason } }, status === 409 ? 409 : 400)
      }
      if (!id) return c.redirect('/moderation', 303)
      const done = approve ? 'proposition-publiee' : 'proposition-refusee'
      return c.redirect(`/moderation/acteurs/${id}?fait=${done}`, 303)
    }
  )
  .get('/moderation/acteurs/:id', requireDeskSession, async (c) => {
    const id = c.req.param('id')
    if (!isActorId(id)) return notFound(c)
    const done = c.req.query('fait') ?? ''
    return showActor(c, id, { notice: DESK_NOTICES[done] })
  })
  .post(
    '/moderation/acteurs/:id/:action',
    deskForm,
    requireDeskSession,
    requireDeskCsrf,
    async (c) => {
      const id = c.req.param('id')
      const action: ModerationAction | undefined = ACTION_BY_SLUG.get(c.req.param('action'))
      if (!isActorId(id) || !action) return notFound(c)
      const reason = (await formField(c, 'raison')).slice(0, 4000)
      const into = (await formField(c, 'cible')).trim().slice(0, 100)
      const revision = Number(await formField(c, 'revision'))
      try {
        await moderateRecord<ActorRow>(
          c.var.db,
          'actor',
          id,
          {
            action,
            reason,
            into,
            expectedRevision: Number.isSafeInteger(revision) ? revision : -1,
          },
          { name: c.var.session.moderator, via: 'desk', ipHash: await clientIpHash(c) }
        )
      } catch (err) {
        const { status, ...error } = decisionFormError(err, action)
        if (status === 404) return notFound(c)
        return showActor(c, id, { error, values: { reason, into } }, status === 409 ? 409 : 400)
      }
      const event = decisionEvent(action, reason)
      if (event) await notifierFor(c).notify(id, event, 'actor')
      return c.redirect(`/moderation/acteurs/${id}?fait=${ACTION_SLUGS[action]}`, 303)
    }
  )
