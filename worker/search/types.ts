/**
 * The search contract shared by both engines (Meilisearch and the embedded FTS5 engine)
 * and by everything that searches (API, pages, feeds). Both engines must pass the same
 * contract test suite (tests/worker/search-contract.test.ts).
 */
import type { TerritoryRef } from '../domain/experiment'

export type EngineName = 'meilisearch' | 'embedded'

/** Facets offered on search; each is also a filter. */
export const FACETS = [
  'theme',
  'region',
  'department',
  'level',
  'stage',
  'evidence',
  'year',
  'scope',
  'country',
] as const
export type FacetName = (typeof FACETS)[number]

/** The `year` facet value of a record whose start date is unknown (never a placeholder year). */
export const UNKNOWN_YEAR = 'unknown'

export const SORTS = ['relevance', 'recent', 'evidence', 'completeness'] as const
export type SortOrder = (typeof SORTS)[number]

/** Filters: OR within a facet, AND across facets. Codes as in the record (region `53`, department `2A`). */
export type SearchFilters = Partial<Record<FacetName, readonly string[]>>

export interface SearchQuery {
  /** Free text; empty means "everything matching the filters". */
  q: string
  filters: SearchFilters
  sort: SortOrder
  /** 1-based page number. */
  page: number
  hitsPerPage: number
  /** `all` (default): every query word must match; `any`: the more words match, the higher (similarity). */
  matching?: 'all' | 'any'
  /** Ids left out of the results (the experiment a similarity search starts from). */
  excludeIds?: readonly string[]
  /**
   * `false`: hits and total only, every facet count left empty. Similarity searches need
   * no counts, and on the embedded engine at 100k the counts are most of the cost.
   */
  facets?: boolean
}

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
  /** Labels of themes and territories, indexed as text so "tiers-lieux" or "Bretagne" find experiments. */
  themeLabels: string[]
  territoryLabels: string[]
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
  completeness: number
  publishedAt: string
}

export interface SearchHit {
  id: string
  slug: string
  title: string
  summary: string
  territories: TerritoryRef[]
  themes: string[]
  stage: string
  evidenceLevel: number
  leadName: string
  /** Null when the start date is unknown. */
  year: number | null
  /** HTML-safe: text escaped first, then matches wrapped in <mark>…</mark>. */
  highlight: { title: string; summary: string }
}

/** The year a hit shows: null for an unknown start date. */
export function hitYear(year: SearchDocument['year']): number | null {
  return year === UNKNOWN_YEAR ? null : year
}

export interface SearchResult {
  hits: SearchHit[]
  total: number
  page: number
  hitsPerPage: number
  /** Disjunctive counts: a facet's counts ignore that facet's own selection. */
  facets: Record<FacetName, Record<string, number>>
  engine: EngineName
}

export interface SearchEngine {
  readonly name: EngineName
  search(query: SearchQuery): Promise<SearchResult>
  /** Insert or replace documents by id (idempotent). */
  upsert(documents: readonly SearchDocument[]): Promise<void>
  /** Remove documents by id (idempotent; unknown ids are ignored). */
  remove(ids: readonly string[]): Promise<void>
  /** Ids and revisions of everything indexed, for consistency checks and tests. */
  indexedRevisions(): Promise<Map<string, number>>
}
