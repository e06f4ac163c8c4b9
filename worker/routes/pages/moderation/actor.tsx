/**
 * `/moderation/acteurs/{id}`: one actor and its decisions, through the shared desk page,
 * with the owner's proposed edit when one waits; its decisions post to
 * `/moderation/acteurs/propositions/{pid}/approuver|refuser` and are e-mailed to the owner.
 */
import { ActorId } from '../../../domain/actor'
import { ACTOR_DIFF } from '../../../domain/revision-diff'
import { getActor, toActor } from '../../../db/actors'
import { getPendingProposalFor } from '../../../db/proposals'
import { clientIpHash, requireDeskSession } from '../../../http/moderator-session'
import {
  approveProposal,
  proposalOutcome,
  rejectProposal,
} from '../../../services/moderation/proposals'
import { ActorView } from '../../../../web/components/ActorView'
import { ProposalSection } from '../../../../web/components/moderation/RecordForms'
import { notifierFor } from '../../notify'
import { recordKindDeskPages, showRecordKind, type DeskKind } from './record-kind'
import { decisionFormError, deskForm, formField, requireDeskCsrf } from './render'

const isActorId = (id: string): boolean => ActorId.safeParse(id).success

const actorDesk: DeskKind<Awaited<ReturnType<typeof getActor>> & object> = {
  kind: 'actor',
  segment: 'acteurs',
  isId: isActorId,
  unknown: 'Aucun acteur ne porte cet identifiant.',
  get: getActor,
  title: (row) => row.name,
  preview: async (_c, row) => <ActorView actor={toActor(row)} />,
  pending: async (c, row, shown) => {
    const proposal = await getPendingProposalFor(c.var.db, row.id, 'actor')
    if (!proposal) return null
    return (
      <ProposalSection
        proposal={{
          id: proposal.id,
          at: proposal.created_at,
          changes: proposalOutcome(row.data, proposal, ACTOR_DIFF).changes,
          message: proposal.message,
        }}
        recordId={row.id}
        basePath="/moderation/acteurs/propositions"
        csrfToken={c.var.session.csrfToken}
        error={shown.error}
      />
    )
  },
  notifies: true,
}

export const actorDeskPages = recordKindDeskPages(actorDesk).post(
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
      return showRecordKind(
        c,
        actorDesk,
        id,
        { error, values: { reason } },
        status === 409 ? 409 : 400
      )
    }
    if (!id) return c.redirect('/moderation', 303)
    const done = approve ? 'proposition-publiee' : 'proposition-refusee'
    return c.redirect(`/moderation/acteurs/${id}?fait=${done}`, 303)
  }
)
