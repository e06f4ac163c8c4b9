/**
 * The writing side of an embedded (SEARCH_DB) index, the same for every kind of record:
 * a documents table (its text columns feed an FTS5 table through triggers), facet values
 * as integer codes and each document's codes. Experiments (migrations search/0001–0005)
 * and actors (search/0006) each have their tables; table and column names come only from
 * the constants below, never from input.
 */
import type { DocumentIndex, IndexedDocument } from './types'

/** Bound parameters travel as JSON; keep each chunk well under D1's 1 MB value limit. */
const MAX_CHUNK_JSON = 400_000

export interface StoreTables {
  documents: string
  facetValues: string
  documentFacets: string
  /** The documents' columns besides docid, id and revision. */
  columns: readonly string[]
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
}

export const ACTOR_TABLES: StoreTables = {
  documents: 'actor_documents',
  facetValues: 'actor_facet_values',
  documentFacets: 'actor_document_facets',
  columns: ['slug', 'title', 'summary', 'labels', 'body', 'stems', 'published_at', 'hit'],
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
