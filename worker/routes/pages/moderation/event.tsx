/**
 * `/moderation/evenements/{id}`: one event and its decisions, through the shared desk page,
 * with the organiser's change waiting on a published event (its announcement edited, or
 * what came out of it added) and readers' open reports: the shared sections and decisions
 * of owner-changes.tsx, e-mailed to the organiser.
 */
import type { Context } from 'hono'
import { EventId } from '../../../domain/event'
import { getEvent, toEvent, type EventRow } from '../../../db/events'
import type { DeskEnv } from '../../../http/moderator-session'
import { EVENT_EDITING } from '../../../services/events'
import { EventView } from '../../../../web/components/EventView'
import { eventLinks } from '../events'
import { ownerChangeRoutes, ownerChanges } from './owner-changes'
import { recordKindDeskPages, type DeskKind } from './record-kind'

async function preview(c: Context<DeskEnv>, row: EventRow) {
  const event = toEvent(row)
  return <EventView event={event} {...await eventLinks(c.var.db, event)} />
}

const eventDesk: DeskKind<EventRow> = {
  kind: 'event',
  segment: 'evenements',
  isId: (id) => EventId.safeParse(id).success,
  unknown: 'Aucun événement ne porte cet identifiant.',
  get: getEvent,
  title: (row) => row.title,
  preview,
  pending: (c, row, shown) => ownerChanges(c, eventDesk, EVENT_EDITING, row, shown),
  notifies: true,
}

export const eventDeskPages = recordKindDeskPages(eventDesk).route(
  '/',
  ownerChangeRoutes(eventDesk, EVENT_EDITING)
)
