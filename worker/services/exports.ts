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
import type { Db } from '../db/session'
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
          const rows = await listPublishedExperiments(db, filters, cursor, pageSize)
          if (rows.length > 0) {
            text += await shape.page(rows.map(toExperiment).map(publicRecord), first)
            first = false
            const last = rows.at(-1)!
            cursor = { publishedAt: last.published_at ?? '', id: last.id }
          }
          const done = rows.length < pageSize
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
