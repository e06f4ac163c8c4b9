/**
 * Latency measurement. autocannon drives the fixed request lists (it reports p97.5 but not
 * p95, so every response time is also collected here and the percentiles computed from
 * the raw samples); the mixed-traffic run uses a small closed-loop client of its own
 * because it must tell apart request kinds, bodies and 429s. Both only ever target
 * 127.0.0.1 and stop after a fixed duration.
 */
import autocannon, { type AutocannonRequest } from 'autocannon'

/** One decimal: the precision of every figure in the report. */
export const round = (n: number) => Math.round(n * 10) / 10

export interface LatencyStats {
  requests: number
  /** Requests per second over the run. */
  rps: number
  p50: number
  p95: number
  p99: number
  /** Non-2xx answers and socket errors/timeouts. */
  errors: number
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

export function summarise(samples: number[], seconds: number, errors: number): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    requests: samples.length,
    rps: round(samples.length / Math.max(seconds, 0.001)),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    errors,
  }
}

function assertLoopback(url: string) {
  const host = new URL(url).hostname
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`le bench ne cible que la boucle locale, pas ${host}`)
  }
}

/** Runs autocannon over `requests` (cycled) for `seconds`, after a short warm-up pass. */
export async function cannon(opts: {
  url: string
  requests: AutocannonRequest[]
  connections: number
  seconds: number
  headers?: Record<string, string>
}): Promise<LatencyStats> {
  assertLoopback(opts.url)
  // One cursor shared by every connection. With autocannon's own cycling each connection
  // starts at requests[0], so 10 connections sent the same (slowest) query at the same
  // moment: on the embedded engine at 100k they all queued past the 10 s timeout.
  let cursor = 0
  const requests = [
    {
      setupRequest: (request: Partial<AutocannonRequest>): AutocannonRequest => {
        const next = opts.requests[cursor++ % opts.requests.length]!
        // A request's own headers would replace the run's (the Meilisearch key) otherwise.
        return { ...request, ...next, headers: { ...opts.headers, ...next.headers } }
      },
    },
  ]
  const run = (seconds: number, collect: number[] | null) =>
    new Promise<{ errors: number; duration: number }>((resolve, reject) => {
      let bad = 0
      const instance = autocannon(
        {
          url: opts.url,
          connections: opts.connections,
          duration: seconds,
          timeout: 10,
          requests,
          ...(opts.headers ? { headers: opts.headers } : {}),
        },
        (error, result) =>
          error
            ? reject(error)
            : resolve({ errors: bad + result.errors, duration: result.duration })
      )
      instance.on('response', (_client, status, _bytes, time) => {
        if (status < 200 || status >= 300) bad++
        collect?.push(time)
      })
    })
  // Warm-up: the first requests compile routes and fill caches in workerd and Meilisearch.
  // Skipped for the smoke mode's very short runs, where it would double the wall time.
  if (opts.seconds >= 5) await run(1, null)
  const samples: number[] = []
  const { errors, duration } = await run(opts.seconds, samples)
  return summarise(samples, duration || opts.seconds, errors)
}

/** Times `count` sequential GETs of each path (for endpoints too slow for a cannon). */
export async function timeSequential(
  url: string,
  paths: readonly string[],
  rounds: number,
  headers: Record<string, string> = {}
): Promise<LatencyStats & { status: number[] }> {
  assertLoopback(url)
  const samples: number[] = []
  const statuses = new Set<number>()
  let errors = 0
  const started = performance.now()
  for (let r = 0; r < rounds; r++) {
    for (const path of paths) {
      const t0 = performance.now()
      const res = await fetch(url + path, { headers })
      await res.arrayBuffer()
      samples.push(performance.now() - t0)
      statuses.add(res.status)
      if (!res.ok) errors++
    }
  }
  return {
    ...summarise(samples, (performance.now() - started) / 1000, errors),
    status: [...statuses],
  }
}

/** Wraps the generator to time the generation itself inside the streamed import. */
export function timed<T>(source: Iterable<T>, clock: { ms: number; n: number }): Iterable<T> {
  return {
    [Symbol.iterator]() {
      const it = source[Symbol.iterator]()
      return {
        next() {
          const t0 = performance.now()
          const r = it.next()
          clock.ms += performance.now() - t0
          if (!r.done) clock.n++
          return r
        },
      }
    },
  }
}
