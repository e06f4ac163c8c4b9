/**
 * The Meilisearch engine, through the official client. A browse (no text) and its
 * disjunctive facet counts go in one multi-search request; a text search is one federated
 * multi-search (one query per word), plus one per facet with a selection, in parallel. All
 * under a short timeout, so a slow or absent server costs at most ~1.5 s before the
 * embedded engine answers instead.
 *
 * Filters: attribute names come only from FACET_ATTRIBUTES (server side); every value is
 * quoted and escaped by `filterValue`, so no user input can add an `OR` clause.
 */
import type { FederatedMultiSearchParams, MultiSearchQuery, SearchResponse } from 'meilisearch'
import { verificationCutoff } from '../domain/freshness'
import { stemOf } from './analysis'
import { commonWords } from './common-words'
import { escapeHighlight, MARK_END, MARK_START } from './documents'
import { filterValue, MeilisearchIndex, type MeilisearchConfig } from './meilisearch-index'
import { DISPLAYED_ATTRIBUTES, FACET_ATTRIBUTES, indexSettings, MAX_TOTAL_HITS } from './settings'
import { mayHaveTypo, queryWords, withoutStopWords, type QueryWord } from './fts-query'
import { correctedQuery, type QueryVocabulary } from './typo'
import {
  FACETS,
  hitYear,
  type FacetName,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SortOrder,
} from './types'

/** Where the engine reads its query words' frequencies and spelling corrections. */
export type VocabularySource = (words: readonly QueryWord[]) => Promise<QueryVocabulary>

/** One `attr IN [...]` group per selected facet (OR within, AND across), optionally skipping one. */
export function buildFilter(query: SearchQuery, except?: FacetName): string[] {
  const clauses: string[] = []
  for (const facet of FACETS) {
    const values = query.filters[facet]
    if (facet === except || !values?.length) continue
    clauses.push(
      `${FACET_ATTRIBUTES[facet]} IN [${values.map(String).map(filterValue).join(', ')}]`
    )
  }
  if (query.excludeIds?.length) {
    clauses.push(`NOT id IN [${query.excludeIds.map(filterValue).join(', ')}]`)
  }
  if (query.toVerify) {
    // 0 for never verified, so one comparison covers both (domain/freshness.ts).
    clauses.push(`lastVerifiedTs < ${Date.parse(verificationCutoff(new Date()))}`)
  }
  return clauses
}

const SORT: Record<SortOrder, string[]> = {
  relevance: [],
  recent: ['publishedAt:desc'],
  evidence: ['evidence:desc', 'publishedAt:desc'],
  completeness: ['completeness:desc', 'publishedAt:desc'],
}
/** Without query words relevance has nothing to rank: same order as the embedded engine. */
const BROWSE_ORDER = ['evidence:desc', 'completeness:desc', 'publishedAt:desc']

type DisplayedDocument = Pick<
  SearchDocument,
  | 'id'
  | 'slug'
  | 'title'
  | 'summary'
  | 'leadName'
  | 'themes'
  | 'territories'
  | 'stage'
  | 'evidence'
  | 'year'
  | 'scopeLevel'
  | 'country'
  | 'abroadPlace'
> & {
  /** Absent from documents indexed before it was displayed: the card then shows no badge. */
  lastVerifiedAt?: string | null
  /** Absent from documents indexed before migration 0012. */
  point?: SearchDocument['point']
  _formatted?: { title?: string; summary?: string }
}

export class MeilisearchEngine extends MeilisearchIndex<SearchDocument> implements SearchEngine {
  /**
   * `vocabulary`: the query words' document frequencies, which tell the words too common to
   * lead a sub-query (common-words.ts), and the corrections of misspelt words; without it
   * every word leads one and Meilisearch's own typo tolerance is all there is.
   */
  constructor(
    config: MeilisearchConfig,
    private readonly vocabularySource: VocabularySource | null = null
  ) {
    super(config, indexSettings)
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const words = query.q.trim() ? queryWords(query.q) : []
    return words.length ? this.searchText(query, words) : this.browse(query)
  }

  /** No text: one query, filters and facets, in browse order unless a sort is picked. */
  private async browse(query: SearchQuery): Promise<SearchResult> {
    const base: MultiSearchQuery = { indexUid: this.config.indexUid, q: '' }
    const counted = query.facets !== false
    const selected = counted ? FACETS.filter((f) => query.filters[f]?.length) : []
    const main: MultiSearchQuery = {
      ...base,
      filter: buildFilter(query),
      facets: counted
        ? FACETS.filter((f) => !selected.includes(f)).map((f) => FACET_ATTRIBUTES[f])
        : [],
      page: Math.max(1, query.page),
      hitsPerPage: query.hitsPerPage,
      attributesToRetrieve: [...DISPLAYED_ATTRIBUTES],
      sort: query.sort === 'relevance' ? BROWSE_ORDER : SORT[query.sort],
    }
    // Disjunctive facets: a facet with a selection is counted with every filter but its own.
    const perFacet = selected.map((f): MultiSearchQuery => ({
      ...base,
      filter: buildFilter(query, f),
      facets: [FACET_ATTRIBUTES[f]],
      limit: 0,
    }))
    const { results } = await this.client.multiSearch<
      { queries: MultiSearchQuery[] },
      DisplayedDocument
    >({ queries: [main, ...perFacet] })
    const [first, ...others] = results as unknown as SearchResponse<DisplayedDocument>[]
    if (!first) throw new Error('Meilisearch returned no result for the main query')
    return {
      hits: first.hits.map(toHit),
      total: first.totalHits ?? first.estimatedTotalHits ?? 0,
      page: first.page ?? query.page,
      hitsPerPage: query.hitsPerPage,
      facets: mergeFacets([first, ...others].map((r) => r.facetDistribution ?? {})),
      engine: 'meilisearch',
      didYouMean: null,
    }
  }

  /**
   * Text: documents holding at least one query word, the more words the higher.
   * Meilisearch's matching strategies keep one word mandatory (`last`: the first word), so
   * the query is asked once per word, that word first (`lastFirst`), in one federated
   * multi-search: the union of those answers is every document holding some word — what
   * `total` and the facets count — and each document ranks by its best answer, where its
   * score grows with the run of query words it holds. Each word is led by its French stem,
   * matched in the `stems` attribute, so « inclusion » answers « inclusif », below records
   * saying « inclusif » (which hold one more query word).
   */
  private async searchText(query: SearchQuery, typed: readonly QueryWord[]): Promise<SearchResult> {
    const counted = query.facets !== false
    const selected = counted ? FACETS.filter((f) => query.filters[f]?.length) : []
    const { statistics, corrections } = await this.vocabulary(typed)
    // A misspelt word is searched corrected, as in the embedded engine: Meilisearch's own
    // typo tolerance finds the word, but not the lexicon's synonyms of it, nor the
    // expression it forms with its neighbours (« smart citty » → « smart city »).
    const { words, didYouMean } = correctedQuery(query.q, typed, corrections)
    const rotations = lastFirst(words, commonWords(statistics))
    const page = Math.max(1, query.page)
    const federated = (
      texts: readonly string[],
      filter: string[],
      facets: string[],
      limit: number,
      offset = 0
    ) =>
      this.client.multiSearch<FederatedMultiSearchParams, DisplayedDocument>({
        federation: {
          limit,
          offset,
          ...(facets.length ? { facetsByIndex: { [this.config.indexUid]: facets } } : {}),
        },
        queries: texts.map((q) => ({
          indexUid: this.config.indexUid,
          q,
          locales: ['fra'],
          matchingStrategy: 'last',
          filter,
          ...(limit === 0
            ? { attributesToRetrieve: [] }
            : {
                ...(query.sort === 'relevance' ? {} : { sort: SORT[query.sort] }),
                attributesToRetrieve: [...DISPLAYED_ATTRIBUTES],
                attributesToHighlight: ['title', 'summary'],
                highlightPreTag: MARK_START,
                highlightPostTag: MARK_END,
              }),
        })),
      })
    const [main, ...perFacet] = await Promise.all([
      federated(
        rotations,
        buildFilter(query),
        counted ? FACETS.filter((f) => !selected.includes(f)).map((f) => FACET_ATTRIBUTES[f]) : [],
        query.hitsPerPage,
        (page - 1) * query.hitsPerPage
      ),
      // Disjunctive facets: a facet with a selection is counted with every filter but its own.
      // Counting needs only the union, which each text's first term decides (`last` keeps
      // it to the end): two-term texts cost a fraction of the ranked ones.
      ...selected.map((f) =>
        federated(leads(rotations), buildFilter(query, f), [FACET_ATTRIBUTES[f]], 0)
      ),
    ])
    const distributions = [main, ...perFacet].map(
      (r) => r.facetsByIndex?.[this.config.indexUid]?.distribution ?? {}
    )
    return {
      hits: main.hits.map(toHit),
      total: Math.min(main.totalHits ?? main.estimatedTotalHits ?? 0, MAX_TOTAL_HITS),
      page,
      hitsPerPage: query.hitsPerPage,
      facets: mergeFacets(distributions),
      engine: 'meilisearch',
      didYouMean,
    }
  }

  /**
   * The index vocabulary's view of the query: read only when it can matter (several words
   * may hold a common one; a long plain word may be misspelt). Nothing when it cannot be
   * read: every word then leads, uncorrected.
   */
  private async vocabulary(words: readonly QueryWord[]): Promise<QueryVocabulary> {
    const none: QueryVocabulary = {
      statistics: { documents: 0, counts: new Map() },
      corrections: new Map(),
    }
    if (!this.vocabularySource || (words.length < 2 && !words.some(mayHaveTypo))) return none
    try {
      return await this.vocabularySource(words)
    } catch (error) {
      console.warn(`Query vocabulary unavailable (${String(error)}); every word leads`)
      return none
    }
  }
}

const ROTATION_WORDS = 4

/**
 * One query text per word that selects records (not `common`), that word first (led by its
 * stem when it has one), the others after it in the order typed: with the `last` strategy
 * each text requires its first term and ranks by how many of the following words a
 * document also holds. Common words rank in the others' texts but lead none.
 */
export function lastFirst(
  words: readonly QueryWord[],
  common: ReadonlySet<string> = new Set()
): string[] {
  const texts = words.map((_, k) => {
    // Each text holds its word and the next ones, at most ROTATION_WORDS: Meilisearch's
    // cost grows with the words of a query (texts holding every word measured our p50 at
    // 2.5 times the single query's at 10k records), and on the real set four words rank
    // exactly as all of them (three lost 0.01 nDCG@10).
    const rotated = [...words.slice(k), ...words.slice(0, k)].slice(0, ROTATION_WORDS)
    const lead = rotated[0]!
    const stem = lead.expressions ? null : stemOf(lead.text)
    return [...(stem ? [stem] : []), ...rotated.map(meiliTerms)].join(' ')
  })
  return texts.filter((_, k) => !common.has(words[k]!.text))
}

/**
 * A word as sent to Meilisearch. An expression goes without its stop words (the synonyms
 * have such keys too, lexicon.ts): each term of a text counts as one more query word held
 * under the `words` rule, so « administration en ligne » weighed three words.
 */
const meiliTerms = (word: QueryWord) =>
  word.expressions ? withoutStopWords(word.typed) : word.typed

/**
 * Each text cut to its first two terms. Under `last` the first decides alone whether a
 * record matches; the second keeps it from being the query's last term, which Meilisearch
 * would match as a prefix (a wider union than the full text's).
 */
const leads = (texts: readonly string[]) =>
  texts.map((text) => text.split(' ').slice(0, 2).join(' '))

/** Facet counts from several answers: each facet's counts come from the answer that asked. */
function mergeFacets(distributions: readonly Record<string, Record<string, number>>[]) {
  const facets = Object.fromEntries(FACETS.map((f) => [f, {}])) as SearchResult['facets']
  for (const facet of FACETS) {
    for (const distribution of distributions) {
      const counts = distribution[FACET_ATTRIBUTES[facet]]
      if (counts) facets[facet] = { ...counts }
    }
  }
  return facets
}

function toHit(doc: DisplayedDocument): SearchHit {
  return {
    id: doc.id,
    slug: doc.slug,
    title: doc.title,
    summary: doc.summary,
    territories: doc.territories,
    themes: doc.themes,
    stage: doc.stage,
    evidenceLevel: doc.evidence,
    leadName: doc.leadName,
    year: hitYear(doc.year),
    scopeLevel: doc.scopeLevel,
    country: doc.country,
    abroadPlace: doc.abroadPlace,
    lastVerifiedAt: doc.lastVerifiedAt,
    point: doc.point ?? null,
    highlight: {
      title: escapeHighlight(doc._formatted?.title ?? doc.title),
      summary: escapeHighlight(doc._formatted?.summary ?? doc.summary),
    },
  }
}
