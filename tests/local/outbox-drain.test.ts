/**
 * `npm start`'s outbox safety net, end to end: `wrangler dev` with the real Meilisearch
 * binary and the drain loop start.ts runs (scripts/lib/outbox-drain.ts). Meilisearch is
 * stopped, a record is published (the write's nudge fails), Meilisearch comes back on the
 * same data and port, and the record must reach the index with no further write — only
 * the periodic drain can deliver it. Without the loop the backlog stays (the cron never
 * reaches the Worker under wrangler dev with `[assets]`, workers-sdk#9882).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, prepareLocalDatabase, startWorker } from '../../scripts/lib/local-dev'
import {
  createWorkerKey,
  meilisearchAvailable,
  startMeilisearch,
  type RunningMeilisearch,
} from '../../scripts/lib/meilisearch'
import { drainPeriodically, type DrainLoop } from '../../scripts/lib/outbox-drain'
import { noMeilisearch } from '../meilisearch-required'

const TOKEN = 'local-drain-test-token-0123456789abcdef'
const INDEX = 'experiments'
const started = Date.now()
const step = (what: string) =>
  console.log(`[${Math.round((Date.now() - started) / 1000)} s] ${what}`)

const missing = meilisearchAvailable()
  ? ''
  : noMeilisearch('no Meilisearch binary for the local drain test (linux-x64 only)')

describe.skipIf(missing !== '')('outbox drain under wrangler dev', () => {
  const cleanup: (() => Promise<void> | void)[] = []
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step()
  })

  it('delivers an outage backlog once Meilisearch is back, with no further write', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'outbox-drain-'))
    cleanup.push(() => rm(dir, { recursive: true, force: true }))
    const state = path.join(dir, 'state')
    const meiliDir = path.join(dir, 'meili')
    // A national record needs no territory reference: skipping its load saves minutes.
    await prepareLocalDatabase({ persistTo: state, territories: false })
    step('local databases ready')

    const meiliPort = await freePort()
    let meili: RunningMeilisearch | null = await startMeilisearch({
      dataDir: meiliDir,
      port: meiliPort,
    })
    const masterKey = meili.masterKey
    cleanup.push(() => meili?.stop())
    const worker = await startWorker({
      port: await freePort(),
      persistTo: state,
      vars: {
        MEILI_HOST: meili.url,
        MEILI_KEY: await createWorkerKey(meili.url, masterKey, [INDEX, 'actors', 'events']),
        MEILI_INDEX: INDEX,
        MODERATOR_TOKENS: `drain:${TOKEN}`,
        RATE_LIMITS: 'off',
        IP_HASH_SECRET: 'local-drain-ip-hash-secret-0123456789',
      },
    })
    cleanup.push(() => worker.stop())
    step('worker ready')
    const api = (p: string, init: RequestInit = {}) =>
      fetch(`${worker.url}${p}`, {
        ...init,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${TOKEN}`,
          ...init.headers,
        },
      })
    const inIndex = async (id: string) =>
      (
        await fetch(`${meili!.url}/indexes/${INDEX}/documents/${id}`, {
          headers: { authorization: `Bearer ${masterKey}` },
        })
      ).status === 200

    const submitted = await api('/api/experiments', {
      method: 'POST',
      body: JSON.stringify({
        title: 'Bus numérique de la Commune d’Exemple',
        summary: 'Un bus équipé accompagne les habitants dans leurs démarches en ligne.',
        lead: { name: 'Commune d’Exemple', kind: 'commune' },
        scope: 'national',
        themes: ['mediation.itinerance'],
        stage: 'rollout',
        privateContact: { email: 'referent@example.org' },
      }),
    })
    expect(submitted.status).toBe(201)
    const { id } = (await submitted.json()) as { id: string }
    step('submitted')

    // The outage: the approval's nudge cannot reach Meilisearch; the row stays in the outbox.
    await meili.stop()
    meili = null
    const approved = await api(`/api/moderation/experiments/${id}/approve`, { method: 'POST' })
    expect(approved.status).toBe(200)
    meili = await startMeilisearch({ dataDir: meiliDir, port: meiliPort, masterKey })
    expect(await inIndex(id)).toBe(false)
    step('approved during the outage; Meilisearch back')

    // From here on nothing writes: only the drain loop of `npm start` runs.
    const loop: DrainLoop = drainPeriodically({
      baseUrl: worker.url,
      moderatorToken: TOKEN,
      everyMs: 2_000,
    })
    cleanup.push(() => loop.stop())
    // The failed delivery is retried after its backoff (30 s × 2^attempts, one attempt).
    const deadline = Date.now() + 150_000
    while (!(await inIndex(id)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1_000))
    }
    step('index checked')
    expect(await inIndex(id)).toBe(true)
  }, 420_000)
})
