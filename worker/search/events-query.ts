/**
 * What both event engines share (events-embedded.ts, events-meilisearch.ts): the engine
 * interface, the page bounds and the filters a query selects.
 */
import {
  EVENT_FILTERS,
  type EventSearchQuery,
  type EventSearchResult,
} from '../domain/event-search'
import type { EventDocument } from './event-documents'
import { queryWords } from './fts-query'
import { MAX_TOTAL_HITS } from './settings'
import type { DocumentIndex } from './types'

export interface EventSearchEngine extends DocumentIndex<EventDocument> {
  search(query: EventSearchQuery): Promise<EventSearchResult>
}

/** The query's words as Meilisearch reads them: stop words already dropped, as typed. */
export const meilisearchText = (q: string) =>
  queryWords(q)
    .map((w) => w.typed)
    .join(' ')

/** Both engines never page past Meilisearch's maxTotalHits. */
export function pageBounds(query: EventSearchQuery) {
  const page = Math.max(1, query.page)
  const offset = (page - 1) * query.hitsPerPage
  return { page, offset, limit: Math.max(0, Math.min(query.hitsPerPage, MAX_TOTAL_HITS - offset)) }
}

export const selected = (query: EventSearchQuery) =>
  EVENT_FILTERS.flatMap((filter) => {
    const values = query.filters[filter]
    return values?.length ? [{ filter, values: [...values] }] : []
  })
