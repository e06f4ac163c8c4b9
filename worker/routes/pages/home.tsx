/** `/`: search and browse the published experiments. */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { findTerritories } from '../../db/territories'
import { publicBase } from '../../http/public-base'
import { Layout } from '../../../web/components/Layout'
import { FeedLink } from '../../../web/components/ReuseLinks'
import { SearchPage } from '../../../web/components/SearchPage'
import { mapLevelOf } from '../../../web/components/SearchMap'
import { mapShapes } from '../../../web/map/shapes'
import { followedTitle } from '../../../web/filter-labels'
import { messagesFor, renderPage } from './render'
import { parseSearchParams, searchHref } from '../../../web/search-query'
import { search } from './similar'

export const homePage = new Hono<AppEnv>().get('/', async (c) => {
  const t = messagesFor(c)
  const params = new URL(c.req.url).searchParams
  const query = parseSearchParams(params)
  const mapLevel = mapLevelOf(params)
  const result = await search(c.env, query)
  // Names for région and département codes: every area of the map's level (the map and
  // its table need them all) plus the départements in the facets, the pins or the filters.
  const departments = new Set([
    ...Object.keys(result?.facets.department ?? {}),
    ...(query.filters.department ?? []),
    ...(mapLevel === 'dep' ? mapShapes('dep').map((a) => a.code) : []),
  ])
  const known = await findTerritories(c.var.db, [
    ...mapShapes('reg').map((a) => `reg:${a.code}`),
    ...[...departments].map((code) => `dep:${code}`),
  ])
  const names = new Map([...known].map(([code, territory]) => [code, territory.name]))
  const title = query.q ? `${t.home.resultsFor(query.q)} — ${t.home.title}` : t.home.title
  return renderPage(
    c,
    t,
    <Layout
      title={title}
      description={t.home.intro}
      path="/"
      returnTo={searchHref(query)}
      head={<FeedLink query={query} title={followedTitle(t, names, query)} />}
    >
      <SearchPage
        query={query}
        result={result}
        names={names}
        base={publicBase(c)}
        mapLevel={mapLevel}
      />
    </Layout>,
    { headers: { 'cache-control': 'public, max-age=60' } }
  )
})
