/**
 * « À vérifier » on result cards: both engines return when each hit was last confirmed,
 * filter on the badge's rule (never verified, or over 18 months ago), and a card shows the
 * badge (a link to the record's explanation) only when it is due.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { ExperimentCard } from '../../web/components/ExperimentCard'
import type { SearchHit } from '../../worker/domain/search'
import type { SearchEngine } from '../../worker/search/types'
import { contractEngines, loadedEngine, publishDirect } from './search-fixtures'

const STALE = '2020-01-01T00:00:00.000Z'
const ids: Record<'stale' | 'fresh' | 'never' | 'borderline', string> = {
  stale: '',
  fresh: '',
  never: '',
  borderline: '',
}
/** Verified 17 months ago: not due yet. */
const BORDERLINE = new Date(Date.now() - 17 * 30.5 * 86_400_000).toISOString()

beforeAll(async () => {
  ids.stale = await publishDirect({ title: 'Atelier numérique de la Commune d’Exemple' })
  ids.fresh = await publishDirect({ title: 'Guichet numérique de la Commune d’Exemple' })
  ids.never = await publishDirect({
    title: 'Atelier de réparation de la Commune d’Exemple',
    evidenceLevel: 2,
  })
  ids.borderline = await publishDirect({ title: 'Borne numérique de la Commune d’Exemple' })
  const verified = env.DB.prepare('UPDATE experiments SET last_verified_at = ?2 WHERE id = ?1')
  await env.DB.batch([
    verified.bind(ids.stale, STALE),
    verified.bind(ids.never, null),
    verified.bind(ids.borderline, BORDERLINE),
  ])
}, 60_000)

const nameOf = (id: string) => Object.keys(ids).find((k) => ids[k as keyof typeof ids] === id)

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

  it.skipIf(skip)('« à vérifier » keeps the never and long-ago verified records', async () => {
    const search = (extra: Partial<Parameters<SearchEngine['search']>[0]>) =>
      engine.search({ q: '', filters: {}, sort: 'recent', page: 1, hitsPerPage: 10, ...extra })
    const names = async (extra: Parameters<typeof search>[0]) => {
      const result = await search(extra)
      return { names: result.hits.map((h) => nameOf(h.id)).sort(), total: result.total }
    }
    expect(await names({ toVerify: true })).toEqual({ names: ['never', 'stale'], total: 2 })
    expect(await names({ toVerify: true, q: 'atelier' })).toEqual({
      names: ['never', 'stale'],
      total: 2,
    })
    expect(await names({ toVerify: true, q: 'guichet borne' })).toEqual({ names: [], total: 0 })
    const filtered = await search({ toVerify: true, filters: { evidence: ['2'] } })
    expect(filtered.hits.map((h) => nameOf(h.id))).toEqual(['never'])
    // The counts follow the filter too: two records, at evidence 0 and 2.
    expect(filtered.facets.evidence).toEqual({ '0': 1, '2': 1 })
    expect((await names({ toVerify: false })).total).toBe(4)
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
