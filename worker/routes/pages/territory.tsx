/**
 * `/territoires/{code}` (e.g. `/territoires/reg:53`, `/territoires/dep:35`): a région's or
 * département's published experiments and its profile against the national reference —
 * where it stands out, where it lags. Communes and EPCI have no page here: experiments
 * are attributed to départements and régions only (see worker/db/stats.ts).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { listPublishedExperiments, toExperiment } from '../../db/experiments'
import { cachedTerritoryStats } from '../../services/stats'
import { spreadStats } from '../../services/replication-stats'
import { upcomingEventsIn } from '../../services/agenda'
import { getTerritory } from '../../db/territories'
import { publicBase } from '../../http/public-base'
import { territoryCodePattern } from '../../domain/territory'
import { TerritoryPage } from '../../../web/components/territories/TerritoryPage'
import { decodeCursor, encodeCursor } from '../api/params'
import { notFoundPage } from './not-found'
import { findInTerritoriesLike } from './similar'
import { messagesFor, renderPage } from './render'

const CODE = territoryCodePattern(['reg', 'dep'])
const PAGE_SIZE = 20
const ALIKE_COUNT = 4

export const territoryPage = new Hono<AppEnv>().get('/territoires/:code', async (c) => {
  const code = c.req.param('code')
  if (!CODE.test(code)) return notFoundPage(c)
  const territory = await getTerritory(c.var.db, code)
  if (!territory) return notFoundPage(c)
  const params = new URL(c.req.url).searchParams
  const insee = code.slice(4)
  const isRegion = territory.kind === 'reg'

  const report = await cachedTerritoryStats(c.var.db, { codes: [code] }, {})
  const stats = report.territories[0]!
  const departments = isRegion
    ? (await cachedTerritoryStats(c.var.db, { kind: 'dep', regions: [insee] }, {})).territories
    : []
  const spread = await spreadStats(c.var.db, {
    levels: [territory.kind === 'reg' ? 'reg' : 'dep'],
    area: code,
    limit: 10,
  })
  const parent =
    !isRegion && territory.region ? await getTerritory(c.var.db, `reg:${territory.region}`) : null
  const events = await upcomingEventsIn(c.var.db, code, new Date())

  let after: { publishedAt: string; id: string } | null = null
  try {
    const keys = decodeCursor(params.get('apres') ?? undefined, 2)
    if (keys) after = { publishedAt: keys[0]!, id: keys[1]! }
  } catch {
    // A mangled link: start from the first page rather than failing the whole page.
  }
  const rows = await listPublishedExperiments(
    c.var.db,
    {
      ...(isRegion ? { region: [insee] } : { department: [insee] }),
    },
    after,
    PAGE_SIZE + 1
  )
  const experiments = rows.slice(0, PAGE_SIZE).map(toExperiment)
  const last = rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1] : undefined
  const next = last ? encodeCursor([last.published_at ?? '', last.id]) : null
  // Places like this one, on the themes its own experiments work on.
  const themes = [...new Set(experiments.flatMap((e) => e.themes))]
  const alike = territory.size
    ? {
        size: territory.size,
        themes,
        hits: await findInTerritoriesLike(
          c.env,
          { size: territory.size, themes, territory: code },
          ALIKE_COUNT
        ),
      }
    : null

  return renderPage(
    c,
    messagesFor(c),
    <TerritoryPage
      code={code}
      territory={territory}
      parent={parent}
      stats={stats}
      national={report.national}
      departments={departments}
      experiments={experiments}
      notFirstPage={after !== null}
      next={next}
      base={publicBase(c)}
      alike={alike}
      spread={spread}
      events={events}
    />,
    { headers: { 'cache-control': 'public, max-age=300' } }
  )
})
