/**
 * The agenda's query: which published events a list, a calendar, a feed or an export
 * holds. One shape for the page (`/evenements`), `GET /api/events`, the iCalendar and Atom
 * feeds and the exports, so a filter means the same everywhere.
 */

/**
 * Upcoming (not over yet, soonest first: the agenda's default), past (over, latest first),
 * or all of them in start order (the exports' default).
 */
export const AGENDA_WHEN = ['upcoming', 'past', 'all'] as const
export type AgendaWhen = (typeof AGENDA_WHEN)[number]
/** The agenda's two tabs. */
export const AGENDA_TABS = ['upcoming', 'past'] as const satisfies readonly AgendaWhen[]

/** On site (hybrid included) or online (hybrid included). */
export const AGENDA_ATTENDANCE = ['on-site', 'online'] as const
export type AgendaAttendance = (typeof AGENDA_ATTENDANCE)[number]

export interface AgendaFilters {
  when: AgendaWhen
  /** Top-level theme codes (their sub-themes included). */
  theme?: readonly string[] | undefined
  /** Typed territory codes: events whose place or territory is inside one of them. */
  territory?: readonly string[] | undefined
  kind?: readonly string[] | undefined
  /** Local start dates of the place, inclusive (`2027-03-01`). */
  from?: string | undefined
  to?: string | undefined
  attendance?: AgendaAttendance | undefined
  free?: boolean | undefined
  /** Free text: events holding every word (title, description, place, organisers, restitution). */
  q?: string | undefined
  /**
   * The events the search engines matched for `q` (services/agenda.ts sets it from the
   * engines' answer; never read from a URL).
   */
  matching?: readonly string[] | undefined
}
