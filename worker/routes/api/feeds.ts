/**
 * Atom feeds (RFC 4287) of newly published experiments, for the whole catalogue or any
 * search: `/api/feeds/experiments.atom?theme=…&region=…` takes the list's filters, so a
 * page can offer "follow this search" with `<link rel="alternate" type="application/atom+xml">`.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Experiment } from '../../domain/experiment'
import { ALL_THEMES, labelOf } from '../../domain/vocabularies'
import { listPublishedExperiments, toExperiment } from '../../db/experiments'
import type { AppEnv } from '../../env'
import { createRouter } from '../../http/router'
import { xmlAttr, xmlText } from '../../lib/xml'
import { catalogueFilters, publicBase } from './catalogue-query'
import { publicRecord } from './exports'
import { CatalogueFilterQuery } from './params'
import { problems } from './responses'

/** Entries per feed: feed readers poll, they need the latest ones, not the archive. */
export const FEED_SIZE = 50

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

function entry(e: Experiment, base: string): string {
  const page = `${base}/experiences/${encodeURIComponent(e.slug)}`
  const categories = e.themes
    .map(
      (theme) =>
        `<category term="${xmlAttr(theme)}" label="${xmlAttr(labelOf(ALL_THEMES, theme))}"/>`
    )
    .join('')
  return `<entry>
<id>${xmlText(`${base}/api/experiments/${e.id}`)}</id>
<title type="text">${xmlText(e.title)}</title>
<link rel="alternate" type="text/html" href="${xmlAttr(page)}"/>
<link rel="related" type="application/json" href="${xmlAttr(`${base}/api/experiments/${e.id}`)}"/>
<published>${xmlText(e.publishedAt ?? e.createdAt)}</published>
<updated>${xmlText(e.updatedAt)}</updated>
<author><name>${xmlText(e.lead.name)}</name></author>
<summary type="text">${xmlText(e.summary)}</summary>
${categories}
<rights>${xmlText(e.licence)}</rights>
</entry>
`
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
  // The feed changes when an entry is published or edited: the newest of those dates.
  const updated =
    records
      .map((e) => e.updatedAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString()
  const title = query
    ? 'Expérimentations numériques locales — recherche suivie'
    : 'Expérimentations numériques locales — dernières publications'
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<id>${xmlText(self)}</id>
<title type="text">${xmlText(title)}</title>
<subtitle type="text">${xmlText('Observatoire des expérimentations numériques locales')}</subtitle>
<link rel="self" type="application/atom+xml" href="${xmlAttr(self)}"/>
<link rel="alternate" type="text/html" href="${xmlAttr(`${base}/${query}`)}"/>
<updated>${xmlText(updated)}</updated>
<author><name>Observatoire des expérimentations numériques locales</name></author>
<generator>Observatoire</generator>
<rights>Licence Ouverte 2.0 (Etalab)</rights>
${records.map((e) => entry(e, base)).join('')}</feed>
`
  return c.body(xml, 200, {
    'content-type': 'application/atom+xml; charset=utf-8',
    'cache-control': 'public, max-age=300',
    'access-control-allow-origin': '*',
  })
})
