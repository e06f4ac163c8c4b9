/**
 * The writing side of an embedded (SEARCH_DB) index, the same for every kind of record:
 * a documents table (its text columns feed an FTS5 table through triggers), facet values
 * as integer codes and each document's codes, and the reading side every kind shares: the
 * query words' frequencies and their spelling corrections from the kind's own vocabulary.
 * Experiments (migrations search/0001–0005), actors (search/0006) and events (search/0007)
 * each have their tables (their vocabularies: 0003, 0009); table and column names come only
 * from the constants, never from input.
 */
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
  type TextMatch,
} from './fts-query'
import { correctedQuery, editDistance, MAX_CORRECTIONS, type QueryVocabulary } from './typo'
import type { DocumentIndex, IndexedDocument } from './types'
import { documentCounts, forgetVocabulary, wordCounts } from './vocabulary-cache'

/** Bound parameters travel as JSON; keep each chunk well under D1's 1 MB value limit. */
const MAX_CHUNK_JSON = 400_000

export interface StoreTables {
  documents: string
  facetValues: string
  documentFacets: string
  /** The documents' columns besides docid, id and revision. */
  columns: readonly string[]
  /** Its FTS5 table, and that table's `fts5vocab` ('col'): the words typos correct to. */
  fts: string
  vocabulary: string
}

export const EXPERIMENT_TABLES: StoreTables = {
  documents: 'search_documents',
  facetValues: 'search_facet_values',
  documentFacets: 'search_document_facets',
  columns: [
    'title',
    'summary',
    'labels',
    'body',
    'stems',
    'evidence',
    'completeness',
    'published_at',
    'last_verified_at',
    'hit',
  ],
  fts: 'search_fts',
  vocabulary: 'search_vocabulary',
}

export const ACTOR_TABLES: StoreTables = {
  documents: 'actor_documents',
  facetValues: 'actor_facet_values',
  documentFacets: 'actor_document_facets',
  columns: ['slug', 'title', 'summary', 'labels', 'body', 'stems', 'published_at', 'hit'],
  fts: 'actor_fts',
  vocabulary: 'actor_vocabulary',
}

/** A document as stored: its columns by name, and its facet values as [facet, value] pairs. */
export interface StoredRow extends IndexedDocument {
  columns: Record<string, unknown>
  facets: [string, string][]
}

export class EmbeddedStore<D extends IndexedDocument> implements DocumentIndex<D> {
  readonly name = 'embedded' as const

  constructor(
    protected readonly db: D1Database,
    private readonly tables: StoreTables,
    private readonly toStored: (document: D) => StoredRow
  ) {}

  /**
   * The query's FTS5 expressions, its misspelt words corrected from this index's own
   * vocabulary (typo.ts), and the corrected query to offer (null when nothing was).
   */
  protected async correctedMatch(
    q: string
  ): Promise<{ text: TextMatch | null; didYouMean: string | null }> {
    const typed = queryWords(q)
    const { statistics, corrections } = await this.vocabulary(typed)
    const { words, didYouMean, alternatives } = correctedQuery(q, typed, corrections)
    return { text: toTextMatch(words, alternatives, commonWords(statistics)), didYouMean }
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
    const key = (w: QueryWord) =>
      `${this.tables.documents}|${lone ? 'lone' : 'many'}|${exactForms(w)}`
    const counts = new Map<string, number>()
    const missing: QueryWord[] = []
    for (const w of unique) {
      const known = wordCounts.get(key(w), now)
      if (known === undefined) missing.push(w)
      else counts.set(w.text, known)
    }
    let documents = documentCounts.get(this.tables.documents, now)
    if (missing.length === 0 && documents !== undefined) return { documents, counts }
    const { fts } = this.tables
    const columns = [
      '(SELECT documents FROM threshold) AS documents',
      ...missing.map(
        (_, i) => `(SELECT count(*) FROM (SELECT 1 FROM ${fts} WHERE ${fts} MATCH
          ?${i + 3} LIMIT (SELECT cap FROM threshold))) AS w${i}`
      ),
    ]
    const row = await this.db
      .prepare(
        `WITH threshold AS (SELECT count(*) AS documents,
           max(CAST(count(*) * ?1 AS INTEGER), ?2) + 1 AS cap FROM ${this.tables.documents})
         SELECT ${columns.join(', ')}`
      )
      .bind(share, floor, ...missing.map(exactForms))
      .first<Record<string, number>>()
    documents = row?.documents ?? 0
    documentCounts.set(this.tables.documents, documents, now)
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
            `SELECT term, sum(doc) AS docs FROM ${this.tables.vocabulary}
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

  async upsert(documents: readonly D[]): Promise<void> {
    if (documents.length === 0) return
    const { documents: docs, facetValues, documentFacets, columns } = this.tables
    const statements: D1PreparedStatement[] = []
    for (const chunk of chunkByJsonSize(documents.map(this.toStored))) {
      const json = JSON.stringify(chunk)
      statements.push(
        this.db
          .prepare(
            `DELETE FROM ${documentFacets} WHERE docid IN (SELECT docid FROM ${docs}
               WHERE id IN (SELECT json_extract(value, '$.id') FROM json_each(?1)))`
          )
          .bind(json),
        this.db
          .prepare(
            `INSERT INTO ${docs} (id, revision, ${columns.join(', ')})
             SELECT v->>'$.id', v->>'$.revision', ${columns.map((c) => `v->>'$.columns.${c}'`).join(', ')}
             FROM (SELECT value AS v FROM json_each(?1)) WHERE true
             ON CONFLICT (id) DO UPDATE SET revision = excluded.revision,
               ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`
          )
          .bind(json),
        this.db
          .prepare(
            `INSERT OR IGNORE INTO ${facetValues} (facet, value)
             SELECT DISTINCT f.value->>'$[0]', f.value->>'$[1]'
             FROM json_each(?1) j, json_each(j.value, '$.facets') f`
          )
          .bind(json),
        this.db
          .prepare(
            `INSERT OR IGNORE INTO ${documentFacets} (docid, code)
             SELECT d.docid, v.code
             FROM json_each(?1) j
             JOIN ${docs} d ON d.id = j.value->>'$.id',
             json_each(j.value, '$.facets') f
             JOIN ${facetValues} v
               ON v.facet = f.value->>'$[0]' AND v.value = f.value->>'$[1]'`
          )
          .bind(json)
      )
    }
    // One batch: a document and its facet values change together or not at all.
    await this.db.batch(statements)
    // What the vocabulary said before a write no longer holds (vocabulary-cache.ts).
    forgetVocabulary()
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    const { documents: docs, documentFacets } = this.tables
    const json = JSON.stringify(ids)
    await this.db.batch([
      this.db
        .prepare(
          `DELETE FROM ${documentFacets} WHERE docid IN
             (SELECT docid FROM ${docs} WHERE id IN (SELECT value FROM json_each(?1)))`
        )
        .bind(json),
      this.db
        .prepare(`DELETE FROM ${docs} WHERE id IN (SELECT value FROM json_each(?1))`)
        .bind(json),
    ])
    forgetVocabulary()
  }

  async indexedRevisions(): Promise<Map<string, number>> {
    const { results } = await this.db
      .prepare(`SELECT id, revision FROM ${this.tables.documents}`)
      .all<IndexedDocument>()
    return new Map(results.map((r) => [r.id, r.revision]))
  }
}

function chunkByJsonSize<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = []
  let current: T[] = []
  let size = 0
  for (const item of items) {
    const itemSize = JSON.stringify(item).length
    if (current.length > 0 && size + itemSize > MAX_CHUNK_JSON) {
      chunks.push(current)
      current = []
      size = 0
    }
    current.push(item)
    size += itemSize
  }
  if (current.length > 0) chunks.push(current)
  return chunks
}
