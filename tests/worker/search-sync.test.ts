/**
 * The outbox against real faults: a disposable Meilisearch (tests/global-setup.ts) is
 * really stopped and restarted through its control server in the middle of a series of
 * moderation decisions; the search API must keep answering, and once the drain has run
 * the index must hold exactly what D1 publishes — same ids, same revisions.
 */
import { moderate } from '../../worker/services/moderation/decisions'
import {
  createExecutionContext,
  createScheduledController,
  waitOnExecutionContext,
} from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import worker from '../../worker/index'
import { app } from '../../worker/app'
import { getExperiment, publishedRevisions } from '../../worker/db/experiments'
import { ActorInput } from '../../worker/domain/actor'
import { MatchQuery } from '../../worker/domain/matching'
import {
  embeddedActorEngine,
  embeddedEngine,
  meilisearchActorEngine,
  meilisearchEngine,
} from '../../worker/search/engines'
import { runActorSearch, runSearch } from '../../worker/search/service'
import { submitActor } from '../../worker/services/actors'
import { findHelpers } from '../../worker/services/matching'
import { moderateRecord } from '../../worker/services/moderation/decisions'
import { needOnlyActor } from './actor-fixtures'
import { drainOutbox, reindexBatch, type ReindexProgress } from '../../worker/search/sync'
import type { SearchQuery } from '../../worker/search/types'
import { asModerator, validInput } from './fixtures'
import { approveDirect, publishDirect, rejectDirect, submitDirect } from './search-fixtures'

const skipReason = env.TEST_FAULT_HOST
  ? ''
  : env.TEST_MEILI_SKIP_REASON ||
    'no disposable Meilisearch: MEILI_URL was given, so the fault instance was not started'
if (skipReason) console.warn(`search sync fault tests skipped: ${skipReason}`)

const faultEnv: Env = {
  ...env,
  MEILI_HOST: env.TEST_FAULT_HOST,
  MEILI_KEY: env.TEST_FAULT_KEY,
  MEILI_INDEX: `test-sync-${crypto.randomUUID().slice(0, 8)}`,
  MEILI_ACTORS_INDEX: `test-sync-actors-${crypto.randomUUID().slice(0, 8)}`,
  MEILI_EVENTS_INDEX: `test-sync-events-${crypto.randomUUID().slice(0, 8)}`,
}

const everything: SearchQuery = { q: '', filters: {}, sort: 'recent', page: 1, hitsPerPage: 100 }
const HOUR = 3_600_000

async function control(action: 'stop' | 'start'): Promise<void> {
  const res = await fetch(`${env.TEST_FAULT_CONTROL}/${action}`, { method: 'POST' })
  expect(res.status).toBe(204)
}

/** Drains until nothing is due, with the clock far enough ahead to skip any backoff. */
async function drainAll(target: Env, ahead = 0): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const reports = await drainOutbox(target, { now: new Date(Date.now() + ahead) })
    if (reports.every((r) => r.delivered + r.failed + r.released === 0)) return
  }
  throw new Error('outbox did not settle')
}

async function expectIndexesMatchD1(target: Env): Promise<void> {
  const published = await publishedRevisions(env.DB)
  const meili = meilisearchEngine(target)!
  expect(Object.fromEntries(await meili.indexedRevisions())).toEqual(Object.fromEntries(published))
  expect(Object.fromEntries(await embeddedEngine(target).indexedRevisions())).toEqual(
    Object.fromEntries(published)
  )
}

interface OutboxRecord {
  experiment_id: string
  target: string
  attempts: number
  last_error: string | null
  next_attempt_at: string
}

async function outboxRows(): Promise<OutboxRecord[]> {
  const { results } = await env.DB.prepare(
    'SELECT * FROM search_outbox ORDER BY seq'
  ).all<OutboxRecord>()
  return results
}

/** A published experiment withdrawn by a moderator (unpublished). */
async function withdraw(id: string): Promise<void> {
  await moderate(
    env.DB,
    id,
    { action: 'unpublish', reason: 'Retrait de la publication' },
    { name: 'search-tests', via: 'api' }
  )
}

function api(path: string, init: RequestInit = {}, target: Env = faultEnv) {
  const ctx = createExecutionContext()
  const res = app.fetch(new Request(`https://observatoire.test${path}`, init), target, ctx)
  return { res: Promise.resolve(res), ctx }
}

describe.skipIf(skipReason !== '')('search outbox with a real Meilisearch', () => {
  beforeAll(async () => {
    // Settings first, so the index never holds documents under defaults.
    await meilisearchEngine(faultEnv)!.applySettings()
    await meilisearchActorEngine(faultEnv)!.applySettings()
  })

  it('keeps answering while Meilisearch is down, then converges to exactly the published set', async () => {
    const pending = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        submitDirect({ title: `Expérimentation de panne numéro ${i + 1}`, stage: 'pilot' })
      )
    )
    for (const id of pending.slice(0, 4)) await approveDirect(id)
    await drainAll(faultEnv)
    await expectIndexesMatchD1(faultEnv)
    expect((await runSearch(faultEnv, { ...everything, q: 'panne' })).engine).toBe('meilisearch')

    await control('stop')
    try {
      // Decisions keep coming while the index is unreachable.
      for (const id of pending.slice(4, 8)) await approveDirect(id)
      await rejectDirect(pending[8]!)
      await withdraw(pending[0]!)
      await drainAll(faultEnv)

      const rows = await outboxRows()
      const stuck = rows.filter((r) => r.target === 'meilisearch')
      expect(stuck.length).toBeGreaterThanOrEqual(6)
      expect(stuck.every((r) => r.attempts >= 1 && r.last_error)).toBe(true)
      expect(rows.filter((r) => r.target === 'embedded')).toEqual([])

      // The search API still answers, from the embedded engine, with the new state.
      const { res } = api('/api/search?q=panne&hitsPerPage=50')
      const body = (await (await res).json()) as {
        engine: string
        total: number
        hits: { id: string }[]
      }
      expect((await res).status).toBe(200)
      expect(body.engine).toBe('embedded')
      expect(body.total).toBe(7)
      expect(body.hits.map((h) => h.id)).not.toContain(pending[0])
    } finally {
      await control('start')
    }

    // Back: the drain delivers everything (backoff skipped by moving the clock).
    await drainAll(faultEnv, HOUR)
    expect(await outboxRows()).toEqual([])
    await expectIndexesMatchD1(faultEnv)
    const after = await runSearch(faultEnv, { ...everything, q: 'panne' })
    expect(after.engine).toBe('meilisearch')
    expect(after.total).toBe(7)
    expect(after.hits.map((h) => h.id)).not.toContain(pending[0])
    expect(after.hits.map((h) => h.id)).not.toContain(pending[8])
  })

  it('falls back within the timeout when Meilisearch accepts but never answers', async () => {
    const hanging: Env = { ...faultEnv, MEILI_HOST: `${env.TEST_FAULT_CONTROL}/hang` }
    const started = Date.now()
    const result = await runSearch(hanging, everything)
    expect(result.engine).toBe('embedded')
    expect(Date.now() - started).toBeLessThan(5_000)
    // Cooling down: the next search does not wait for the timeout again.
    const again = Date.now()
    expect((await runSearch(hanging, everything)).engine).toBe('embedded')
    expect(Date.now() - again).toBeLessThan(1_000)
  })

  it('a poison row fails alone and does not block the others', async () => {
    const poison = await publishDirect({ title: 'Fiche empoisonnée pour le test' })
    await drainAll(faultEnv)
    // Corrupt the stored record, then enqueue a change for it before good ones.
    const at = new Date().toISOString()
    await env.DB.batch([
      env.DB.prepare(`UPDATE experiments SET data = '{"title": 42}' WHERE id = ?1`).bind(poison),
      env.DB.prepare(
        `INSERT INTO search_outbox (experiment_id, revision, target, enqueued_at, next_attempt_at)
         VALUES (?1, 99, 'meilisearch', ?2, ?2), (?1, 99, 'embedded', ?2, ?2)`
      ).bind(poison, at),
    ])
    const good = [await publishDirect({ title: 'Fiche saine numéro un' })]
    good.push(await publishDirect({ title: 'Fiche saine numéro deux' }))

    // Tiny batches: the poison row is claimed first and must not hold the rest back.
    const reports = await drainOutbox(faultEnv, { batchSize: 1, maxBatches: 10 })
    for (const r of reports) expect(r.failed).toBe(1)
    const left = await outboxRows()
    expect(left.map((r) => r.experiment_id)).toEqual([poison, poison])
    for (const r of left) {
      expect(r.attempts).toBe(1)
      expect(r.last_error).toMatch(/malformed/)
      expect(r.next_attempt_at > new Date().toISOString()).toBe(true)
    }
    for (const engine of [meilisearchEngine(faultEnv)!, embeddedEngine(faultEnv)]) {
      const indexed = await engine.indexedRevisions()
      for (const id of good) expect(indexed.has(id)).toBe(true)
    }
    // Backing off: an immediate drain does not retry it; later it counts a second attempt.
    await drainOutbox(faultEnv)
    expect((await outboxRows()).every((r) => r.attempts === 1)).toBe(true)
    await drainOutbox(faultEnv, { now: new Date(Date.now() + HOUR) })
    expect((await outboxRows()).every((r) => r.attempts === 2)).toBe(true)

    // Repaired: delivered with the next drain.
    await env.DB.prepare(
      `UPDATE experiments SET data = (SELECT data FROM experiment_revisions r
         WHERE r.experiment_id = experiments.id AND r.revision = 1) WHERE id = ?1`
    )
      .bind(poison)
      .run()
    await drainAll(faultEnv, 2 * HOUR)
    expect(await outboxRows()).toEqual([])
    await expectIndexesMatchD1(faultEnv)
  })

  it('the rebuild isolates a document Meilisearch refuses, reports it and goes on', async () => {
    // Issue 15: one published record with a lone surrogate made Meilisearch refuse the
    // whole first batch, so the reindex answered 503 and `npm start` failed.
    const poison = await publishDirect({ title: 'Fiche au titre abîmé pour la reconstruction' })
    const good = await publishDirect({ title: 'Fiche saine pour la reconstruction' })
    await drainAll(faultEnv)
    const { data } = (await env.DB.prepare('SELECT data FROM experiments WHERE id = ?1')
      .bind(poison)
      .first<{ data: string }>())!
    // Stored before the edge refused it: JSON keeps the lone half as the escape \ud800.
    const content = { ...(JSON.parse(data) as object), title: 'Titre \ud800 abîmé' }
    await env.DB.prepare('UPDATE experiments SET data = ?2, revision = revision + 1 WHERE id = ?1')
      .bind(poison, JSON.stringify(content))
      .run()
    await env.DB.prepare(
      'UPDATE experiments SET revision = revision + 1, updated_at = ?2 WHERE id = ?1'
    )
      .bind(good, new Date().toISOString())
      .run()

    let cursor: string | null = null
    const refused: ReindexProgress['refused'] = []
    do {
      const progress: ReindexProgress = await reindexBatch(faultEnv, cursor, 2)
      refused.push(...progress.refused)
      cursor = progress.nextCursor
    } while (cursor)
    expect(refused.map((r) => [r.id, r.engine])).toEqual([[poison, 'meilisearch']])
    expect(refused[0]!.error).toBeTruthy()
    // Everything else went in, at its current revision.
    const indexed = await meilisearchEngine(faultEnv)!.indexedRevisions()
    const published = await publishedRevisions(env.DB)
    expect(indexed.get(good)).toBe(published.get(good))
    for (const [id, revision] of published)
      if (id !== poison) expect(indexed.get(id)).toBe(revision)
    // Repaired, it goes in with the next rebuild.
    await env.DB.prepare('UPDATE experiments SET data = ?2, revision = revision + 1 WHERE id = ?1')
      .bind(poison, data)
      .run()
    expect((await reindexBatch(faultEnv, null, 1000)).refused).toEqual([])
    await expectIndexesMatchD1(faultEnv)
  }, 90_000)

  it('concurrent drains are harmless', async () => {
    const ids = await Promise.all(
      [1, 2, 3].map((n) => publishDirect({ title: `Fiche concurrente numéro ${n}` }))
    )
    await withdraw(ids[1]!)
    await Promise.all([drainOutbox(faultEnv), drainOutbox(faultEnv), drainOutbox(faultEnv)])
    await drainAll(faultEnv)
    await expectIndexesMatchD1(faultEnv)
  })

  it('the API nudges the drain after a write, and the cron drains the rest', async () => {
    const submitted = api('/api/experiments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validInput({ title: 'Fiche poussée par le nudge' })),
    })
    const { id } = (await (await submitted.res).json()) as { id: string }
    await waitOnExecutionContext(submitted.ctx)
    const approved = api(`/api/moderation/experiments/${id}/approve`, {
      method: 'POST',
      headers: asModerator(),
    })
    expect((await approved.res).status).toBe(200)
    await waitOnExecutionContext(approved.ctx)
    expect(await outboxRows()).toEqual([])
    expect((await meilisearchEngine(faultEnv)!.indexedRevisions()).get(id)).toBe(2)

    // A change the nudge never saw: the scheduled handler delivers it.
    await withdraw(id)
    const ctx = createExecutionContext()
    await worker.scheduled(createScheduledController(), faultEnv, ctx)
    await waitOnExecutionContext(ctx)
    expect(await outboxRows()).toEqual([])
    await expectIndexesMatchD1(faultEnv)
  })

  it('drains actors like experiments: searchable, withdrawn, kept while Meilisearch is down', async () => {
    const id = await publishActorDirect({
      name: 'Ressourcerie numérique d’Exemple',
      offers: [{ skill: 'ressources.materiel' }],
    })
    await drainAll(faultEnv)
    for (const engine of [meilisearchActorEngine(faultEnv)!, embeddedActorEngine(faultEnv)])
      expect((await engine.indexedRevisions()).get(id), engine.name).toBe(2)
    const query = { q: 'ressourcerie', filters: {}, page: 1, hitsPerPage: 10 }
    const found = await runActorSearch(faultEnv, query)
    expect(found.engine).toBe('meilisearch')
    expect(found.ids).toEqual([id])

    await control('stop')
    try {
      await moderateRecord(env.DB, 'actor', id, { action: 'unpublish', reason: 'Retrait' }, TESTS)
      await drainAll(faultEnv)
      const stuck = (await outboxRows()).filter((r) => r.experiment_id === id)
      expect(stuck.map((r) => r.target)).toEqual(['meilisearch'])
      expect(stuck[0]!.attempts).toBeGreaterThanOrEqual(1)
      expect(stuck[0]!.last_error).toBeTruthy()
      // The embedded engine answers meanwhile, without the withdrawn actor.
      const degraded = await runActorSearch(faultEnv, query)
      expect(degraded.engine).toBe('embedded')
      expect(degraded.ids).toEqual([])
    } finally {
      await control('start')
    }
    await drainAll(faultEnv, HOUR)
    expect(await outboxRows()).toEqual([])
    expect((await meilisearchActorEngine(faultEnv)!.indexedRevisions()).has(id)).toBe(false)
    expect((await runActorSearch(faultEnv, query)).ids).toEqual([])
  })

  it('re-indexes an actor when an experiment links it; matching answers from Meilisearch', async () => {
    const id = await publishActorDirect({
      name: 'Médiathèque d’Exemple-sur-Mayenne',
      kind: 'mediatheque',
      territories: ['com:53130'],
      offers: [{ skill: 'ateliers.collectifs' }],
    })
    await drainAll(faultEnv)
    const warn = vi.spyOn(console, 'warn')
    try {
      const ask = MatchQuery.parse({
        skill: 'ateliers.collectifs',
        territory: 'com:53130',
        theme: 'mediation',
      })
      // No published experiment of that theme yet: no match.
      expect((await findHelpers(faultEnv, env.DB, ask)).items).toEqual([])
      await publishDirect({
        title: 'Ateliers numériques d’Exemple en Mayenne',
        themes: ['mediation.competences'],
        lead: { name: 'Médiathèque d’Exemple-sur-Mayenne', kind: 'association', actorId: id },
      })
      await drainAll(faultEnv)
      const result = await findHelpers(faultEnv, env.DB, ask)
      expect(result.engine).toBe('meilisearch')
      expect(result.items.map((m) => [m.id, m.proximity])).toEqual([[id, 'commune']])
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
    expect(await outboxRows()).toEqual([])
  })
})

const TESTS = { name: 'search-tests', via: 'api' } as const

/** An actor submitted and approved through the services (no HTTP, no nudge). */
async function publishActorDirect(overrides: Parameters<typeof needOnlyActor>[0]): Promise<string> {
  const { id } = await submitActor(env.DB, ActorInput.parse(needOnlyActor(overrides)))
  await moderateRecord(env.DB, 'actor', id, { action: 'approve' }, TESTS)
  return id
}
