/**
 * Moderation of actors through the API: the queue, one full record, and every decision
 * through the lifecycle shared with experiments (`moderateRecord(…, 'actor', …)`).
 */
import { ActorId, ModeratedActor } from '../../../domain/actor'
import { getActor, listActorsAwaitingModeration, toModeratedActor } from '../../../db/actors'
import { recordKindModerationApi } from './record-kind-api'

export const moderationActorsApi = recordKindModerationApi({
  kind: 'actor',
  segment: 'actors',
  component: 'Actor',
  Id: ActorId,
  Moderated: ModeratedActor,
  words: {
    plural: 'Acteurs',
    one: 'd’un acteur',
    unknown: 'Aucun acteur ne porte cet identifiant.',
    into: 'L’acteur qui absorbe ce doublon',
  },
  listAwaiting: listActorsAwaitingModeration,
  get: getActor,
  toModerated: toModeratedActor,
  notifies: false,
})
