/**
 * `npm run bench`: generate a synthetic catalogue, load it through the bulk import and the
 * search outbox, then measure search (ours on Meilisearch, ours on the embedded engine,
 * raw Meilisearch), statistics, pages, index lag, mixed traffic and a Meilisearch outage.
 * Prints a Markdown table, writes it to BENCHMARKS.md and the raw figures to
 * bench-results/<timestamp>.json. Loopback only; every phase is bounded in time.
 *
 *   npm run bench -- [--size 10000] [--duration 60] [--seed N] [--skip-load --state DIR]
 *                    [--search-seconds 10] [--markdown BENCHMARKS.md|none] [--results DIR]
 *                    [--keep-state] [--search-only]
 */
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { replaceMarkedBlock } from './lib/markdown-block'
import { createWorkerKey, startMeilisearch } from './lib/meilisearch'
import type { ExperimentInput } from '../worker/domain/experiment'
import { RATE_LIMIT_BUCKETS } from '../worker/http/rate-limit'
import { onCleanup, runCleanups } from './bench/cleanup'
import { generateCatalogue } from './bench/generate'
import {
  drainToIndexes,
  importAvailable,
  importCatalogue,
  meiliDocumentCount,
  postOneByOne,
} from './bench/load'
import { cannon, round, timed } from './bench/measure'
import { SEARCH_QUERIES } from './bench/queries'
import {
  available,
  compareIndexWithD1,
  countExperiments,
  indexLag,
  measureEndpoints,
} from './bench/probes'
import { recordEngineRequests } from './bench/raw-meili'
import { deltas, previousResults, renderMarkdown, type BenchResults } from './bench/report'
import { machine, options } from './bench/options'
import { ratio, searchRun } from './bench/search-run'
import { preparedDatabase } from './lib/prepared-database'
import { mixedTraffic } from './bench/traffic'
import {
  sendPatiently,
  sendThroughDevProxy,
  snapshotWorker,
  startBenchWorker,
  triggerCron,
  type BenchWorker,
} from './bench/worker'

const INDEX = 'experiments'

/**
 * Every bucket at a high limit rather than `off`: the limiter's own D1 counter stays in the
 * measured path, but the bench (one client address) measures throughput, not the limits.
 * Listed from the Worker's buckets, so a new one cannot silently throttle a phase (the
 * `attempt` bucket, added later, refused 170 of the 200 one-by-one submissions and made
 * the outage's writes wait out its window).
 */
const BENCH_RATE_LIMITS = RATE_LIMIT_BUCKETS.map((bucket) => `${bucket}=999999/60`).join(',')

const log = (line: string) =>
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`)

/** The running Worker, so a failure can show what wrangler printed. */
const running: { worker: BenchWorker | null } = { worker: null }

async function main() {
  const o = options()
  if (o.render) {
    const r = JSON.parse(await readFile(o.render, 'utf8')) as BenchResults
    const markdown = renderMarkdown(r, [])
    process.stdout.write(markdown + '\n')
    if (o.markdown !== 'none') await writeBenchmarksFile(o.markdown, r.machine.size, markdown)
    return
  }
  const phases: Record<string, number> = {}
  let phaseStart = performance.now()
  const phase = (name: string) => {
    phases[name] = round((performance.now() - phaseStart) / 1000)
    phaseStart = performance.now()
  }
  const results: BenchResults = {
    machine: machine(o),
    generate: { records: 0, seconds: 0, recordsPerSecond: 0 },
    load: { import: null, sync: null, oneByOne: null },
    search: { meilisearch: null, embedded: null, rawMeilisearch: null, ratio: null },
    endpoints: {},
    indexLag: null,
    mixed: null,
    fault: null,
    phases,
  }
  log(`${o.size} expériences, graine ${o.seed}, trafic ${o.duration} s`)

  // ── State: a temporary D1 persist dir and Meilisearch data dir per run ─────────────
  const stateDir = o.state ?? (await mkdtemp(path.join(os.tmpdir(), 'observatoire-bench-')))
  if (!o.keepState)
    onCleanup('dossier temporaire', () => rm(stateDir, { recursive: true, force: true }))
  const persistTo = path.join(stateDir, 'd1')
  const meiliDir = path.join(stateDir, 'meili')
  const stateFile = path.join(stateDir, 'bench-state.json')
  const saved = existsSync(stateFile)
    ? (JSON.parse(await readFile(stateFile, 'utf8')) as { masterKey: string; size: number })
    : null
  if (o.skipLoad && !saved) throw new Error(`${stateDir} ne contient pas d’état de bench préparé`)
  if (!o.skipLoad) {
    await preparedDatabase(persistTo, log)
    phase('prepare')
  }

  const masterKey = saved?.masterKey ?? randomBytes(24).toString('base64url')
  let meili = await startMeilisearch({ dataDir: meiliDir, masterKey })
  const meiliPort = Number(new URL(meili.url).port)
  const stopMeili = onCleanup('meilisearch', () => meili.stop())
  const workerKey = await createWorkerKey(meili.url, masterKey, [INDEX, 'actors', 'events'])
  await writeFile(stateFile, JSON.stringify({ masterKey, size: o.size }))
  const meiliRef = { url: meili.url, masterKey, index: INDEX }

  const config = await snapshotWorker(path.join(stateDir, 'worker-snapshot'))
  const token = randomBytes(24).toString('base64url')
  const baseVars = {
    MODERATOR_TOKENS: `bench:${token}`,
    MEILI_INDEX: INDEX,
    RATE_LIMITS: BENCH_RATE_LIMITS,
  }
  let worker: BenchWorker = await startBenchWorker({
    persistTo,
    label: 'meilisearch',
    config,
    logFile: path.join(stateDir, 'wrangler.log'),
    vars: { ...baseVars, MEILI_HOST: meili.url, MEILI_KEY: workerKey },
  })
  running.worker = worker
  phase('start')
  log(`Worker ${worker.url}, Meilisearch ${meili.url}`)

  // Records for submissions, one-by-one and lag probes: other seeds, never the catalogue's.
  const extra = generateCatalogue({ size: 1_000_000, seed: o.seed + 1 })[Symbol.iterator]()
  const nextExtra = (): ExperimentInput => extra.next().value as ExperimentInput

  // ── Load ───────────────────────────────────────────────────────────────────────────
  if (!o.skipLoad) {
    if (await importAvailable(worker.url)) {
      const clock = { ms: 0, n: 0 }
      let lastLog = 0
      results.load.import = await importCatalogue({
        url: worker.url,
        token,
        seed: o.seed,
        records: timed(generateCatalogue({ size: o.size, seed: o.seed }), clock),
        onProgress: (done) => {
          if (done - lastLog >= 5000 || done === o.size) {
            lastLog = done
            log(`import ${done}/${o.size}`)
          }
        },
      })
      results.generate = {
        records: clock.n,
        seconds: round(clock.ms / 1000),
        recordsPerSecond: round(clock.n / (clock.ms / 1000)),
      }
      phase('import')
      if (await triggerCron(worker.url)) {
        results.load.sync = await drainToIndexes({
          url: worker.url,
          persistTo,
          meili: meiliRef,
          expected: results.load.import.records,
          timeoutSeconds: 1200,
          onProgress: (n) => log(`index ${n}/${o.size}`),
        })
      } else log('pas de gestionnaire cron : synchronisation n/a')
      phase('sync')
    } else log('import en masse absent : chargement n/a')
    results.load.oneByOne = await postOneByOne({
      url: worker.url,
      token,
      records: Array.from({ length: o.size >= 1000 ? 200 : 20 }, nextExtra),
    })
    phase('one-by-one')
  } else log(`chargement sauté : ${await meiliDocumentCount(meiliRef)} documents dans l’index`)

  // ── Search ─────────────────────────────────────────────────────────────────────────
  const searchable = await available(worker.url, '/api/search?q=test')
  if (searchable) {
    log('recherche : Meilisearch via le Worker')
    results.search.meilisearch = await searchRun(worker.url, o.searchSeconds)
    const recorded = await recordEngineRequests(SEARCH_QUERIES, INDEX)
    if (recorded) {
      log('recherche : Meilisearch brut')
      const requests = recorded.map((r) => ({
        ...r,
        headers: { 'content-type': 'application/json' },
      }))
      const auth = { authorization: `Bearer ${workerKey}` }
      results.search.rawMeilisearch = {
        c1: await cannon({
          url: meili.url,
          requests,
          connections: 1,
          seconds: o.searchSeconds,
          headers: auth,
        }),
        c10: await cannon({
          url: meili.url,
          requests,
          connections: 10,
          seconds: o.searchSeconds,
          headers: auth,
        }),
      }
      results.search.ratio = ratio(results.search.meilisearch, results.search.rawMeilisearch)
    }
  }
  phase('search')

  // --search-only: search alone, for A/B runs of the search code on one kept state.
  if (!o.searchOnly) {
    // ── Statistics, pages, index lag ───────────────────────────────────────────────────
    const slugs = searchable
      ? ((
          (await (await fetch(`${worker.url}/api/search?q=numerique&hitsPerPage=20`)).json()) as {
            hits?: { slug: string }[]
          }
        ).hits?.map((h) => h.slug) ?? [])
      : []
    const pageSlugs = slugs.length ? slugs : ['absent']
    results.endpoints = await measureEndpoints(
      worker.url,
      [
        {
          name: '/api/stats/regions',
          probe: '/api/stats/regions',
          paths: [
            '/api/stats/regions',
            '/api/stats/regions?theme=mediation',
            '/api/stats/regions?stage=pilot&evidence=3',
          ],
        },
        {
          name: '/api/stats/departments',
          probe: '/api/stats/departments',
          paths: ['/api/stats/departments', '/api/stats/departments?region=53'],
        },
        {
          name: '/api/stats/compare',
          probe: '/api/stats/compare?territories=reg:44,reg:53',
          paths: [
            '/api/stats/compare?territories=reg:44,reg:53,dep:54',
            '/api/stats/compare?territories=reg:11,reg:84',
          ],
        },
        {
          name: 'experiment page /experiences/{slug}',
          probe: `/experiences/${pageSlugs[0]}`,
          paths: pageSlugs.map((s) => `/experiences/${s}`),
        },
        {
          name: 'home page /',
          probe: '/',
          paths: ['/', '/?q=tiers+lieux', '/?q=mediation&region=53'],
        },
      ],
      o.searchSeconds
    )
    if (slugs.length === 0) results.endpoints['experiment page /experiences/{slug}'] = null
    phase('endpoints')
    if (searchable) {
      results.indexLag = await indexLag({
        url: worker.url,
        token,
        approvals: o.duration < 20 ? 5 : 20,
        record: () => nextExtra(),
      })
    }
    phase('index-lag')

    // ── Mixed traffic, then the same with Meilisearch down in the middle ──────────────
    const traffic = { url: worker.url, clients: 10, slugs, submissions: nextExtra, log }
    log(`trafic mixte ${o.duration} s`)
    const beforeMixed = await countExperiments(persistTo)
    results.mixed = await mixedTraffic({ ...traffic, seconds: o.duration, seed: o.seed })
    results.mixed.submissionsStored = (await countExperiments(persistTo)) - beforeMixed
    phase('mixed')

    const downSeconds = Math.min(20, Math.round(o.duration / 3))
    let approvalsWhileDown = 0
    let submittedWhileDown = 0
    let outageDrops = 0
    const outageErrors: string[] = []
    const beforeFault = await countExperiments(persistTo)
    log(`panne : Meilisearch arrêté ${downSeconds} s au milieu de ${o.duration} s`)
    const fault = await mixedTraffic({
      ...traffic,
      seconds: o.duration,
      seed: o.seed + 2,
      during: async (elapsed) => {
        const startAt = (o.duration - downSeconds) / 2
        await new Promise((r) => setTimeout(r, Math.max(0, (startAt - elapsed()) * 1000)))
        await meili.stop()
        const downAt = performance.now()
        // Changes made during the outage are what the outbox must not lose.
        // A write the dev proxy dropped never reached the Worker, so it is sent again, as the
        // proxy's message asks; a 429 (the load run may have spent this client's submission
        // window) is sent again after its Retry-After, as a client would. Were that wrong,
        // it would show: a submission stored twice (the stored count below), an approval
        // answered 409 (counted as refused).
        for (let i = 0; i < 5; i++) {
          const sent = await sendPatiently(`${worker.url}/api/experiments`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(nextExtra()),
          })
          outageDrops += sent.drops
          if (sent.status !== 201) {
            // Reported with the run's errors rather than aborting the whole bench.
            outageErrors.push(
              `${sent.status} POST /api/experiments (panne) ${sent.text.slice(0, 200)}`
            )
            continue
          }
          submittedWhileDown++
          const { id } = JSON.parse(sent.text) as { id: string }
          const approval = await sendThroughDevProxy(
            `${worker.url}/api/moderation/experiments/${id}/approve`,
            { method: 'POST', headers: { authorization: `Bearer ${token}` } }
          )
          outageDrops += approval.drops
          if (approval.ok) approvalsWhileDown++
          else
            outageErrors.push(`${approval.status} approve (panne) ${approval.text.slice(0, 200)}`)
        }
        const left = downSeconds * 1000 - (performance.now() - downAt)
        await new Promise((r) => setTimeout(r, Math.max(0, left)))
        meili = await startMeilisearch({ dataDir: meiliDir, port: meiliPort, masterKey })
        log('Meilisearch redémarré')
      },
    })
    const storedDuringFault = (await countExperiments(persistTo)) - beforeFault
    phase('fault')
    // Back up: the outbox (with its backoff) must bring the index back to D1's state.
    const convergeStart = performance.now()
    let consistency = await compareIndexWithD1({ persistTo, meili: meiliRef })
    while (!consistency.equal && performance.now() - convergeStart < 180_000) {
      await triggerCron(worker.url)
      // A quiet pause before reading D1 from outside (see drainToIndexes).
      await new Promise((r) => setTimeout(r, 3000))
      consistency = await compareIndexWithD1({ persistTo, meili: meiliRef })
    }
    results.fault = {
      ...fault,
      sampleErrors: [...outageErrors, ...fault.sampleErrors].slice(0, 5),
      writesFailedWhileDown: outageErrors.length,
      devProxyDrops: fault.devProxyDrops + outageDrops,
      submissionsAccepted: fault.submissionsAccepted + submittedWhileDown,
      submissionsStored: storedDuringFault,
      meiliDownSeconds: downSeconds,
      approvalsWhileDown,
      convergeSeconds: round((performance.now() - convergeStart) / 1000),
      consistency,
    }
    phase('converge')
  }

  // ── The embedded engine alone: a second Worker without Meilisearch ────────────────
  await worker.stop()
  if (searchable) {
    worker = await startBenchWorker({
      persistTo,
      label: 'embedded',
      config,
      logFile: path.join(stateDir, 'wrangler.log'),
      vars: { ...baseVars, MEILI_HOST: '', MEILI_KEY: '' },
    })
    log('recherche : moteur intégré')
    results.search.embedded = await searchRun(worker.url, o.searchSeconds)
    await worker.stop()
  }
  phase('embedded')
  stopMeili()
  await meili.stop()

  // ── Output ─────────────────────────────────────────────────────────────────────────
  await mkdir(o.results, { recursive: true })
  const before = await previousResults(o.results, o.size)
  const markdown = renderMarkdown(results, deltas(results, before))
  const file = path.join(o.results, `${results.machine.date.replace(/[:]/g, '-')}.json`)
  await writeFile(file, JSON.stringify(results, null, 2) + '\n')
  process.stdout.write(markdown + '\n')
  if (o.markdown !== 'none') await writeBenchmarksFile(o.markdown, o.size, markdown)
  log(`résultats : ${file}${o.markdown !== 'none' ? ` et ${o.markdown}` : ''}`)
  if (o.keepState) log(`état conservé : ${stateDir} (réutilisable avec --skip-load --state)`)
}

/**
 * BENCHMARKS.md keeps one section per dataset size, replaced by the latest run of that
 * size, under hand-written prose that the harness never touches.
 */
const writeBenchmarksFile = (file: string, size: number, markdown: string) =>
  replaceMarkedBlock(file, `bench:size=${size}`, markdown)

try {
  await main()
} catch (error) {
  console.error(error)
  const tail = running.worker?.output().slice(-4000)
  if (tail) console.error(`--- sortie de wrangler (fin) ---\n${tail}`)
  process.exitCode = 1
} finally {
  await runCleanups()
}
