/**
 * The embedded engine's search statements, written for the criteria a query has: one for
 * the page of hits (ranked by bm25 and the sort), one for the total and one for every
 * facet's counts in a single pass (disjunctive: a facet's counts ignore its own filter).
 */
import { MARK_END, MARK_START } from './documents'
import type { TextMatch } from './fts-query'
import { FACETS, type FacetName, type SearchQuery } from './types'

/** bm25 column weights: title, summary, labels, body, stems. */
const BM25 = 'bm25(search_fts, 10.0, 4.0, 6.0, 1.0, 0.5)'

/** What a search selects: text, facet filters (OR within, AND across), excluded ids. */
export interface Criteria {
  match: string | null
  filters: { facet: FacetName; values: string[] }[]
  excludeIds: readonly string[]
  /** « À vérifier »: never verified or last verified before this instant (ISO). */
  verifiedBefore: string | null
}

export interface Sql {
  sql: string
  params: unknown[]
}

/**
 * Numbered placeholders for one statement. Clauses are written only for the criteria a
 * query has, so SQLite plans each shape on its own (a filter-only query is driven by the
 * facet index, an empty one by no index at all) instead of evaluating `?n IS NULL OR …`
 * on every row.
 */
export class Params {
  readonly values: unknown[] = []
  /**
   * A value bound before is referred to by its number again: the facet passes repeat the
   * same filters, and 12 facets each filtered would otherwise bind over D1's 100 parameters.
   */
  add(value: unknown): string {
    const known = this.values.indexOf(value)
    if (known >= 0) return `?${known + 1}`
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
  if (c.verifiedBefore !== null) {
    clauses.push(`(d.last_verified_at IS NULL OR d.last_verified_at < ${p.add(c.verifiedBefore)})`)
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

/** No facet filter (but the waived one), no excluded id, no « à vérifier ». */
const unfiltered = (c: Criteria, waive: FacetName | null) =>
  c.excludeIds.length === 0 &&
  c.verifiedBefore === null &&
  c.filters.every(({ facet }) => facet === waive)

export function countSql(c: Criteria): Sql {
  const p = new Params()
  return { sql: `SELECT count(*) AS n FROM (${matchingDocids(c, p)})`, params: p.values }
}

/**
 * D1 refuses a compound SELECT of many terms ("too many terms in compound SELECT" with 12
 * passes): passes go by statements of at most this many, all in the search's one batch.
 */
const PASSES_PER_STATEMENT = 4

/**
 * Disjunctive facet counts, as Meilisearch gives them: a facet with a filter is counted
 * over the documents matching every OTHER criterion, the other facets over the documents
 * matching all of them. So one grouped pass over the matching documents, plus one per
 * filtered facet. Each pass groups integer facet codes (migration search/0002) and names
 * them afterwards. A pass over the whole index reads the codes in primary-key order; any
 * other pass first selects the matching documents, then joins their codes. At 100k
 * experiments this took an empty query from ~1.3 s (one pass with a per-row test of every
 * filter, on strings) to well under 0.1 s. The passes share their parameters (one per
 * filter, the text, the excluded ids): under D1's 100 whatever the selection.
 */
export function facetsSql(c: Criteria): Sql[] {
  const filtered = c.filters.map((f) => f.facet)
  const pass = (p: Params, waive: FacetName | null): string => {
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
  const passes: (FacetName | null)[] = [
    ...(filtered.length < FACETS.length ? [null] : []),
    ...filtered,
  ]
  const statements: Sql[] = []
  for (let i = 0; i < passes.length; i += PASSES_PER_STATEMENT) {
    const p = new Params()
    const sql = passes
      .slice(i, i + PASSES_PER_STATEMENT)
      .map((waive) => pass(p, waive))
      .join('\nUNION ALL\n')
    statements.push({ sql, params: p.values })
  }
  return statements
}

const ORDER: Record<SearchQuery['sort'], string> = {
  relevance: 'd.evidence DESC, d.completeness DESC, d.published_at DESC',
  recent: 'd.published_at DESC',
  evidence: 'd.evidence DESC, d.published_at DESC',
  completeness: 'd.completeness DESC, d.published_at DESC',
}

/**
 * How many records a text query ranks in full: the best by bm25 of the query, plus every
 * record holding all its words. Ranking every record that holds one common word cost most
 * of a search at 10k records; a record outside this set holds few of the query's words
 * where they weigh, and would rank low anyway.
 */
export const RANKED_CANDIDATES = 300

export function hitsSql(
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
  // Facet filters and excluded ids narrow the candidates before they are cut, so a narrow
  // filter still gets its best records. `+rowid` keeps SQLite from handing the rowid to
  // FTS5 as a constraint, which re-runs the match once per document.
  const filters = conditions(c, p, { textMatchedByJoin: true })
  const within = filters.length
    ? `AND +rowid IN (SELECT d.docid FROM search_documents d ${whereClause(filters)})`
    : ''
  const match = p.add(c.match)
  const fts = (expression: string) =>
    `SELECT rowid AS docid, ${BM25} AS score FROM search_fts
      WHERE search_fts MATCH ${expression} ${within}`
  const best = `SELECT * FROM (${fts(match)} ORDER BY score LIMIT ${RANKED_CANDIDATES})`
  const candidates =
    text.words.length > 1
      ? `SELECT docid, min(score) AS score FROM (${best} UNION ALL ${fts(p.add(text.every))})
          GROUP BY docid`
      : best
  const then = (score: string) =>
    sort === 'relevance' ? `${score}, ${ORDER.relevance}` : `${ORDER[sort]}, ${score}`
  // The candidates' columns under the names ORDER uses (`d.evidence`…).
  const ranked = `SELECT d.docid, row_number() OVER (
        ORDER BY d.words DESC, d.loose ASC, ${then('d.score')}, d.id DESC) AS position
      FROM (SELECT c.docid, c.score, d.id, d.evidence, d.completeness, d.published_at,
          ${words} AS words, ${loose} AS loose
        FROM candidates c JOIN search_documents d ON d.docid = c.docid) d`
  // Past the candidates (deep pages only), the other matching records follow by the sort
  // and bm25: every record still appears once, on one page.
  const rest = `SELECT d.docid, ${RANKED_CANDIDATES} + row_number() OVER (
        ORDER BY ${then('m.score')}, d.id DESC) AS position
      FROM (${fts(match)} AND +rowid NOT IN (SELECT docid FROM candidates)) m
      JOIN search_documents d ON d.docid = m.docid`
  const deep = offset + limit > RANKED_CANDIDATES
  const start = p.add(MARK_START)
  const end = p.add(MARK_END)
  // Every query word is marked, common ones included, on the page's rows only: the match
  // runs once over the index and highlight() reads just the rows kept (a join on the rowid
  // would re-run the match per row, ~3 ms each for a prefix as common as « numérique* »).
  const marked = p.add(text.words.map((w) => w.all).join(' OR '))
  const sql = `WITH candidates AS (${candidates}),
    page AS (
      SELECT docid, position FROM (${ranked}${deep ? ` UNION ALL ${rest}` : ''})
      ORDER BY position LIMIT ${p.add(limit)} OFFSET ${p.add(offset)}),
    marked AS MATERIALIZED (
      SELECT rowid AS docid, highlight(search_fts, 0, ${start}, ${end}) AS hl_title,
        highlight(search_fts, 1, ${start}, ${end}) AS hl_summary
      FROM search_fts WHERE search_fts MATCH ${marked} AND +rowid IN (SELECT docid FROM page))
    SELECT ${columns}, marked.hl_title, marked.hl_summary
    FROM page JOIN marked ON marked.docid = page.docid
      JOIN search_documents d ON d.docid = page.docid
    ORDER BY page.position`
  return { sql, params: p.values }
}
