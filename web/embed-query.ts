/**
 * The embeddable view's URL ↔ what it shows. Its filters are the search page's own
 * (same parameters, parsed by web/search-query.ts) plus two of its own: `territory`, the
 * région or département the view is about (`reg:53`, `dep:35`), and `lang`, because the
 * site that frames the view chooses its language (a frame cannot count on a cookie).
 */
import { FACETS, type SearchQuery } from '../worker/domain/search'
import { LANGS, type Lang } from './i18n/lang'
import { parseSearchParams, searchParamsOf, TO_VERIFY_PARAM, withFilter } from './search-query'

export const EMBED_PATH = '/integrer'
/** A compact list: the rest of the results is one link away, on the observatory. */
export const EMBED_HITS = 10

/** The search's parameters the view takes, as /donnees lists them. */
export const SEARCH_PARAMETERS: readonly string[] = [
  'q',
  ...FACETS,
  'evidenceMin',
  TO_VERIFY_PARAM,
  'sort',
]

export interface EmbedParams {
  /** The search's query, always its first page of EMBED_HITS results. */
  query: SearchQuery
  /** `territory` as given, null when absent; the route checks it against the reference. */
  territory: string | null
  /** `lang` when it names a language of the site. */
  lang: Lang | null
}

export function parseEmbedParams(params: URLSearchParams): EmbedParams {
  const lang = params.get('lang') ?? ''
  return {
    query: { ...parseSearchParams(params), page: 1, hitsPerPage: EMBED_HITS },
    territory: params.get('territory')?.trim() || null,
    lang: (LANGS as readonly string[]).includes(lang) ? (lang as Lang) : null,
  }
}

/** What an embed's URL says: the search's text, filters and order, the territory, the language. */
export type EmbedLink = Omit<EmbedParams, 'query'> & {
  query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify' | 'sort'>
}

/** The view's URL (path and query), as the « Intégrer sur votre site » code gives it. */
export function embedHref({ query, territory, lang }: EmbedLink): string {
  const params = searchParamsOf({ ...query, page: 1, hitsPerPage: EMBED_HITS })
  if (territory) params.set('territory', territory)
  if (lang) params.set('lang', lang)
  const s = params.toString()
  return s ? `${EMBED_PATH}?${s}` : EMBED_PATH
}

/** The query restricted to a région (`reg:53`) or a département (`dep:35`), as search filters it. */
export function withTerritory(query: SearchQuery, code: string): SearchQuery {
  const insee = code.slice(code.indexOf(':') + 1)
  return withFilter(query, code.startsWith('reg:') ? 'region' : 'department', [insee])
}
