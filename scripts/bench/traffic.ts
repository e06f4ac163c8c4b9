/**
 * Mixed traffic and the fault run. A closed loop of `clients` virtual users, each doing
 * one request at a time for a fixed duration: 80 % search/browse (API search, list,
 * stats), 15 % pages (home, search page, experiment page), 5 % submissions. Everything is
 * counted per kind, 429s apart from errors (the submission rate limit is a feature, not a
 * failure), requests dropped by wrangler's local proxy apart too (`isDevProxyDrop`: the
 * Worker never answered them), and search answers are tallied by the engine that gave
 * them so the fault run shows the fallback at work.
 */
import type { ExperimentInput } from '../../worker/domain/experiment'
import { summarise, type LatencyStats } from './measure'
import { createRng } from './prng'
import { SEARCH_QUERIES, searchPath } from './queries'
import { isDevProxyDrop } from './worker'

export type TrafficKind = 'search' | 'page' | 'submit'

export interface TrafficFigures {
  seconds: number
  clients: number
  overall: LatencyStats
  byKind: Record<TrafficKind, LatencyStats & { rateLimited: number }>
  /** Non-2xx (except 429 and dev-proxy drops) and network errors over all requests, in %. */
  errorRate: number
  rateLimited: number
  /** Requests wrangler's local proxy answered itself (503) because its hop to workerd broke. */
  devProxyDrops: number
  /** Submissions answered 201. */
  submissionsAccepted: number
  /** Experiments added to D1 during the run, counted by the bench: must equal the above. */
  submissionsStored?: number
  engines: Record<string, number>
  /** First few error descriptions, to make a failure actionable. */
  sampleErrors: string[]
}

interface Plan {
  kind: TrafficKind
  path: string
  init?: RequestInit
}

export async function mixedTraffic(opts: {
  url: string
  seconds: number
  clients: number
  slugs: readonly string[]
  submissions: () => ExperimentInput
  seed: number
  /** Called once, halfway point bookkeeping for the fault run. */
  during?: (elapsedSeconds: () => number) => Promise<void>
  /** Progress lines every 15 s, so a stalled run shows where it stalls. */
  log?: (line: string) => void
}): Promise<TrafficFigures> {
  const rng = createRng(opts.seed)
  const browse = [
    ...SEARCH_QUERIES.map(searchPath),
    '/api/experiments?limit=20',
    '/api/experiments?theme=mediation&limit=20',
    '/api/stats/regions',
  ]
  const pages = [
    '/',
    '/?q=tiers+lieux',
    '/?q=mediation&region=53',
    ...opts.slugs.slice(0, 10).map((s) => `/experiences/${s}`),
  ]
  const plan = (): Plan => {
    const r = rng.next()
    if (r < 0.8) return { kind: 'search', path: rng.pick(browse) }
    if (r < 0.95) return { kind: 'page', path: rng.pick(pages) }
    return {
      kind: 'submit',
      path: '/api/experiments',
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(opts.submissions()),
      },
    }
  }

  const samples: Record<TrafficKind, number[]> = { search: [], page: [], submit: [] }
  const errors: Record<TrafficKind, number> = { search: 0, page: 0, submit: 0 }
  const limited: Record<TrafficKind, number> = { search: 0, page: 0, submit: 0 }
  let devProxyDrops = 0
  let submissionsAccepted = 0
  const engines: Record<string, number> = {}
  const sampleErrors: string[] = []
  const started = performance.now()
  const end = started + opts.seconds * 1000
  const elapsed = () => (performance.now() - started) / 1000

  let running = opts.clients
  const client = async () => {
    while (performance.now() < end) {
      const p = plan()
      const t0 = performance.now()
      try {
        const res = await fetch(opts.url + p.path, p.init)
        const body = await res.text()
        samples[p.kind].push(performance.now() - t0)
        if (res.status === 429) limited[p.kind]++
        else if (isDevProxyDrop(res.status, body)) devProxyDrops++
        else if (res.status < 200 || res.status >= 300) {
          errors[p.kind]++
          if (sampleErrors.length < 5)
            sampleErrors.push(`${res.status} ${p.path} ${body.slice(0, 200)}`)
        } else if (p.kind === 'submit') {
          submissionsAccepted++
        } else if (p.path.startsWith('/api/search')) {
          const engine = (JSON.parse(body) as { engine?: string }).engine ?? 'unknown'
          engines[engine] = (engines[engine] ?? 0) + 1
        }
      } catch (error) {
        samples[p.kind].push(performance.now() - t0)
        errors[p.kind]++
        if (sampleErrors.length < 5) sampleErrors.push(`${p.path}: ${String(error)}`)
      }
    }
    running--
  }
  // wrangler dev's proxy parks a GET whose connection to workerd broke (see
  // `isDevProxyDrop`) and sends it again only when another request arrives. Once the run's
  // time is up no other request comes, and a parked GET would wait for ever: a static file
  // every second, until the last client is done, lets it go.
  const releaseParked = async () => {
    await new Promise((r) => setTimeout(r, Math.max(0, end - performance.now())))
    while (running > 0) {
      await fetch(`${opts.url}/static/favicon.svg`)
        .then((res) => res.arrayBuffer())
        .catch(() => undefined)
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
  const progress = setInterval(() => {
    const done = (k: TrafficKind) => `${k} ${samples[k].length} (${errors[k]} err.)`
    opts.log?.(
      `  ${Math.round(elapsed())} s : ${done('search')}, ${done('page')}, ${done('submit')}`
    )
  }, 15_000)
  try {
    await Promise.all([
      ...Array.from({ length: opts.clients }, client),
      releaseParked(),
      ...(opts.during ? [opts.during(elapsed)] : []),
    ])
  } finally {
    clearInterval(progress)
  }
  const seconds = elapsed()
  const kinds: TrafficKind[] = ['search', 'page', 'submit']
  const all = kinds.flatMap((k) => samples[k])
  const totalErrors = kinds.reduce((s, k) => s + errors[k], 0)
  const rateLimited = kinds.reduce((s, k) => s + limited[k], 0)
  return {
    seconds: Math.round(seconds * 10) / 10,
    clients: opts.clients,
    overall: summarise(all, seconds, totalErrors),
    byKind: Object.fromEntries(
      kinds.map((k) => [
        k,
        { ...summarise(samples[k], seconds, errors[k]), rateLimited: limited[k] },
      ])
    ) as TrafficFigures['byKind'],
    errorRate: all.length ? Math.round((totalErrors / all.length) * 10000) / 100 : 0,
    rateLimited,
    devProxyDrops,
    submissionsAccepted,
    engines,
    sampleErrors,
  }
}
