/**
 * `POST /api/moderation/reindex`: moderators rebuild both search indexes from D1, one
 * batch per call.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { requireModerator } from '../../../http/moderator-auth'
import { ProblemError } from '../../../http/problem'
import { createRouter } from '../../../http/router'
import { ReindexProgress, reindexBatch } from '../../../search/sync'
import { bearerAuth, problems } from '../responses'

const unavailable = {
  description: 'Un moteur de recherche ne répond pas ; relancez plus tard',
  content: problems[400].content,
}

const reindex = createRoute({
  method: 'post',
  path: '/moderation/reindex',
  tags: ['Modération'],
  summary: 'Reconstruire les index de recherche, par lots',
  description:
    'Relit les expériences depuis D1, un lot par appel, et met à jour les deux index (Meilisearch et moteur intégré). Rappeler avec `cursor` = `nextCursor` jusqu’à `done: true` ; le premier appel réapplique les réglages de l’index, le dernier retire ce qui n’est plus publié. La recherche reste disponible pendant la reconstruction.',
  security: bearerAuth,
  middleware: [requireModerator],
  request: {
    query: z.object({
      cursor: z
        .string()
        .max(40)
        .optional()
        .openapi({ description: 'nextCursor de l’appel précédent' }),
      limit: z.coerce.number().int().min(1).max(1000).default(500),
    }),
  },
  responses: {
    200: {
      description: 'Progression',
      content: {
        'application/json': {
          schema: ReindexProgress,
        },
      },
    },
    400: problems[400],
    401: problems[401],
    403: problems[403],
    503: unavailable,
  },
})

export const reindexApi = createRouter().openapi(reindex, async (c) => {
  const { cursor, limit } = c.req.valid('query')
  try {
    return c.json(await reindexBatch(c.env, cursor ?? null, limit), 200, {
      'cache-control': 'no-store',
    })
  } catch (error) {
    console.error('reindex failed', error)
    throw new ProblemError(
      503,
      `La reconstruction des index a échoué (${error instanceof Error ? error.name : 'erreur'}) ; relancez-la plus tard depuis le même curseur.`
    )
  }
})
