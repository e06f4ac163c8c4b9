/**
 * Search API: full-text search with filters and disjunctive facet counts, and similar
 * experiments (the moderators' index rebuild: routes/api/moderation/reindex.ts). Whichever engine answered is named in
 * the response (`engine`), so a fallback to the embedded engine is visible.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { getPublishedExperiment, toExperiment } from '../../db/experiments'
import { FACETS, SearchHit, SearchResult, SORTS, UNKNOWN_YEAR } from '../../domain/search'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { runSearch, similarExperiments } from '../../search/service'
import { MAX_HITS_PER_PAGE, MAX_TOTAL_HITS } from '../../search/settings'
import { CatalogueFilterQuery, repeated, resolveEvidence } from './params'
import { problems } from './responses'

const SearchQuerySchema = CatalogueFilterQuery.extend({
  q: z
    .string()
    .trim()
    .max(200, '200 caractères au maximum.')
    .default('')
    .openapi({ description: 'Texte libre (accents, majuscules et tirets indifférents)' }),
  year: repeated(
    z.union([z.literal(UNKNOWN_YEAR), z.coerce.number().int().min(1980).max(2100)])
  ).openapi({
    description: `Année de démarrage, répétable ; « ${UNKNOWN_YEAR} » pour les fiches sans date de démarrage`,
  }),
  sort: z.enum(SORTS).default('relevance').openapi({
    description:
      'relevance (pertinence), recent (publication), evidence (niveau de preuve), completeness',
  }),
  page: z.coerce.number().int().min(1).max(MAX_TOTAL_HITS).default(1),
  hitsPerPage: z.coerce.number().int().min(1).max(MAX_HITS_PER_PAGE).default(20),
})

const search = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Recherche'],
  summary: 'Rechercher des expériences publiées',
  description:
    'Texte libre tolérant (accents, fautes de frappe, formes d’un même mot comme inclusif / inclusion, sigles et synonymes du domaine comme EPN, RGPD, open data / données ouvertes, termes anglais courants), filtres combinables (OU dans un filtre, ET entre filtres) et comptes par facette. Une fiche n’a pas besoin de contenir tous les mots de la requête : celles qui en contiennent le plus viennent d’abord (puis celles qui les contiennent tels que saisis, avant les formes voisines et les corrections). `total` et les comptes des facettes portent sur toutes les fiches qui contiennent au moins un mot de la requête, avec le même sens pour les deux moteurs ; un mot présent dans plus de la moitié des fiches (et dans plus de 1 000) ne suffit pas à lui seul à retenir une fiche — il compte pour le classement, et une requête faite uniquement de tels mots les cherche tous. Avec du texte, le tri par défaut est la pertinence ; sans texte, l’ordre de parcours (niveau de preuve, complétude, publication). Si Meilisearch est indisponible, le moteur intégré répond (`engine`).',
  request: { query: SearchQuerySchema },
  responses: {
    200: {
      description: 'Une page de résultats',
      content: { 'application/json': { schema: SearchResult } },
    },
    400: problems[400],
  },
})

const similar = createRoute({
  method: 'get',
  path: '/experiments/{id}/similar',
  tags: ['Recherche'],
  summary: 'Expériences proches',
  description: 'Proches par thématique, territoire et texte ; l’expérience elle-même est exclue.',
  request: {
    params: z.object({
      id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
    }),
    query: z.object({ limit: z.coerce.number().int().min(1).max(20).default(5) }),
  },
  responses: {
    200: {
      description: 'Expériences proches, les plus proches d’abord',
      content: {
        'application/json': {
          schema: z.object({ items: z.array(SearchHit) }).openapi('SimilarExperiments'),
        },
      },
    },
    400: problems[400],
    404: problems[404],
  },
})

export const searchApi = createRouter()
  .openapi(search, async (c) => {
    const { q, sort, page, hitsPerPage, ...given } = c.req.valid('query')
    const filters = resolveEvidence(given)
    const result = await runSearch(c.env, {
      q,
      sort,
      page,
      hitsPerPage,
      toVerify: filters.toVerify,
      filters: Object.fromEntries(
        FACETS.flatMap((f) => (filters[f]?.length ? [[f, filters[f].map(String)]] : []))
      ),
    })
    return c.json(result, 200, { 'cache-control': 'public, max-age=30' })
  })
  .openapi(similar, async (c) => {
    const row = await getPublishedExperiment(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
    const experiment = toExperiment(row)
    const items = await similarExperiments(
      c.env,
      {
        id: experiment.id,
        text: `${experiment.title} ${experiment.summary}`,
        themes: experiment.themes,
        territories: experiment.territories,
      },
      c.req.valid('query').limit
    )
    return c.json({ items }, 200)
  })
