/**
 * The benchmark's output: one JSON document per run (bench-results/<timestamp>.json, for
 * comparing runs) and a Markdown rendering of it (stdout and BENCHMARKS.md). A section
 * whose endpoint does not exist yet is `null` in JSON and "n/a (not available)" here.
 */
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import type { ImportFigures, LoadFigures, SyncFigures } from './load'
import { round, type LatencyStats } from './measure'
import type { ConsistencyFigures, LagFigures } from './probes'
import type { TrafficFigures } from './traffic'

export const NA = 'n/a (not available)'

export interface Machine {
  date: string
  commit: string
  cpu: string
  cores: number
  ramGb: number
  node: string
  meilisearch: string
  size: number
  seed: number
  durationSeconds: number
}

export type PerConcurrency = { c1: LatencyStats; c10: LatencyStats } | null

export interface BenchResults {
  machine: Machine
  generate: LoadFigures
  load: {
    import: ImportFigures | null
    sync: SyncFigures | null
    oneByOne: (LoadFigures & { rateLimited: number }) | null
  }
  search: {
    meilisearch: PerConcurrency
    embedded: PerConcurrency
    rawMeilisearch: PerConcurrency
    /** p50 and p95 of ours (Meilisearch) divided by raw, at 1 and 10 clients. */
    ratio: { c1p50: number; c1p95: number; c10p50: number; c10p95: number } | null
  }
  endpoints: Record<string, PerConcurrency>
  indexLag: LagFigures | null
  mixed: TrafficFigures | null
  fault:
    | (TrafficFigures & {
        meiliDownSeconds: number
        approvalsWhileDown: number
        /** Submissions or approvals refused while Meilisearch was down (must be 0). */
        writesFailedWhileDown: number
        convergeSeconds: number
        consistency: ConsistencyFigures
      })
    | null
  /** Wall time of each phase, seconds. */
  phases: Record<string, number>
}

const ms = (n: number) => `${n.toFixed(1)}`
const rowOf = (label: string, s: LatencyStats) =>
  `| ${label} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${s.rps} | ${s.requests} | ${s.errors} |`
const LAT_HEADER = [
  '| | p50 ms | p95 ms | p99 ms | req/s | requests | errors |',
  '|---|---:|---:|---:|---:|---:|---:|',
]

function perConcurrency(label: string, value: PerConcurrency): string[] {
  if (!value) return [`| ${label} | ${NA} | | | | | |`]
  return [rowOf(`${label} — 1 client`, value.c1), rowOf(`${label} — 10 clients`, value.c10)]
}

export function renderMarkdown(r: BenchResults, deltas: string[]): string {
  const m = r.machine
  const out: string[] = []
  out.push(`### Run ${m.date} — ${m.size.toLocaleString('en-US')} experiments`, '')
  out.push('| Machine | |', '|---|---|')
  out.push(`| CPU | ${m.cpu} (${m.cores} cores) |`, `| RAM | ${m.ramGb} GB |`)
  out.push(`| Node | ${m.node} |`, `| Meilisearch | ${m.meilisearch} |`)
  out.push(
    `| Dataset | ${m.size} experiments, seed ${m.seed} |`,
    `| Load-run duration | ${m.durationSeconds} s |`
  )
  out.push(`| Commit | ${m.commit} |`, '')

  out.push(
    '**Loading**',
    '',
    '| Path | records | seconds | records/s | notes |',
    '|---|---:|---:|---:|---|'
  )
  out.push(
    `| Generate + validate (zod) | ${r.generate.records} | ${r.generate.seconds} | ${r.generate.recordsPerSecond} | in-process |`
  )
  const imp = r.load.import
  out.push(
    imp
      ? `| Bulk import → D1 (\`POST /api/moderation/import?publish=true\`) | ${imp.records} | ${imp.seconds} | ${imp.recordsPerSecond} | ${imp.requests} requests of ${imp.chunkRows} rows, ${imp.concurrency} in flight, slowest ${imp.slowestChunkMs} ms, ${imp.rejected} rejected, ${imp.retries} retried |`
      : `| Bulk import → D1 | ${NA} | | | |`
  )
  const sync = r.load.sync
  out.push(
    sync
      ? `| Outbox drain after the import (backlog left) → Meilisearch + embedded | ${sync.records} | ${sync.seconds} | ${sync.recordsPerSecond} | ${sync.cronRuns} cron runs, ${sync.failedRuns} failed |`
      : `| Outbox drain → indexes | ${NA} | | | |`
  )
  if (imp && sync) {
    // Writes nudge the drain, so the indexes fill during the import: what counts for a
    // moderator is when the whole catalogue is searchable.
    const total = imp.seconds + sync.seconds
    out.push(
      `| **End to end: import start → both indexes in sync** | ${imp.records} | ${round(total)} | ${round(imp.records / total)} | the drain row above is only the backlog left when the import ended |`
    )
  }
  const one = r.load.oneByOne
  out.push(
    one
      ? `| One by one (\`POST /api/experiments\` + approve) | ${one.records} | ${one.seconds} | ${one.recordsPerSecond} | ${one.rateLimited} × 429 |`
      : `| One by one | ${NA} | | | |`
  )
  out.push('')

  out.push(
    '**Search** (`/api/search`, fixed set of 24 realistic queries — natural phrases, typos, English — and filter combinations)',
    ''
  )
  out.push(...LAT_HEADER)
  out.push(...perConcurrency('ours, Meilisearch', r.search.meilisearch))
  out.push(...perConcurrency('ours, embedded engine (FTS5)', r.search.embedded))
  out.push(
    ...perConcurrency('raw Meilisearch `/multi-search` (same bodies)', r.search.rawMeilisearch)
  )
  out.push('')
  const ratio = r.search.ratio
  out.push(
    ratio
      ? `Ratio ours (Meilisearch) / raw: p50 ×${ratio.c1p50}, p95 ×${ratio.c1p95} at 1 client; p50 ×${ratio.c10p50}, p95 ×${ratio.c10p95} at 10 clients.`
      : `Ratio ours / raw: ${NA}`,
    ''
  )

  out.push('**Statistics and pages**', '', ...LAT_HEADER)
  for (const [name, value] of Object.entries(r.endpoints)) out.push(...perConcurrency(name, value))
  out.push('')

  const lag = r.indexLag
  out.push(
    '**Index lag** (approve → visible in `/api/search`): ' +
      (lag
        ? `p50 ${lag.p50} ms, p95 ${lag.p95} ms, max ${lag.max} ms over ${lag.approvals} approvals (${lag.timedOut} not visible within 30 s).`
        : NA),
    ''
  )

  out.push(
    '**Load and fault runs** (closed loop, 80 % search/browse, 15 % pages, 5 % submissions)',
    ''
  )
  out.push(
    '| Run | clients | seconds | requests | req/s | p50 ms | p95 ms | p99 ms | errors | error rate | 429 | dev-proxy drops | submissions acknowledged / stored | engines |'
  )
  out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|')
  const traffic = (label: string, t: TrafficFigures | null) =>
    t
      ? `| ${label} | ${t.clients} | ${t.seconds} | ${t.overall.requests} | ${t.overall.rps} | ${ms(t.overall.p50)} | ${ms(t.overall.p95)} | ${ms(t.overall.p99)} | ${t.overall.errors} | ${t.errorRate} % | ${t.rateLimited} | ${t.devProxyDrops ?? NA} | ${t.submissionsAccepted ?? NA} / ${t.submissionsStored ?? NA} | ${Object.entries(
          t.engines
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} |`
      : `| ${label} | ${NA} | | | | | | | | | | | | |`
  out.push(traffic('Mixed', r.mixed))
  out.push(
    traffic(r.fault ? `Fault: Meilisearch stopped ${r.fault.meiliDownSeconds} s` : 'Fault', r.fault)
  )
  out.push('')
  const runs = [r.mixed, r.fault].filter((t) => t !== null)
  const unacknowledged = runs.some((t) => t.submissionsStored !== t.submissionsAccepted)
  if (unacknowledged) {
    out.push(
      '**Submissions stored in D1 differ from those acknowledged**: a client was told a write failed (or succeeded) when the opposite happened.',
      ''
    )
  }
  if (runs.some((t) => (t.devProxyDrops ?? 0) > 0)) {
    out.push(
      '"Dev-proxy drops" are 503s answered by `wrangler dev`\'s own proxy, not by the Worker: its connection to workerd broke while local D1 queries held workerd\'s thread (see the findings). They are not counted as errors' +
        (unacknowledged
          ? '.'
          : '; D1 holds exactly the acknowledged submissions, so none of them reached the Worker.'),
      ''
    )
  }
  if (r.fault) {
    const c = r.fault.consistency
    out.push(
      `After the restart and drain (${r.fault.convergeSeconds} s, ${r.fault.approvalsWhileDown} approvals made while Meilisearch was down, ${r.fault.writesFailedWhileDown ?? 0} refused): index ${c.equal ? '**equals**' : '**differs from**'} D1 — ${c.published} published, ${c.indexed} indexed, ${c.missing} missing, ${c.stale} stale, ${c.extra} extra.`,
      ''
    )
    if (r.fault.sampleErrors.length)
      out.push('Fault-run errors: `' + r.fault.sampleErrors.join('` · `') + '`', '')
  }
  if (r.mixed?.sampleErrors.length)
    out.push('Mixed-run errors: `' + r.mixed.sampleErrors.join('` · `') + '`', '')

  out.push(
    `Phases (s): ${Object.entries(r.phases)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
    ''
  )
  if (deltas.length) out.push('**Δ vs previous run**', '', ...deltas.map((d) => `- ${d}`), '')
  return out.join('\n')
}

/** The most recent earlier result for the same dataset size, if any. */
export async function previousResults(dir: string, size: number): Promise<BenchResults | null> {
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .reverse()
  for (const file of files) {
    try {
      const r = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as BenchResults
      if (r.machine?.size === size) return r
    } catch {
      // a broken or foreign file is not a baseline
    }
  }
  return null
}

/** Key figures with their change against the previous run (lower is better for latencies). */
export function deltas(now: BenchResults, before: BenchResults | null): string[] {
  if (!before) return []
  const pick: [string, (r: BenchResults) => number | undefined][] = [
    ['import records/s', (r) => r.load.import?.recordsPerSecond],
    ['index sync records/s', (r) => r.load.sync?.recordsPerSecond],
    ['search Meilisearch p95 @10', (r) => r.search.meilisearch?.c10.p95],
    ['search embedded p95 @10', (r) => r.search.embedded?.c10.p95],
    ['raw Meilisearch p95 @10', (r) => r.search.rawMeilisearch?.c10.p95],
    ['stats/regions p95 @1', (r) => r.endpoints['/api/stats/regions']?.c1.p95],
    ['index lag p95', (r) => r.indexLag?.p95],
    ['mixed p95', (r) => r.mixed?.overall.p95],
    ['fault p95', (r) => r.fault?.overall.p95],
  ]
  const out: string[] = []
  for (const [label, get] of pick) {
    const a = get(before)
    const b = get(now)
    if (a === undefined || b === undefined || a === 0) continue
    const pct = ((b - a) / a) * 100
    out.push(`${label}: ${a} → ${b} (${pct >= 0 ? '+' : ''}${pct.toFixed(0)} %)`)
  }
  return out.length ? [`baseline: run of ${before.machine.date}`, ...out] : []
}
