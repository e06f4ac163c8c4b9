/**
 * Atom feeds (RFC 4287) of newly published experiments, for the whole catalogue or any
 * search: `/api/feeds/experiments.atom?theme=…&region=…` takes the list's filters, so a
 * page can offer "follow this search" with `<link rel="alternate" type="application/atom+xml">`.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { listPublishedExperiments, toExperiment } from '../../db/experiments'
import type { AppEnv } from '../../env'
import { createRouter } from '../../http/router'
import { atomFeed } from '../../open-data/atom'
import { publicRecord } from '../../open-data/files'
import { catalogueFilters, publicBase } from './catalogue-query'
import { CatalogueFilterQuery } from './params'
import { problems } from './responses'

/** Entries per feed: feed readers poll, they need the latest ones, not the archive. */
const FEED_SIZE = 50

const FEED_PATH = '/feeds/experiments.atom'

const route = createRoute({
  method: 'get',
  path: FEED_PATH,
  tags: ['Données ouvertes'],
  summary: 'Flux Atom des dernières expériences publiées',
  description: `Les ${FEED_SIZE} dernières fiches publiées correspondant aux filtres (mêmes paramètres que la liste) : suivez une thématique ou un territoire dans un lecteur de flux.`,
  request: { query: CatalogueFilterQuery },
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
  for (const key of Object.keys(CatalogueFilterQuery.shape).sort()) {
    for (const value of [...(queries[key] ?? [])].sort()) params.append(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

export const feedsApi = createRouter()
feedsApi.openAPIRegistry.registerPath(route)

feedsApi.get(FEED_PATH, async (c) => {
  const filters = catalogueFilters(c)
  const base = publicBase(c)
  const rows = await listPublishedExperiments(c.var.db, filters, null, FEED_SIZE)
  const records = rows.map(toExperiment).map(publicRecord)
  const query = canonicalQuery(c)
  const self = `${base}/api${FEED_PATH}${query}`
  const xml = atomFeed({
    self,
    alternate: `${base}/${query}`,
    followed: query !== '',
    base,
    records,
  })
  return c.body(xml, 200, {
    'content-type': 'application/atom+xml; charset=utf-8',
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
  })
})
