/** Bulk entry of actors by a moderator (the seed of real actors loaded by `npm start`). */
import { createRoute, z } from '@hono/zod-openapi'
import { ActorId, ActorInput } from '../../../domain/actor'
import { jsonBody } from '../../../http/body'
import { requireModerator } from '../../../http/moderator-auth'
import { createRouter } from '../../../http/router'
import { importActors } from '../../../services/actors'
import { bearerAuth, problems } from '../responses'

const IMPORT_MAX = 100

const importRoute = createRoute({
  method: 'post',
  path: '/moderation/actors/import',
  tags: ['Modération'],
  summary: 'Importer des acteurs publiés (sources publiques)',
  description: `Jusqu’à ${IMPORT_MAX} acteurs, chacun validé comme une proposition, créés publiés avec une révision « import » au nom du modérateur. Les identifiants sont rendus dans l’ordre des lignes.`,
  security: bearerAuth,
  middleware: [requireModerator, ...jsonBody(512 * 1024)],
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.array(ActorInput).min(1).max(IMPORT_MAX) } },
    },
  },
  responses: {
    201: {
      description: 'Acteurs créés, publiés',
      content: {
        'application/json': {
          schema: z.object({ ids: z.array(ActorId) }).openapi('ActorImportResult'),
        },
      },
    },
    400: problems[400],
    401: problems[401],
  },
})

export const actorImportApi = createRouter().openapi(importRoute, async (c) => {
  const ids = await importActors(c.var.db, c.req.valid('json'), c.var.moderator)
  return c.json({ ids }, 201, { 'cache-control': 'no-store' })
})
