/**
 * Single-endpoint measurements (statistics, pages) and the index lag: how long after a
 * moderator approves an experiment it can be found through `/api/search`.
 */
import type { ExperimentInput } from '../../worker/domain/experiment'
import { queryWhileRunning } from './load'
import { cannon, percentile, type LatencyStats } from './measure'

/** Whether GET `path` exists on the running Worker (anything but 404/405). */
export async function available(url: string, path: string): Promise<boolean> {
  try {
    const res = await fetch(url + path, { headers: { accept: 'application/json' } })
    await res.arrayBuffer()
    return res.status !== 404 && res.status !== 405
  } catch {
    return false
  }
}

export interface EndpointSpec {
  name: string
  paths: string[]
  /** Probe path that decides whether the section runs. */
  probe: string
}

/** Each endpoint at 1 and 10 clients, or null when the Worker does not have it yet. */
export async function measureEndpoints(
  url: string,
  specs: readonly EndpointSpec[],
  seconds: number
): Promise<Record<string, { c1: LatencyStats; c10: LatencyStats } | null>> {
  const out: Record<string, { c1: LatencyStats; c10: LatencyStats } | null> = {}
  for (const spec of specs) {
    if (!(await available(url, spec.probe))) {
      out[spec.name] = null
      continue
    }
    const requests = spec.paths.map((path) => ({ method: 'GET', path }))
    out[spec.name] = {
      c1: await cannon({ url, requests, connections: 1, seconds }),
      c10: await cannon({ url, requests, connections: 10, seconds }),
    }
  }
  return out
}

export interface LagFigures {
  approvals: number
  p50: number
  p95: number
  max: number
  /** Approvals never seen in search before the per-approval timeout. */
  timedOut: number
}

/** Letters only, so Meilisearch indexes it as one word (digits would split it). */
function marker(i: number): string {
  let s = ''
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(97 + ((n - 1) % 26)) + s
  return `kerbenchlag${s}`
}

export async function indexLag(opts: {
  url: string
  token: string
  approvals: number
  record: (i: number) => ExperimentInput
  timeoutMs?: number
}): Promise<LagFigures> {
  const lags: number[] = []
  let timedOut = 0
  for (let i = 0; i < opts.approvals; i++) {
    const word = marker(i)
    const base = opts.record(i)
    const record = { ...base, title: `${base.title.slice(0, 140)} ${word}` }
    const res = await fetch(`${opts.url}/api/experiments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(record),
    })
    const text = await res.text()
    if (res.status !== 201) throw new Error(`proposition refusée (${res.status}) : ${text}`)
    const { id } = JSON.parse(text) as { id: string }
    const approve = await fetch(`${opts.url}/api/moderation/experiments/${id}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${opts.token}` },
    })
    await approve.text()
    if (!approve.ok) throw new Error(`approbation refusée (${approve.status})`)
    // The clock starts when the moderator gets the answer: that is when they would look.
    const t0 = performance.now()
    const deadline = t0 + (opts.timeoutMs ?? 30_000)
    let seen = false
    while (performance.now() < deadline) {
      const found = await fetch(`${opts.url}/api/search?q=${word}`)
      const body = (await found.json()) as { hits?: { id: string }[] }
      if (body.hits?.some((h) => h.id === id)) {
        seen = true
        break
      }
      await new Promise((r) => setTimeout(r, 25))
    }
    if (seen) lags.push(performance.now() - t0)
    else timedOut++
  }
  const sorted = lags.sort((a, b) => a - b)
  return {
    approvals: opts.approvals,
    p50: Math.round(percentile(sorted, 50)),
    p95: Math.round(percentile(sorted, 95)),
    max: Math.round(sorted.at(-1) ?? 0),
    timedOut,
  }
}

export interface ConsistencyFigures {
  published: number
  indexed: number
  missing: number
  stale: number
  extra: number
  equal: boolean
}

/**
 * Experiment rows in D1, whatever their status. Read before and after a traffic run, it
 * tells how many submissions were stored, to compare with how many were acknowledged.
 */
export async function countExperiments(persistTo: string): Promise<number> {
  const [row] = await queryWhileRunning<{ n: number }>(
    persistTo,
    'SELECT count(*) AS n FROM experiments'
  )
  return row?.n ?? 0
}

/** Published (id, revision) in D1 against the documents in the Meilisearch index. */
export async function compareIndexWithD1(opts: {
  persistTo: string
  meili: { url: string; masterKey: string; index: string }
}): Promise<ConsistencyFigures> {
  const rows = await queryWhileRunning<{ id: string; revision: number }>(
    opts.persistTo,
    "SELECT id, revision FROM experiments WHERE status = 'published'"
  )
  const d1 = new Map(rows.map((r) => [r.id, r.revision]))
  const index = new Map<string, number>()
  for (let offset = 0; ; offset += 1000) {
    const res = await fetch(`${opts.meili.url}/indexes/${opts.meili.index}/documents/fetch`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${opts.meili.masterKey}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ fields: ['id', 'revision'], limit: 1000, offset }),
    })
    if (!res.ok) throw new Error(`Meilisearch documents (${res.status}): ${await res.text()}`)
    const page = (await res.json()) as { results: { id: string; revision: number }[] }
    for (const doc of page.results) index.set(doc.id, doc.revision)
    if (page.results.length < 1000) break
  }
  let missing = 0
  let stale = 0
  for (const [id, revision] of d1) {
    const indexed = index.get(id)
    if (indexed === undefined) missing++
    else if (indexed !== revision) stale++
  }
  const extra = [...index.keys()].filter((id) => !d1.has(id)).length
  return {
    published: d1.size,
    indexed: index.size,
    missing,
    stale,
    extra,
    equal: missing === 0 && stale === 0 && extra === 0,
  }
}
