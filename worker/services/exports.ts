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
import { publicActor } from '../open-data/actors'
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
      return { records: rows.map(toExperiment).map(publicRecord), last: rows.at(-1) }
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
      return { records: rows.map(toActor).map(publicActor), last: rows.at(-1) }
    },
    shape,
    pageSize
  )
}

/** One page of records and the row its keyset cursor continues from. */
type PageOf<R> = (
  cursor: ListCursor | null,
  size: number
) => Promise<{ records: R[]; last: { published_at: string | null; id: string } | undefined }>

/** Records of any kind, page by page by keyset, pulled only as fast as the client reads. */
function recordStream<R>(
  pageOf: PageOf<R>,
  shape: StreamShape<R>,
  pageSize: number
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let cursor: ListCursor | null = null
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
          const { records, last } = await pageOf(cursor, pageSize)
          if (last) {
            text += await shape.page(records, first)
            first = false
            cursor = { publishedAt: last.published_at ?? '', id: last.id }
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
