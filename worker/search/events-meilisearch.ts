/**
 * Events in Meilisearch (index MEILI_EVENTS_INDEX, settings `eventIndexSettings`): the
 * experiments' French analysis (stop words stripped by the Worker, the lexicon's
 * synonyms, typo tolerance, French tokenisation); an event matches when it holds every
 * query word (`all`), as in the embedded engine (events-embedded.ts).
 */
import type { SearchParams } from 'meilisearch'
import { epochSeconds, type EventSearchQuery, type EventSearchResult } from '../domain/event-search'
import type { EventDocument } from './event-documents'
import { meilisearchText, pageBounds, selected, type EventSearchEngine } from './events-query'
import { filterValue, MeilisearchIndex, type MeilisearchConfig } from './meilisearch-index'
import { EVENT_FILTER_ATTRIBUTES, eventIndexSettings, MAX_TOTAL_HITS } from './settings'

export class MeilisearchEventEngine
  extends MeilisearchIndex<EventDocument>
  implements EventSearchEngine
{
  constructor(config: MeilisearchConfig) {
    super(config, eventIndexSettings)
  }

  async search(query: EventSearchQuery): Promise<EventSearchResult> {
    const { page, offset, limit } = pageBounds(query)
    const q = meilisearchText(query.q)
    const params: SearchParams = {
      filter: meilisearchFilter(query),
      limit,
      offset,
      matchingStrategy: 'all',
      attributesToRetrieve: ['id'],
      locales: ['fra'],
    }
    const sort = meilisearchSort(query, q !== '')
    if (sort) params.sort = sort
    const response = await this.client
      .index<Pick<EventDocument, 'id'>>(this.config.indexUid)
      .search(q, params)
    return {
      ids: response.hits.map((h) => h.id),
      total: Math.min(response.estimatedTotalHits ?? response.hits.length, MAX_TOTAL_HITS),
      page,
      hitsPerPage: query.hitsPerPage,
      engine: 'meilisearch',
    }
  }
}

function meilisearchFilter(query: EventSearchQuery): string[] {
  const clauses = selected(query).map(
    ({ filter, values }) =>
      `${EVENT_FILTER_ATTRIBUTES[filter]} IN [${values.map(filterValue).join(', ')}]`
  )
  if (query.restituted) clauses.push('restituted = true')
  if (query.from) clauses.push(`endsAt >= ${epochSeconds(query.from)}`)
  if (query.to) clauses.push(`startsAt <= ${epochSeconds(query.to)}`)
  return clauses
}

/** Relevance with a text leaves the order to the ranking rules (then the index's own). */
function meilisearchSort(query: EventSearchQuery, hasText: boolean): string[] | null {
  if (query.sort === 'recent') return ['startsAt:desc', 'id:desc']
  if (query.sort === 'upcoming' || !hasText) return ['startsAt:asc', 'id:asc']
  return null
}
