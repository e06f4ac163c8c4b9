/**
 * Exports of « la parole recueillie »: every idea, proposal and disagreement of the
 * restitutions matching a theme, a territory and a text (the page's own parameters), one
 * row per idea with its event — CSV (columns from the ParoleIdea schema) and JSON.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ParoleIdea, type ParoleScope } from '../../domain/parole'
import { TerritoryCode } from '../../domain/territory'
import { TOP_THEME_CODES } from '../../domain/vocabularies'
import { createRouter } from '../../http/router'
import { exportFileName } from '../../open-data/files'
import { paroleCsv } from '../../open-data/parole'
import { paroleIdeas } from '../../services/parole'
import { fileResponse, OPEN_DATA_TAG } from './open-data-routes'
import { problems } from './responses'

export const ParoleQuery = z.object({
  theme: z.enum(TOP_THEME_CODES).optional().openapi({ description: 'Thématique (code)' }),
  territory: TerritoryCode.optional().openapi({
    description:
      'Territoire (commune, EPCI, département ou région) : les événements qui s’y tiennent',
  }),
  q: z
    .string()
    .trim()
    .max(200, '200 caractères au maximum.')
    .optional()
    .openapi({ description: 'Texte : les événements dont la restitution contient tous ces mots' }),
})
type ParoleQuery = z.infer<typeof ParoleQuery>

const scopeOf = (query: ParoleQuery): ParoleScope =>
  query.territory
    ? { kind: 'territory', code: query.territory, name: query.territory }
    : query.theme
      ? { kind: 'theme', code: query.theme }
      : { kind: 'all' }

const description =
  'Les idées, propositions et désaccords des restitutions d’événements publiés, une ligne par idée avec son événement (identifiant, titre, date, lieu, thématiques), l’événement le plus récent d’abord ; mêmes paramètres que la page « La parole recueillie ». Sélection par les moteurs de recherche. Licence Ouverte 2.0.'

/** As `fileRoute` (open-data-routes.ts), with the query's types kept for the handlers. */
const route = (path: string, summary: string, contentType: string, schema: z.ZodType) =>
  createRoute({
    method: 'get',
    path,
    tags: [OPEN_DATA_TAG],
    summary,
    description,
    request: { query: ParoleQuery },
    responses: {
      200: { description: 'Le fichier', content: { [contentType]: { schema } } },
      400: problems[400],
    },
  })

const csvRoute = route(
  '/exports/parole.csv',
  'Exporter la parole recueillie en CSV (une ligne par idée)',
  'text/csv',
  z.string().openapi({
    description: 'UTF-8, séparateur virgule, valeurs multiples séparées par « ; ».',
  })
)
const jsonRoute = route(
  '/exports/parole.json',
  'Exporter la parole recueillie en JSON (une entrée par idée)',
  'application/json',
  z.array(ParoleIdea)
)

export const paroleApi = createRouter()
  .openapi(csvRoute, async (c) => {
    const query = c.req.valid('query')
    const ideas = await paroleIdeas(c.env, c.var.db, { scope: scopeOf(query), q: query.q ?? '' })
    return fileResponse(
      paroleCsv(ideas),
      'text/csv; charset=utf-8; header=present',
      exportFileName('csv', 'parole-recueillie')
    )
  })
  .openapi(jsonRoute, async (c) => {
    const query = c.req.valid('query')
    const ideas = await paroleIdeas(c.env, c.var.db, { scope: scopeOf(query), q: query.q ?? '' })
    return fileResponse(
      JSON.stringify(ideas),
      'application/json; charset=utf-8',
      exportFileName('json', 'parole-recueillie')
    )
  })
