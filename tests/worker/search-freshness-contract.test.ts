/**
 * « À vérifier » on result cards: both engines return when each hit was last confirmed,
 * and a card shows the badge (a link to the record's explanation) only when it is due.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { ExperimentCard } from '../../web/components/ExperimentCard'
import type { SearchHit } from '../../worker/domain/search'
import type { SearchEngine } from '../../worker/search/types'
import { contractEngines, loadedEngine, publishDirect } from './search-fixtures'

const STALE = '2020-01-01T00:00:00.000Z'
const ids: Record<'stale' | 'fresh', string> = { stale: '', fresh: '' }

beforeAll(async () => {
  ids.stale = await publishDirect({ title: 'Atelier numérique de la Commune d’Exemple' })
  ids.fresh = await publishDirect({ title: 'Guichet numérique de la Commune d’Exemple' })
  await env.DB.prepare('UPDATE experiments SET last_verified_at = ?2 WHERE id = ?1')
    .bind(ids.stale, STALE)
    .run()
}, 60_000)

const meiliSkip = env.TEST_MEILI_SKIP_REASON

describe.each(contractEngines('test-freshness'))('last verification: %s engine', (name, make) => {
  const skip = name === 'meilisearch' && meiliSkip !== ''
  let engine: SearchEngine
  beforeAll(async () => {
    if (skip) return
    engine = await loadedEngine(make, Object.values(ids))
  }, 60_000)

  it.skipIf(skip)('returns each hit’s last verification', async () => {
    const { hits } = await engine.search({
      q: '',
      filters: {},
      sort: 'recent',
      page: 1,
      hitsPerPage: 10,
    })
    const byId = new Map(hits.map((h) => [h.id, h.lastVerifiedAt]))
    expect(byId.get(ids.stale)).toBe(STALE)
    const fresh = byId.get(ids.fresh)
    expect(Date.now() - Date.parse(fresh ?? '')).toBeLessThan(3_600_000)
  })
})

describe('result card', () => {
  const hit = (lastVerifiedAt?: string | null): SearchHit => ({
    id: 'x',
    slug: 'atelier',
    title: 'Atelier',
    summary: 'Résumé',
    territories: [],
    themes: [],
    stage: 'pilot',
    evidenceLevel: 0,
    leadName: 'Commune d’Exemple',
    year: 2021,
    scopeLevel: 'local',
    country: null,
    abroadPlace: null,
    lastVerifiedAt,
    point: null,
    highlight: { title: 'Atelier', summary: 'Résumé' },
  })
  const render = async (h: SearchHit) => String(await ExperimentCard({ hit: h }).toString())
  const BADGE = '<a class="badge to-verify" href="/experiences/atelier#a-verifier">à vérifier</a>'

  it('shows the badge, linking to its explanation, when the last verification is over 18 months old', async () => {
    expect(await render(hit(STALE))).toContain(BADGE)
    expect(await render(hit(null))).toContain(BADGE)
  })

  it('shows none for a recent verification, nor when the index does not know yet', async () => {
    expect(await render(hit(new Date().toISOString()))).not.toContain('to-verify')
    expect(await render(hit(undefined))).not.toContain('to-verify')
  })
})
