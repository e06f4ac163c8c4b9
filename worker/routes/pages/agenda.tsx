/**
 * `/evenements`: the agenda (upcoming or past events by day, filters as GET parameters, the
 * map, paging), and the calendars people subscribe to: `/evenements.ics?…` for any query
 * and `/territoires/{code}/evenements.ics` for « the debates near us ».
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { getTerritory } from '../../db/territories'
import { territoryCodePattern } from '../../domain/territory'
import { agendaPage, withTextMatches } from '../../services/agenda'
import { AgendaFeedLinks, EventAgenda } from '../../../web/components/EventAgenda'
import { Layout } from '../../../web/components/Layout'
import { AGENDA_PATHS, agendaHref, agendaParams, agendaTitle } from '../../../web/agenda-query'
import { agendaFilters } from '../api/catalogue-query'
import { calendarResponse, textMatched } from '../api/event-exports'
import { decodeCursor, encodeCursor, EventFilterQuery } from '../api/params'
import { notFoundPage } from './not-found'
import { messagesFor, renderPage } from './render'

const PAGE_SIZE = 30
/** The page's cursor parameter (the list's `cursor` in the API). */
const CURSOR_PARAM = 'apres'
const TERRITORY = territoryCodePattern(['com', 'epci', 'dep', 'reg'])

export const agendaPages = new Hono<AppEnv>()
  .get(AGENDA_PATHS.page, async (c) => {
    const t = messagesFor(c)
    const url = new URL(c.req.url)
    // Empty selects (« Tous ») send empty values: they mean no filter.
    const params = new URLSearchParams(
      [...url.searchParams].filter(([k, v]) => v.trim() !== '' && k !== CURSOR_PARAM)
    )
    const parsed = EventFilterQuery.safeParse(
      Object.fromEntries([...new Set(params.keys())].map((k) => [k, params.getAll(k)]))
    )
    const filters = {
      ...(parsed.success ? parsed.data : {}),
      when: parsed.data?.when ?? 'upcoming',
    }
    let cursor: { startsAtUtc: string; id: string } | null = null
    try {
      const keys = decodeCursor(url.searchParams.get(CURSOR_PARAM) ?? undefined, 2)
      if (keys) cursor = { startsAtUtc: keys[0]!, id: keys[1]! }
    } catch {
      // A mangled link: start from the first page rather than failing the whole page.
    }
    const text = await withTextMatches(c.env, filters)
    const page = await agendaPage(c.var.db, text.filters, new Date(), cursor, PAGE_SIZE)
    let nextHref: string | null = null
    if (page.next) {
      const next = agendaParams(filters)
      next.set(CURSOR_PARAM, encodeCursor([page.next.startsAtUtc, page.next.id]))
      nextHref = `${AGENDA_PATHS.page}?${next}`
    }
    const title = agendaTitle(t, page.names, filters)
    return renderPage(
      c,
      t,
      <Layout
        title={title}
        description={t.agenda.intro}
        path={AGENDA_PATHS.page}
        returnTo={agendaHref(AGENDA_PATHS.page, filters)}
        head={<AgendaFeedLinks query={filters} />}
      >
        <EventAgenda
          query={filters}
          events={page.events}
          map={{ total: page.total, departments: page.departments }}
          territoryNames={page.names}
          nextHref={nextHref}
          degraded={text.engine === 'embedded'}
        />
      </Layout>,
      { status: parsed.success ? 200 : 400, headers: { 'cache-control': 'public, max-age=60' } }
    )
  })
  .get(AGENDA_PATHS.ics, async (c) =>
    calendarResponse(c, await textMatched(c, agendaFilters(c, 'upcoming')), false)
  )
  .get('/territoires/:code/evenements.ics', async (c) => {
    const code = c.req.param('code')
    if (!TERRITORY.test(code) || !(await getTerritory(c.var.db, code))) return notFoundPage(c)
    const filters = { ...agendaFilters(c, 'upcoming'), territory: [code] }
    return calendarResponse(c, await textMatched(c, filters), false)
  })
