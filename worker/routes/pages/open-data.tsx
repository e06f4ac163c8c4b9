/**
 * `/donnees` (the open-data page, with the filters of the search it was reached from) and
 * `/accessibilite` (the accessibility statement): the two pages every footer links to.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { filterTerritoryNames } from '../../db/territories'
import { AccessibilityPage } from '../../../web/components/AccessibilityPage'
import { Layout } from '../../../web/components/Layout'
import { OpenDataPage } from '../../../web/components/OpenDataPage'
import { FeedLink } from '../../../web/components/ReuseLinks'
import { followedTitle } from '../../../web/filter-labels'
import { formatDate } from '../../../web/format'
import { parseSearchParams } from '../../../web/search-query'
import { publicBase } from '../../http/public-base'
import { messagesFor, renderPage } from './render'

export const openDataPages = new Hono<AppEnv>()
  .get('/donnees', async (c) => {
    const t = messagesFor(c)
    const { q, filters, toVerify } = parseSearchParams(new URL(c.req.url).searchParams)
    const query = { q, filters, toVerify }
    const names = await filterTerritoryNames(c.var.db, filters)
    const today = formatDate(new Date().toISOString().slice(0, 10), t.lang)
    return renderPage(
      c,
      t,
      <Layout
        title={t.openData.title}
        description={t.openData.description}
        path="/donnees"
        returnTo={new URL(c.req.url).pathname + new URL(c.req.url).search}
        head={<FeedLink query={query} title={followedTitle(t, names, query)} />}
      >
        <OpenDataPage query={query} names={names} base={publicBase(c)} today={today} />
      </Layout>,
      { headers: { 'cache-control': 'public, max-age=300' } }
    )
  })
  .get('/accessibilite', (c) => {
    const t = messagesFor(c)
    return renderPage(
      c,
      t,
      <Layout
        title={t.accessibility.title}
        description={t.accessibility.description}
        path="/accessibilite"
      >
        <AccessibilityPage contact={c.env.CONTACT_EMAIL ?? ''} />
      </Layout>,
      { headers: { 'cache-control': 'public, max-age=3600' } }
    )
  })
