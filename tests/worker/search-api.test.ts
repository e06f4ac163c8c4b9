/**
 * The search HTTP API (validation, engine reporting, similar experiments) and the
 * moderators' reindex over a few thousand experiments, against the real Meilisearch
 * (this file's own index) and the embedded engine.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { app } from '../../worker/app'
import { getExperimentsByIds, publishedRevisions } from '../../worker/db/experiments'
import { toSearchDocument } from '../../worker/search/documents'
import { embeddedEngine, meilisearchEngine } from '../../worker/search/engines'
import { runSearch } from '../../worker/search/service'
import { drainOutbox } from '../../worker/search/sync'
import { asModerator } from './fixtures'
import { publishDirect } from './search-fixtures'

const meiliSkip = env.TEST_MEILI_SKIP_REASON
if (meiliSkip) console.warn(`Meilisearch half of the search API tests skipped: ${meiliSkip}`)

/** Meilisearch on this file's own index when available, else the embedded engine alone. */
const apiEnv: Env = {
  ...env,
  MEILI_HOST: meiliSkip ? '' : env.TEST_MEILI_HOST,
  MEILI_KEY: env.TEST_MEILI_KEY,
  MEILI_INDEX: `test-api-${crypto.randomUUID().slice(0, 8)}`,
  MEILI_ACTORS_INDEX: `test-api-actors-${crypto.randomUUID().slice(0, 8)}`,
  MEILI_EVENTS_INDEX: `test-api-events-${crypto.randomUUID().slice(0, 8)}`,
}
const expectedEngine = meiliSkip ? 'embedded' : 'meilisearch'

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(
    new Request(`https://observatoire.test${path}`, { headers }),
    apiEnv,
    ctx
  )
  await waitOnExecutionContext(ctx)
  return res
}

async function post(path: string, headers: Record<string, string> = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(
    new Request(`https://observatoire.test${path}`, { method: 'POST', headers }),
    apiEnv,
    ctx
  )
  await waitOnExecutionContext(ctx)
  return res
}

interface Problem {
  status: number
  errors?: { parameter?: string; message: string }[]
}

const ids: Record<string, string> = {}

beforeAll(async () => {
  if (!meiliSkip) await meilisearchEngine(apiEnv)!.applySettings()
  ids.probe = await publishDirect({
    title: 'Bus numérique itinérant en Mayenne',
    summary: 'Un bus équipé accompagne les habitants des villages dans leurs démarches en ligne.',
    themes: ['mediation.itinerance'],
    territories: ['dep:53'],
  })
  ids.close = await publishDirect({
    title: 'Camion numérique itinérant dans les villages',
    summary: 'Un camion aménagé fait la tournée des villages pour aider aux démarches en ligne.',
    themes: ['mediation.demarches'],
    territories: ['com:53130'],
  })
  ids.far = await publishDirect({
    title: 'Publication des budgets en données ouvertes',
    summary: 'La métropole publie chaque trimestre ses budgets dans un format réutilisable.',
    themes: ['open-data.publication'],
    territories: ['dep:35'],
    evidenceLevel: 2,
    stage: 'sustained',
  })
  ids.middle = await publishDirect({
    title: 'Ateliers numériques en médiathèque',
    summary: 'Des ateliers hebdomadaires pour apprendre à utiliser une tablette en médiathèque.',
    themes: ['mediation.competences'],
    territories: ['dep:35'],
  })
  while ((await drainOutbox(apiEnv)).some((r) => r.delivered + r.failed > 0));
}, 60_000)

describe('GET /api/search', () => {
  it('answers with hits, facets and the engine used', async () => {
    const res = await get('/api/search?q=itinerant&theme=mediation&region=52')
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      engine: string
      total: number
      hits: { id: string; highlight: { title: string } }[]
      facets: Record<string, Record<string, number>>
    }
    expect(body.engine).toBe(expectedEngine)
    expect(body.hits.map((h) => h.id).sort()).toEqual([ids.probe, ids.close].sort())
    expect(body.hits[0]!.highlight.title).toMatch(/<mark>itin[ée]rant<\/mark>/i)
    expect(body.facets.region).toEqual({ '52': 2 })
    expect(body.facets.theme).toEqual({ mediation: 2 })
  })

  it('accepts repeated filters, years and evidence levels', async () => {
    const res = await get('/api/search?department=35&department=53&evidence=2&year=2021')
    const body = (await res.json()) as { hits: { id: string }[] }
    expect(body.hits.map((h) => h.id)).toEqual([ids.far])
  })

  it('rejects invalid parameters as problem+json naming each one', async () => {
    for (const [query, parameter] of [
      ['theme=bogus', 'theme'],
      ['region=53%22%20OR%20regions%20EXISTS', 'region'],
      ['hitsPerPage=500', 'hitsPerPage'],
      ['page=0', 'page'],
      ['sort=random', 'sort'],
      ['evidence=9', 'evidence'],
    ] as const) {
      const res = await get(`/api/search?${query}`)
      expect(res.status, query).toBe(400)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      const problem = (await res.json()) as Problem
      expect(problem.errors?.map((e) => e.parameter?.split('.')[0])).toContain(parameter)
    }
  })

  it('is documented in the OpenAPI document', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/search', '/experiments/{id}/similar', '/moderation/reindex'])
    )
  })
})

describe('GET /api/experiments/{id}/similar', () => {
  it('ranks close experiments first and leaves the experiment itself out', async () => {
    const res = await get(`/api/experiments/${ids.probe}/similar?limit=3`)
    expect(res.status).toBe(200)
    const { items } = (await res.json()) as { items: { id: string }[] }
    expect(items.map((i) => i.id)).not.toContain(ids.probe)
    expect(items[0]!.id).toBe(ids.close)
    // Same theme family beats an unrelated one.
    const rank = (id: string | undefined) => items.findIndex((i) => i.id === id) >>> 0
    expect(rank(ids.middle)).toBeLessThan(rank(ids.far))
  })

  it('404s for an unknown experiment', async () => {
    const res = await get('/api/experiments/01ZZZZZZZZZZZZZZZZZZZZZZZZ/similar')
    expect(res.status).toBe(404)
  })
})

describe('POST /api/moderation/reindex', () => {
  it('requires a moderator', async () => {
    expect((await post('/api/moderation/reindex')).status).toBe(401)
  })

  it('rebuilds both indexes from several thousand experiments, batch by batch', async () => {
    const bulk = 3000
    // Bulk rows copied from a real one (no outbox rows: only a reindex can index them).
    await env.DB.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
       INSERT INTO experiments (id, slug, status, revision, title, lead_kind, stage, evidence_level,
         start_year, budget_eur, people_reached, population_covered, completeness, scope_level,
         data, derived, private_contact, edit_token_hash, edit_token_expires_at, created_at,
         updated_at, published_at, last_verified_at)
       SELECT printf('01ZZBULK%018d', i), slug || '-' || i,
         CASE WHEN i % 10 = 0 THEN 'pending' ELSE 'published' END, 1 + i % 3,
         'Expérience en nombre ' || i, lead_kind, stage, i % 5, start_year, budget_eur,
         people_reached, population_covered, completeness, scope_level,
         json_set(data, '$.title', 'Expérience en nombre ' || i, '$.evidenceLevel', i % 5),
         derived, private_contact, edit_token_hash, edit_token_expires_at, created_at, updated_at,
         published_at, last_verified_at
       FROM experiments, n WHERE experiments.id = ?1`
    )
      .bind(ids.far, bulk)
      .run()
    // A stale document the rebuild must remove from both indexes.
    const [far] = await getExperimentsByIds(env.DB, [ids.far!])
    const ghost = { ...toSearchDocument(far!), id: '01ZZGHOST0000000000000000', title: 'Fantôme' }
    const engines = [embeddedEngine(apiEnv), ...(meiliSkip ? [] : [meilisearchEngine(apiEnv)!])]
    for (const engine of engines) await engine.upsert([ghost])

    const started = Date.now()
    let cursor: string | null = null
    let processed = 0
    let calls = 0
    for (;;) {
      const res = await post(
        `/api/moderation/reindex?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        asModerator()
      )
      expect(res.status).toBe(200)
      const progress = (await res.json()) as {
        processed: number
        total: number
        done: boolean
        nextCursor: string | null
        engines: string[]
      }
      calls += 1
      processed += progress.processed
      expect(progress.total).toBe(bulk + 4)
      expect(progress.engines).toContain(expectedEngine)
      if (progress.done) break
      cursor = progress.nextCursor
    }
    console.log(
      `reindex: ${processed} experiments in ${calls} calls, ${Date.now() - started} ms, engines: ${engines.map((e) => e.name).join(' + ')}`
    )
    expect(processed).toBe(bulk + 4)
    // The experiments by 500, then one call for the actors and one for the events (none here).
    expect(calls).toBe(Math.ceil((bulk + 4) / 500) + 2)

    const published = Object.fromEntries(await publishedRevisions(env.DB))
    expect(Object.keys(published)).toHaveLength(bulk - bulk / 10 + 4)
    for (const engine of engines) {
      expect(Object.fromEntries(await engine.indexedRevisions()), engine.name).toEqual(published)
    }
    const found = await runSearch(apiEnv, {
      q: 'expérience en nombre 1234',
      filters: { evidence: ['4'] },
      sort: 'relevance',
      page: 1,
      hitsPerPage: 5,
    })
    expect(found.engine).toBe(expectedEngine)
    expect(found.hits.map((h) => h.id)).toContain('01ZZBULK000000000000001234')
  }, 180_000)
})
