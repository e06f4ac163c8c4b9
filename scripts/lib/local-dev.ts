/**
 * Local development plumbing shared by `npm start`, the browser tests and the benchmark:
 * prepare a local D1 state directory (migrations + territory reference), run the Worker
 * with `wrangler dev`, and load the real catalogue through the bulk import.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { IMPORT_MAX_ROWS } from '../../worker/open-data/import-rows'
import { realActorInput, realActors } from './real-actors'
import { realCatalogueRows } from './real-catalogue'
import {
  buildTerritoryReference,
  geographyReport,
  territoryStatements,
} from './territory-reference'

const run = promisify(execFile)

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const WRANGLER = path.join(ROOT, 'node_modules', '.bin', 'wrangler')

/** Environment for wrangler child processes: non-interactive, no telemetry. */
const WRANGLER_ENV = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' }

async function wrangler(args: string[]): Promise<string> {
  const { stdout } = await run(WRANGLER, args, {
    cwd: ROOT,
    env: WRANGLER_ENV,
    maxBuffer: 64 * 1024 * 1024,
  })
  return stdout
}

/** Runs one SQL command on the local primary database and returns its rows. */
export async function queryLocal<T>(persistTo: string, sql: string): Promise<T[]> {
  const out = await wrangler([
    'd1',
    'execute',
    'DB',
    '--local',
    '--persist-to',
    persistTo,
    '--json',
    '--command',
    sql,
  ])
  const parsed = JSON.parse(out) as { results: T[] }[]
  return parsed[0]?.results ?? []
}

/**
 * Applies pending migrations to both local databases and loads the territory reference
 * when it is missing or from another package version. Idempotent.
 */
export async function prepareLocalDatabase(opts: {
  persistTo: string
  log?: (line: string) => void
  /** Load the territory reference (default); tests of records without territories skip it. */
  territories?: boolean
}) {
  const log = opts.log ?? (() => {})
  await mkdir(opts.persistTo, { recursive: true })
  for (const binding of ['DB', 'SEARCH_DB']) {
    await wrangler([
      'd1',
      'migrations',
      'apply',
      binding,
      '--local',
      '--persist-to',
      opts.persistTo,
    ])
  }
  log('migrations appliquées')
  if (opts.territories === false) return

  const reference = buildTerritoryReference()
  const loaded = await queryLocal<{ value: string }>(
    opts.persistTo,
    "SELECT value FROM territory_reference WHERE key = 'build'"
  )
  if (loaded[0]?.value === reference.meta.build) {
    log(`référentiel des territoires déjà chargé (${reference.meta.vintage})`)
    return
  }
  const file = path.join(opts.persistTo, 'territories.sql')
  await writeFile(file, territoryStatements(reference).join(';\n') + ';\n')
  await wrangler([
    'd1',
    'execute',
    'DB',
    '--local',
    '--persist-to',
    opts.persistTo,
    '--yes',
    '--file',
    file,
  ])
  log(
    `référentiel des territoires chargé : ${reference.rows.length} territoires (${reference.meta.vintage})`
  )
  log(geographyReport(reference))
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port'))
      )
    })
  })
}

export interface RunningWorker {
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

/**
 * Starts `wrangler dev` on 127.0.0.1 and resolves once the Worker answers. `vars`
 * override wrangler.toml vars and .dev.vars secrets for this run.
 */
export async function startWorker(opts: {
  port: number
  persistTo: string
  vars?: Record<string, string>
  /** Forward wrangler's output (for `npm start`); tests keep it for error messages only. */
  inheritOutput?: boolean
}): Promise<RunningWorker> {
  const args = [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(opts.port),
    '--persist-to',
    opts.persistTo,
  ]
  args.push('--show-interactive-dev-session=false', '--inspector-port', String(await freePort()))
  for (const [key, value] of Object.entries(opts.vars ?? {})) args.push('--var', `${key}:${value}`)
  const child = spawn(WRANGLER, args, {
    cwd: ROOT,
    env: WRANGLER_ENV,
    stdio: opts.inheritOutput ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)))
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)))

  const url = `http://127.0.0.1:${opts.port}`
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      // wrangler spawns workerd: signal the whole process group.
      try {
        process.kill(-child.pid!, 'SIGTERM')
      } catch {
        child.kill('SIGTERM')
      }
      setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL')
        } catch {
          // already gone
        }
      }, 5_000).unref()
    })

  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`)
    try {
      const res = await fetch(`${url}/api/openapi.json`)
      if (res.ok) return { url, process: child, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300))
  }
  await stop()
  throw new Error(`wrangler dev did not answer within 90 s:\n${output}`)
}

/** Reads a `KEY=value` file such as .dev.vars. */
export async function readVarsFile(file: string): Promise<Record<string, string>> {
  const text = await readFile(file, 'utf8').catch(() => '')
  const vars: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line)
    if (m?.[1]) vars[m[1]] = m[2]!.replace(/^"(.*)"$/, '$1')
  }
  return vars
}

/** First token of a MODERATOR_TOKENS value (`name:token,…`). */
export function firstModeratorToken(tokens: string): string {
  const first = tokens.split(',')[0]?.trim() ?? ''
  return first.includes(':') ? first.slice(first.indexOf(':') + 1) : first
}

/**
 * Loads the real actors (data/network/actors.json, the catalogue's porteurs) through the
 * moderators' actor import, published. Returns, for each catalogue record (corpus id), the
 * id of its porteur's actor.
 */
export async function loadRealActors(
  baseUrl: string,
  moderatorToken: string
): Promise<Map<string, string>> {
  const actors = realActors()
  const porteurOf = new Map<string, string>()
  for (let i = 0; i < actors.length; i += IMPORT_MAX_ROWS) {
    const chunk = actors.slice(i, i + IMPORT_MAX_ROWS)
    const res = await fetch(`${baseUrl}/api/moderation/actors/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${moderatorToken}` },
      body: JSON.stringify(chunk.map(realActorInput)),
    })
    const body = (await res.json()) as { ids?: string[] }
    if (res.status !== 201 || body.ids?.length !== chunk.length)
      throw new Error(`real actors refused (${res.status}): ${JSON.stringify(body).slice(0, 2000)}`)
    chunk.forEach((actor, j) => {
      for (const record of actor.experiments) porteurOf.set(record, body.ids![j]!)
    })
  }
  return porteurOf
}

/**
 * Loads the real actors, then the real catalogue (data/relevance/corpus.json, converted by
 * real-catalogue.ts) through the bulk import, published, each record linked to its
 * porteur's actor, in requests the import accepts. Throws unless every record is in the
 * catalogue afterwards: a refused row is a bug in the converter or the schema, not
 * something to start without.
 */
export async function loadRealCatalogue(baseUrl: string, moderatorToken: string): Promise<number> {
  const porteurOf = await loadRealActors(baseUrl, moderatorToken)
  const rows = realCatalogueRows().map((row) => {
    const actorId = porteurOf.get(row.sourceId!)
    return actorId ? { ...row, lead: { ...row.lead, actorId } } : row
  })
  let loaded = 0
  for (let i = 0; i < rows.length; i += IMPORT_MAX_ROWS) {
    const chunk = rows.slice(i, i + IMPORT_MAX_ROWS)
    const res = await fetch(`${baseUrl}/api/moderation/import?publish=true`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${moderatorToken}` },
      body: JSON.stringify(chunk),
    })
    const report = (await res.json()) as { counts?: Record<string, number> }
    const counts = report.counts ?? {}
    const done = (counts.created ?? 0) + (counts.updated ?? 0) + (counts.unchanged ?? 0)
    if (!res.ok || done !== chunk.length) {
      throw new Error(
        `real catalogue refused (${res.status}): ${JSON.stringify(report).slice(0, 2000)}`
      )
    }
    loaded += done
  }
  return loaded
}
