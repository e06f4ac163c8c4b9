/**
 * The kinds of record the search indexes hold, each said once: how to read its current
 * rows from D1, how to build its documents, and its index in each engine. The outbox
 * drain and the rebuild (sync.ts) walk this list and know nothing else of a kind.
 *
 * Adding a kind: its `record_kind` in the outbox (a D1 migration widening the
 * CHECK) and in db/record-kinds.ts, its tables in SEARCH_DB (a `migrations/search/`
 * migration shaped like 0006, with its `fts5vocab` as in 0009, both named in its
 * `StoreTables`: typo corrections then serve it), its document builder and engines (like
 * actor-documents.ts, actors-embedded.ts, actors-meilisearch.ts), then one entry here.
 */
import type { Status } from '../domain/experiment'
import { placesOf } from '../db/actor-places'
import {
  countActors,
  getActorsByIds,
  listActorsAfter,
  publishedActorRevisions,
  type ActorRow,
} from '../db/actors'
import { organiserNamesOf, toEvent, type EventRow } from '../db/events'
import { linkedExperimentsOf } from '../db/experiment-actors'
import {
  countExperiments,
  getExperimentsByIds,
  listExperimentsAfter,
  publishedRevisions,
  type ExperimentRow,
} from '../db/experiments'
import type { SearchTarget } from '../db/outbox'
import type { RecordKind } from '../db/record-kinds'
import {
  countRecords,
  publishedRecordRevisions,
  recordsAfter,
  recordsByIds,
} from '../db/record-reads'
import { ancestriesOf } from '../db/territories'
import type { Db } from '../db/session'
import { toActorDocument } from './actor-documents'
import { toSearchDocument } from './documents'
import { toEventDocument, type EventDocument } from './event-documents'
import {
  embeddedActorEngine,
  embeddedEngine,
  embeddedEventEngine,
  meilisearchActorEngine,
  meilisearchEngine,
  meilisearchEventEngine,
} from './engines'
import type { MeilisearchIndex } from './meilisearch-index'
import type { DocumentIndex, IndexedDocument } from './types'

/** What the sync reads of any record's current row. */
export interface IndexedRow {
  id: string
  status: Status
  revision: number
}

export interface DocumentBuilder<R, D> {
  build(row: R): D
}

/** The kinds of record the indexes hold. */
export const INDEXED_KIND_NAMES = [
  'experiment',
  'actor',
  'event',
] as const satisfies readonly RecordKind[]
export type IndexedKindName = (typeof INDEXED_KIND_NAMES)[number]

export interface IndexedKind<R extends IndexedRow, D extends IndexedDocument> {
  kind: IndexedKindName
  /** The current rows of these ids, any status (missing ids are absent). */
  rowsByIds(db: Db, ids: readonly string[]): Promise<R[]>
  /** Every row after `afterId` in id order, any status: the rebuild walks them all. */
  rowsAfter(db: Db, afterId: string, limit: number): Promise<R[]>
  /** Ids and revisions of every published row, to compare with an index. */
  publishedRevisions(db: Db): Promise<Map<string, number>>
  count(db: Db): Promise<number>
  /**
   * Reads what the documents of these rows need besides the rows (in one go), then
   * builds each one; a builder throws on a row it cannot index.
   */
  documentBuilder(db: Db, rows: readonly R[]): Promise<DocumentBuilder<R, D>>
  /** Its index for an outbox target; null when that engine is not configured. */
  index(env: Env, target: SearchTarget): DocumentIndex<D> | null
  /** Its Meilisearch index (settings), when configured. */
  meilisearch(env: Env): MeilisearchIndex<D> | null
}

export const experimentKind: IndexedKind<ExperimentRow, ReturnType<typeof toSearchDocument>> = {
  kind: 'experiment',
  rowsByIds: getExperimentsByIds,
  rowsAfter: listExperimentsAfter,
  publishedRevisions,
  count: countExperiments,
  documentBuilder: async () => ({ build: toSearchDocument }),
  index: (env, target) => (target === 'meilisearch' ? meilisearchEngine(env) : embeddedEngine(env)),
  meilisearch: meilisearchEngine,
}

export const actorKind: IndexedKind<ActorRow, ReturnType<typeof toActorDocument>> = {
  kind: 'actor',
  rowsByIds: getActorsByIds,
  rowsAfter: listActorsAfter,
  publishedRevisions: publishedActorRevisions,
  count: countActors,
  async documentBuilder(db, rows) {
    const ids = rows.filter((r) => r.status === 'published').map((r) => r.id)
    const [places, linked] = await Promise.all([placesOf(db, ids), linkedExperimentsOf(db, ids)])
    return {
      build: (row) =>
        toActorDocument({
          row,
          places: places.get(row.id) ?? [],
          themes: linked.get(row.id)?.themes ?? [],
          experiments: linked.get(row.id)?.experiments ?? 0,
        }),
    }
  },
  index: (env, target) =>
    target === 'meilisearch' ? meilisearchActorEngine(env) : embeddedActorEngine(env),
  meilisearch: meilisearchActorEngine,
}

/** Events: their place's ancestry and their organising actors' names are read in one go. */
const eventKind: IndexedKind<EventRow, EventDocument> = {
  kind: 'event',
  rowsByIds: (db, ids) => recordsByIds<EventRow>(db, 'event', ids),
  rowsAfter: (db, afterId, limit) => recordsAfter<EventRow>(db, 'event', afterId, limit),
  publishedRevisions: (db) => publishedRecordRevisions(db, 'event'),
  count: (db) => countRecords(db, 'event'),
  async documentBuilder(db, rows) {
    const published = rows.filter((r) => r.status === 'published')
    const [organisers, ancestries] = await Promise.all([
      organiserNamesOf(
        db,
        published.map((r) => r.id)
      ),
      ancestriesOf(
        db,
        published.map((r) => [r.commune, r.department, r.region].flatMap((c) => (c ? [c] : [])))
      ),
    ])
    const places = new Map(published.map((r, i) => [r.id, ancestries[i] ?? []]))
    return {
      build: (row) =>
        toEventDocument({
          event: toEvent(row),
          places: places.get(row.id) ?? [],
          organiserNames: organisers.get(row.id) ?? [],
        }),
    }
  },
  index: (env, target) =>
    target === 'meilisearch' ? meilisearchEventEngine(env) : embeddedEventEngine(env),
  meilisearch: meilisearchEventEngine,
}

export type AnyIndexedKind = IndexedKind<IndexedRow, IndexedDocument>

/** Every indexed kind, in the order the rebuild walks them. */
export const INDEXED_KINDS: readonly AnyIndexedKind[] = [experimentKind, actorKind, eventKind]
