/**
 * Moderation of events through the API: the queue (new submissions, then organisers'
 * pending changes), one full record, and every decision through the shared lifecycle
 * (`moderateRecord(…, 'event', …)`); a decision e-mails the organiser's private contact.
 */
import { EventId, ModeratedEvent } from '../../../domain/event'
import { getEvent, listEventsAwaitingModeration, toModeratedEvent } from '../../../db/events'
import { recordKindModerationApi } from './record-kind-api'

export const moderationEventsApi = recordKindModerationApi({
  kind: 'event',
  segment: 'events',
  component: 'Event',
  Id: EventId,
  Moderated: ModeratedEvent,
  words: {
    plural: 'Événements',
    one: 'd’un événement',
    unknown: 'Aucun événement ne porte cet identifiant.',
    into: 'L’événement qui absorbe ce doublon',
  },
  listAwaiting: listEventsAwaitingModeration,
  get: getEvent,
  toModerated: toModeratedEvent,
  notifies: true,
})
