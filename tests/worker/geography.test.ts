/**
 * Where records sit and what kind of place they come from: the centroids and sizes the
 * territory reference loads (with the communes missing from the 2018 source), the
 * record's point in the API, the GeoJSON export and the search hits of both engines,
 * and the « taille de territoire » filters. Fictitious records on real territory codes.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { getExperimentsByIds } from '../../worker/db/experiments'
import { RECORD_GEOGRAPHY_REFRESH } from '../../worker/db/territories'
import { drainOutbox } from '../../worker/search/sync'
import type { Experiment } from '../../worker/domain/experiment'
import type { SearchEngine, SearchQuery } from '../../worker/search/types'
import { request, validInput } from './fixtures'
import { contractEngines, loadedEngine, publishDirect } from './search-fixtures'

type Input = Parameters<typeof validInput>[0]

const FIXTURES: Record<string, Input> = {
  // Albaret-le-Comtal (Lozère): 131 inhabitants on 29.4 km².
  hamlet: {
    title: 'Permanence numérique au village d’exemple',
    summary: 'Une petite commune ouvre une permanence pour aider aux démarches en ligne.',
    territories: ['com:48001'],
    themes: ['mediation.demarches'],
  },
  // Allenc (Lozère), as small and sparse, on a shared theme.
  neighbour: {
    title: 'Ateliers d’initiation au numérique dans un bourg d’exemple',
    summary: 'Un bourg rural accueille des ateliers mensuels d’initiation au numérique.',
    territories: ['com:48003'],
    themes: ['mediation.competences'],
  },
  // Altier (Lozère), as small and sparse, on another theme.
  elsewhere: {
    title: 'Données ouvertes d’un petit village d’exemple',
    summary: 'Un petit village publie ses délibérations et son budget en données ouvertes.',
    territories: ['com:48004'],
    themes: ['open-data.publication'],
  },
  // The Creuse: a département of 50,000 to 200,000 inhabitants, very sparse, like the Lozère.
  creuse: {
    title: 'Réseau départemental de médiation d’exemple',
    summary: 'Un département rural fictif coordonne ses lieux de médiation numérique.',
    territories: ['dep:23'],
    themes: ['mediation.aidants'],
  },
  lozere: {
    title: 'Médiateurs itinérants d’un département d’exemple',
    summary: 'Un département rural fictif fait circuler des médiateurs numériques.',
    territories: ['dep:48'],
    themes: ['mediation.itinerance'],
  },
  // Rennes: over 200,000 inhabitants, dense.
  city: {
    title: 'Ateliers numériques d’une grande ville d’exemple',
    summary: 'Une grande ville organise des ateliers dans ses médiathèques de quartier.',
    territories: ['com:35238'],
    themes: ['mediation.competences'],
  },
  // Conques-en-Rouergue: a commune nouvelle (2016) missing from the 2018 centroids.
  merged: {
    title: 'Bus numérique d’une commune nouvelle d’exemple',
    summary: 'Une commune nouvelle fait circuler un bus équipé entre ses anciens bourgs.',
    territories: ['com:12218'],
    themes: ['mediation.itinerance'],
  },
  national: {
    title: 'Programme national d’exemple pour les aidants',
    summary: 'Un programme d’État fictif qui outille les aidants dans tout le pays.',
    lead: { name: 'Agence d’Exemple', kind: 'state' },
    scope: 'national',
    territories: [],
    themes: ['mediation.aidants'],
  },
  abroad: {
    title: 'Médiation numérique d’une ville belge d’exemple',
    summary: 'Une association fictive accompagne les habitants vers les outils en ligne.',
    lead: { name: 'Association d’Exemple', kind: 'association' },
    scope: 'abroad',
    territories: [],
    abroad: { country: 'BE', place: 'Exempleville-sur-Meuse' },
    themes: ['mediation.demarches'],
  },
}

const ids: Record<string, string> = {}
const records: Record<string, Experiment> = {}
const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id

beforeAll(async () => {
  for (const [name, overrides] of Object.entries(FIXTURES)) {
    ids[name] = await publishDirect(overrides)
    const res = await request(`/api/experiments/${ids[name]}`)
    records[name] = (await res.json()) as Experiment
  }
}, 60_000)

async function territory(code: string) {
  return env.DB.prepare(
    'SELECT lon, lat, point_source, area_km2, population_band, density_class FROM territories WHERE code = ?1'
  )
    .bind(code)
    .first<{
      lon: number | null
      lat: number | null
      point_source: string | null
      area_km2: number | null
      population_band: string | null
      density_class: string | null
    }>()
}

describe('territory reference: centroids, areas and sizes', () => {
  it('places the communes missing from the 2018 source at their département, and counts them', async () => {
    const meta = Object.fromEntries(
      (
        await env.DB.prepare(
          "SELECT key, value FROM territory_reference WHERE key IN ('point_fallbacks', 'points_missing')"
        ).all<{ key: string; value: string }>()
      ).results.map((r) => [r.key, r.value])
    )
    // 105 current communes lack a 2018 centroid: 11 communes nouvelles take their
    // département's; 94 in collectivités d'outre-mer the source does not cover have none.
    expect(meta).toEqual({ point_fallbacks: '11', points_missing: '94' })
    const counts = await env.DB.prepare(
      `SELECT point_source, count(*) AS n FROM territories WHERE kind = 'com' GROUP BY point_source ORDER BY point_source`
    ).all<{ point_source: string | null; n: number }>()
    expect(counts.results).toEqual([
      { point_source: null, n: 94 },
      { point_source: 'department', n: 11 },
      { point_source: 'own', n: 34_864 },
    ])
    const merged = await territory('com:12218')
    const aveyron = await territory('dep:12')
    expect(merged).toMatchObject({
      lon: aveyron!.lon,
      lat: aveyron!.lat,
      point_source: 'department',
      area_km2: null,
      population_band: 'under-2k',
      density_class: null,
    })
  })

  it('gives communes, EPCI and départements a population band and a density class', async () => {
    expect(await territory('com:48001')).toMatchObject({
      point_source: 'own',
      population_band: 'under-2k',
      density_class: 'very-sparse',
    })
    expect(await territory('com:35238')).toMatchObject({
      population_band: 'over-200k',
      density_class: 'dense',
    })
    // Rennes Métropole: the population-weighted centroid of its 43 communes, near Rennes.
    const metro = await territory('epci:243500139')
    expect(metro).toMatchObject({
      point_source: 'members',
      population_band: 'over-200k',
      density_class: 'intermediate',
    })
    expect(metro!.lon).toBeCloseTo(-1.69, 1)
    expect(metro!.lat).toBeCloseTo(48.11, 1)
    expect(await territory('dep:48')).toMatchObject({
      population_band: '50k-200k',
      density_class: 'very-sparse',
    })
    // A région has a point, not a size.
    expect(await territory('reg:53')).toMatchObject({
      point_source: 'own',
      population_band: null,
      density_class: null,
    })
    const unsized = await env.DB.prepare(
      `SELECT count(*) AS n FROM territories
       WHERE kind IN ('com', 'epci', 'dep') AND population_band IS NULL AND zone != 'com'`
    ).first<{ n: number }>()
    expect(unsized!.n).toBe(0)
  })
})

describe('a record’s point and size', () => {
  it('is its first territory’s centroid and size; none for France entière or abroad', async () => {
    const rennes = await territory('com:35238')
    expect(records.city!.derived.point).toEqual({ lon: rennes!.lon, lat: rennes!.lat })
    expect(records.city!.derived.territorySize).toEqual({
      populationBand: 'over-200k',
      densityClass: 'dense',
    })
    expect(records.merged!.derived.territorySize).toEqual({
      populationBand: 'under-2k',
      densityClass: null,
    })
    expect(records.national!.derived).toMatchObject({ point: null, territorySize: null })
    expect(records.abroad!.derived).toMatchObject({ point: null, territorySize: null })
  })

  it('is written into the GeoJSON export, [lon, lat], and null without a French territory', async () => {
    const res = await request('/api/exports/experiments.geojson')
    const collection = (await res.json()) as {
      features: { id: string; geometry: { type: string; coordinates: number[] } | null }[]
    }
    const byName = new Map(collection.features.map((f) => [nameOf(f.id), f.geometry]))
    const hamlet = records.hamlet!.derived.point!
    expect(byName.get('hamlet')).toEqual({ type: 'Point', coordinates: [hamlet.lon, hamlet.lat] })
    // Lozère: east of Greenwich, south of Rennes.
    expect(hamlet.lon).toBeGreaterThan(3)
    expect(hamlet.lat).toBeLessThan(45)
    for (const f of collection.features.filter((f) => f.geometry)) {
      for (const c of f.geometry!.coordinates) expect(String(c)).toMatch(/^-?\d+(\.\d{1,6})?$/)
    }
    expect(byName.get('national')).toBeNull()
    expect(byName.get('abroad')).toBeNull()
  })

  it('is refreshed by a reload of the reference, and the record goes back to the indexes', async () => {
    const id = ids.hamlet!
    await env.DB.prepare(
      `UPDATE experiments SET derived = json_set(derived, '$.point', json('null'), '$.territorySize', json('null')) WHERE id = ?1`
    )
      .bind(id)
      .run()
    const before = await env.DB.prepare(
      'SELECT coalesce(max(seq), 0) AS seq FROM search_outbox'
    ).first<{ seq: number }>()
    await env.DB.batch(RECORD_GEOGRAPHY_REFRESH.map((sql) => env.DB.prepare(sql)))
    const [row] = await getExperimentsByIds(env.DB, [id])
    expect(JSON.parse(row!.derived)).toMatchObject({
      point: records.hamlet!.derived.point,
      territorySize: { populationBand: 'under-2k', densityClass: 'very-sparse' },
    })
    // Only the changed record is queued, once per index.
    const queued = await env.DB.prepare(
      'SELECT experiment_id, target FROM search_outbox WHERE seq > ?1 ORDER BY target'
    )
      .bind(before!.seq)
      .all<{ experiment_id: string; target: string }>()
    expect(queued.results).toEqual([
      { experiment_id: id, target: 'embedded' },
      { experiment_id: id, target: 'meilisearch' },
    ])
  })
})

describe('« taille de territoire » in the list, the exports and the feeds', () => {
  it('filters the list and the feed by size and density, and refuses an unknown size', async () => {
    const list = async (query: string) =>
      ((await (await request(`/api/experiments?${query}`)).json()) as { items: Experiment[] }).items
        .map((e) => nameOf(e.id))
        .sort()
    expect(await list('size=under-2k')).toEqual(['elsewhere', 'hamlet', 'merged', 'neighbour'])
    expect(await list('size=under-2k&density=very-sparse')).toEqual([
      'elsewhere',
      'hamlet',
      'neighbour',
    ])
    const feed = await (await request('/api/feeds/experiments.atom?density=dense')).text()
    expect(feed).toContain(FIXTURES.city!.title!)
    expect(feed).not.toContain('village d’exemple')
    const bad = await request('/api/experiments?size=huge')
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('size')
  })
})

const meiliSkip = env.TEST_MEILI_SKIP_REASON

describe.each(contractEngines('test-geo'))('points and sizes: %s engine', (engineName, make) => {
  const skip = engineName === 'meilisearch' && meiliSkip !== ''
  if (skip) console.warn(`Meilisearch contract skipped: ${meiliSkip}`)
  let engine: SearchEngine

  const search = (more: Partial<SearchQuery> = {}) =>
    engine.search({ q: '', filters: {}, sort: 'relevance', page: 1, hitsPerPage: 50, ...more })
  const names = async (filters: SearchQuery['filters']) =>
    (await search({ filters })).hits.map((h) => nameOf(h.id)).sort()

  beforeAll(async () => {
    if (skip) return
    engine = await loadedEngine(make, Object.values(ids))
  }, 60_000)

  it.skipIf(skip)('gives every hit the record’s own point (null without one)', async () => {
    const { hits } = await search()
    expect(hits).toHaveLength(Object.keys(ids).length)
    for (const hit of hits) {
      expect(hit.point, nameOf(hit.id)).toEqual(records[nameOf(hit.id)]!.derived.point)
    }
  })

  it.skipIf(skip)('filters and counts by territory size and density', async () => {
    expect(await names({ size: ['under-2k'] })).toEqual([
      'elsewhere',
      'hamlet',
      'merged',
      'neighbour',
    ])
    expect(await names({ size: ['under-2k'], density: ['very-sparse'] })).toEqual([
      'elsewhere',
      'hamlet',
      'neighbour',
    ])
    expect(await names({ density: ['dense', 'sparse'] })).toEqual(['city'])
    expect(await names({ size: ['50k-200k'], theme: ['mediation'] })).toEqual(['creuse', 'lozere'])
    expect(await names({ size: ['10k-50k'] })).toEqual([])
    const { facets } = await search()
    expect(facets.size).toEqual({ 'under-2k': 4, '50k-200k': 2, 'over-200k': 1 })
    expect(facets.density).toEqual({ 'very-sparse': 5, dense: 1 })
  })
})

describe('« Dans des territoires comme celui-ci »', () => {
  beforeAll(async () => {
    while ((await drainOutbox(env)).some((r) => r.delivered + r.failed > 0));
  }, 60_000)

  const section = async (path: string) => {
    const res = await request(path)
    expect(res.status, path).toBe(200)
    const html = await res.text()
    const start = html.indexOf('<section aria-labelledby="s-alike"')
    expect(start, `section on ${path}`).toBeGreaterThan(-1)
    return html.slice(start, html.indexOf('</section>', start))
  }

  it('on a record: experiments from places of the same size sharing a theme, not itself', async () => {
    const html = await section(`/experiences/${records.hamlet!.slug}`)
    expect(html).toContain('Dans des territoires comme celui-ci')
    expect(html).toContain('moins de 2 000 habitants, très peu dense')
    expect(html).toContain(FIXTURES.neighbour!.title)
    // Not the record itself, nor another theme, nor a city.
    expect(html).not.toContain(FIXTURES.hamlet!.title)
    expect(html).not.toContain(FIXTURES.elsewhere!.title)
    expect(html).not.toContain(FIXTURES.city!.title)
    // The same search, in full, on the search page.
    expect(html).toContain('href="/?theme=mediation&amp;size=under-2k&amp;density=very-sparse"')
  })

  it('on a territory page: other départements of the same size, on its experiments’ themes', async () => {
    const html = await section('/territoires/dep:48')
    expect(html).toContain('50 000 à 200 000 habitants, très peu dense')
    expect(html).toContain(FIXTURES.creuse!.title)
    // Its own experiment is listed above, not as a place « like » it.
    expect(html).not.toContain(FIXTURES.lozere!.title)
    expect(html).not.toContain(FIXTURES.neighbour!.title)
  })

  it('in English too, and not for a record without a French territory', async () => {
    const res = await request(`/experiences/${records.hamlet!.slug}`, {
      headers: { cookie: 'lang=en' },
    })
    const html = await res.text()
    expect(html).toContain('In places like this one')
    expect(html).toContain('under 2,000 inhabitants, very sparsely populated')
    const national = await (await request(`/experiences/${records.national!.slug}`)).text()
    expect(national).not.toContain('s-alike')
  })
})
