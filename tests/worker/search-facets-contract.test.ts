/**
 * The facets of a record's means, one contract for both engines: budget band, funding type
 * and programme (from the funding entries), and the evidence level « au moins N ». Same
 * documents, same expected counts and hits on the embedded engine and a real Meilisearch.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { evidenceAtLeast, FACETS, type SearchFilters } from '../../worker/domain/search'
import type { SearchEngine, SearchQuery } from '../../worker/search/types'
import { contractEngines, loadedEngine, publishDirect } from './search-fixtures'

type Means = { budgetEur?: number; fundingSources?: { type: string; programme?: string }[] }

const summary = 'Un dispositif fictif décrit pour les autres collectivités.'
const FIXTURES: Record<string, { means?: Means; evidenceLevel: number }> = {
  kiosk: {
    means: { budgetEur: 8_000, fundingSources: [{ type: 'state', programme: 'France Relance' }] },
    evidenceLevel: 0,
  },
  fablab: {
    means: {
      budgetEur: 120_000,
      fundingSources: [{ type: 'eu', programme: 'FEDER' }, { type: 'region' }],
    },
    evidenceLevel: 2,
  },
  // 50 000 € exactly: a band's lower bound is in the band.
  portal: {
    means: { budgetEur: 50_000, fundingSources: [{ type: 'state', programme: 'FEDER' }] },
    evidenceLevel: 3,
  },
  unknown: { evidenceLevel: 4 },
  network: {
    means: {
      budgetEur: 25_000_000,
      fundingSources: [{ type: 'caisse', programme: 'France Relance' }],
    },
    evidenceLevel: 1,
  },
}
const ids: Record<string, string> = {}
const nameOf = (id: string) => Object.keys(ids).find((k) => ids[k] === id)

beforeAll(async () => {
  for (const [name, f] of Object.entries(FIXTURES)) {
    ids[name] = await publishDirect({
      title: `Expérience ${name} de la Commune d’Exemple`,
      summary,
      evidenceLevel: f.evidenceLevel,
      ...(f.means ? { means: f.means as never } : {}),
    })
  }
}, 60_000)

const meiliSkip = env.TEST_MEILI_SKIP_REASON

describe.each(contractEngines('test-facets'))('means facets: %s engine', (name, make) => {
  const skip = name === 'meilisearch' && meiliSkip !== ''
  let engine: SearchEngine
  beforeAll(async () => {
    if (skip) return
    engine = await loadedEngine(make, Object.values(ids))
  }, 60_000)

  const search = (filters: SearchFilters, extra: Partial<SearchQuery> = {}) =>
    engine.search({ q: '', filters, sort: 'recent', page: 1, hitsPerPage: 20, ...extra })
  const names = async (filters: SearchFilters, extra: Partial<SearchQuery> = {}) =>
    (await search(filters, extra)).hits.map((h) => nameOf(h.id)).sort()

  it.skipIf(skip)('counts every budget band, funding type and programme', async () => {
    const { facets } = await search({})
    expect(facets.budget).toEqual({ 'lt-10k': 1, '50k-200k': 2, 'gt-10m': 1 })
    expect(facets.fundingType).toEqual({ state: 2, eu: 1, region: 1, caisse: 1 })
    expect(facets.programme).toEqual({ 'France Relance': 2, FEDER: 2 })
  })

  it.skipIf(skip)('filters on a budget band, its counts ignoring its own selection', async () => {
    const result = await search({ budget: ['50k-200k'] })
    expect(result.hits.map((h) => nameOf(h.id)).sort()).toEqual(['fablab', 'portal'])
    expect(result.facets.budget).toEqual({ 'lt-10k': 1, '50k-200k': 2, 'gt-10m': 1 })
    expect(result.facets.fundingType).toEqual({ state: 1, eu: 1, region: 1 })
    expect(await names({ budget: ['lt-10k', 'gt-10m'] })).toEqual(['kiosk', 'network'])
  })

  it.skipIf(skip)('filters on funding type and programme, AND across them', async () => {
    expect(await names({ programme: ['FEDER'] })).toEqual(['fablab', 'portal'])
    expect(await names({ programme: ['FEDER'], fundingType: ['state'] })).toEqual(['portal'])
    expect(await names({ fundingType: ['caisse', 'eu'] })).toEqual(['fablab', 'network'])
  })

  it.skipIf(skip)('« au moins N » selects that evidence level and above', async () => {
    expect(await names({ evidence: evidenceAtLeast(2) })).toEqual(['fablab', 'portal', 'unknown'])
    expect(await names({ evidence: evidenceAtLeast(4) })).toEqual(['unknown'])
  })

  it.skipIf(skip)('combines a text query with the new facets', async () => {
    const result = await search({ budget: ['50k-200k'] }, { q: 'portal', sort: 'relevance' })
    expect(result.hits.map((h) => nameOf(h.id))).toEqual(['portal'])
    expect(result.facets.programme).toEqual({ FEDER: 1 })
  })

  it.skipIf(skip)('answers with every facet filtered at once', async () => {
    // Twelve filtered facets: the embedded engine's statements stay under D1's limits.
    const filters = Object.fromEntries(FACETS.map((f) => [f, ['x']])) as SearchFilters
    const result = await search(
      { ...filters, budget: ['50k-200k'], programme: ['FEDER'] },
      { q: 'portal' }
    )
    expect(result.total).toBe(0)
    expect(result.facets.budget).toEqual({})
  })
})
