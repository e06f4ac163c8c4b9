/**
 * The Worker under test. `startWorker` from scripts/lib/local-dev.ts cannot do two things
 * the bench needs:
 * - `--test-scheduled`, which exposes `GET /__scheduled` so the bench fires the outbox
 *   cron on demand instead of waiting up to a minute for it;
 * - a frozen build: `wrangler dev` watches the source tree and restarts the Worker on every
 *   save ("Your worker restarted mid-request"), and this tree is shared with engineers
 *   editing it. The bench serves a snapshot of the sources taken at its start, so one run
 *   measures one version of the code.
 */
import { spawn } from 'node:child_process'
import { cpSync, createWriteStream, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { freePort, ROOT } from '../lib/local-dev'
import { onCleanup } from './cleanup'

const WRANGLER = path.join(ROOT, 'node_modules', '.bin', 'wrangler')

/**
 * `VSCODE_INSPECTOR_OPTIONS` keeps wrangler from attaching its DevTools proxy to the Worker
 * (wrangler 4.86 skips it inside VS Code's debug terminal, which sets this variable). That
 * proxy enables the inspector's Network domain, and workerd then keeps every subrequest
 * body for DevTools in the Worker's heap: each import chunk re-read and sent to both
 * indexes adds ~2 MB, and the 100k load died of "JavaScript heap out of memory" at ~76k
 * records. Without the proxy the heap stays flat (~450 MB RSS) and the import is faster.
 * Only the bench opts out; `npm start` keeps DevTools.
 */
const WRANGLER_ENV = {
  ...process.env,
  CI: 'true',
  WRANGLER_SEND_METRICS: 'false',
  NO_COLOR: '1',
  VSCODE_INSPECTOR_OPTIONS: '{}',
}

/**
 * Copies the Worker's sources as they are now (worker/, web/, migrations, config) into
 * `outDir`, with node_modules linked, and returns the copied wrangler.toml. wrangler dev
 * then bundles and watches the copy — which nobody edits — and keeps `--test-scheduled`
 * (its `/__scheduled` route is injected when wrangler bundles, so a prebuilt bundle
 * served with no_bundle would lose it).
 */
export async function snapshotWorker(outDir: string): Promise<string> {
  // A kept state (--keep-state, --skip-load) holds the previous run's snapshot: start afresh
  // so this run serves the code as it is now. rm does not follow the node_modules link.
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  for (const entry of [
    'worker',
    'web',
    'migrations',
    'wrangler.toml',
    'package.json',
    'tsconfig.json',
    'worker-configuration.d.ts',
  ]) {
    const from = path.join(ROOT, entry)
    if (existsSync(from)) cpSync(from, path.join(outDir, entry), { recursive: true })
  }
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(outDir, 'node_modules'), 'dir')
  return path.join(outDir, 'wrangler.toml')
}

export interface BenchWorker {
  url: string
  stop(): Promise<void>
  /** Last lines wrangler printed, for error messages. */
  output(): string
}

export async function startBenchWorker(opts: {
  persistTo: string
  vars: Record<string, string>
  label: string
  /** From `bundleWorker`. */
  config: string
  /** Everything wrangler prints is also appended here (only the tail is kept in memory). */
  logFile?: string
}): Promise<BenchWorker> {
  const port = await freePort()
  const args = [
    'dev',
    '--config',
    opts.config,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    opts.persistTo,
  ]
  args.push('--show-interactive-dev-session=false', '--inspector-port', String(await freePort()))
  args.push('--test-scheduled', '--log-level', process.env.BENCH_DEBUG ? 'debug' : 'warn')
  for (const [key, value] of Object.entries(opts.vars)) args.push('--var', `${key}:${value}`)
  const child = spawn(WRANGLER, args, {
    cwd: path.dirname(opts.config),
    env: WRANGLER_ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: wrangler spawns workerd, and both must go.
    detached: true,
  })
  let output = ''
  const log = opts.logFile ? createWriteStream(opts.logFile, { flags: 'a' }) : null
  const keep = (chunk: Buffer) => {
    log?.write(chunk)
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.once('exit', () => log?.end())
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)

  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const kill = setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 5_000)
      child.once('exit', () => {
        clearTimeout(kill)
        resolve()
      })
      signalGroup(child.pid, 'SIGTERM')
    })
  const forget = onCleanup(`worker ${opts.label}`, stop)

  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      forget()
      throw new Error(`wrangler dev (${opts.label}) exited (${child.exitCode}):\n${output}`)
    }
    try {
      const res = await fetch(`${url}/api/openapi.json`)
      if (res.ok) {
        return {
          url,
          output: () => output,
          stop: async () => {
            forget()
            await stop()
          },
        }
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  forget()
  await stop()
  throw new Error(`wrangler dev (${opts.label}) did not answer within 120 s:\n${output}`)
}

function signalGroup(pid: number | undefined, signal: NodeJS.Signals) {
  if (!pid) return
  try {
    process.kill(-pid, signal)
  } catch {
    // already gone
  }
}

/** Fires the Worker's cron handler once (the outbox safety net). False if there is none. */
export async function triggerCron(url: string): Promise<boolean> {
  // Bounded: a drain stuck on a locked local D1 file must not hang the whole bench.
  try {
    const res = await fetch(`${url}/__scheduled?cron=${encodeURIComponent('* * * * *')}`, {
      signal: AbortSignal.timeout(60_000),
    })
    await res.text()
    return res.ok
  } catch {
    return false
  }
}

/**
 * `wrangler dev` puts a proxy Worker in front of ours. When the proxy's pooled connection
 * to the Worker's workerd breaks, it answers 503 with this text instead of our answer to a
 * write, and parks a GET until the next request arrives to send it again. It happens when
 * workerd's single thread is held for seconds by local D1 queries (the embedded engine at
 * 100k while Meilisearch is down): a 20-line Worker that only burns 0.2–2.7 s of CPU per
 * GET and answers 201 to POSTs gets the same 503s, with no D1 and no Meilisearch, and the
 * POSTs it dropped never reached it. Neither the proxy nor an in-process D1 exists in
 * production, so the bench counts these apart from the Worker's errors and checks in D1
 * that no dropped submission was stored (`countExperiments`).
 */
const DEV_PROXY_DROP = 'Your worker restarted mid-request'

export function isDevProxyDrop(status: number, body: string): boolean {
  return status === 503 && body.startsWith(DEV_PROXY_DROP)
}

/**
 * Sends a write, and sends it again (at most `maxDrops` times) when wrangler's proxy
 * dropped it — what the proxy's message asks a client to do. Only for requests the Worker
 * never saw or that are idempotent.
 */
export async function sendThroughDevProxy(
  url: string,
  init: RequestInit,
  maxDrops = 3
): Promise<ProxiedResponse> {
  for (let drops = 0; ; drops++) {
    const res = await fetch(url, init)
    const text = await res.text()
    if (!isDevProxyDrop(res.status, text) || drops >= maxDrops) {
      const retryAfter = Number(res.headers.get('retry-after')) || 0
      return { status: res.status, ok: res.ok, text, drops, retryAfter }
    }
  }
}

interface ProxiedResponse {
  status: number
  ok: boolean
  text: string
  drops: number
  /** Seconds, from a 429's `Retry-After`; 0 otherwise. */
  retryAfter: number
}

/**
 * `sendThroughDevProxy`, plus what a well-behaved client does on a 429: wait the
 * `Retry-After` the Worker gave (at most a window) and send again. The rate limit is per
 * client and the bench is one client, so writes that must happen (the outage run's) would
 * otherwise depend on how much of the window the load run before them spent.
 */
export async function sendPatiently(url: string, init: RequestInit): Promise<ProxiedResponse> {
  let drops = 0
  for (let waits = 0; ; waits++) {
    const res = await sendThroughDevProxy(url, init)
    drops += res.drops
    if (res.status !== 429 || waits >= 2) return { ...res, drops }
    const seconds = Math.min(61, Math.max(1, res.retryAfter || 60))
    await new Promise((r) => setTimeout(r, seconds * 1000))
  }
}
