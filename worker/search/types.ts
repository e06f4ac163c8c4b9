/**
 * The index side of the search contract shared by both engines (Meilisearch and the
 * embedded FTS5 engine): the indexed document and the engine interface. Both engines
 * must pass the same contract test suite (tests/worker/search-contract.test.ts). The
 * query and result shapes live in worker/domain/search.ts (pages and API use them too)
 * and are re-exported here for the engines.
 */
import type { TerritoryRef } from '../domain/experiment'
import type { GeoPoint } from '../domain/territory'
import type { DensityClass, PopulationBand } from '../domain/territory-size'
import type { ActorSearchQuery, ActorSearchResult } from '../domain/actor-search'
import type { MatchDirection, MatchFields, Proximity } from '../domain/matching'
import {
  UNKNOWN_YEAR,
  type EngineName,
  type SearchQuery,
  type SearchResult,
} from '../domain/search'

export {
  FACETS,
  SORTS,
  UNKNOWN_YEAR,
  type EngineName,
  type FacetName,
  type SearchFilters,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SortOrder,
} from '../domain/search'

/** What the index holds for one published experiment (public fields only). */
export interface SearchDocument {
  id: string
  slug: string
  revision: number
  title: string
  summary: string
  /** Narrative text, lead name, keywords, partner names: searchable, not returned. */
  body: string
  leadName: string
  /** Theme codes as recorded (may be second level) and their top-level codes. */
  themes: string[]
  topThemes: string[]
  /**
   * Labels indexed as text, in French and English, so "tiers-lieux", "third places",
   * "Bretagne", "Brittany" or "Outre-mer" find experiments.
   */
  themeLabels: string[]
  stageLabels: string[]
  territoryLabels: string[]
  /** Every word of the searchable text reduced to its French stem (analysis.ts). */
  stems: string
  territories: TerritoryRef[]
  regions: string[]
  departments: string[]
  level: string
  stage: string
  evidence: number
  /** Start year, or UNKNOWN_YEAR: its own facet bucket. */
  year: number | typeof UNKNOWN_YEAR
  /** Derived scope level (local … national, abroad) and, abroad, the ISO country code. */
  scopeLevel: string
  country: string | null
  /** The place of a record abroad, as its record names it. */
  abroadPlace: string | null
  /** The record's point on a map and the size of its first territory (Derived). */
  point: GeoPoint | null
  populationBand: PopulationBand | null
  densityClass: DensityClass | null
  completeness: number
  /** Budget band code (domain/funding.ts), null when the budget is unknown. */
  budgetBand: string | null
  /** Funding entries: their types and the programmes they name, each once. */
  fundingTypes: string[]
  fundingProgrammes: string[]
  publishedAt: string
  /** When the record was last confirmed (null: never), for the « à vérifier » badge. */
  lastVerifiedAt: string | null
  /** The same in milliseconds since 1970, 0 for never: Meilisearch compares numbers only. */
  lastVerifiedTs: number
}

/** The year a hit shows: null for an unknown start date. */
export function hitYear(year: SearchDocument['year']): number | null {
  return year === UNKNOWN_YEAR ? null : year
}

/** What every index holds of a record: its id and the revision it was built from. */
export interface IndexedDocument {
  id: string
  revision: number
}

/** The writing side of an index, the same for every kind of record (sync.ts drives it). */
export interface DocumentIndex<D extends IndexedDocument> {
  readonly name: EngineName
  /** Insert or replace documents by id (idempotent). */
  upsert(documents: readonly D[]): Promise<void>
  /** Remove documents by id (idempotent; unknown ids are ignored). */
  remove(ids: readonly string[]): Promise<void>
  /** Ids and revisions of everything indexed, for consistency checks and tests. */
  indexedRevisions(): Promise<Map<string, number>>
}

export interface SearchEngine extends DocumentIndex<SearchDocument> {
  search(query: SearchQuery): Promise<SearchResult>
}

/**
 * What the indexes hold for one published actor (public fields only): its searchable
 * text, the list's facets and the fields matching filters and sorts on.
 */
export interface ActorDocument extends IndexedDocument, MatchFields {
  slug: string
  name: string
  description: string
  /** Kind, skills, programmes and places in French and English, as people type them. */
  labels: string[]
  /** The free texts of its offers and needs, its mediation services: searchable, not shown. */
  body: string
  stems: string
  kind: string
  /** Declared territories, the départements and régions they cover, and every place above. */
  territories: string[]
  programmes: string[]
  /** Published experiments it leads or partners (changes reach the index through the outbox). */
  experiments: number
  publishedAt: string
}

/** Both engines answer the actors' list and « Qui peut m'aider ? » (search/actor-engines.ts). */
export interface ActorSearchEngine extends DocumentIndex<ActorDocument> {
  search(query: ActorSearchQuery): Promise<ActorSearchResult>
  match(search: MatchSearch): Promise<MatchHit[]>
}

/** What « Qui peut m'aider ? » asks an engine (search/matching.ts, rules in domain/matching.ts). */
export interface MatchSearch {
  direction: MatchDirection
  /** Skill or family codes; an actor matches when it holds any of them. */
  skills: readonly string[]
  /** Closest first; `code: null` is France entière (actors working nationally). */
  levels: readonly { proximity: Proximity; code: string | null }[]
  theme?: string
  /** An actor never matches itself (the reverse on its own page). */
  exclude?: string
  limit: number
}

/** One matching actor, in the engine's order. */
export interface MatchHit {
  id: string
  proximity: Proximity
}
