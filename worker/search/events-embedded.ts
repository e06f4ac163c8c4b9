/**
 * Events in the embedded engine (SEARCH_DB, migration search/0007): FTS5 with the
 * experiments' analysis (folding, stop words, lexicon expressions, French stems in their
 * own column); an event matches when it holds every query word, ranked by bm25 then
 * start, as Meilisearch ranks the same fields (events-meilisearch.ts).
 */
import {
  EVENT_FILTERS,
  epochSeconds,
  type EventFilter,
  type EventSearchQuery,
  type EventSearchResult,
} from '../domain/event-search'
import { EmbeddedStore, type StoredRow } from './embedded-store'
import type { EventDocument } from './event-documents'
import { pageBounds, selected, type EventSearchEngine } from './events-query'
import { MAX_TOTAL_HITS } from './settings'

export const EVENT_TABLES = {
  documents: 'event_documents',
  facetValues: 'event_facet_values',
  documentFacets: 'event_document_facets',
  columns: ['title', 'summary', 'labels', 'body', 'stems', 'starts_at', 'ends_at', 'published_at'],
  fts: 'event_fts',
  vocabulary: 'event_vocabulary',
} as const

/** bm25 column weights: title, summary, labels, body, stems (as the experiments'). */
const BM25 = 'bm25(event_fts, 10.0, 4.0, 6.0, 1.0, 0.5)'

export class EmbeddedEventEngine extends EmbeddedStore<EventDocument> implements EventSearchEngine {
  constructor(db: D1Database) {
    super(db, EVENT_TABLES, toStoredRow)
  }

  async search(query: EventSearchQuery): Promise<EventSearchResult> {
    const { page, offset, limit } = pageBounds(query)
    const match = (await this.correctedMatch(query.q)).text?.every ?? null
    const params: unknown[] = []
    const bind = (value: unknown) => `?${params.push(value)}`
    const where: string[] = []
    if (match !== null) where.push(`event_fts MATCH ${bind(match)}`)
    for (const { filter, values } of selected(query)) {
      where.push(
        `d.docid IN (SELECT docid FROM event_document_facets WHERE code IN
           (SELECT code FROM event_facet_values WHERE facet = '${filter}'
             AND value IN (SELECT value FROM json_each(${bind(JSON.stringify(values))}))))`
      )
    }
    if (query.restituted) {
      where.push(
        `d.docid IN (SELECT docid FROM event_document_facets WHERE code IN
           (SELECT code FROM event_facet_values WHERE facet = 'restituted' AND value = 'true'))`
      )
    }
    if (query.from) where.push(`d.ends_at >= ${bind(epochSeconds(query.from))}`)
    if (query.to) where.push(`d.starts_at <= ${bind(epochSeconds(query.to))}`)
    const from =
      match !== null
        ? 'event_fts JOIN event_documents d ON d.docid = event_fts.rowid'
        : 'event_documents d'
    const filter = where.length ? `WHERE ${where.join(' AND ')}` : ''
    const order =
      query.sort === 'recent'
        ? 'd.starts_at DESC, d.id DESC'
        : query.sort === 'upcoming' || match === null
          ? 'd.starts_at, d.id'
          : `${BM25}, d.starts_at, d.id`
    const [hits, count] = await this.db.batch([
      this.db
        .prepare(
          `SELECT d.id FROM ${from} ${filter} ORDER BY ${order}
           LIMIT ${bind(limit)} OFFSET ${bind(offset)}`
        )
        .bind(...params),
      this.db
        .prepare(`SELECT count(*) AS n FROM ${from} ${filter}`)
        .bind(...params.slice(0, params.length - 2)),
    ])
    const n = ((count?.results ?? []) as { n: number }[])[0]?.n ?? 0
    return {
      ids: ((hits?.results ?? []) as { id: string }[]).map((r) => r.id),
      total: Math.min(n, MAX_TOTAL_HITS),
      page,
      hitsPerPage: query.hitsPerPage,
      engine: 'embedded',
    }
  }
}

/** The facet names of the embedded tables are the query's filter names, plus `restituted`. */
const EMBEDDED_FACETS: Record<EventFilter, (doc: EventDocument) => readonly string[]> = {
  kind: (doc) => [doc.kind],
  theme: (doc) => doc.themes,
  territory: (doc) => doc.territories,
  attendance: (doc) => [doc.attendance],
}

function toStoredRow(doc: EventDocument): StoredRow {
  return {
    id: doc.id,
    revision: doc.revision,
    columns: {
      title: doc.title,
      summary: doc.description,
      labels: doc.labels.join('\n'),
      body: [...doc.organisers, doc.restitution].join('\n'),
      stems: doc.stems,
      starts_at: doc.startsAt,
      ends_at: doc.endsAt,
      published_at: doc.publishedAt,
    },
    facets: [
      ...EVENT_FILTERS.flatMap((filter) =>
        EMBEDDED_FACETS[filter](doc).map((value): [string, string] => [filter, value])
      ),
      ...(doc.restituted ? [['restituted', 'true'] as [string, string]] : []),
    ],
  }
}
