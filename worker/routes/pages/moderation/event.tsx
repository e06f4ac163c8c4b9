/**
 * `/moderation/evenements/{id}`: one event and its decisions, through the shared desk page,
 * plus the organiser's change waiting on a published event (`…/modification/publier` or
 * `…/refuser`), e-mailed to the organiser either way.
 */
import type { Context } from 'hono'
import { EventId } from '../../../domain/event'
import { getEvent, proposalOf, toEvent, type EventRow } from '../../../db/events'
import { clientIpHash, requireDeskSession, type DeskEnv } from '../../../http/moderator-session'
import { ProblemError } from '../../../http/problem'
import { decideEventProposal } from '../../../services/events'
import { EventView } from '../../../../web/components/EventView'
import { EventProposal } from '../../../../web/components/moderation/EventProposal'
import { notifierFor } from '../../notify'
import { eventLinks } from '../events'
import { recordKindDeskPages, showRecordKind, type DeskKind } from './record-kind'
import { deskForm, formField, requireDeskCsrf } from './render'

async function preview(c: Context<DeskEnv>, row: EventRow) {
  const event = toEvent(row)
  return <EventView event={event} {...await eventLinks(c.var.db, event)} />
}

function eventDesk(proposalError?: string): DeskKind<EventRow> {
  return {
    kind: 'event',
    segment: 'evenements',
    isId: (id) => EventId.safeParse(id).success,
    unknown: 'Aucun événement ne porte cet identifiant.',
    get: getEvent,
    title: (row) => row.title,
    preview,
    pending: async (c, row) => {
      const proposal = proposalOf(row)
      if (!proposal || !row.proposed_at) return null
      const current = toEvent(row)
      const proposed = {
        ...current,
        ...(proposal.content ?? {}),
        restitution: proposal.restitution ?? current.restitution,
        restitutedAt: current.restitutedAt ?? row.proposed_at,
      }
      return (
        <EventProposal
          id={row.id}
          proposedAt={row.proposed_at}
          message={proposal.message}
          preview={<EventView event={proposed} {...await eventLinks(c.var.db, proposed)} />}
          csrfToken={c.var.session.csrfToken}
          error={proposalError}
        />
      )
    },
    notifies: true,
  }
}

export const eventDeskPages = recordKindDeskPages(eventDesk()).post(
  '/moderation/evenements/:id/modification/:decision{publier|refuser}',
  deskForm,
  requireDeskSession,
  requireDeskCsrf,
  async (c) => {
    const id = c.req.param('id')
    const approve = c.req.param('decision') === 'publier'
    const reason = (await formField(c, 'raison')).trim().slice(0, 2000) || undefined
    try {
      await decideEventProposal(
        c.var.db,
        id,
        approve ? 'approve' : 'reject',
        { name: c.var.session.moderator, via: 'desk', ipHash: await clientIpHash(c) },
        reason
      )
    } catch (err) {
      if (!(err instanceof ProblemError) || err.status >= 500) throw err
      const message = err.errors?.[0]?.message ?? err.message
      return showRecordKind(c, eventDesk(message), id, {}, err.status === 404 ? 404 : 400)
    }
    await notifierFor(c).notify(
      id,
      approve ? { kind: 'proposal-approved' } : { kind: 'proposal-rejected', reason: reason! },
      'event'
    )
    return c.redirect(
      `/moderation/evenements/${id}?fait=${approve ? 'proposition-publiee' : 'proposition-refusee'}`,
      303
    )
  }
)
