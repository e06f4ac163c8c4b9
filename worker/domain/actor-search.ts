/**
 * Searching the network's actors (`/acteurs`, `GET /api/actors`): the facets, the query
 * and the result both engines answer (worker/search/actor-engines.ts). Engines rank and
 * count; the records shown are then read by id, so a hit never carries more than an id.
 */
import type { EngineName } from './search'

/** The list's facets; each is also a filter (OR within a facet, AND across facets). */
export const ACTOR_FACETS = ['kind', 'offers', 'needs', 'territory', 'programme'] as const
export type ActorFacet = (typeof ACTOR_FACETS)[number]

export interface ActorSearchQuery {
  /** Free text: an actor matches when it holds every word (name, kinds, skills, places…). */
  q: string
  filters: Partial<Record<ActorFacet, readonly string[] | undefined>>
  page: number
  hitsPerPage: number
}

export interface ActorSearchResult {
  /** Matching actor ids, best first: by relevance with text, else newest publication first. */
  ids: string[]
  total: number
  page: number
  hitsPerPage: number
  /** Disjunctive counts: a facet's counts ignore its own selection. */
  facets: Record<ActorFacet, Record<string, number>>
  engine: EngineName
}

export const emptyActorFacets = (): ActorSearchResult['facets'] =>
  Object.fromEntries(ACTOR_FACETS.map((f) => [f, {}])) as ActorSearchResult['facets']
