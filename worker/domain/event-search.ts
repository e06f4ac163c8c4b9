/**
 * Searching events (the agenda's `q`, « la parole recueillie »): what both engines are
 * asked and what they answer (worker/search/event-engines.ts). Engines select, rank and
 * count; the events shown are then read from D1 by id, so a hit never carries more than
 * an id and only published events are ever shown.
 */
import type { EngineName } from './search'

/** Equality filters (OR within one, AND across them). */
export const EVENT_FILTERS = ['kind', 'theme', 'territory', 'attendance'] as const
export type EventFilter = (typeof EVENT_FILTERS)[number]

/** `relevance` with a text (then soonest first), else by start: `upcoming` soonest first, `recent` latest first. */
export const EVENT_SORTS = ['relevance', 'upcoming', 'recent'] as const
export type EventSort = (typeof EVENT_SORTS)[number]

export interface EventSearchQuery {
  /** Free text: an event matches when it holds every word (title, description, restitution…). */
  q: string
  filters: Partial<Record<EventFilter, readonly string[] | undefined>>
  /** Events still going on at or after this instant (UTC ISO 8601): their end is not before it. */
  from?: string
  /** Events starting at or before this instant (UTC ISO 8601). */
  to?: string
  /** Only events whose restitution is published (« la parole recueillie »). */
  restituted?: boolean
  sort: EventSort
  page: number
  hitsPerPage: number
}

export interface EventSearchResult {
  /** Matching event ids in the order asked. */
  ids: string[]
  total: number
  page: number
  hitsPerPage: number
  engine: EngineName
}

/** Seconds since the epoch: how both engines store and compare an event's instants. */
export const epochSeconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000)
