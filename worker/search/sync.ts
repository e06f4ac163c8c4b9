/**
 * From D1 to the search indexes.
 *
 * Every kind of record the indexes hold (indexed-kinds.ts: experiments, actors) goes the
 * same way. `drainOutbox` delivers the outbox: for each target and kind it claims a
 * bounded batch of due rows, re-reads the CURRENT records (the outbox row only says "this changed"),
 * upserts the published ones and removes the others by id, then deletes the delivered
 * rows. At-least-once and idempotent: replays are harmless, and a row whose record
 * changed while it was being delivered is released for another pass instead of deleted,
 * so a slow drain can never leave an older revision in the index. Failures count an
 * attempt, keep the error and back off; a document that cannot be indexed fails alone.
 *
 * `reindexBatch` rebuilds both indexes from D1 in bounded steps (settings changes,
 * disaster recovery).
 */
import {
  claimOutboxRows,
  deleteOutboxRows,
  failOutboxRow,
  releaseOutboxRows,
  SEARCH_TARGETS,
  type OutboxRow,
  type SearchTarget,
} from '../db/outbox'
import { z } from '@hono/zod-openapi'
import type { Db } from '../db/session'
import {
  INDEXED_KIND_NAMES,
  INDEXED_KINDS,
  type AnyIndexedKind,
  type IndexedRow,
} from './indexed-kinds'
import { isMeilisearchUnreachable } from './meilisearch-index'
import type { DocumentIndex, IndexedDocument } from './types'

const LEASE_MS = 60_000
const MAX_BACKOFF_MS = 60 * 60_000

export interface DrainOptions {
  /** The clock; tests move it forward to skip backoff. */
  now?: Date
  /** Rows claimed per batch and target. */
  batchSize?: number
  /** Batches per target and call, so one run stays within Workers limits. */
  maxBatches?: number
  targets?: readonly SearchTarget[]
}

export interface DrainReport {
  target: SearchTarget
  /** Outbox rows delivered and deleted. */
  delivered: number
  /** Rows that failed this time (attempt counted, retried later). */
  failed: number
  /** Rows released because their record changed during delivery. */
  released: number
  /** Set when the target was not drained at all (not configured). */
  skipped?: string
}

export async function drainOutbox(env: Env, options: DrainOptions = {}): Promise<DrainReport[]> {
  const db = env.DB.withSession('first-primary')
  const reports: DrainReport[] = []
  for (const target of options.targets ?? SEARCH_TARGETS) {
    const report: DrainReport = { target, delivered: 0, failed: 0, released: 0 }
    reports.push(report)
    for (const kind of INDEXED_KINDS) {
      const index = kind.index(env, target)
      if (!index) {
        // Rows wait (they are cheap) and drain once Meilisearch is configured.
        report.skipped = 'not configured'
        break
      }
      for (let i = 0; i < (options.maxBatches ?? 5); i++) {
        const now = options.now ?? new Date()
        const rows = await claimOutboxRows(
          db,
          target,
          now.toISOString(),
          new Date(now.getTime() + LEASE_MS).toISOString(),
          options.batchSize ?? 100,
          kind.kind
        )
        if (rows.length === 0) break
        const outcome = await deliverBatch(db, kind, index, rows, now)
        report.delivered += outcome.delivered
        report.failed += outcome.failed
        report.released += outcome.released
        if (rows.length < (options.batchSize ?? 100)) break
      }
    }
  }
  return reports
}

interface Delivery {
  id: string
  /** Revision written to the index (or removed at); -1 when the row no longer exists. */
  revision: number
  document: IndexedDocument | null
  error?: string
}

async function deliverBatch(
  db: Db,
  kind: AnyIndexedKind,
  index: DocumentIndex<IndexedDocument>,
  rows: readonly OutboxRow[],
  now: Date
): Promise<{ delivered: number; failed: number; released: number }> {
  const ids = [...new Set(rows.map((r) => r.experiment_id))]
  const current = await kind.rowsByIds(db, ids)
  const deliveries = await toDeliveries(db, kind, ids, current)

  await writeToIndex(index, deliveries)

  // Confirm: anything that changed since we read it goes around again.
  const ok = deliveries.filter((d) => !d.error)
  const after = new Map(
    (
      await kind.rowsByIds(
        db,
        ok.map((d) => d.id)
      )
    ).map((r) => [r.id, r.revision])
  )
  const done = new Set(ok.filter((d) => (after.get(d.id) ?? -1) === d.revision).map((d) => d.id))
  const errors = new Map(deliveries.flatMap((d) => (d.error ? [[d.id, d.error]] : [])))

  const deliveredSeqs = rows.filter((r) => done.has(r.experiment_id)).map((r) => r.seq)
  const releasedSeqs = rows
    .filter((r) => !done.has(r.experiment_id) && !errors.has(r.experiment_id))
    .map((r) => r.seq)
  const failedRows = rows.filter((r) => errors.has(r.experiment_id))

  await deleteOutboxRows(db, deliveredSeqs)
  await releaseOutboxRows(db, releasedSeqs, now.toISOString())
  if (failedRows.length > 0) {
    await db.batch(
      failedRows.map((r) =>
        failOutboxRow(db, r.seq, errors.get(r.experiment_id) ?? 'unknown', retryAt(now, r.attempts))
      )
    )
    console.warn(
      `search sync: ${failedRows.length} ${kind.kind} outbox row(s) failed for ${index.name}:`,
      [...errors.values()][0]
    )
  }
  return {
    delivered: deliveredSeqs.length,
    failed: failedRows.length,
    released: releasedSeqs.length,
  }
}

/**
 * What to write for each id: the document of a published record, a removal otherwise
 * (unpublished, rejected, merged, gone). A record whose document cannot be built fails
 * alone.
 */
async function toDeliveries(
  db: Db,
  kind: AnyIndexedKind,
  ids: readonly string[],
  rows: readonly IndexedRow[]
): Promise<Delivery[]> {
  const current = new Map(rows.map((r) => [r.id, r]))
  const builder = await kind.documentBuilder(db, rows)
  return ids.map((id) => {
    const row = current.get(id)
    if (!row) return { id, revision: -1, document: null }
    if (row.status !== 'published') return { id, revision: row.revision, document: null }
    try {
      return { id, revision: row.revision, document: builder.build(row) }
    } catch (error) {
      return { id, revision: row.revision, document: null, error: describe(error) }
    }
  })
}

/**
 * One upsert and one removal for the whole batch. If that fails while the engine is
 * reachable, documents are retried one by one so a poison document fails alone; if the
 * engine is unreachable, every delivery of the batch fails (and is retried later) and
 * the answer says so.
 */
async function writeToIndex(
  engine: DocumentIndex<IndexedDocument>,
  deliveries: Delivery[]
): Promise<'written' | 'unreachable'> {
  const pending = deliveries.filter((d) => !d.error)
  const upserts = pending.flatMap((d) => (d.document ? [d] : []))
  const removals = pending.filter((d) => !d.document)
  try {
    await engine.upsert(upserts.map((d) => d.document!))
    await engine.remove(removals.map((d) => d.id))
    return 'written'
  } catch (error) {
    // Unreachable: retrying document by document would not help.
    const unreachable = isMeilisearchUnreachable(error)
    if (unreachable || pending.length <= 1) {
      for (const d of pending) d.error = describe(error)
      return unreachable ? 'unreachable' : 'written'
    }
  }
  for (const d of pending) {
    try {
      if (d.document) await engine.upsert([d.document])
      else await engine.remove([d.id])
    } catch (error) {
      d.error = describe(error)
    }
  }
  return 'written'
}

/** 30 s, 1 min, 2 min … capped at an hour. */
function retryAt(now: Date, attempts: number): string {
  const delay = Math.min(30_000 * 2 ** attempts, MAX_BACKOFF_MS)
  return new Date(now.getTime() + delay).toISOString()
}

const describe = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error)

// ── Full rebuild ─────────────────────────────────────────────────────────────

/** What one reindex call did: the response of `POST /api/moderation/reindex`. */
export const ReindexProgress = z
  .object({
    kind: z.enum(INDEXED_KIND_NAMES).openapi({ description: 'Type de fiche relu par cet appel' }),
    processed: z.number().int().openapi({ description: 'Fiches lues par cet appel' }),
    indexed: z
      .number()
      .int()
      .openapi({ description: 'Documents publiés écrits dans chaque moteur par cet appel' }),
    removed: z.number().int().openapi({
      description: 'Identifiants retirés des index (dépubliés, ou absents de D1)',
    }),
    total: z
      .number()
      .int()
      .openapi({
        description: 'Fiches dans D1, tous statuts, tous types (expériences, acteurs, événements)',
      }),
    engines: z.array(z.enum(['meilisearch', 'embedded'])),
    done: z.boolean(),
    nextCursor: z
      .string()
      .nullable()
      .openapi({ description: 'À renvoyer pour continuer ; null une fois terminé' }),
    refused: z
      .array(
        z.object({
          id: z.string(),
          engine: z.enum(['meilisearch', 'embedded']),
          error: z.string(),
        })
      )
      .openapi({
        description:
          'Fiches qu’un moteur a refusées : laissées hors de cet index, la reconstruction continue',
      }),
  })
  .openapi('ReindexProgress')
export type ReindexProgress = z.infer<typeof ReindexProgress>

/**
 * Where a rebuild stands: the kind being walked and the last id done. A cursor is
 * `<kind>:<id>`; a bare id (cursors given before actors were indexed) is an experiment's.
 */
function parseCursor(cursor: string | null): { at: number; after: string } {
  if (cursor === null) return { at: 0, after: '' }
  const colon = cursor.indexOf(':')
  const at = INDEXED_KINDS.findIndex((k) => k.kind === cursor.slice(0, colon))
  return at >= 0 ? { at, after: cursor.slice(colon + 1) } : { at: 0, after: cursor }
}

/**
 * Rebuilds the indexes from D1, `limit` records per call: every experiment in id order,
 * then every actor. The first call (no cursor) re-applies the Meilisearch settings of
 * every index; the last call of each kind removes whatever its indexes hold that is not
 * published in D1. Documents are upserted in place, so search keeps answering during a
 * rebuild.
 */
export async function reindexBatch(
  env: Env,
  cursor: string | null,
  limit = 500
): Promise<ReindexProgress> {
  const db = env.DB.withSession('first-primary')
  const { at, after } = parseCursor(cursor)
  const kind = INDEXED_KINDS[at]!
  if (cursor === null) {
    for (const k of INDEXED_KINDS) await k.meilisearch(env)?.applySettings()
  }
  const indexes = SEARCH_TARGETS.flatMap((target) => kind.index(env, target) ?? [])

  const rows = await kind.rowsAfter(db, after, limit)
  const builder = await kind.documentBuilder(db, rows)
  const documents: IndexedDocument[] = []
  const removals: string[] = []
  for (const row of rows) {
    if (row.status !== 'published') {
      removals.push(row.id)
      continue
    }
    try {
      documents.push(builder.build(row))
    } catch (error) {
      // A malformed row must not stop the rebuild; it is left out of the indexes.
      console.warn('reindex: skipping', describe(error))
      removals.push(row.id)
    }
  }
  // As in the sync, a document an engine refuses (a lone surrogate made Meilisearch refuse
  // a whole batch, so the rebuild and `npm start` failed, issue 15) fails alone and is
  // reported; only an unreachable engine stops the rebuild.
  const refused: ReindexProgress['refused'] = []
  for (const index of indexes) {
    const deliveries: Delivery[] = [
      ...documents.map((document) => ({ id: document.id, revision: document.revision, document })),
      ...removals.map((id) => ({ id, revision: -1, document: null })),
    ]
    if ((await writeToIndex(index, deliveries)) === 'unreachable') {
      throw new Error(`${index.name} unreachable: ${deliveries[0]?.error ?? ''}`)
    }
    for (const d of deliveries) {
      if (d.error) refused.push({ id: d.id, engine: index.name, error: d.error })
    }
  }
  if (refused.length) console.warn('reindex: refused', JSON.stringify(refused))

  const kindDone = rows.length < limit
  let removed = removals.length
  if (kindDone) {
    const published = await kind.publishedRevisions(db)
    for (const index of indexes) {
      const stale = [...(await index.indexedRevisions()).keys()].filter((id) => !published.has(id))
      await index.remove(stale)
      removed += stale.length
    }
  }
  const next = kindDone ? INDEXED_KINDS[at + 1] : kind
  const counts = await Promise.all(INDEXED_KINDS.map((k) => k.count(db)))
  return {
    kind: kind.kind,
    processed: rows.length,
    indexed: documents.length - new Set(refused.map((r) => r.id)).size,
    removed,
    total: counts.reduce((a, b) => a + b, 0),
    engines: indexes.map((e) => e.name),
    done: !next,
    nextCursor: next ? `${next.kind}:${kindDone ? '' : (rows.at(-1)?.id ?? '')}` : null,
    refused,
  }
}

/** One log line per drain that did something, for `wrangler tail`. */
export function logDrain(reports: readonly DrainReport[]): void {
  const busy = reports.filter((r) => r.delivered || r.failed || r.released)
  if (busy.length) console.log('search sync', JSON.stringify(busy))
}
