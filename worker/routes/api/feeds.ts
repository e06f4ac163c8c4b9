/**
 * Atom feeds (RFC 4287) of newly published experiments, for the whole catalogue or any
 * search: `/api/feeds/experiments.atom?q=…&theme=…&region=…` takes the search's text and
 * the list's filters, so a page can offer "follow this search" with
 * `<link rel="alternate" type="application/atom+xml">`.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import {
  getExperimentsByIds,
  listPublishedExperiments,
  toExperiment,
  type CatalogueFilters,
} from '../../db/experiments'
import { FACETS, type SearchFilters } from '../../domain/search'
import type { AppEnv } from '../../env'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { runSearch } from '../../search/service'
import { atomFeed, experimentEntry } from '../../open-data/atom'
import { filterTerritoryNames } from '../../db/territories'
import { followedTitle } from '../../../web/filter-labels'
import { MESSAGES } from '../../../web/i18n'
import { publicRecord } from '../../open-data/files'
import { publicBase } from '../../http/public-base'
import { catalogueFilters } from './catalogue-query'
import { CatalogueFilterQuery } from './params'
import { problems } from './responses'

/** Entries per feed: feed readers poll, they need the latest ones, not the archive. */
const FEED_SIZE = 50

const FEED_PATH = '/feeds/experiments.atom'

const FeedQuery = CatalogueFilterQuery.extend({
  q: z.string().trim().max(200, '200 caractères au maximum.').default('').openapi({
    description: 'Texte libre, comme la recherche : le flux suit les premiers résultats',
  }),
})

const route = createRoute({
  method: 'get',
  path: FEED_PATH,
  tags: ['Données ouvertes'],
  summary: 'Flux Atom des dernières expériences publiées',
  description: `Les ${FEED_SIZE} dernières fiches publiées correspondant aux filtres (mêmes paramètres que la liste) : suivez une thématique ou un territoire dans un lecteur de flux. Avec \`q\`, les ${FEED_SIZE} premiers résultats de la même recherche que \`GET /api/search\`, les plus récents d’abord.`,
  request: { query: FeedQuery },
  responses: {
    200: {
      description: 'Flux Atom (RFC 4287)',
      content: { 'application/atom+xml': { schema: z.string() } },
    },
    400: problems[400],
  },
})

/** The query string of the filters, normalised, so one search always has one feed id. */
function canonicalQuery(c: Context<AppEnv>): string {
  const params = new URLSearchParams()
  const queries = c.req.queries()
  for (const key of Object.keys(FeedQuery.shape).sort()) {
    for (const value of [...(queries[key] ?? [])].sort()) params.append(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

/** The list's filters as the search's (codes as strings, empty facets left out). */
function searchFilters(filters: CatalogueFilters): SearchFilters {
  return Object.fromEntries(
    FACETS.flatMap((facet) => {
      const values = facet === 'year' ? undefined : filters[facet]
      return values?.length ? [[facet, values.map(String)]] : []
    })
  )
}

export const feedsApi = createRouter()
feedsApi.openAPIRegistry.registerPath(route)

/**
 * The feed of a text search: the search's first results (the same engines and meaning as
 * the list), newest publication first as feed readers expect.
 */
async function searchedRows(c: Context<AppEnv>, q: string, filters: CatalogueFilters) {
  const result = await runSearch(c.env, {
    q,
    filters: searchFilters(filters),
    toVerify: filters.toVerify === true,
    sort: 'relevance',
    page: 1,
    hitsPerPage: FEED_SIZE,
    facets: false,
  })
  const rows = await getExperimentsByIds(
    c.var.db,
    result.hits.map((h) => h.id)
  )
  return rows
    .filter((r) => r.status === 'published')
    .sort((a, b) => (b.published_at ?? '').localeCompare(a.published_at ?? ''))
}

/** The feed's title names what it follows, in French like the feed (`xml:lang="fr"`). */
async function feedTitle(
  c: Context<AppEnv>,
  q: string,
  filters: CatalogueFilters
): Promise<string> {
  const codes = searchFilters(filters)
  const names = await filterTerritoryNames(c.var.db, codes)
  return followedTitle(MESSAGES.fr, names, {
    q,
    filters: codes,
    toVerify: filters.toVerify === true,
  })
}

feedsApi.get(FEED_PATH, async (c) => {
  const filters = catalogueFilters(c)
  const q = FeedQuery.shape.q.safeParse(c.req.query('q'))
  if (!q.success) {
    throw new ProblemError(400, 'Certains filtres sont invalides.', [
      { parameter: 'q', message: '200 caractères au maximum.' },
    ])
  }
  const base = publicBase(c)
  const rows = q.data
    ? await searchedRows(c, q.data, filters)
    : await listPublishedExperiments(c.var.db, filters, null, FEED_SIZE)
  const records = rows.map(toExperiment).map(publicRecord)
  const query = canonicalQuery(c)
  const self = `${base}/api${FEED_PATH}${query}`
  const xml = atomFeed({
    self,
    alternate: `${base}/${query}`,
    title: await feedTitle(c, q.data, filters),
    base,
    entries: records.map(experimentEntry),
  })
  return c.body(xml, 200, {
    'content-type': 'application/atom+xml; charset=utf-8',
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
  })
})
