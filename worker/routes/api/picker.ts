/**
 * `GET /api/picker/{kind}`: what the forms' record picker offers as the user types — the
 * published experiments or actors matching a few words, from the search engines, each
 * with its title and territory so two namesakes can be told apart.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { PICKER_KINDS, PICKER_QUERY_MAX, PickerOption } from '../../domain/picker'
import { createRouter } from '../../http/router'
import { findPickable } from '../../services/picker'
import { repeated } from './params'
import { problems } from './responses'

const pick = createRoute({
  method: 'get',
  path: '/picker/{kind}',
  tags: ['Recherche'],
  summary: 'Trouver une fiche ou une structure à relier, par son nom',
  description:
    'Les expériences (`experiment`) ou les acteurs (`actor`) publiés qui correspondent à quelques mots, les plus pertinents d’abord (les moteurs de recherche répondent), avec leur titre et leurs territoires : ce que proposent les champs « Inspirée de », « Fiche de la structure » et « Votre structure » des formulaires.',
  request: {
    params: z.object({ kind: z.enum(PICKER_KINDS) }),
    query: z.object({
      q: z
        .string()
        .trim()
        .min(1, 'Saisissez au moins un caractère.')
        .max(PICKER_QUERY_MAX, `${PICKER_QUERY_MAX} caractères au maximum.`)
        .openapi({ example: 'médiation' }),
      exclude: repeated(z.string().max(26)).openapi({
        description: 'Identifiants à ne pas proposer (la fiche elle-même), répétable',
      }),
    }),
  },
  responses: {
    200: {
      description: 'Les fiches ou structures correspondantes',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(PickerOption) }).openapi('PickerOptions'),
        },
      },
    },
    400: problems[400],
  },
})

export const pickerApi = createRouter().openapi(pick, async (c) => {
  const { kind } = c.req.valid('param')
  const { q, exclude } = c.req.valid('query')
  const items = await findPickable(c.env, c.var.db, kind, q, exclude ?? [])
  return c.json({ items }, 200, { 'cache-control': 'public, max-age=60' })
})
