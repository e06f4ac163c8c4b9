/**
 * Moderation of actors through the API: the queue, one full record, and every decision
 * (approve, reject, request changes, unpublish, delete, restore, merge) through the
 * lifecycle shared with experiments (`moderateRecord(…, 'actor', …)`).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ActorId, ModeratedActor } from '../../../domain/actor'
import { MODERATION_ACTIONS, REASON_MAX } from '../../../domain/moderation'
import { cleanText } from '../../../domain/text'
import {
  getActor,
  listActorsAwaitingModeration,
  toModeratedActor,
  type ActorRow,
} from '../../../db/actors'
import { jsonBody } from '../../../http/body'
import { requireModerator } from '../../../http/moderator-auth'
import { clientIpHash } from '../../../http/moderator-session'
import { ProblemError } from '../../../http/problem'
import { createRouter } from '../../../http/router'
import { moderateRecord } from '../../../services/moderation/decisions'
import { bearerAuth, decisionProblems, guarded, problems } from '../responses'

const NO_STORE = { 'cache-control': 'no-store' }

const queue = createRoute({
  method: 'get',
  path: '/moderation/actors',
  tags: ['Modération'],
  summary: 'Acteurs en attente de modération',
  description: 'Les plus anciens d’abord (100 au plus). Contient les coordonnées privées.',
  security: bearerAuth,
  middleware: [requireModerator],
  responses: {
    200: {
      description: 'La file',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(ModeratedActor) }).openapi('ActorModerationQueue'),
        },
      },
    },
    ...guarded,
  },
})

const read = createRoute({
  method: 'get',
  path: '/moderation/actors/{id}',
  tags: ['Modération'],
  summary: 'Lire la fiche complète d’un acteur (tout statut)',
  security: bearerAuth,
  middleware: [requireModerator],
  request: { params: z.object({ id: ActorId }) },
  responses: {
    200: { description: 'La fiche', content: { 'application/json': { schema: ModeratedActor } } },
    400: problems[400],
    ...guarded,
    404: problems[404],
  },
})

const decide = createRoute({
  method: 'post',
  path: '/moderation/actors/{id}/{action}',
  tags: ['Modération'],
  summary: 'Décider d’un acteur : publier, refuser, demander des modifications…',
  description:
    'Mêmes règles que pour les expériences : refuser, demander des modifications, dépublier et supprimer demandent une raison ; fusionner demande `into`.',
  security: bearerAuth,
  middleware: [requireModerator, ...jsonBody(8 * 1024)],
  request: {
    params: z.object({ id: ActorId, action: z.enum(MODERATION_ACTIONS) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              reason: cleanText(REASON_MAX).optional(),
              into: ActorId.optional().openapi({ description: 'L’acteur qui absorbe ce doublon' }),
            })
            .strict()
            .openapi('ActorDecision'),
        },
      },
    },
  },
  responses: {
    200: { description: 'Fait', content: { 'application/json': { schema: ModeratedActor } } },
    ...decisionProblems,
  },
})

export const moderationActorsApi = createRouter()
  .openapi(queue, async (c) => {
    const rows = await listActorsAwaitingModeration(c.var.db, 100)
    return c.json({ items: rows.map(toModeratedActor) }, 200, NO_STORE)
  })
  .openapi(read, async (c) => {
    const row = await getActor(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucun acteur ne porte cet identifiant.')
    return c.json(toModeratedActor(row), 200, NO_STORE)
  })
  .openapi(decide, async (c) => {
    const { id, action } = c.req.valid('param')
    const row = await moderateRecord<ActorRow>(
      c.var.db,
      'actor',
      id,
      { action, ...c.req.valid('json') },
      {
        name: c.var.moderator,
        via: 'api',
        ipHash: await clientIpHash(c),
      }
    )
    return c.json(toModeratedActor(row), 200, NO_STORE)
  })
