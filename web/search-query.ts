/**
 * The search page's URL ↔ `SearchQuery`. The URL carries the whole query (text,
 * filters, sort, page) as a GET form would send it, so every result page can be shared,
 * bookmarked and reached with the back button. Parsing is forgiving: a value that is
 * not a known code is dropped rather than answered with an error page.
 */
import { BUDGET_BANDS } from '../worker/domain/funding'
import {
  codesOf,
  EVIDENCE_LEVELS,
  FUNDING_TYPES,
  LEAD_KINDS,
  SCOPE_LEVELS,
  STAGES,
  TOP_THEME_CODES,
} from '../worker/domain/vocabularies'
import { countryOf } from '../worker/domain/countries'
import { territoryCodePattern } from '../worker/domain/territory'
import { DENSITY_CLASSES, POPULATION_BANDS } from '../worker/domain/territory-size'
import {
  evidenceAtLeast,
  evidenceMinimum,
  FACETS,
  SORTS,
  UNKNOWN_YEAR,
  type FacetName,
  type SearchQuery,
  type SortOrder,
} from '../worker/domain/search'

export const HITS_PER_PAGE = 20
/** The « à vérifier » filter's parameter, the same in the page's and the API's URLs. */
export const TO_VERIFY_PARAM = 'toVerify'
/** Deep pages are for robots; people refine instead. */
export const MAX_PAGE = 50

// Bare COG digits: the URL carries `region=53`, the typed `reg:53` is stripped below.
const REGION_CODE = territoryCodePattern(['reg'], 'optional')
const DEPARTMENT_CODE = territoryCodePattern(['dep'], 'optional')

const VALID: Record<FacetName, (v: string) => boolean> = {
  theme: (v) => (TOP_THEME_CODES as readonly string[]).includes(v),
  region: (v) => REGION_CODE.test(v),
  department: (v) => DEPARTMENT_CODE.test(v),
  level: (v) => (codesOf(LEAD_KINDS) as readonly string[]).includes(v),
  stage: (v) => (codesOf(STAGES) as readonly string[]).includes(v),
  evidence: (v) => (codesOf(EVIDENCE_LEVELS) as readonly string[]).includes(v),
  year: (v) => v === UNKNOWN_YEAR || /^(19[89]\d|20\d\d|2100)$/.test(v),
  scope: (v) => (codesOf(SCOPE_LEVELS) as readonly string[]).includes(v),
  country: (v) => countryOf(v) !== undefined,
  budget: (v) => (codesOf(BUDGET_BANDS) as readonly string[]).includes(v),
  fundingType: (v) => (codesOf(FUNDING_TYPES) as readonly string[]).includes(v),
  programme: (v) => v !== '' && v.length <= 200,
  size: (v) => (codesOf(POPULATION_BANDS) as readonly string[]).includes(v),
  density: (v) => (codesOf(DENSITY_CLASSES) as readonly string[]).includes(v),
}

export function parseSearchParams(params: URLSearchParams): SearchQuery {
  const q = (params.get('q') ?? '').trim().slice(0, 200)
  const filters: Partial<Record<FacetName, string[]>> = {}
  for (const facet of FACETS) {
    const values = [
      ...new Set(params.getAll(facet).map((v) => v.trim().replace(/^(reg|dep):/, ''))),
    ]
      .filter(VALID[facet])
      .slice(0, 30)
    if (values.length > 0) filters[facet] = values
  }
  // « Au moins N » (the radio) selects N and above; with old-style `evidence` boxes in the
  // same URL both apply, as in the API.
  const min = params.get('evidenceMin')?.trim() ?? ''
  if (/^[0-4]$/.test(min)) {
    const atLeast = evidenceAtLeast(Number(min))
    const given = filters.evidence
    const evidence = given ? given.filter((v) => atLeast.includes(v)) : atLeast
    filters.evidence = evidence.length ? evidence : ['-1']
    if (min === '0' && !given) delete filters.evidence
  }
  const sortParam = params.get('sort') ?? ''
  const sort: SortOrder = (SORTS as readonly string[]).includes(sortParam)
    ? (sortParam as SortOrder)
    : DEFAULT_SORT
  const page = Math.min(MAX_PAGE, Math.max(1, Math.trunc(Number(params.get('page'))) || 1))
  const toVerify = ['true', '1'].includes(params.get(TO_VERIFY_PARAM)?.trim() ?? '')
  return { q, filters, ...(toVerify ? { toVerify } : {}), sort, page, hitsPerPage: HITS_PER_PAGE }
}

/**
 * Relevance, with or without text (without text the engines browse by evidence, then
 * completeness, then publication): "most recent" only when someone picks it, so the form
 * never carries a recency sort into a text search.
 */
const DEFAULT_SORT: SortOrder = 'relevance'

/**
 * The URL parameters of a query; defaults are left out so URLs stay short and canonical.
 * Pages that take the search's filters (the embeddable view) write theirs with it too.
 */
export function searchParamsOf(query: SearchQuery): URLSearchParams {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  const min = evidenceMinimum(query.filters.evidence)
  for (const facet of FACETS) {
    // « Au moins N » keeps its short form, so old and new URLs of one search are one URL.
    if (facet === 'evidence' && min !== null) params.set('evidenceMin', String(min))
    else for (const v of query.filters[facet] ?? []) params.append(facet, v)
  }
  if (query.toVerify) params.set(TO_VERIFY_PARAM, 'true')
  if (query.sort !== DEFAULT_SORT) params.set('sort', query.sort)
  if (query.page > 1) params.set('page', String(query.page))
  return params
}

/** The search page's URL of a query. */
export function searchHref(query: SearchQuery): string {
  const s = searchParamsOf(query).toString()
  return s ? `/?${s}` : '/'
}

/** The same query with one facet's selection replaced, back on page 1. */
export function withFilter(
  query: SearchQuery,
  facet: FacetName,
  values: readonly string[]
): SearchQuery {
  return { ...query, page: 1, filters: { ...query.filters, [facet]: values } }
}

/** The same query without some selected values of one facet, back on page 1. */
export function withoutValues(
  query: SearchQuery,
  facet: FacetName,
  values: readonly string[]
): SearchQuery {
  return withFilter(
    query,
    facet,
    (query.filters[facet] ?? []).filter((v) => !values.includes(v))
  )
}
