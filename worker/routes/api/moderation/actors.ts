/**
 * Moderation of actors through the API: the queue, one full record, and every decision
 * through the lifecycle shared with experiments (`moderateRecord(…, 'actor', …)`), with
 * decision e-mails to the private contact; and the owner's proposed edits, approved or
 * refused as experiments' are.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ActorId, ModeratedActor } from '../../../domain/actor'
import { getActor, listActorsAwaitingModeration, toModeratedActor } from '../../../db/actors'
import { requireModerator } from '../../../http/moderator-auth'
import { jsonBody } from '../../../http/body'
import { approveProposal, rejectProposal } from '../../../services/moderation/proposals'
import { notifierFor } from '../../notify'
import { bearerAuth, decisionProblems, guarded, problems } from '../responses'
import { Rejection } from './actions'
import { recordKindModerationApi } from './record-kind-api'

const ActorProposalParam = z.object({
  id: z.string().max(100).openapi({ description: 'Identifiant de la proposition' }),
})

const approveProposalRoute = createRoute({
  method: 'post',
  path: '/moderation/actors/proposals/{id}/approve',
  tags: ['Modération'],
  summary: 'Accepter la modification proposée par le porteur d’un acteur publié',
  security: bearerAuth,
  middleware: [requireModerator],
  request: { params: ActorProposalParam },
  responses: {
    200: {
      description: 'Appliquée',
      content: {
        'application/json': {
          schema: z.object({ actorId: ActorId, revision: z.number().int() }),
        },
      },
    },
    400: problems[400],
    ...guarded,
    404: problems[404],
    409: problems[409],
  },
})

const rejectProposalRoute = createRoute({
  method: 'post',
  path: '/moderation/actors/proposals/{id}/reject',
  tags: ['Modération'],
  summary: 'Refuser la modification proposée par le porteur d’un acteur, avec une raison',
  security: bearerAuth,
  middleware: [requireModerator, ...jsonBody(8 * 1024)],
  request: {
    params: ActorProposalParam,
    body: { required: true, content: { 'application/json': { schema: Rejection } } },
  },
  responses: {
    204: { description: 'Refusée' },
    ...decisionProblems,
  },
})

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
  notifies: true,
})
  .openapi(approveProposalRoute, async (c) => {
    const id = c.req.valid('param').id
    const { recordId, revision } = await approveProposal(
      c.var.db,
      id,
      c.var.moderator,
      new Date(),
      'actor'
    )
    await notifierFor(c).notify(recordId, { kind: 'proposal-approved' }, 'actor')
    return c.json({ actorId: recordId, revision }, 200, { 'cache-control': 'no-store' })
  })
  .openapi(rejectProposalRoute, async (c) => {
    const { reason } = c.req.valid('json')
    const { recordId } = await rejectProposal(
      c.var.db,
      c.req.valid('param').id,
      c.var.moderator,
      reason,
      new Date(),
      'actor'
    )
    await notifierFor(c).notify(recordId, { kind: 'proposal-rejected', reason }, 'actor')
    return c.body(null, 204)
  })
