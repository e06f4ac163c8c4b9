/**
 * `npm run eval:search`: how well search finds what people mean, on the real set
 * (`data/relevance/`: 150 real experiments, 50 queries with graded judgments).
 *
 * Starts a fresh local instance on its own ports and state (Meilisearch + `wrangler dev`),
 * loads the real catalogue through the moderators' bulk import and the outbox, runs every
 * query through `GET /api/search` with Meilisearch, then again with the Worker restarted
 * without Meilisearch (the embedded engine), and prints nDCG@10, Recall@10, MRR, recall@20
 * on grades ≥ 2, zero-result queries, a per-kind table and the worst queries. The table is
 * written into BENCHMARKS.md ("Qualité de recherche"); metric definitions are in
 * scripts/lib/relevance.ts and BENCHMARKS.md.
 *
 *   npm run eval:search -- [--engines meilisearch,embedded] [--markdown BENCHMARKS.md|none]
 *                          [--json FILE] [--queries N] [--worst N]
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { onCleanup, runCleanups } from './bench/cleanup'
import { drainToIndexes, importRowsPerRequest } from './bench/load'
import { preparedDatabase } from './lib/prepared-database'
import { snapshotWorker, startBenchWorker, type BenchWorker } from './bench/worker'
import { replaceMarkedBlock } from './lib/markdown-block'
import { ROOT } from './lib/local-dev'
import { createWorkerKey, startMeilisearch } from './lib/meilisearch'
import { realCatalogueRows, STAGE, THEME } from './lib/real-catalogue'
import {
  engineReport,
  loadJudgedQueries,
  renderRelevanceMarkdown,
  scoreQuery,
  type EngineReport,
  type JudgedQuery,
  type QueryRun,
} from './lib/relevance'
import { buildTerritoryReference } from './lib/territory-reference'

const INDEX = 'experiments'
const ENGINES = ['meilisearch', 'embedded'] as const
type Engine = (typeof ENGINES)[number]

const log = (line: string) =>
  console.error(`[eval ${new Date().toISOString().slice(11, 19)}] ${line}`)

function options() {
  const { values } = parseArgs({
    options: {
      engines: { type: 'string', default: ENGINES.join(',') },
      markdown: { type: 'string', default: path.join(ROOT, 'BENCHMARKS.md') },
      json: { type: 'string' },
      queries: { type: 'string' },
      worst: { type: 'string', default: '6' },
    },
  })
  const engines = values.engines.split(',').map((e) => e.trim())
  for (const e of engines) {
    if (!(ENGINES as readonly string[]).includes(e)) throw new Error(`moteur inconnu : ${e}`)
  }
  return {
    engines: engines as Engine[],
    markdown: values.markdown,
    json: values.json,
    queries: values.queries ? Number(values.queries) : Infinity,
    worst: Number(values.worst),
  }
}

/**
 * The query's structured filters as `/api/search` parameters: `region_name` → `region`
 * (INSEE code), `status` → `stage` (the real catalogue's mapping), `country` → `country`,
 * `territory_level` → `level` (the kind of collectivité carrying the record, the API's
 * closest notion; `national` → `scope`), `themes` → `theme`. A filter the API cannot
 * express is reported, and the query runs on its text and the other filters; it is never
 * emulated on the client side.
 */
function apiFilters(
  query: JudgedQuery,
  regionCodes: ReadonlyMap<string, string>
): { params: [string, string][]; unmapped: string[] } {
  const params: [string, string][] = []
  const unmapped: string[] = []
  for (const [key, value] of Object.entries(query.filters ?? {})) {
    const param =
      key === 'region_name' && regionCodes.has(value)
        ? ['region', regionCodes.get(value)!]
        : key === 'status' && STAGE[value as keyof typeof STAGE]
          ? ['stage', STAGE[value as keyof typeof STAGE]]
          : key === 'country'
            ? ['country', value]
            : key === 'themes' && THEME[value]
              ? ['theme', THEME[value]]
              : key === 'territory_level' && value === 'national'
                ? ['scope', 'national']
                : key === 'territory_level'
                  ? ['level', value]
                  : null
    if (param) params.push(param as [string, string])
    else unmapped.push(`${key}=${value}`)
  }
  return { params, unmapped }
}

async function runQueries(
  url: string,
  queries: readonly JudgedQuery[],
  corpusIdOf: ReadonlyMap<string, string>,
  regionCodes: ReadonlyMap<string, string>
): Promise<QueryRun[]> {
  const runs: QueryRun[] = []
  for (const query of queries) {
    const { params, unmapped } = apiFilters(query, regionCodes)
    const search = new URLSearchParams([['q', query.q], ['hitsPerPage', '20'], ...params])
    const res = await fetch(`${url}/api/search?${search}`)
    if (!res.ok) throw new Error(`${query.id}: /api/search ${res.status} ${await res.text()}`)
    const body = (await res.json()) as { hits: { id: string }[]; total: number; engine: string }
    const ranked = body.hits.map((h) => corpusIdOf.get(h.id) ?? h.id)
    runs.push({
      query,
      ranked,
      total: body.total,
      engine: body.engine,
      scores: scoreQuery(query.relevant, ranked, body.total),
      unmappedFilters: unmapped,
    })
  }
  return runs
}

interface ImportRowReport {
  row: number
  status: string
  id?: string
  sourceId?: string
  errors?: { pointer?: string; message: string }[]
}

/** Loads the real catalogue through the bulk import; returns API id → corpus id. */
async function importRealCatalogue(url: string, token: string) {
  const rows = realCatalogueRows()
  const chunk = await importRowsPerRequest()
  const corpusIdOf = new Map<string, string>()
  const rejected: ImportRowReport[] = []
  for (let start = 0; start < rows.length; start += chunk) {
    const res = await fetch(`${url}/api/moderation/import?publish=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(rows.slice(start, start + chunk)),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`import refusé (${res.status}) : ${text.slice(0, 1000)}`)
    for (const r of (JSON.parse(text) as { rows: ImportRowReport[] }).rows) {
      if (r.id && r.sourceId && !['invalid', 'failed'].includes(r.status)) {
        corpusIdOf.set(r.id, r.sourceId)
      } else rejected.push({ ...r, row: r.row + start })
    }
  }
  return { corpusIdOf, rejected, total: rows.length }
}

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim()
  } catch {
    return 'unknown'
  }
}

async function main() {
  const o = options()
  const queries = loadJudgedQueries().slice(0, o.queries)
  const regionCodes = new Map(
    buildTerritoryReference()
      .rows.filter((r) => r.kind === 'reg')
      .map((r) => [r.name, r.insee])
  )

  const stateDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-eval-'))
  onCleanup('dossier temporaire', () => rm(stateDir, { recursive: true, force: true }))
  const persistTo = path.join(stateDir, 'd1')
  await preparedDatabase(persistTo, log)

  const masterKey = randomBytes(24).toString('base64url')
  const meili = await startMeilisearch({ dataDir: path.join(stateDir, 'meili'), masterKey })
  onCleanup('meilisearch', () => meili.stop())
  const workerKey = await createWorkerKey(meili.url, masterKey, [INDEX, 'actors', 'events'])
  const config = await snapshotWorker(path.join(stateDir, 'worker-snapshot'))
  const token = randomBytes(24).toString('base64url')
  const baseVars = { MODERATOR_TOKENS: `eval:${token}`, MEILI_INDEX: INDEX, RATE_LIMITS: 'off' }
  const start = (label: Engine, vars: Record<string, string>) =>
    startBenchWorker({
      persistTo,
      label,
      config,
      logFile: path.join(stateDir, 'wrangler.log'),
      vars: { ...baseVars, ...vars },
    })

  // Loading with Meilisearch configured fills both indexes from the same outbox.
  let worker: BenchWorker = await start('meilisearch', {
    MEILI_HOST: meili.url,
    MEILI_KEY: workerKey,
  })
  const loaded = await importRealCatalogue(worker.url, token)
  log(
    `catalogue réel : ${loaded.corpusIdOf.size} fiches importées, ${loaded.rejected.length} refusées`
  )
  for (const r of loaded.rejected.slice(0, 5)) {
    log(`  ligne ${r.row} ${r.sourceId ?? ''} : ${JSON.stringify(r.errors ?? []).slice(0, 300)}`)
  }
  await drainToIndexes({
    url: worker.url,
    persistTo,
    meili: { url: meili.url, masterKey, index: INDEX },
    expected: loaded.corpusIdOf.size,
    timeoutSeconds: 120,
  })

  const reports: EngineReport[] = []
  for (const engine of o.engines) {
    if (engine === 'embedded') {
      await worker.stop()
      worker = await start('embedded', { MEILI_HOST: '', MEILI_KEY: '' })
    }
    const runs = await runQueries(worker.url, queries, loaded.corpusIdOf, regionCodes).catch(
      (error: unknown) => {
        throw new Error(`${String(error)}\n--- wrangler ---\n${worker.output().slice(-3000)}`)
      }
    )
    const wrong = runs.filter((r) => r.engine !== engine)
    if (wrong.length) throw new Error(`${wrong.length} réponses venues de ${wrong[0]!.engine}`)
    reports.push(engineReport(engine, runs))
    log(`${engine} : nDCG@10 ${reports.at(-1)!.overall.ndcg10.toFixed(3)}`)
  }
  await worker.stop()

  const markdown = renderRelevanceMarkdown(
    reports,
    {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      commit: commit(),
      records: loaded.corpusIdOf.size,
      rejected: loaded.rejected.length,
    },
    o.worst
  )
  process.stdout.write(markdown + '\n')
  if (o.json) {
    await writeFile(
      o.json,
      JSON.stringify(
        { loaded: loaded.corpusIdOf.size, rejected: loaded.rejected, reports },
        null,
        1
      )
    )
  }
  if (o.markdown !== 'none') {
    await replaceMarkedBlock(o.markdown, 'relevance', markdown)
    log(`tableau écrit dans ${o.markdown}`)
  }
}

try {
  await main()
} catch (error) {
  console.error(error)
  process.exitCode = 1
} finally {
  await runCleanups()
}
