/**
 * The agenda's reads: a page of events with its map counts, the calendar and feed of a
 * query, and the events shown on an actor's, an experiment's and a territory's page. Every
 * list holds published events only, whitelisted to their public keys.
 */
import {
  countAgenda,
  listAgenda,
  listEventsOfExperiment,
  listPublishedEventsOfActor,
  listWithdrawnEvents,
  toEvent,
  type AgendaCursor,
} from '../db/events'
import type { Db } from '../db/session'
import { findTerritories } from '../db/territories'
import type { AgendaFilters } from '../domain/agenda'
import type { EngineName } from '../domain/search'
import { runEventSearch } from '../search/service'
import { MAX_TOTAL_HITS } from '../search/settings'
import type { Event } from '../domain/event'
import { publicEvent } from '../open-data/events'
import type { WithdrawnEvent } from '../open-data/icalendar'

/** Events a calendar holds at most: a year of a département's agenda, many times over. */
export const CALENDAR_MAX = 1000
/** Withdrawn events a calendar cancels at most. */
const WITHDRAWN_MAX = 200

const publicEvents = (rows: Parameters<typeof toEvent>[0][]) => rows.map(toEvent).map(publicEvent)

/** Display names of the territories a query filters on (`dep:35` → Ille-et-Vilaine). */
async function namesOf(db: Db, filters: AgendaFilters): Promise<Map<string, string>> {
  if (!filters.territory?.length) return new Map()
  const known = await findTerritories(db, filters.territory)
  return new Map([...known].map(([code, t]) => [code, t.name]))
}

export interface AgendaPage {
  events: Event[]
  next: AgendaCursor | null
  /** Matching events in all pages, and per département (INSEE code) for the map. */
  total: number
  departments: Record<string, number>
  names: Map<string, string>
}

/** One page of the agenda after `cursor`, with the counts of the whole query. */
export async function agendaPage(
  db: Db,
  filters: AgendaFilters,
  now: Date,
  cursor: AgendaCursor | null,
  size: number
): Promise<AgendaPage> {
  const [rows, counts, names] = await Promise.all([
    listAgenda(db, filters, now.toISOString(), cursor, size + 1),
    countAgenda(db, filters, now.toISOString()),
    namesOf(db, filters),
  ])
  const page = rows.slice(0, size)
  const last = page.at(-1)
  return {
    events: publicEvents(page),
    next: rows.length > size && last ? { startsAtUtc: last.starts_at_utc, id: last.id } : null,
    ...counts,
    names,
  }
}

/** The first `limit` events of a query (the Atom feed), and the names of its territories. */
export async function latestEvents(db: Db, filters: AgendaFilters, now: Date, limit: number) {
  const [rows, names] = await Promise.all([
    listAgenda(db, filters, now.toISOString(), null, limit),
    namesOf(db, filters),
  ])
  return { events: publicEvents(rows), names }
}

/** What a calendar of the query holds: its events, and the withdrawn ones to cancel. */
export async function agendaCalendar(
  db: Db,
  filters: AgendaFilters,
  now: Date
): Promise<{ events: Event[]; withdrawn: WithdrawnEvent[]; names: Map<string, string> }> {
  const [{ events, names }, withdrawn] = await Promise.all([
    latestEvents(db, filters, now, CALENDAR_MAX),
    filters.when === 'past'
      ? Promise.resolve([])
      : listWithdrawnEvents(db, filters, now.toISOString(), WITHDRAWN_MAX),
  ])
  return {
    events,
    names,
    withdrawn: withdrawn.map((w) => ({
      id: w.id,
      revision: w.revision,
      timeZone: w.time_zone,
      startsAtUtc: w.starts_at_utc,
      endsAtUtc: w.ends_at_utc,
      updatedAt: w.updated_at,
    })),
  }
}

/** An actor's events: the upcoming ones soonest first, then the past ones latest first. */
export async function eventsOfActor(db: Db, actorId: string, now: Date, limit = 20) {
  return publicEvents(await listPublishedEventsOfActor(db, actorId, now.toISOString(), limit))
}

/** Events where an experiment was presented or that it inspired, latest first. */
export async function eventsOfExperiment(
  db: Db,
  experimentId: string,
  limit = 20
): Promise<{ event: Event; relation: 'presented' | 'inspired' }[]> {
  const rows = await listEventsOfExperiment(db, experimentId, limit)
  return rows.map((row) => ({ event: publicEvent(toEvent(row)), relation: row.relation }))
}

/** The next events in a territory (its page shows a few). */
export async function upcomingEventsIn(db: Db, territory: string, now: Date, limit = 5) {
  return publicEvents(
    await listAgenda(
      db,
      { when: 'upcoming', territory: [territory] },
      now.toISOString(),
      null,
      limit
    )
  )
}

/**
 * The agenda's text through the search engines: with `q`, the events holding every word
 * (restitutions included), narrowed there by the filters both sides mean alike (themes,
 * territories, kinds), become the `matching` ids the agenda's own filters and order then
 * apply to; `engine` says which engine answered (null: no text). At most MAX_TOTAL_HITS
 * events match a text, as in every search of the site.
 */
export async function withTextMatches(
  env: Env,
  filters: AgendaFilters
): Promise<{ filters: AgendaFilters; engine: EngineName | null }> {
  const q = filters.q?.trim()
  if (!q) return { filters: { ...filters, matching: undefined }, engine: null }
  const result = await runEventSearch(env, {
    q,
    filters: { theme: filters.theme, territory: filters.territory, kind: filters.kind },
    sort: 'relevance',
    page: 1,
    hitsPerPage: MAX_TOTAL_HITS,
  })
  return { filters: { ...filters, matching: result.ids }, engine: result.engine }
}
