/**
 * Addresses of the open-data files, schemas, catalogue and feeds (served by
 * worker/routes/api/exports.ts and feeds.ts; tests/worker/open-data-page.test.ts checks
 * that each answers), and how a search's filters carry over to them.
 */
import { FACETS, type FacetName, type SearchQuery } from '../worker/domain/search'
import { searchHref, TO_VERIFY_PARAM } from './search-query'

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson', 'geojson'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
/** Format names are the same in every language. */
export const FORMAT_NAMES: Record<ExportFormat, string> = {
  csv: 'CSV',
  json: 'JSON',
  ndjson: 'NDJSON',
  geojson: 'GeoJSON',
}

export const OPEN_DATA_PATHS = {
  tableSchema: '/api/schemas/v1/experiment.tableschema.json',
  jsonSchema: '/api/schemas/v1/experiment.schema.json',
  dcat: '/api/catalog.jsonld',
  feed: '/api/feeds/experiments.atom',
  apiDocs: '/api/docs',
  openApi: '/api/openapi.json',
} as const

/** The data's licence, the Etalab Open Licence 2.0. */
export const LICENCE_URL = 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/'

/** The start year is a search facet the list, exports and feeds do not take. */
const NOT_IN_FILES: readonly FacetName[] = ['year']

function filterParams(query: Pick<SearchQuery, 'filters' | 'toVerify'>): URLSearchParams {
  const params = new URLSearchParams()
  for (const facet of FACETS) {
    if (NOT_IN_FILES.includes(facet)) continue
    for (const value of query.filters[facet] ?? []) params.append(facet, value)
  }
  if (query.toVerify) params.set(TO_VERIFY_PARAM, 'true')
  return params
}

function withParams(path: string, params: URLSearchParams): string {
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

/** True when part of a search (its text, its start years) cannot reach the files. */
export function filesIgnore(query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify'>): {
  text: boolean
  year: boolean
} {
  return { text: query.q !== '', year: (query.filters.year ?? []).length > 0 }
}

export function exportHref(
  format: ExportFormat,
  query: Pick<SearchQuery, 'filters' | 'toVerify'>
): string {
  return withParams(`/api/exports/experiments.${format}`, filterParams(query))
}

/** The Atom feed of a search: its text and its filters (the feed follows both). */
export function feedHref(query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify'>): string {
  const params = filterParams(query)
  if (query.q) params.set('q', query.q)
  return withParams(OPEN_DATA_PATHS.feed, params)
}

/** The open-data page for a search: every format, with the search's filters. */
export function openDataHref(query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify'>): string {
  // The search page's own canonical URL (default sort, first page), on /donnees instead of /.
  const search = searchHref({ ...query, sort: 'relevance', page: 1, hitsPerPage: 0 })
  return `/donnees${search.slice(1)}`
}
