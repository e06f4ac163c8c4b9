/**
 * The embedded engine's actors (SEARCH_DB, migration search/0006): the list's search
 * with disjunctive facet counts, and « Qui peut m'aider ? » — one statement over the
 * actors' facet rows (skills, places with their ancestry, themes), ranked by the closest
 * proximity level, then slug and id, exactly as Meilisearch sorts the same fields
 * (actors-meilisearch.ts). Rules: domain/matching.ts.
 */
import { ACTOR_FACETS, emptyActorFacets, type ActorFacet } from '../domain/actor-search'
import type { ActorSearchQuery, ActorSearchResult } from '../domain/actor-search'
import { ACTOR_TABLES, EmbeddedStore, type StoredRow } from './embedded-store'
import { Params } from './embedded-sql'
import { MAX_TOTAL_HITS } from './settings'
import type { ActorDocument, ActorSearchEngine, MatchHit, MatchSearch } from './types'

/** bm25 column weights: name, description, labels, body, stems (as Meilisearch's attribute order). */
const BM25 = 'bm25(actor_fts, 10.0, 4.0, 6.0, 1.0, 0.5)'

/** The documents holding one of `values` for `facet` (a bound JSON array). */
const withFacet = (facet: string, values: string) =>
  `SELECT f.docid FROM actor_document_facets f WHERE f.code IN
     (SELECT code FROM actor_facet_values WHERE facet = '${facet}'
       AND value IN (SELECT value FROM json_each(${values})))`

const MATCH_SQL = `
WITH levels AS (
  SELECT CAST(key AS INTEGER) AS rank, value ->> '$.proximity' AS proximity,
         value ->> '$.code' AS code
  FROM json_each(?1)
),
candidates AS (
  SELECT d.docid, d.id, d.slug FROM actor_documents d
  WHERE d.docid IN (SELECT f.docid FROM actor_document_facets f WHERE f.code IN
          (SELECT code FROM actor_facet_values WHERE facet = ?2
             AND value IN (SELECT value FROM json_each(?3))))
    AND d.id <> ?4
    AND (?5 IS NULL OR d.docid IN (${withFacet('theme', 'json_array(?5)')}))
),
ranked AS (
  SELECT c.id, c.slug, (
      SELECT l.rank FROM levels l
      WHERE EXISTS (SELECT 1 FROM actor_document_facets f
                      JOIN actor_facet_values v ON v.code = f.code
                    WHERE f.docid = c.docid
                      AND ((l.code IS NULL AND v.facet = 'national' AND v.value = 'true')
                        OR (v.facet = 'place' AND v.value = l.code)))
      ORDER BY l.rank LIMIT 1
    ) AS rank
  FROM candidates c
)
SELECT r.id, l.proximity FROM ranked r JOIN levels l ON l.rank = r.rank
ORDER BY r.rank, r.slug, r.id
LIMIT ?6`

export class EmbeddedActorEngine extends EmbeddedStore<ActorDocument> implements ActorSearchEngine {
  constructor(db: D1Database) {
    super(db, ACTOR_TABLES, toStoredActor)
  }

  /**
   * Actors holding every query word (any of its forms: prefix, lexicon expressions,
   * stem), by bm25 then newest; without text, newest first. Facets are disjunctive.
   */
  async search(query: ActorSearchQuery): Promise<ActorSearchResult> {
    const { text } = await this.correctedMatch(query.q)
    const filters = ACTOR_FACETS.flatMap((facet) => {
      const values = query.filters[facet]
      return values?.length ? [{ facet, values: JSON.stringify(values) }] : []
    })
    // `joined`: the statement joins actor_fts and matches there.
    const where = (p: Params, waive: ActorFacet | null = null, joined = false) => {
      const clauses = [
        ...(text && !joined
          ? [`d.docid IN (SELECT rowid FROM actor_fts WHERE actor_fts MATCH ${p.add(text.every)})`]
          : []),
        ...filters
          .filter((f) => f.facet !== waive)
          .map((f) => `d.docid IN (${withFacet(f.facet, p.add(f.values))})`),
      ]
      return clauses
    }
    const whereClause = (clauses: string[]) =>
      clauses.length ? `WHERE ${clauses.join(' AND ')}` : ''
    const page = Math.max(1, query.page)
    const offset = (page - 1) * query.hitsPerPage
    const limit = Math.max(0, Math.min(query.hitsPerPage, MAX_TOTAL_HITS - offset))

    const hits = new Params()
    const hitsSql = text
      ? `SELECT d.id FROM actor_fts JOIN actor_documents d ON d.docid = actor_fts.rowid
         ${whereClause([`actor_fts MATCH ${hits.add(text.every)}`, ...where(hits, null, true)])}
         ORDER BY ${BM25}, d.published_at DESC, d.id DESC
         LIMIT ${hits.add(limit)} OFFSET ${hits.add(offset)}`
      : `SELECT d.id FROM actor_documents d ${whereClause(where(hits))}
         ORDER BY d.published_at DESC, d.id DESC
         LIMIT ${hits.add(limit)} OFFSET ${hits.add(offset)}`
    const count = new Params()
    const countSql = `SELECT count(*) AS n FROM actor_documents d ${whereClause(where(count))}`
    const facetStatements = ACTOR_FACETS.map((facet) => {
      const p = new Params()
      const sql = `SELECT v.value, count(*) AS n FROM actor_document_facets f
          JOIN actor_facet_values v ON v.code = f.code AND v.facet = '${facet}'
        WHERE f.docid IN (SELECT d.docid FROM actor_documents d ${whereClause(where(p, facet))})
        GROUP BY v.value`
      return this.db.prepare(sql).bind(...p.values)
    })
    const [hitRows, total, ...facetRows] = await this.db.batch([
      this.db.prepare(hitsSql).bind(...hits.values),
      this.db.prepare(countSql).bind(...count.values),
      ...facetStatements,
    ])
    const facets = emptyActorFacets()
    ACTOR_FACETS.forEach((facet, i) => {
      for (const row of (facetRows[i]?.results ?? []) as { value: string; n: number }[])
        facets[facet][row.value] = row.n
    })
    const n = ((total?.results ?? []) as { n: number }[])[0]?.n ?? 0
    return {
      ids: ((hitRows?.results ?? []) as { id: string }[]).map((r) => r.id),
      total: Math.min(n, MAX_TOTAL_HITS),
      page,
      hitsPerPage: query.hitsPerPage,
      facets,
      engine: 'embedded',
    }
  }

  async match(s: MatchSearch): Promise<MatchHit[]> {
    const { results } = await this.db
      .prepare(MATCH_SQL)
      .bind(
        JSON.stringify(s.levels),
        s.direction,
        JSON.stringify(s.skills),
        s.exclude ?? '',
        s.theme ?? null,
        s.limit
      )
      .all<MatchHit>()
    return results
  }
}

/** The stored row of an actor: its text columns and every value filters read. */
function toStoredActor(doc: ActorDocument): StoredRow {
  const facets: [string, string][] = [
    ['kind', doc.kind],
    ...doc.offerSkills.map((v): [string, string] => ['offers', v]),
    ...doc.needSkills.map((v): [string, string] => ['needs', v]),
    ...doc.territories.map((v): [string, string] => ['territory', v]),
    ...doc.programmes.map((v): [string, string] => ['programme', v]),
    ...doc.places.map((v): [string, string] => ['place', v]),
    ...doc.themes.map((v): [string, string] => ['theme', v]),
    ...(doc.national ? [['national', 'true'] as [string, string]] : []),
  ]
  return {
    id: doc.id,
    revision: doc.revision,
    columns: {
      slug: doc.slug,
      title: doc.name,
      summary: doc.description,
      labels: doc.labels.join('\n'),
      body: doc.body,
      stems: doc.stems,
      published_at: doc.publishedAt,
      hit: JSON.stringify({ slug: doc.slug, experiments: doc.experiments }),
    },
    facets,
  }
}
