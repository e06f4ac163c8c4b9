/**
 * The embedded search engine: SQLite FTS5 (`unicode61 remove_diacritics 2`) in its own
 * derived D1 database (binding SEARCH_DB). It answers when Meilisearch is not configured
 * or not reachable, with the same query, filter and facet semantics as Meilisearch:
 * accent-insensitive, the same stop words and lexicon, hyphen = space, records holding
 * more query words first, French stems in their own column, and typo corrections from the
 * index's own vocabulary (README.md). All SQL of the embedded index lives in this file.
 */
import { foldText } from '../domain/text'
import { escapeHighlight, MARK_END, MARK_START } from './documents'
import {
  allowedTypos,
  mayHaveTypo,
  TEXT_COLUMNS,
  queryWords,
  toTextMatch,
  type QueryWord,
  type TextMatch,
} from './fts-query'
import { MAX_TOTAL_HITS } from './settings'
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

/** Bound parameters travel as JSON; keep each chunk well under D1's 1 MB value limit. */
const MAX_CHUNK_JSON = 400_000

/** bm25 column weights: title, summary, labels, body, stems. */
const BM25 = 'bm25(search_fts, 10.0, 4.0, 6.0, 1.0, 0.5)'

interface DocumentRow {
  id: string
  revision: number
  title: string
  summary: string
  hit: string
  hl_title: string
  hl_summary: string
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
}

export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded' as const

  constructor(private readonly db: D1Database) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const words = queryWords(query.q)
    const corrections = await this.corrections(words)
    const text = toTextMatch(words, corrections)
    const criteria: Criteria = {
      match: text?.any ?? null,
      filters: FACETS.flatMap((facet) => {
        const values = query.filters[facet]
        return values?.length ? [{ facet, values: values.map(String) }] : []
      }),
      excludeIds: query.excludeIds ?? [],
    }
    const page = Math.max(1, query.page)
    const offset = (page - 1) * query.hitsPerPage
    // Never page deeper than Meilisearch's maxTotalHits, so both engines agree.
    const limit = Math.max(0, Math.min(query.hitsPerPage, MAX_TOTAL_HITS - offset))

    const statement = ({ sql, params }: Sql) => this.db.prepare(sql).bind(...params)
    const [hits, total, facets] = await this.db.batch([
      statement(hitsSql(criteria, text, query.sort, limit, offset)),
      statement(countSql(criteria)),
      ...(query.facets === false ? [] : [statement(facetsSql(criteria))]),
    ])

    const facetCounts = Object.fromEntries(FACETS.map((f) => [f, {}])) as SearchResult['facets']
    for (const row of (facets?.results ?? []) as { facet: FacetName; value: string; n: number }[]) {
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
      didYouMean: corrections.size ? suggestion(query.q, corrections) : null,
    }
  }

  /**
   * Spelling corrections from the index's own vocabulary: each plain query word of 5 letters
   * or more that no indexed word equals or starts with gets the indexed words within
   * Meilisearch's typo thresholds (1 from 5 letters, 2 from 9), closest and most frequent
   * first. Candidates share the word's first letter, as typed words almost always do: the
   * vocabulary is read by range on its index, never scanned whole. One query per search.
   */
  private async corrections(words: readonly QueryWord[]): Promise<Map<string, string[]>> {
    const candidates = [...new Set(words.filter(mayHaveTypo).map((w) => w.text))]
    if (candidates.length === 0) return new Map()
    // Most words are indexed: one FTS5 prefix lookup each tells, before any vocabulary read.
    const found = await this.db
      .prepare(
        `SELECT ${candidates
          .map(
            (_, i) => `EXISTS (SELECT 1 FROM search_fts WHERE search_fts MATCH ?${i + 1}) AS w${i}`
          )
          .join(', ')}`
      )
      .bind(...candidates.map((word) => `${TEXT_COLUMNS} : "${word}"*`))
      .first<Record<string, number>>()
    const checked = candidates.filter((_, i) => !found?.[`w${i}`])
    if (checked.length === 0) return new Map()
    const ranges = checked.map((word) => {
      const typos = allowedTypos(word)
      const first = word[0]!
      return {
        word,
        lo: first,
        hi: String.fromCodePoint(first.codePointAt(0)! + 1),
        min: word.length - typos,
        max: word.length + typos,
      }
    })
    // One range scan of the vocabulary per word (D1 caps compound SELECTs, so a join on the
    // words rather than a UNION); prefix extensions are kept to tell known words apart.
    const { results } = await this.db
      .prepare(
        `SELECT w.key AS i, v.term AS term, sum(v.doc) AS docs
         FROM json_each(?1) w
         JOIN search_vocabulary v ON v.term >= w.value->>'$.lo' AND v.term < w.value->>'$.hi'
         WHERE v.col <> 'stems'
           AND (length(v.term) BETWEEN w.value->>'$.min' AND w.value->>'$.max'
             OR substr(v.term, 1, length(w.value->>'$.word')) = w.value->>'$.word')
         GROUP BY w.key, v.term`
      )
      .bind(JSON.stringify(ranges))
      .all<{ i: number; term: string; docs: number }>()
    const out = new Map<string, string[]>()
    checked.forEach((word, i) => {
      const rows = results.filter((r) => r.i === i)
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

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    if (documents.length === 0) return
    const statements: D1PreparedStatement[] = []
    for (const chunk of chunkByJsonSize(documents.map(toStoredRow))) {
      const json = JSON.stringify(chunk)
      statements.push(
        this.db
          .prepare(
            `DELETE FROM search_document_facets WHERE docid IN (SELECT docid FROM search_documents
               WHERE id IN (SELECT json_extract(value, '$.id') FROM json_each(?1)))`
          )
          .bind(json),
        this.db
          .prepare(
            `INSERT INTO search_documents (id, revision, title, summary, labels, body, stems,
               evidence, completeness, published_at, hit)
             SELECT v->>'$.id', v->>'$.revision', v->>'$.title', v->>'$.summary', v->>'$.labels',
               v->>'$.body', v->>'$.stems', v->>'$.evidence', v->>'$.completeness',
               v->>'$.publishedAt', v->>'$.hit'
             FROM (SELECT value AS v FROM json_each(?1)) WHERE true
             ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, title = excluded.title,
               summary = excluded.summary, labels = excluded.labels, body = excluded.body,
               stems = excluded.stems,
               evidence = excluded.evidence, completeness = excluded.completeness,
               published_at = excluded.published_at, hit = excluded.hit`
          )
          .bind(json),
        this.db
          .prepare(
            `INSERT OR IGNORE INTO search_facet_values (facet, value)
             SELECT DISTINCT f.value->>'$[0]', f.value->>'$[1]'
             FROM json_each(?1) j, json_each(j.value, '$.facets') f`
          )
          .bind(json),
        this.db
          .prepare(
            `INSERT OR IGNORE INTO search_document_facets (docid, code)
             SELECT d.docid, v.code
             FROM json_each(?1) j
             JOIN search_documents d ON d.id = j.value->>'$.id',
             json_each(j.value, '$.facets') f
             JOIN search_facet_values v
               ON v.facet = f.value->>'$[0]' AND v.value = f.value->>'$[1]'`
          )
          .bind(json)
      )
    }
    // One batch: a document and its facet values change together or not at all.
    await this.db.batch(statements)
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return
    const json = JSON.stringify(ids)
    await this.db.batch([
      this.db
        .prepare(
          `DELETE FROM search_document_facets WHERE docid IN
             (SELECT docid FROM search_documents WHERE id IN (SELECT value FROM json_each(?1)))`
        )
        .bind(json),
      this.db
        .prepare('DELETE FROM search_documents WHERE id IN (SELECT value FROM json_each(?1))')
        .bind(json),
    ])
  }

  async indexedRevisions(): Promise<Map<string, number>> {
    const { results } = await this.db
      .prepare('SELECT id, revision FROM search_documents')
      .all<{ id: string; revision: number }>()
    return new Map(results.map((r) => [r.id, r.revision]))
  }
}

// ── Query building ───────────────────────────────────────────────────────────

/** What a search selects: text, facet filters (OR within, AND across), excluded ids. */
interface Criteria {
  match: string | null
  filters: { facet: FacetName; values: string[] }[]
  excludeIds: readonly string[]
}

interface Sql {
  sql: string
  params: unknown[]
}

/**
 * Numbered placeholders for one statement. Clauses are written only for the criteria a
 * query has, so SQLite plans each shape on its own (a filter-only query is driven by the
 * facet index, an empty one by no index at all) instead of evaluating `?n IS NULL OR …`
 * on every row.
 */
class Params {
  readonly values: unknown[] = []
  add(value: unknown): string {
    this.values.push(value)
    return `?${this.values.length}`
  }
}

/**
 * The conditions on `search_documents d`, without the facet filter `waive` (disjunctive
 * counts of that facet). `textMatchedByJoin`: the caller already joins search_fts.
 */
function conditions(
  c: Criteria,
  p: Params,
  options: { waive?: FacetName; textMatchedByJoin?: boolean } = {}
): string[] {
  const clauses: string[] = []
  if (c.match !== null && !options.textMatchedByJoin) {
    clauses.push(
      `d.docid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${p.add(c.match)})`
    )
  }
  for (const { facet, values } of c.filters) {
    if (facet === options.waive) continue
    clauses.push(
      `d.docid IN (SELECT docid FROM search_document_facets WHERE code IN
         (SELECT code FROM search_facet_values WHERE facet = '${facet}'
           AND value IN (SELECT value FROM json_each(${p.add(JSON.stringify(values))}))))`
    )
  }
  if (c.excludeIds.length) {
    clauses.push(
      `d.id NOT IN (SELECT value FROM json_each(${p.add(JSON.stringify(c.excludeIds))}))`
    )
  }
  return clauses
}

const whereClause = (clauses: readonly string[]) =>
  clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''

/**
 * The docids matching the criteria (less the waived facet filter). Text alone is answered
 * by the FTS index without reading the documents: at 100k, looking up ~30k document rows
 * only to read their docid took longer than the count itself. With a facet filter the
 * documents drive: constraining search_fts by rowid makes SQLite re-run the match per
 * candidate (tens of seconds).
 */
function matchingDocids(c: Criteria, p: Params, waive: FacetName | null = null): string {
  if (c.match !== null && unfiltered(c, waive))
    return `SELECT rowid AS docid FROM search_fts WHERE search_fts MATCH ${p.add(c.match)}`
  return `SELECT d.docid FROM search_documents d ${whereClause(conditions(c, p, waive ? { waive } : {}))}`
}

/** No facet filter (but the waived one) and no excluded id. */
const unfiltered = (c: Criteria, waive: FacetName | null) =>
  c.excludeIds.length === 0 && c.filters.every(({ facet }) => facet === waive)

function countSql(c: Criteria): Sql {
  const p = new Params()
  return { sql: `SELECT count(*) AS n FROM (${matchingDocids(c, p)})`, params: p.values }
}

/**
 * Disjunctive facet counts, as Meilisearch gives them: a facet with a filter is counted
 * over the documents matching every OTHER criterion, the other facets over the documents
 * matching all of them. So one grouped pass over the matching documents, plus one per
 * filtered facet. Each pass groups integer facet codes (migration search/0002) and names
 * them afterwards. A pass over the whole index reads the codes in primary-key order; any
 * other pass first selects the matching documents, then joins their codes. At 100k
 * experiments this took an empty query from ~1.3 s (one pass with a per-row test of every
 * filter, on strings) to well under 0.1 s. At most 8 passes of at most 9 parameters: under
 * D1's 100.
 */
function facetsSql(c: Criteria): Sql {
  const p = new Params()
  const filtered = c.filters.map((f) => f.facet)
  const pass = (waive: FacetName | null): string => {
    const facets = waive
      ? `facet = '${waive}'`
      : filtered.length
        ? `facet NOT IN (${filtered.map((f) => `'${f}'`)})`
        : null
    const codes = facets ? `(SELECT code FROM search_facet_values WHERE ${facets})` : null
    // Over the whole index the codes drive (primary key order). Over matching documents,
    // `+f.code` keeps the code a test on each document's ~8 rows: offered the primary key,
    // SQLite walked every row of ~150 codes instead (seconds at 100k).
    const counts =
      c.match === null && unfiltered(c, waive)
        ? `SELECT f.code, count(*) AS n FROM search_document_facets f
            ${codes ? `WHERE f.code IN ${codes}` : ''} GROUP BY f.code`
        : `SELECT f.code, count(*) AS n
            FROM (${matchingDocids(c, p, waive)}) m
            JOIN search_document_facets f ON f.docid = m.docid ${codes ? `AND +f.code IN ${codes}` : ''}
            GROUP BY f.code`
    return `SELECT v.facet, v.value, counted.n FROM (${counts}) counted
      JOIN search_facet_values v ON v.code = counted.code`
  }
  const passes = [
    ...(filtered.length < FACETS.length ? [pass(null)] : []),
    ...filtered.map((facet) => pass(facet)),
  ]
  return { sql: passes.join('\nUNION ALL\n'), params: p.values }
}

const ORDER: Record<SearchQuery['sort'], string> = {
  relevance: 'd.evidence DESC, d.completeness DESC, d.published_at DESC',
  recent: 'd.published_at DESC',
  evidence: 'd.evidence DESC, d.published_at DESC',
  completeness: 'd.completeness DESC, d.published_at DESC',
}

function hitsSql(
  c: Criteria,
  text: TextMatch | null,
  sort: SearchQuery['sort'],
  limit: number,
  offset: number
): Sql {
  const p = new Params()
  const columns = 'd.id, d.revision, d.title, d.summary, d.hit'
  if (c.match === null || text === null) {
    const sql = `SELECT ${columns}, d.title AS hl_title, d.summary AS hl_summary
      FROM search_documents d ${whereClause(conditions(c, p))}
      ORDER BY ${ORDER[sort]}, d.id DESC LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`
    return { sql, params: p.values }
  }
  // As Meilisearch's ranking rules: how many query words a document has, then how many in
  // their exact form (not only through a stem or a typo correction), then an explicit sort,
  // then bm25 and the tie-breakers. Each word's documents are one FTS5 lookup, which
  // SQLite runs once per statement and then probes per candidate.
  const has = (expression: string) =>
    `(d.docid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ${p.add(expression)}))`
  const words = text.words.length > 1 ? text.words.map((w) => has(w.all)).join(' + ') : '1'
  const inexact = text.words.filter((w) => w.exact !== null)
  const loose = inexact.length
    ? inexact.map((w) => `${has(w.all)} - ${has(w.exact!)}`).join(' + ')
    : '0'
  const match = p.add(c.match)
  const clauses = [`search_fts MATCH ${match}`, ...conditions(c, p, { textMatchedByJoin: true })]
  const then = sort === 'relevance' ? `${BM25}, ${ORDER.relevance}` : `${ORDER[sort]}, ${BM25}`
  const order = `words DESC, loose ASC, ${then}, d.id DESC`
  const start = p.add(MARK_START)
  const end = p.add(MARK_END)
  // The page is ranked first, then only its rows are highlighted: highlight() on every
  // matching row (thousands when a query word is common) cost more than the ranking.
  const sql = `WITH page AS (
      SELECT d.docid, ${words} AS words, ${loose} AS loose
      FROM search_fts JOIN search_documents d ON d.docid = search_fts.rowid
      ${whereClause(clauses)}
      ORDER BY ${order} LIMIT ${p.add(limit)} OFFSET ${p.add(offset)})
    SELECT ${columns}, highlight(search_fts, 0, ${start}, ${end}) AS hl_title,
      highlight(search_fts, 1, ${start}, ${end}) AS hl_summary
    FROM page JOIN search_fts ON search_fts.rowid = page.docid
      JOIN search_documents d ON d.docid = page.docid
    WHERE search_fts MATCH ${match}
    ORDER BY page.${order.replace(', loose ASC', ', page.loose ASC')}`
  return { sql, params: p.values }
}

/** At most this many corrections per misspelt word. */
const MAX_CORRECTIONS = 3

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, as
 * Meilisearch counts typos), giving up above `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1)
      }
      row.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    prev2 = prev
    prev = row
  }
  return prev[b.length]!
}

/**
 * The query as the user typed it, each corrected word replaced by its first correction:
 * what « Vouliez-vous dire … » offers.
 */
function suggestion(q: string, corrections: ReadonlyMap<string, readonly string[]>): string {
  return q.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(foldText(word))?.[0] ?? word)
}

// ── Rows ─────────────────────────────────────────────────────────────────────

function toStoredRow(doc: SearchDocument) {
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
  ]
  return {
    id: doc.id,
    revision: doc.revision,
    title: doc.title,
    summary: doc.summary,
    labels: [...doc.themeLabels, ...doc.stageLabels, ...doc.territoryLabels].join('\n'),
    body: [doc.leadName, doc.body].join('\n'),
    stems: doc.stems,
    evidence: doc.evidence,
    completeness: doc.completeness,
    publishedAt: doc.publishedAt,
    hit: JSON.stringify(hit),
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
    highlight: { title: escapeHighlight(row.hl_title), summary: escapeHighlight(row.hl_summary) },
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
