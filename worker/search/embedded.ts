/**
 * The embedded search engine: SQLite FTS5 (`unicode61 remove_diacritics 2`) in its own
 * derived D1 database (binding SEARCH_DB). It answers when Meilisearch is not configured
 * or not reachable, with the same query, filter and facet semantics as far as FTS5 allows:
 * accent-insensitive, the same stop words and synonyms, hyphen = space, a light plural
 * folding instead of typo tolerance. All SQL of the embedded index lives in this file.
 */
import { foldText } from '../domain/text'
import { escapeHighlight, MARK_END, MARK_START } from './documents'
import { foldedSynonymGroups, MAX_TOTAL_HITS, STOP_WORDS } from './settings'
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

/** Meilisearch reads the first 10 query words; so do we. */
const MAX_QUERY_WORDS = 10
/** Bound parameters travel as JSON; keep each chunk well under D1's 1 MB value limit. */
const MAX_CHUNK_JSON = 400_000

/** bm25 column weights: title, summary, labels, body. */
const BM25 = 'bm25(search_fts, 10.0, 4.0, 6.0, 1.0)'

const FOLDED_STOP_WORDS = new Set(STOP_WORDS.map(foldText))
const SYNONYMS = foldedSynonymGroups()

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
}

export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded' as const

  constructor(private readonly db: D1Database) {}

  async search(query: SearchQuery): Promise<SearchResult> {
    const match = toMatchExpression(query.q, query.matching ?? 'all')
    const criteria: Criteria = {
      match,
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
      statement(hitsSql(criteria, query.sort, limit, offset)),
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
    }
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
            `INSERT INTO search_documents (id, revision, title, summary, labels, body, evidence,
               completeness, published_at, hit)
             SELECT v->>'$.id', v->>'$.revision', v->>'$.title', v->>'$.summary', v->>'$.labels',
               v->>'$.body', v->>'$.evidence', v->>'$.completeness', v->>'$.publishedAt', v->>'$.hit'
             FROM (SELECT value AS v FROM json_each(?1)) WHERE true
             ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, title = excluded.title,
               summary = excluded.summary, labels = excluded.labels, body = excluded.body,
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

function hitsSql(c: Criteria, sort: SearchQuery['sort'], limit: number, offset: number): Sql {
  const p = new Params()
  const columns = 'd.id, d.revision, d.title, d.summary, d.hit'
  if (c.match === null) {
    const sql = `SELECT ${columns}, d.title AS hl_title, d.summary AS hl_summary
      FROM search_documents d ${whereClause(conditions(c, p))}
      ORDER BY ${ORDER[sort]}, d.id DESC LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`
    return { sql, params: p.values }
  }
  // Relevance: bm25 first, then the same tie-breakers as Meilisearch's custom rules.
  const order = sort === 'relevance' ? `${BM25}, ${ORDER.relevance}` : `${ORDER[sort]}, ${BM25}`
  const start = p.add(MARK_START)
  const end = p.add(MARK_END)
  const clauses = [
    `search_fts MATCH ${p.add(c.match)}`,
    ...conditions(c, p, { textMatchedByJoin: true }),
  ]
  const sql = `SELECT ${columns}, highlight(search_fts, 0, ${start}, ${end}) AS hl_title,
      highlight(search_fts, 1, ${start}, ${end}) AS hl_summary
    FROM search_fts JOIN search_documents d ON d.docid = search_fts.rowid
    ${whereClause(clauses)}
    ORDER BY ${order}, d.id DESC LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}`
  return { sql, params: p.values }
}

/**
 * The FTS5 expression for a user query, or null for "everything". Every term is a quoted
 * string built from folded words, so no FTS5 operator typed by the user is interpreted.
 * Synonym phrases become `(a OR b)` groups; other words match as prefixes once a trailing
 * plural `s`/`x` is dropped ("numériques" finds "numérique" and back).
 */
export function toMatchExpression(q: string, matching: 'all' | 'any'): string | null {
  const words = foldText(q).split(' ').filter(Boolean).slice(0, MAX_QUERY_WORDS)
  const terms: string[] = []
  const plain: string[] = []
  for (let i = 0; i < words.length;) {
    const synonym = longestSynonymAt(words, i)
    if (synonym) {
      terms.push(`(${synonym.group.map((phrase) => quote(phrase.join(' '))).join(' OR ')})`)
      i += synonym.length
      continue
    }
    plain.push(words[i]!)
    i += 1
  }
  const meaningful = plain.filter((w) => !FOLDED_STOP_WORDS.has(w))
  // A query made only of stop words ("à la") still searches them.
  for (const word of meaningful.length || terms.length ? meaningful : plain) {
    terms.push(wordTerm(word))
  }
  if (terms.length === 0) return null
  return terms.join(matching === 'all' ? ' AND ' : ' OR ')
}

function wordTerm(word: string): string {
  if (word.length < 3 || /^\d+$/.test(word)) return quote(word)
  const stem = word.length >= 5 && /[sx]$/.test(word) ? word.slice(0, -1) : word
  return `${quote(stem)}*`
}

function longestSynonymAt(
  words: readonly string[],
  at: number
): { group: string[][]; length: number } | null {
  let best: { group: string[][]; length: number } | null = null
  for (const group of SYNONYMS) {
    for (const phrase of group) {
      const fits = phrase.every((w, k) => words[at + k] === w)
      if (fits && phrase.length > (best?.length ?? 0)) best = { group, length: phrase.length }
    }
  }
  if (!best) return null
  // Several groups may share an expression (MSAP / France Services): merge them.
  const merged = SYNONYMS.filter((g) =>
    g.some((p) => p.length === best.length && p.every((w, k) => words[at + k] === w))
  ).flat()
  return { group: [...new Map(merged.map((p) => [p.join(' '), p])).values()], length: best.length }
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`

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
    labels: [...doc.themeLabels, ...doc.territoryLabels].join('\n'),
    body: [doc.leadName, doc.body].join('\n'),
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
