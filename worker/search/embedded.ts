/**
 * The embedded search engine: SQLite FTS5 (`unicode61 remove_diacritics 2`) in its own
 * derived D1 database (binding SEARCH_DB). It answers when Meilisearch is not configured
 * or not reachable, with the same query, filter and facet semantics as Meilisearch:
 * accent-insensitive, the same stop words and lexicon, hyphen = space, records holding
 * more query words first, French stems in their own column, and typo corrections from the
 * index's own vocabulary (README.md). The index's SQL lives here (writes, vocabulary) and in
 * embedded-sql.ts (the search statements); typo.ts holds the correction arithmetic.
 */
import { verificationCutoff } from '../domain/freshness'
import { escapeHighlight } from './documents'
import {
  COMMON_SHARE,
  commonWords,
  MIN_COMMON_DOCUMENTS,
  type WordStatistics,
} from './common-words'
import {
  allowedTypos,
  exactForms,
  mayHaveTypo,
  queryWords,
  toTextMatch,
  type QueryWord,
} from './fts-query'
import { countSql, facetsSql, hitsSql, type Criteria, type Sql } from './embedded-sql'
import { EmbeddedStore, EXPERIMENT_TABLES, type StoredRow } from './embedded-store'
import { MAX_TOTAL_HITS } from './settings'
import { documentCounts, forgetVocabulary, wordCounts } from './vocabulary-cache'
import { correctedQuery, editDistance, MAX_CORRECTIONS, type QueryVocabulary } from './typo'
import {
  FACETS,
  hitYear,
  type FacetName,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from './types'

interface DocumentRow {
  id: string
  revision: number
  title: string
  summary: string
  hit: string
  hl_title: string
  hl_summary: string
}

interface FacetRow {
  facet: FacetName
  value: string
  n: number
}

interface StoredHit {
  slug: string
  leadName: string
  themes: string[]
  territories: SearchHit['territories']
  stage: string
  evidence: number
  year: SearchDocument['year']
  scopeLevel: string
  country: string | null
  abroadPlace: string | null
  /** Absent from rows indexed before it was stored: the card then shows no badge. */
  lastVerifiedAt?: string | null
  /** Absent from rows indexed before migration 0012. */
  point?: SearchDocument['point']
}

/** The experiments' record count in the vocabulary cache. */
const INDEX_KEY = 'experiments'

export class EmbeddedEngine extends EmbeddedStore<SearchDocument> implements SearchEngine {
  constructor(db: D1Database) {
    super(db, EXPERIMENT_TABLES, toStoredRow)
  }

  // What the vocabulary said before a write no longer holds (vocabulary-cache.ts).
  override async upsert(documents: readonly SearchDocument[]): Promise<void> {
    await super.upsert(documents)
    forgetVocabulary()
  }

  override async remove(ids: readonly string[]): Promise<void> {
    await super.remove(ids)
    forgetVocabulary()
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const typed = queryWords(query.q)
    const { statistics, corrections } = await this.vocabulary(typed)
    const { words, didYouMean, alternatives } = correctedQuery(query.q, typed, corrections)
    const text = toTextMatch(words, alternatives, commonWords(statistics))
    const criteria: Criteria = {
      match: text?.any ?? null,
      filters: FACETS.flatMap((facet) => {
        const values = query.filters[facet]
        return values?.length ? [{ facet, values: values.map(String) }] : []
      }),
      excludeIds: query.excludeIds ?? [],
      verifiedBefore: query.toVerify ? verificationCutoff(new Date()) : null,
    }
    const page = Math.max(1, query.page)
    const offset = (page - 1) * query.hitsPerPage
    // Never page deeper than Meilisearch's maxTotalHits, so both engines agree.
    const limit = Math.max(0, Math.min(query.hitsPerPage, MAX_TOTAL_HITS - offset))

    const statement = ({ sql, params }: Sql) => this.db.prepare(sql).bind(...params)
    const [hits, total, ...facets] = await this.db.batch([
      statement(hitsSql(criteria, text, query.sort, limit, offset)),
      statement(countSql(criteria)),
      ...(query.facets === false ? [] : facetsSql(criteria).map(statement)),
    ])

    const facetCounts = Object.fromEntries(FACETS.map((f) => [f, {}])) as SearchResult['facets']
    for (const row of facets.flatMap((f) => f.results) as FacetRow[]) {
      facetCounts[row.facet][row.value] = row.n
    }
    const n = ((total?.results ?? []) as { n: number }[])[0]?.n ?? 0
    return {
      hits: ((hits?.results ?? []) as DocumentRow[]).map(toHit),
      total: Math.min(n, MAX_TOTAL_HITS),
      page,
      hitsPerPage: query.hitsPerPage,
      facets: facetCounts,
      engine: 'embedded',
      didYouMean,
    }
  }

  /** The query words' frequencies, and the corrections of those no record holds (typo.ts). */
  async vocabulary(words: readonly QueryWord[]): Promise<QueryVocabulary> {
    const statistics = await this.wordStatistics(words)
    const corrections = await this.corrections(
      words.filter((w) => mayHaveTypo(w) && !statistics.counts.get(w.text))
    )
    return { statistics, corrections }
  }

  /**
   * How many records hold each query word in its exact forms — counted only up to the
   * common threshold (common-words.ts), so a frequent word costs no more than that — and
   * how many records the index holds. One statement for the words the isolate has not
   * counted within the last minute (vocabulary-cache.ts), none when it has them all: it
   * tells the common words (for both engines), and the words no record holds (typo
   * candidates). A lone word is never common (common-words.ts): whether one record holds it
   * is all it needs.
   */
  async wordStatistics(words: readonly QueryWord[]): Promise<WordStatistics> {
    const unique = [...new Map(words.map((w) => [w.text, w])).values()]
    if (unique.length === 0) return { documents: 0, counts: new Map() }
    const lone = unique.length === 1
    const [share, floor] = lone ? [0, 0] : [COMMON_SHARE, MIN_COMMON_DOCUMENTS]
    const now = Date.now()
    const key = (w: QueryWord) => `${lone ? 'lone' : 'many'}|${exactForms(w)}`
    const counts = new Map<string, number>()
    const missing: QueryWord[] = []
    for (const w of unique) {
      const known = wordCounts.get(key(w), now)
      if (known === undefined) missing.push(w)
      else counts.set(w.text, known)
    }
    let documents = documentCounts.get(INDEX_KEY, now)
    if (missing.length === 0 && documents !== undefined) return { documents, counts }
    const columns = [
      '(SELECT documents FROM threshold) AS documents',
      ...missing.map(
        (_, i) => `(SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH
          ?${i + 3} LIMIT (SELECT cap FROM threshold))) AS w${i}`
      ),
    ]
    const row = await this.db
      .prepare(
        `WITH threshold AS (SELECT count(*) AS documents,
           max(CAST(count(*) * ?1 AS INTEGER), ?2) + 1 AS cap FROM search_documents)
         SELECT ${columns.join(', ')}`
      )
      .bind(share, floor, ...missing.map(exactForms))
      .first<Record<string, number>>()
    documents = row?.documents ?? 0
    documentCounts.set(INDEX_KEY, documents, now)
    missing.forEach((w, i) => {
      const n = row?.[`w${i}`] ?? 0
      counts.set(w.text, n)
      wordCounts.set(key(w), n, now)
    })
    return { documents, counts }
  }

  /**
   * Spelling corrections from the index's own vocabulary: each plain query word of 5 letters
   * or more that no indexed word equals or starts with (`unknown`, from `wordStatistics`) gets
   * the indexed words within Meilisearch's typo thresholds (1 from 5 letters, 2 from 9),
   * closest and most frequent first. Candidates share the word's first letter, as typed
   * words almost always do: the vocabulary is read by range on its index, never scanned
   * whole. One statement per unknown word, all in one batch.
   */
  private async corrections(unknown: readonly QueryWord[]): Promise<Map<string, string[]>> {
    const checked = [...new Set(unknown.map((w) => w.text))]
    if (checked.length === 0) return new Map()
    // One range scan of the vocabulary per word, its bounds bound as values: fts5vocab
    // narrows its scan only on constant bounds, and a join on a JSON list of the words made
    // it read the whole vocabulary (~130 ms at 10k records, against ~4 ms per word).
    const scans = await this.db.batch(
      checked.map((word) => {
        const typos = allowedTypos(word)
        const first = word[0]!
        return this.db
          .prepare(
            `SELECT term, sum(doc) AS docs FROM search_vocabulary
             WHERE term >= ?1 AND term < ?2 AND col <> 'stems'
               AND (length(term) BETWEEN ?3 AND ?4 OR substr(term, 1, ?5) = ?6)
             GROUP BY term`
          )
          .bind(
            first,
            String.fromCodePoint(first.codePointAt(0)! + 1),
            word.length - typos,
            word.length + typos,
            word.length,
            word
          )
      })
    )
    const out = new Map<string, string[]>()
    checked.forEach((word, i) => {
      const rows = (scans[i]?.results ?? []) as { term: string; docs: number }[]
      if (rows.some((r) => r.term.startsWith(word))) return // indexed, or a prefix of an indexed word
      const typos = allowedTypos(word)
      const close = rows
        .map((r) => ({ term: r.term, docs: r.docs, distance: editDistance(word, r.term, typos) }))
        .filter((c) => c.distance <= typos)
        .sort((a, b) => a.distance - b.distance || b.docs - a.docs)
        .slice(0, MAX_CORRECTIONS)
      if (close.length)
        out.set(
          word,
          close.map((c) => c.term)
        )
    })
    return out
  }
}

// ── Rows ─────────────────────────────────────────────────────────────────────

function toStoredRow(doc: SearchDocument): StoredRow {
  const hit: StoredHit = {
    slug: doc.slug,
    leadName: doc.leadName,
    themes: doc.themes,
    territories: doc.territories,
    stage: doc.stage,
    evidence: doc.evidence,
    year: doc.year,
    scopeLevel: doc.scopeLevel,
    country: doc.country,
    abroadPlace: doc.abroadPlace,
    lastVerifiedAt: doc.lastVerifiedAt,
    point: doc.point,
  }
  const facets: [FacetName, string][] = [
    ...doc.topThemes.map((v): [FacetName, string] => ['theme', v]),
    ...doc.regions.map((v): [FacetName, string] => ['region', v]),
    ...doc.departments.map((v): [FacetName, string] => ['department', v]),
    ['level', doc.level],
    ['stage', doc.stage],
    ['evidence', String(doc.evidence)],
    ['year', String(doc.year)],
    ['scope', doc.scopeLevel],
    ...(doc.country ? [['country', doc.country] as [FacetName, string]] : []),
    ...(doc.budgetBand ? [['budget', doc.budgetBand] as [FacetName, string]] : []),
    ...doc.fundingTypes.map((v): [FacetName, string] => ['fundingType', v]),
    ...doc.fundingProgrammes.map((v): [FacetName, string] => ['programme', v]),
    ...(doc.populationBand ? [['size', doc.populationBand] as [FacetName, string]] : []),
    ...(doc.densityClass ? [['density', doc.densityClass] as [FacetName, string]] : []),
  ]
  return {
    id: doc.id,
    revision: doc.revision,
    columns: {
      title: doc.title,
      summary: doc.summary,
      labels: [...doc.themeLabels, ...doc.stageLabels, ...doc.territoryLabels].join('\n'),
      body: [doc.leadName, doc.body].join('\n'),
      stems: doc.stems,
      evidence: doc.evidence,
      completeness: doc.completeness,
      published_at: doc.publishedAt,
      last_verified_at: doc.lastVerifiedAt,
      hit: JSON.stringify(hit),
    },
    facets,
  }
}

function toHit(row: DocumentRow): SearchHit {
  const stored = JSON.parse(row.hit) as StoredHit
  return {
    id: row.id,
    slug: stored.slug,
    title: row.title,
    summary: row.summary,
    territories: stored.territories,
    themes: stored.themes,
    stage: stored.stage,
    evidenceLevel: stored.evidence,
    leadName: stored.leadName,
    year: hitYear(stored.year),
    scopeLevel: stored.scopeLevel,
    country: stored.country,
    abroadPlace: stored.abroadPlace,
    lastVerifiedAt: stored.lastVerifiedAt,
    point: stored.point ?? null,
    highlight: { title: escapeHighlight(row.hl_title), summary: escapeHighlight(row.hl_summary) },
  }
}
