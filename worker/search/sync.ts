/**
 * From D1 to the search indexes.
 *
 * `drainOutbox` delivers the outbox: for each target it claims a bounded batch of due
 * rows, re-reads the CURRENT experiments (the outbox row only says "this changed"),
 * upserts the published ones and removes the others by id, then deletes the delivered
 * rows. At-least-once and idempotent: replays are harmless, and a row whose experiment
 * changed while it was being delivered is released for another pass instead of deleted,
 * so a slow drain can never leave an older revision in the index. Failures count an
 * attempt, keep the error and back off; a document that cannot be indexed fails alone.
 *
 * `reindexBatch` rebuilds both indexes from D1 in bounded steps (settings changes,
 * disaster recovery).
 */
import {
  countExperiments,
  getExperimentsByIds,
  listExperimentsAfter,
  publishedRevisions,
  type ExperimentRow,
} from '../db/experiments'
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
import { toSearchDocument } from './documents'
import { embeddedEngine, meilisearchEngine } from './engines'
import { isMeilisearchUnreachable, MeilisearchEngine } from './meilisearch'
import type { SearchDocument, SearchEngine } from './types'

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
  /** Rows released because their experiment changed during delivery. */
  released: number
  /** Set when the target was not drained at all (not configured). */
  skipped?: string
}

export function engineForTarget(env: Env, target: SearchTarget): SearchEngine | null {
  return target === 'meilisearch' ? meilisearchEngine(env) : embeddedEngine(env)
}

export async function drainOutbox(env: Env, options: DrainOptions = {}): Promise<DrainReport[]> {
  const db = env.DB.withSession('first-primary')
  const reports: DrainReport[] = []
  for (const target of options.targets ?? SEARCH_TARGETS) {
    const report: DrainReport = { target, delivered: 0, failed: 0, released: 0 }
    reports.push(report)
    const engine = engineForTarget(env, target)
    if (!engine) {
      // Rows wait (they are cheap) and drain once Meilisearch is configured.
      report.skipped = 'not configured'
      continue
    }
    for (let i = 0; i < (options.maxBatches ?? 5); i++) {
      const now = options.now ?? new Date()
      const rows = await claimOutboxRows(
        db,
        target,
        now.toISOString(),
        new Date(now.getTime() + LEASE_MS).toISOString(),
        options.batchSize ?? 100
      )
      if (rows.length === 0) break
      const outcome = await deliverBatch(db, engine, rows, now)
      report.delivered += outcome.delivered
      report.failed += outcome.failed
      report.released += outcome.released
      if (rows.length < (options.batchSize ?? 100)) break
    }
  }
  return reports
}

interface Delivery {
  id: string
  /** Revision written to the index (or removed at); -1 when the row no longer exists. */
  revision: number
  document: SearchDocument | null
  error?: string
}

async function deliverBatch(
  db: Db,
  engine: SearchEngine,
  rows: readonly OutboxRow[],
  now: Date
): Promise<{ delivered: number; failed: number; released: number }> {
  const ids = [...new Set(rows.map((r) => r.experiment_id))]
  const current = new Map((await getExperimentsByIds(db, ids)).map((r) => [r.id, r]))
  const deliveries = ids.map((id) => toDelivery(id, current.get(id)))

  await writeToIndex(engine, deliveries)

  // Confirm: anything that changed since we read it goes around again.
  const ok = deliveries.filter((d) => !d.error)
  const after = new Map(
    (
      await getExperimentsByIds(
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
      `search sync: ${failedRows.length} outbox row(s) failed for ${engine.name}:`,
      [...errors.values()][0]
    )
  }
  return {
    delivered: deliveredSeqs.length,
    failed: failedRows.length,
    released: releasedSeqs.length,
  }
}

function toDelivery(id: string, row: ExperimentRow | undefined): Delivery {
  if (!row) return { id, revision: -1, document: null }
  if (row.status !== 'published') return { id, revision: row.revision, document: null }
  try {
    return { id, revision: row.revision, document: toSearchDocument(row) }
  } catch (error) {
    return { id, revision: row.revision, document: null, error: describe(error) }
  }
}

/**
 * One upsert and one removal for the whole batch. If that fails while the engine is
 * reachable, documents are retried one by one so a poison document fails alone; if the
 * engine is unreachable, every delivery of the batch fails (and is retried later) and
 * the answer says so.
 */
async function writeToIndex(
  engine: SearchEngine,
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
    processed: z.number().int().openapi({ description: 'Expériences lues par cet appel' }),
    indexed: z
      .number()
      .int()
      .openapi({ description: 'Documents publiés écrits dans chaque moteur par cet appel' }),
    removed: z.number().int().openapi({
      description: 'Identifiants retirés des index (dépubliés, ou absents de D1)',
    }),
    total: z.number().int().openapi({ description: 'Expériences dans D1, tous statuts' }),
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
 * Rebuilds the indexes from D1, `limit` experiments per call in id order. The first call
 * (no cursor) re-applies the Meilisearch settings; the last one removes whatever the
 * indexes hold that is not published in D1. Documents are upserted in place, so search
 * keeps answering during a rebuild.
 */
export async function reindexBatch(
  env: Env,
  cursor: string | null,
  limit = 500
): Promise<ReindexProgress> {
  const db = env.DB.withSession('first-primary')
  const meili = meilisearchEngine(env)
  const engines: SearchEngine[] = [embeddedEngine(env), ...(meili ? [meili] : [])]
  if (cursor === null && meili instanceof MeilisearchEngine) await meili.applySettings()

  const rows = await listExperimentsAfter(db, cursor ?? '', limit)
  const documents: SearchDocument[] = []
  const removals: string[] = []
  for (const row of rows) {
    if (row.status !== 'published') {
      removals.push(row.id)
      continue
    }
    try {
      documents.push(toSearchDocument(row))
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
  for (const engine of engines) {
    const deliveries: Delivery[] = [
      ...documents.map((document) => ({ id: document.id, revision: document.revision, document })),
      ...removals.map((id) => ({ id, revision: -1, document: null })),
    ]
    if ((await writeToIndex(engine, deliveries)) === 'unreachable') {
      throw new Error(`${engine.name} unreachable: ${deliveries[0]?.error ?? ''}`)
    }
    for (const d of deliveries) {
      if (d.error) refused.push({ id: d.id, engine: engine.name, error: d.error })
    }
  }
  if (refused.length) console.warn('reindex: refused', JSON.stringify(refused))

  const done = rows.length < limit
  let removed = removals.length
  if (done) {
    const published = await publishedRevisions(db)
    for (const engine of engines) {
      const stale = [...(await engine.indexedRevisions()).keys()].filter((id) => !published.has(id))
      await engine.remove(stale)
      removed += stale.length
    }
  }
  return {
    processed: rows.length,
    indexed: documents.length - new Set(refused.map((r) => r.id)).size,
    removed,
    total: await countExperiments(db),
    engines: engines.map((e) => e.name),
    done,
    nextCursor: done ? null : (rows.at(-1)?.id ?? null),
    refused,
  }
}

/** One log line per drain that did something, for `wrangler tail`. */
export function logDrain(reports: readonly DrainReport[]): void {
  const busy = reports.filter((r) => r.delivered || r.failed || r.released)
  if (busy.length) console.log('search sync', JSON.stringify(busy))
}
