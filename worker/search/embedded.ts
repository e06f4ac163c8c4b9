/**
 * The embedded search engine: SQLite FTS5 (`unicode61 remove_diacritics 2`) in its own
 * derived D1 database (binding SEARCH_DB). It answers when Meilisearch is not configured
 * or not reachable, with the same query, filter and facet semantics as Meilisearch:
 * accent-insensitive, the same stop words and lexicon, hyphen = space, records holding
 * more query words first, French stems in their own column, and typo corrections from the
 * index's own vocabulary (README.md). The index's SQL lives in embedded-store.ts (writes,
 * vocabulary, shared with actors and events) and embedded-sql.ts (the search statements);
 * typo.ts holds the correction arithmetic.
 */
import { verificationCutoff } from '../domain/freshness'
import { escapeHighlight } from './documents'
import { countSql, facetsSql, hitsSql, type Criteria, type Sql } from './embedded-sql'
import { EmbeddedStore, EXPERIMENT_TABLES, type StoredRow } from './embedded-store'
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

export class EmbeddedEngine extends EmbeddedStore<SearchDocument> implements SearchEngine {
  constructor(db: D1Database) {
    super(db, EXPERIMENT_TABLES, toStoredRow)
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const { text, didYouMean } = await this.correctedMatch(query.q)
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
