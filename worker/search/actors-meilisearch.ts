/**
 * The actors index in Meilisearch: the list's search with disjunctive facet counts (one
 * multi-search: the page, then one count per facet with a selection), and « Qui peut
 * m'aider ? » — one filtered query per proximity level in a single multi-search, each
 * level excluding the closer ones, sorted by slug then id as the embedded engine
 * (actors-embedded.ts). Filter attribute names come only from settings.ts; every value
 * goes through `filterValue`.
 */
import type { MultiSearchQuery, SearchResponse } from 'meilisearch'
import { ACTOR_FACETS, emptyActorFacets, type ActorFacet } from '../domain/actor-search'
import type { ActorSearchQuery, ActorSearchResult } from '../domain/actor-search'
import { queryWords } from './fts-query'
import { filterValue, MeilisearchIndex, type MeilisearchConfig } from './meilisearch-index'
import {
  ACTOR_FACET_ATTRIBUTES,
  actorIndexSettings,
  MATCH_ATTRIBUTES,
  MAX_TOTAL_HITS,
} from './settings'
import type { ActorDocument, ActorSearchEngine, MatchHit, MatchSearch } from './types'

const list = (values: readonly string[]) => `[${values.map(filterValue).join(', ')}]`

/** Newest first; the same order breaks ties between equally relevant actors. */
const NEWEST = ['publishedAt:desc', 'id:desc']

/** One `attr IN [...]` per selected facet, optionally without one (its disjunctive count). */
function actorFilter(query: ActorSearchQuery, except?: ActorFacet): string[] {
  return ACTOR_FACETS.flatMap((facet) => {
    const values = query.filters[facet]
    return facet !== except && values?.length
      ? [`${ACTOR_FACET_ATTRIBUTES[facet]} IN ${list(values)}`]
      : []
  })
}

/** The Meilisearch filter of each matching level, closest first. */
export function levelFilters(s: MatchSearch): string[] {
  const common = [
    `${MATCH_ATTRIBUTES[s.direction]} IN ${list(s.skills)}`,
    ...(s.theme ? [`${MATCH_ATTRIBUTES.themes} = ${filterValue(s.theme)}`] : []),
    ...(s.exclude ? [`id != ${filterValue(s.exclude)}`] : []),
  ]
  const codes = s.levels.flatMap((l) => (l.code ? [l.code] : []))
  return s.levels.map((level) => {
    const closer = codes.slice(0, level.code ? codes.indexOf(level.code) : codes.length)
    return [
      ...common,
      level.code
        ? `${MATCH_ATTRIBUTES.places} = ${filterValue(level.code)}`
        : `${MATCH_ATTRIBUTES.national} = true`,
      ...(closer.length ? [`${MATCH_ATTRIBUTES.places} NOT IN ${list(closer)}`] : []),
    ]
      .map((clause) => `(${clause})`)
      .join(' AND ')
  })
}

export class MeilisearchActorEngine
  extends MeilisearchIndex<ActorDocument>
  implements ActorSearchEngine
{
  constructor(config: MeilisearchConfig) {
    super(config, actorIndexSettings)
  }

  /** Actors holding every query word (`all`), by relevance then newest; without text, newest first. */
  async search(query: ActorSearchQuery): Promise<ActorSearchResult> {
    const q = queryWords(query.q)
      .map((w) => w.typed)
      .join(' ')
    const base: MultiSearchQuery = {
      indexUid: this.config.indexUid,
      q,
      matchingStrategy: 'all',
      locales: ['fra'],
    }
    const selected = ACTOR_FACETS.filter((f) => query.filters[f]?.length)
    const page = Math.max(1, query.page)
    const main: MultiSearchQuery = {
      ...base,
      filter: actorFilter(query),
      facets: ACTOR_FACETS.filter((f) => !selected.includes(f)).map(
        (f) => ACTOR_FACET_ATTRIBUTES[f]
      ),
      page,
      hitsPerPage: query.hitsPerPage,
      sort: NEWEST,
      attributesToRetrieve: ['id'],
    }
    const perFacet = selected.map((f): MultiSearchQuery => ({
      ...base,
      filter: actorFilter(query, f),
      facets: [ACTOR_FACET_ATTRIBUTES[f]],
      limit: 0,
    }))
    const { results } = await this.client.multiSearch<
      { queries: MultiSearchQuery[] },
      { id: string }
    >({ queries: [main, ...perFacet] })
    const answers = results as unknown as SearchResponse<{ id: string }>[]
    const first = answers[0]
    if (!first) throw new Error('Meilisearch returned no result for the main query')
    const facets = emptyActorFacets()
    for (const answer of answers) {
      for (const facet of ACTOR_FACETS) {
        const counts = answer.facetDistribution?.[ACTOR_FACET_ATTRIBUTES[facet]]
        if (counts) facets[facet] = { ...counts }
      }
    }
    return {
      ids: first.hits.map((h) => h.id),
      total: Math.min(first.totalHits ?? first.estimatedTotalHits ?? 0, MAX_TOTAL_HITS),
      page,
      hitsPerPage: query.hitsPerPage,
      facets,
      engine: 'meilisearch',
    }
  }

  async match(s: MatchSearch): Promise<MatchHit[]> {
    const queries = levelFilters(s).map((filter): MultiSearchQuery => ({
      indexUid: this.config.indexUid,
      q: '',
      filter,
      sort: ['slug:asc', 'id:asc'],
      limit: s.limit,
      attributesToRetrieve: ['id'],
    }))
    const { results } = await this.client.multiSearch<
      { queries: MultiSearchQuery[] },
      { id: string }
    >({ queries })
    return (results as unknown as SearchResponse<{ id: string }>[])
      .flatMap((r, i) => r.hits.map((hit) => ({ id: hit.id, proximity: s.levels[i]!.proximity })))
      .slice(0, s.limit)
  }
}
