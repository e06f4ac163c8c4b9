/**
 * Exports are streamed: keyset pages are read from D1 only as the client consumes the
 * body, so memory stays at one page and 100k records cost about 200 small queries
 * (EXPORT_PAGE_SIZE), within a Worker's limits.
 */
import {
  listPublishedExperiments,
  toExperiment,
  type CatalogueFilters,
  type ListCursor,
} from '../db/experiments'
import type { Actor } from '../domain/actor'
import { listPublishedActors, toActor, type ActorFilters } from '../db/actors'
import type { Db } from '../db/session'
import { listAgenda, toEvent, type AgendaCursor } from '../db/events'
import type { AgendaFilters } from '../domain/agenda'
import type { Event } from '../domain/event'
import { publicActor } from '../open-data/actors'
import { publicEvent } from '../open-data/events'
import { publicRecord, type StreamShape } from '../open-data/files'

/** Rows per D1 query while streaming: ~200 queries for 100k records, one page in memory. */
const EXPORT_PAGE_SIZE = 500

/** The published catalogue, page by page, pulled only as fast as the client reads. */
export function catalogueStream(
  db: Db,
  filters: CatalogueFilters,
  shape: StreamShape,
  pageSize = EXPORT_PAGE_SIZE
): ReadableStream<Uint8Array> {
  return recordStream(
    async (cursor, size) => {
      const rows = await listPublishedExperiments(db, filters, cursor, size)
      return byPublication(rows.map(toExperiment).map(publicRecord), rows.at(-1))
    },
    shape,
    pageSize
  )
}

/** The published actors, page by page, whitelisted to their public keys. */
export function actorStream(
  db: Db,
  filters: ActorFilters,
  shape: StreamShape<Actor>,
  pageSize = EXPORT_PAGE_SIZE
): ReadableStream<Uint8Array> {
  return recordStream(
    async (cursor, size) => {
      const rows = await listPublishedActors(db, filters, cursor, size)
      return byPublication(rows.map(toActor).map(publicActor), rows.at(-1))
    },
    shape,
    pageSize
  )
}

/** The published events of an agenda query, page by page in start order. */
export function eventStream(
  db: Db,
  filters: AgendaFilters,
  now: Date,
  shape: StreamShape<Event>,
  pageSize = EXPORT_PAGE_SIZE
): ReadableStream<Uint8Array> {
  return recordStream<Event, AgendaCursor>(
    async (cursor, size) => {
      const rows = await listAgenda(db, filters, now.toISOString(), cursor, size)
      const last = rows.at(-1)
      return {
        records: rows.map(toEvent).map(publicEvent),
        next: last ? { startsAtUtc: last.starts_at_utc, id: last.id } : null,
      }
    },
    shape,
    pageSize
  )
}

/** One page of records and the keyset cursor after its last one (null for an empty page). */
type PageOf<R, C> = (cursor: C | null, size: number) => Promise<{ records: R[]; next: C | null }>

/** Lists ordered by publication: the cursor is the last row's publication date and id. */
const byPublication = <R>(
  records: R[],
  last: { published_at: string | null; id: string } | undefined
): { records: R[]; next: ListCursor | null } => ({
  records,
  next: last ? { publishedAt: last.published_at ?? '', id: last.id } : null,
})

/** Records of any kind, page by page by keyset, pulled only as fast as the client reads. */
function recordStream<R, C = ListCursor>(
  pageOf: PageOf<R, C>,
  shape: StreamShape<R>,
  pageSize: number
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let cursor: C | null = null
  let first = true
  let started = false
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          let text = ''
          if (!started) {
            started = true
            text += shape.head
          }
          const { records, next } = await pageOf(cursor, pageSize)
          if (next) {
            text += await shape.page(records, first)
            first = false
            cursor = next
          }
          const done = records.length < pageSize
          if (done) text += shape.tail
          if (text) controller.enqueue(encoder.encode(text))
          if (done) controller.close()
        } catch (err) {
          console.error('export stream failed', err)
          controller.error(err)
        }
      },
    },
    { highWaterMark: 0 }
  )
}
