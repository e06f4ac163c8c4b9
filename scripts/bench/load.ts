/**
 * Loading the catalogue through the real bulk path: the moderators' import endpoint
 * (`POST /api/moderation/import?publish=true`, NDJSON chunks of at most IMPORT_MAX_ROWS),
 * then the search outbox drained into Meilisearch and the embedded engine by the Worker's
 * own cron handler. Compared with the path a collectivité takes: one POST per record,
 * then one approval each.
 */
import { queryLocal } from '../lib/local-dev'
import type { ExperimentInput } from '../../worker/domain/experiment'
import { round } from './measure'
import { sendThroughDevProxy, triggerCron } from './worker'

export interface LoadFigures {
  records: number
  seconds: number
  recordsPerSecond: number
}

export interface ImportFigures extends LoadFigures {
  requests: number
  chunkRows: number
  concurrency: number
  /** Rows the endpoint reported as invalid or failed (must be 0: the generator validates). */
  rejected: number
  /** Chunks sent again after wrangler's proxy dropped them (see `isDevProxyDrop`) or their socket closed. */
  retries: number
  /** Slowest chunk, ms. */
  slowestChunkMs: number
}

/** Records loaded since `started` (a `performance.now()` reading), as the report shows them. */
function loadFigures(records: number, started: number): LoadFigures {
  const seconds = (performance.now() - started) / 1000
  return { records, seconds: round(seconds), recordsPerSecond: round(records / seconds) }
}

export async function importRowsPerRequest(): Promise<number> {
  try {
    return (await import('../../worker/open-data/import-rows')).IMPORT_MAX_ROWS
  } catch {
    return 100
  }
}

/** True when the import route is mounted (401/403 without a token, not 404). */
export async function importAvailable(url: string): Promise<boolean> {
  const res = await fetch(`${url}/api/moderation/import`, { method: 'POST' })
  await res.text()
  return res.status !== 404 && res.status !== 405
}

interface ImportReport {
  counts: Record<string, number>
  rows: { row: number; status: string; errors?: unknown }[]
}

export async function importCatalogue(opts: {
  url: string
  token: string
  records: Iterable<ExperimentInput>
  seed: number
  concurrency?: number
  onProgress?: (done: number) => void
}): Promise<ImportFigures> {
  const chunkRows = await importRowsPerRequest()
  // One request at a time: D1 is single-threaded, and two imports in flight were measured
  // no faster (the second waits for the first) while making wrangler's proxy drop requests.
  const concurrency = opts.concurrency ?? 1
  const iterator = opts.records[Symbol.iterator]()
  let index = 0
  let done = 0
  let rejected = 0
  let requests = 0
  let slowest = 0
  let retries = 0
  let firstError: string | null = null

  // Chunks are cut lazily so 100k records never sit in memory as one array of bodies.
  const nextChunk = (): string | null => {
    const lines: string[] = []
    while (lines.length < chunkRows) {
      const next = iterator.next()
      if (next.done) break
      // A stable sourceId makes a re-run of the same seed an update, not a duplicate.
      lines.push(JSON.stringify({ ...next.value, sourceId: `bench-${opts.seed}-${index++}` }))
    }
    return lines.length ? lines.join('\n') : null
  }

  const started = performance.now()
  const workerLoop = async () => {
    for (let body = nextChunk(); body !== null && !firstError; body = nextChunk()) {
      const t0 = performance.now()
      // The import is idempotent on sourceId, so a chunk the dev proxy dropped is sent again.
      const res = await withSocketRetries(
        () =>
          sendThroughDevProxy(`${opts.url}/api/moderation/import?publish=true`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${opts.token}`,
              'content-type': 'application/x-ndjson',
            },
            body,
          }),
        () => retries++
      )
      const text = res.text
      retries += res.drops
      slowest = Math.max(slowest, performance.now() - t0)
      requests++
      if (!res.ok) {
        firstError = `import refusé (${res.status}) : ${text.slice(0, 500)}`
        break
      }
      const report = JSON.parse(text) as ImportReport
      const bad = report.rows.filter((r) => r.status === 'invalid' || r.status === 'failed')
      rejected += bad.length
      if (bad.length && !firstError) {
        firstError = `lignes refusées par l’import : ${JSON.stringify(bad.slice(0, 2))}`
      }
      done += report.rows.length
      opts.onProgress?.(done)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, workerLoop))
  if (firstError) throw new Error(firstError)
  return {
    ...loadFigures(done, started),
    requests,
    chunkRows,
    concurrency,
    rejected,
    retries,
    slowestChunkMs: Math.round(slowest),
  }
}

/** Attempts of one import chunk whose connection broke before an answer came. */
const SOCKET_ATTEMPTS = 5

/**
 * Sends again, after a growing pause, a request whose socket closed before the answer
 * (undici's « other side closed », a reset): under a heavily loaded machine wrangler's dev
 * server drops a connection now and then, and one lost chunk stopped whole runs in the
 * import. Only for idempotent requests (the import is, on sourceId).
 */
export async function withSocketRetries<T>(
  send: () => Promise<T>,
  onRetry: () => void
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send()
    } catch (error) {
      if (attempt >= SOCKET_ATTEMPTS || !(error instanceof TypeError)) throw error
      onRetry()
      await new Promise((r) => setTimeout(r, 500 * 2 ** attempt))
    }
  }
}

export interface OutboxState {
  meilisearch: number
  embedded: number
}

/**
 * `queryLocal` opens the same SQLite file as the running Worker, from another process:
 * when the Worker holds the write lock the read fails with SQLITE_BUSY, so retry briefly.
 */
export async function queryWhileRunning<T>(persistTo: string, sql: string): Promise<T[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await queryLocal<T>(persistTo, sql)
    } catch (error) {
      if (
        attempt >= 10 ||
        !/SQLITE_BUSY|database is locked/.test(
          String((error as { stderr?: string }).stderr ?? error)
        )
      )
        throw error
      await new Promise((r) => setTimeout(r, 300 + attempt * 200))
    }
  }
}

export async function outboxState(persistTo: string): Promise<OutboxState> {
  const rows = await queryWhileRunning<{ target: string; n: number }>(
    persistTo,
    'SELECT target, count(*) AS n FROM search_outbox GROUP BY target'
  )
  const get = (t: string) => rows.find((r) => r.target === t)?.n ?? 0
  return { meilisearch: get('meilisearch'), embedded: get('embedded') }
}

export interface SyncFigures extends LoadFigures {
  cronRuns: number
  /** Cron calls that failed or timed out (the outbox retries their rows later). */
  failedRuns: number
  /** Meilisearch documents at the end. */
  indexed: number
}

/**
 * Fires the cron handler until the outbox is empty. Meilisearch's document count is the
 * cheap progress signal; the outbox itself is read from D1 (a wrangler process, ~1 s)
 * only when that count stops moving, to confirm both targets are done.
 */
export async function drainToIndexes(opts: {
  url: string
  persistTo: string
  meili: { url: string; masterKey: string; index: string }
  expected: number
  timeoutSeconds: number
  onProgress?: (indexed: number) => void
}): Promise<SyncFigures> {
  const started = performance.now()
  let cronRuns = 0
  let failedRuns = 0
  let lastCheck = Date.now()
  let indexed = 0
  const deadline = Date.now() + opts.timeoutSeconds * 1000
  while (Date.now() < deadline) {
    // `/__scheduled` answers before the drain it starts (in waitUntil) is over: firing it
    // in a loop piles up concurrent drains until workerd runs out of sockets. So one drain
    // at a time: fire, then wait until the index stops growing.
    if (await triggerCron(opts.url)) cronRuns++
    else failedRuns++
    let stable = 0
    while (stable < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000))
      const now = await meiliDocumentCount(opts.meili)
      stable = now === indexed ? stable + 1 : 0
      indexed = now
      if (indexed >= opts.expected && stable >= 1) break
    }
    opts.onProgress?.(indexed)
    // Reading D1 from another process can lock the Worker out of its own database (local
    // SQLite), so the outbox is read only once Meilisearch holds everything (or stalls),
    // while no drain is running.
    if (indexed >= opts.expected || Date.now() - lastCheck > 30_000) {
      lastCheck = Date.now()
      const state = await outboxState(opts.persistTo)
      if (state.meilisearch === 0 && state.embedded === 0) break
    }
  }
  return {
    ...loadFigures(indexed, started),
    cronRuns,
    failedRuns,
    indexed,
  }
}

export async function meiliDocumentCount(meili: {
  url: string
  masterKey: string
  index: string
}): Promise<number> {
  const res = await fetch(`${meili.url}/indexes/${meili.index}/stats`, {
    headers: { authorization: `Bearer ${meili.masterKey}` },
  })
  if (res.status === 404) return 0
  const body = (await res.json()) as { numberOfDocuments?: number }
  return body.numberOfDocuments ?? 0
}

/** The path a single collectivité takes: submit, then a moderator approves. */
export async function postOneByOne(opts: {
  url: string
  token: string
  records: Iterable<ExperimentInput>
}): Promise<LoadFigures & { rateLimited: number }> {
  const started = performance.now()
  let n = 0
  let rateLimited = 0
  for (const record of opts.records) {
    const res = await fetch(`${opts.url}/api/experiments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(record),
    })
    const text = await res.text()
    if (res.status === 429) {
      rateLimited++
      continue
    }
    if (res.status !== 201) throw new Error(`proposition refusée (${res.status}) : ${text}`)
    const { id } = JSON.parse(text) as { id: string }
    const approved = await fetch(`${opts.url}/api/moderation/experiments/${id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.token}` },
    })
    await approved.text()
    if (!approved.ok) throw new Error(`approbation refusée (${approved.status})`)
    n++
  }
  return { ...loadFigures(n, started), rateLimited }
}
