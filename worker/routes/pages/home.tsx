/** `/`: search and browse the published experiments. */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { findTerritories } from '../../db/territories'
import { publicBase } from '../../http/public-base'
import { mapAreas } from '../../../web/components/FranceMap'
import { Layout } from '../../../web/components/Layout'
import { FeedLink } from '../../../web/components/ReuseLinks'
import { SearchPage } from '../../../web/components/SearchPage'
import { followedTitle } from '../../../web/filter-labels'
import { messagesFor, renderPage } from './render'
import { parseSearchParams, searchHref } from '../../../web/search-query'
import { search } from './similar'

export const homePage = new Hono<AppEnv>().get('/', async (c) => {
  const t = messagesFor(c)
  const query = parseSearchParams(new URL(c.req.url).searchParams)
  const result = await search(c.env, query)
  // Names for région and département codes: every région (the map and its table need
  // them all) plus the départements that appear in the facets or the filters.
  const departments = new Set([
    ...Object.keys(result?.facets.department ?? {}),
    ...(query.filters.department ?? []),
  ])
  const known = await findTerritories(c.var.db, [
    ...mapAreas('reg').map((a) => `reg:${a.code}`),
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
      <SearchPage query={query} result={result} names={names} base={publicBase(c)} />
    </Layout>,
    { headers: { 'cache-control': 'public, max-age=60' } }
  )
})
