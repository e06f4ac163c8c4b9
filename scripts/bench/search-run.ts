/**
 * One search measurement: the bench's realistic query set replayed at 1 and 10
 * connections, and how ours compares with raw Meilisearch.
 */
import { cannon } from './measure'
import { SEARCH_QUERIES, searchPath } from './queries'
import type { BenchResults, PerConcurrency } from './report'

export function ratio(ours: PerConcurrency, raw: PerConcurrency): BenchResults['search']['ratio'] {
  if (!ours || !raw) return null
  const r = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10) / 10 : 0)
  return {
    c1p50: r(ours.c1.p50, raw.c1.p50),
    c1p95: r(ours.c1.p95, raw.c1.p95),
    c10p50: r(ours.c10.p50, raw.c10.p50),
    c10p95: r(ours.c10.p95, raw.c10.p95),
  }
}

export async function searchRun(url: string, seconds: number, headers?: Record<string, string>) {
  const requests = SEARCH_QUERIES.map((q) => ({ method: 'GET', path: searchPath(q) }))
  const run = (connections: number) =>
    cannon({ url, requests, connections, seconds, ...(headers ? { headers } : {}) })
  return { c1: await run(1), c10: await run(10) }
}
