/**
 * Searching the network's actors (`/acteurs`, `GET /api/actors`): the facets, the query
 * and the result both engines answer (worker/search/actor-engines.ts). Engines rank and
 * count; the records shown are then read by id, so a hit never carries more than an id.
 */
import type { EngineName } from './search'
import { territoryKind } from './territory'
import type { TerritoryKind } from './vocabularies'

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

/**
 * The territory levels the `territory` facet counts: régions and départements, at most
 * ~120 codes like the experiments' `region` and `department` facets (the map reads the
 * départements). Actors name communes and EPCI by the thousand, so a finer territory is
 * counted only when the query selects it (the page's territory field asks for it).
 */
export const COUNTED_TERRITORY_KINDS: readonly TerritoryKind[] = ['reg', 'dep']

/** The engines' counts, with the `territory` facet bounded as COUNTED_TERRITORY_KINDS says. */
export function boundActorFacets(
  facets: ActorSearchResult['facets'],
  filters: ActorSearchQuery['filters']
): ActorSearchResult['facets'] {
  const selected = new Set(filters.territory ?? [])
  const territory = Object.fromEntries(
    Object.entries(facets.territory).filter(
      ([code]) => selected.has(code) || COUNTED_TERRITORY_KINDS.includes(territoryKind(code))
    )
  )
  return { ...facets, territory }
}
