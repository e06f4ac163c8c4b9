/** Territory reference API: autocomplete for the submission form and filters. */
import { createRoute, z } from '@hono/zod-openapi'
import { Territory } from '../../domain/territory'
import { searchTerritories } from '../../db/territories'
import { createRouter } from '../../http/router'
import { repeated } from './params'
import { problems } from './responses'

const autocomplete = createRoute({
  method: 'get',
  path: '/territories',
  tags: ['Territoires'],
  summary: 'Rechercher un territoire par nom ou par code',
  description:
    'Communes, intercommunalités, départements et régions. Les codes exacts (INSEE, SIREN) passent en premier, puis les noms qui commencent par la saisie.',
  request: {
    query: z.object({
      q: z
        .string()
        .trim()
        .min(1, 'Saisissez au moins un caractère.')
        .max(100)
        .openapi({ example: 'rennes' }),
      kind: repeated(z.enum(['com', 'epci', 'dep', 'reg'])).openapi({
        description: 'Niveaux à inclure (tous par défaut)',
      }),
      limit: z.coerce.number().int().min(1).max(50).default(10),
    }),
  },
  responses: {
    200: {
      description: 'Territoires correspondants',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(Territory) }).openapi('TerritoryList'),
        },
      },
    },
    400: problems[400],
  },
})

export const territoriesApi = createRouter().openapi(autocomplete, async (c) => {
  const { q, kind, limit } = c.req.valid('query')
  const items = await searchTerritories(c.var.db, q, kind ?? ['com', 'epci', 'dep', 'reg'], limit)
  return c.json({ items }, 200, { 'cache-control': 'public, max-age=3600' })
})
