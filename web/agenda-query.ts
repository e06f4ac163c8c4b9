/**
 * The agenda's URL ↔ its filters. The same parameters serve the page (`/evenements`), the
 * API (`GET /api/events`), the feeds (`/evenements.ics`, `/api/feeds/events.atom`) and the
 * exports, so « s'abonner à cette recherche » is the page's own query on another path.
 */
import type { AgendaFilters } from '../worker/domain/agenda'
import { EVENT_ATTENDANCE, EVENT_KINDS } from '../worker/domain/event-vocabularies'
import { ALL_THEMES, labelOf } from '../worker/domain/vocabularies'
import type { Messages } from './i18n'

/** The agenda's query as the pages hold it (see worker/domain/agenda.ts). */
export type AgendaQuery = AgendaFilters

/** The query as URL parameters, defaults left out so one query has one URL. */
export function agendaParams(query: AgendaQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.when !== 'upcoming') params.set('when', query.when)
  for (const key of ['theme', 'territory', 'kind'] as const)
    for (const value of query[key] ?? []) params.append(key, value)
  if (query.from) params.set('from', query.from)
  if (query.to) params.set('to', query.to)
  if (query.attendance) params.set('attendance', query.attendance)
  if (query.free) params.set('free', 'true')
  if (query.q) params.set('q', query.q)
  return params
}

/** `path` with the query's parameters (`/evenements?territory=dep%3A35`). */
export function agendaHref(path: string, query: AgendaQuery): string {
  const text = agendaParams(query).toString()
  return text ? `${path}?${text}` : path
}

/**
 * A file of the query's events: the period is always written, because the exports'
 * default is every period while the page's is what is coming.
 */
export function agendaFileHref(path: string, query: AgendaQuery): string {
  const params = agendaParams(query)
  params.set('when', query.when)
  return `${path}?${params}`
}

/** The calendar of one territory's upcoming events: « the debates near us ». */
export const territoryCalendarHref = (code: string) => `/territoires/${code}/evenements.ics`

/** The paths that answer the same query in other formats. */
export const AGENDA_PATHS = {
  page: '/evenements',
  ics: '/evenements.ics',
  atom: '/api/feeds/events.atom',
  csv: '/api/exports/events.csv',
  json: '/api/exports/events.json',
  geojson: '/api/exports/events.geojson',
  icsExport: '/api/exports/events.ics',
  tableSchema: '/api/schemas/v1/event.tableschema.json',
} as const

/**
 * What an agenda query holds, in words, for the titles of its feeds and calendars:
 * « Agenda des événements — Débat citoyen, Ille-et-Vilaine, Inclusion et médiation numérique ».
 */
export function agendaTitle(
  t: Messages,
  names: ReadonlyMap<string, string>,
  query: AgendaQuery
): string {
  const a = t.agenda
  const parts = [
    ...(query.kind ?? []).map((code) => labelOf(EVENT_KINDS, code, t.lang)),
    ...(query.territory ?? []).map((code) => names.get(code) ?? code),
    ...(query.theme ?? []).map((code) => labelOf(ALL_THEMES, code, t.lang)),
    ...(query.attendance ? [labelOf(EVENT_ATTENDANCE, query.attendance, t.lang)] : []),
    ...(query.free ? [a.free] : []),
    ...(query.when === 'past' ? [a.tabs.past] : []),
  ]
  return parts.length ? `${a.title} — ${parts.join(', ')}` : a.title
}
