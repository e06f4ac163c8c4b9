/**
 * Records without French territory codes, on both engines: national programmes, places
 * abroad (found by the place and by the country's French and English names, filtered by
 * country), an unknown start date (its own year bucket) and sources (publisher searchable).
 * Fictitious records: invented places and bodies only.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { SearchEngine, SearchQuery } from '../../worker/search/types'
import { validInput } from './fixtures'
import { contractEngines, loadedEngine, publishDirect } from './search-fixtures'

type Input = Parameters<typeof validInput>[0]

const FIXTURES: Record<string, Input> = {
  national: {
    title: 'Programme national d’exemple pour les médiateurs',
    summary: 'Un programme d’État fictif qui forme des médiateurs dans tout le pays.',
    lead: { name: 'Agence d’Exemple', kind: 'state' },
    scope: 'national',
    territories: [],
    themes: ['mediation.aidants'],
    startDate: '2020',
  },
  wallonia: {
    title: 'Bus de l’emploi numérique',
    summary: 'Une association fictive accompagne les demandeurs d’emploi vers les outils en ligne.',
    lead: { name: 'Association d’Exemple', kind: 'association' },
    scope: 'abroad',
    territories: [],
    abroad: { country: 'BE', subdivision: 'BE-WAL', place: 'Exempleville-sur-Meuse' },
    themes: ['economy.emploi'],
    startDate: undefined,
    sources: [{ url: 'https://exemple.org/bus', publisher: 'Gazette d’Exemple' }],
  },
  quebec: {
    title: 'Portail de données d’une ville d’exemple',
    summary: 'Une ville fictive publie ses données de transport en format ouvert.',
    lead: { name: 'Ville d’Exemple', kind: 'commune' },
    scope: 'abroad',
    territories: [],
    abroad: { country: 'CA', subdivision: 'CA-QC', place: 'Villemplaire' },
    themes: ['open-data.publication'],
    startDate: '2019',
  },
  local: {
    title: 'Atelier numérique communal',
    summary: 'Une commune propose des ateliers hebdomadaires aux habitants.',
    territories: ['com:35238'],
    themes: ['mediation.competences'],
    startDate: '2021',
  },
}

const ids: Record<string, string> = {}
const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id

beforeAll(async () => {
  for (const [name, overrides] of Object.entries(FIXTURES)) {
    ids[name] = await publishDirect(overrides)
  }
}, 60_000)

const meiliSkip = env.TEST_MEILI_SKIP_REASON
const engines = contractEngines('test-scope')

describe.each(engines)('scope, country and unknown dates: %s engine', (engineName, makeEngine) => {
  const skip = engineName === 'meilisearch' && meiliSkip !== ''
  if (skip) console.warn(`Meilisearch contract skipped: ${meiliSkip}`)
  let engine: SearchEngine

  const search = (q: string, more: Partial<SearchQuery> = {}) =>
    engine.search({ q, filters: {}, sort: 'relevance', page: 1, hitsPerPage: 50, ...more })
  const names = async (q: string, more: Partial<SearchQuery> = {}) =>
    (await search(q, more)).hits.map((h) => nameOf(h.id)).sort()

  beforeAll(async () => {
    if (skip) return
    engine = await loadedEngine(makeEngine, Object.values(ids))
  }, 60_000)

  it.skipIf(skip)(
    'finds a record abroad by its place and its country, in French and English',
    async () => {
      expect(await names('Exempleville')).toEqual(['wallonia'])
      expect(await names('Belgique')).toEqual(['wallonia'])
      expect(await names('Belgium')).toEqual(['wallonia'])
      expect(await names('Canada')).toEqual(['quebec'])
      expect(await names('Villemplaire')).toEqual(['quebec'])
    }
  )

  it.skipIf(skip)('filters and counts by country and by scope level', async () => {
    expect(await names('', { filters: { country: ['BE'] } })).toEqual(['wallonia'])
    expect(await names('', { filters: { country: ['BE', 'CA'] } })).toEqual(['quebec', 'wallonia'])
    expect(await names('', { filters: { scope: ['national'] } })).toEqual(['national'])
    expect(await names('', { filters: { scope: ['abroad'] } })).toEqual(['quebec', 'wallonia'])
    const all = await search('')
    expect(all.facets.scope).toEqual({ national: 1, abroad: 2, local: 1 })
    expect(all.facets.country).toEqual({ BE: 1, CA: 1 })
    // A national programme covers no région: no région filter finds it.
    expect(await names('', { filters: { region: ['53'] } })).toEqual(['local'])
  })

  it.skipIf(skip)('finds a national programme by « France entière »', async () => {
    expect(await names('France entière')).toEqual(['national'])
  })

  it.skipIf(skip)('puts an unknown start date in its own year bucket, never a year', async () => {
    const all = await search('')
    expect(all.facets.year).toEqual({ '2019': 1, '2020': 1, '2021': 1, unknown: 1 })
    expect(await names('', { filters: { year: ['unknown'] } })).toEqual(['wallonia'])
    const [hit] = (await search('Exempleville')).hits
    expect(hit).toMatchObject({
      year: null,
      scopeLevel: 'abroad',
      country: 'BE',
      abroadPlace: 'Exempleville-sur-Meuse',
    })
  })

  it.skipIf(skip)('finds a record by the publisher of its source', async () => {
    expect(await names('Gazette')).toEqual(['wallonia'])
  })
})
