/**
 * The statistics API against values computed independently, by hand from a small
 * fixture and from the raw reference rows (communes and EPCI membership), never from
 * the aggregates the reference loader stored (communes_count, epci_count, population of
 * régions and départements).
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Breakdown, StatsReport } from '../../worker/domain/statistics'
import { asModerator, postJson, publish, request, validInput } from './fixtures'

type Report = StatsReport

async function getJson(path: string): Promise<Report> {
  const res = await request(path)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Report
}

const find = (r: Report, code: string) => {
  const t = r.territories.find((x) => x.code === code)
  if (!t) throw new Error(`${code} missing`)
  return t
}
const countOf = (list: Breakdown[], code: string) => list.find((b) => b.code === code)?.count
const shareOf = (list: Breakdown[], code: string) => list.find((b) => b.code === code)?.share

/** Denominators straight from the commune rows and EPCI membership. */
async function denominators(column: 'region' | 'department', insee: string) {
  const row = await env.DB.prepare(
    `SELECT
       (SELECT sum(population) FROM territories WHERE kind = 'com' AND ${column} = ?1) AS population,
       (SELECT count(*) FROM territories WHERE kind = 'com' AND ${column} = ?1) AS communes,
       (SELECT count(DISTINCT m.epci) FROM epci_members m JOIN territories c ON c.code = m.commune
         WHERE c.${column} = ?1) AS epci`
  )
    .bind(insee)
    .first<{ population: number; communes: number; epci: number }>()
  if (!row) throw new Error('no reference')
  return row
}

// The fixture: what each published experiment covers, by hand.
//   A dep:53                       → reg:52        budget 100 000, 500 people, 2021, rollout, ev 0
//   B dep:35 + dep:22              → reg:53 (once) budget  50 000,             2022, pilot,   ev 2
//   C dep:44 + dep:35              → reg:52, reg:53 budget 20 000, 100 people, 2022, pilot,   ev 3
//   D dep:974                      → reg:04        no budget,                  2023, idea,    ev 0
//   E com:97101 (Les Abymes)       → dep:971, reg:01 budget 30 000,            2019, design,  ev 0
//   H com:35238 (Rennes), commune  → dep:35, reg:53 budget 70 000,             2020, sustained, ev 1
// Not published: F (pending, dep:53), G (rejected, dep:35). Île-de-France (reg:11) has none.
beforeAll(async () => {
  await publish({
    title: 'Bus numérique en Mayenne',
    means: { budgetEur: 100_000 },
    results: { peopleReached: 500 },
  })
  await publish({
    title: 'Données ouvertes bretonnes',
    territories: ['dep:35', 'dep:22'],
    themes: ['open-data.publication', 'mediation.demarches'],
    stage: 'pilot',
    evidenceLevel: 2,
    startDate: '2022-03',
    means: { budgetEur: 50_000 },
  })
  await publish({
    title: 'Médiation interdépartementale',
    territories: ['dep:44', 'dep:35'],
    themes: ['mediation.demarches'],
    stage: 'pilot',
    evidenceLevel: 3,
    startDate: '2022',
    means: { budgetEur: 20_000 },
    results: { peopleReached: 100 },
  })
  await publish({
    title: 'Téléconsultation à La Réunion',
    territories: ['dep:974'],
    themes: ['e-health.telemedecine'],
    stage: 'idea',
    startDate: '2023-01',
  })
  await publish({
    title: 'Fablab des Abymes',
    territories: ['com:97101'],
    themes: ['third-places.fablab'],
    stage: 'design',
    startDate: '2019-05',
    means: { budgetEur: 30_000 },
  })
  await publish({
    title: 'Budget participatif numérique à Rennes',
    lead: { name: 'Ville de Rennes', kind: 'commune' },
    territories: ['com:35238'],
    themes: ['participation.budget'],
    stage: 'sustained',
    evidenceLevel: 1,
    startDate: '2020-06',
    means: { budgetEur: 70_000 },
  })
  const pending = await postJson('/api/experiments', validInput({ title: 'En attente en Mayenne' }))
  expect(pending.status).toBe(201)
  const rejected = (await (
    await postJson(
      '/api/experiments',
      validInput({ title: 'Refusée en Ille-et-Vilaine', territories: ['dep:35'] })
    )
  ).json()) as { id: string }
  const rej = await postJson(
    `/api/moderation/experiments/${rejected.id}/reject`,
    { reason: 'Doublon d’une fiche existante.' },
    asModerator()
  )
  expect(rej.status).toBe(200)
})

describe('GET /api/stats/regions', () => {
  it('lists the 18 régions, zeros included, with the national line', async () => {
    const r = await getJson('/api/stats/regions')
    expect(r.territories).toHaveLength(18)
    expect(find(r, 'reg:11').experiments).toBe(0)
    expect(find(r, 'reg:11').per100kInhabitants).toBe(0)
    expect(shareOf(find(r, 'reg:11').stages, 'pilot')).toBeNull()
    expect(find(r, 'reg:11').budget).toEqual({ known: 0, medianEur: null })
    expect(find(r, 'reg:11').peopleReached).toEqual({ known: 0, total: null })
    expect(r.national.experiments).toBe(6)
  })

  it('counts a multi-territory experiment once per territory, and never pending or rejected ones', async () => {
    const r = await getJson('/api/stats/regions')
    expect(find(r, 'reg:53').experiments).toBe(3) // B (two départements, once), C, H
    expect(find(r, 'reg:52').experiments).toBe(2) // A, C — not the pending F
    expect(find(r, 'reg:04').experiments).toBe(1)
    expect(find(r, 'reg:01').experiments).toBe(1)
    const sum = r.territories.reduce((s, t) => s + t.experiments, 0)
    expect(sum).toBe(7) // C counts in two régions; the national line counts it once
  })

  it('normalises by population and by collectivités from the reference', async () => {
    const r = await getJson('/api/stats/regions')
    for (const [code, n] of [
      ['53', 3],
      ['04', 1],
      ['01', 1],
    ] as const) {
      const d = await denominators('region', code)
      const t = find(r, `reg:${code}`)
      expect(t.population).toBe(d.population)
      expect(t.communes).toBe(d.communes)
      expect(t.epci).toBe(d.epci)
      expect(t.collectivites).toBe(d.communes + d.epci)
      expect(t.per100kInhabitants).toBeCloseTo((n / d.population) * 100_000, 3)
      expect(t.per100Collectivites).toBeCloseTo((n / (d.communes + d.epci)) * 100, 3)
    }
    const nat = await env.DB.prepare(
      `SELECT sum(population) AS population, count(*) AS communes,
        (SELECT count(*) FROM territories WHERE kind = 'epci') AS epci
       FROM territories WHERE kind = 'com'`
    ).first<{ population: number; communes: number; epci: number }>()
    expect(r.national.per100kInhabitants).toBeCloseTo((6 / nat!.population) * 100_000, 3)
    expect(r.national.per100Collectivites).toBeCloseTo((6 / (nat!.communes + nat!.epci)) * 100, 3)
  })

  it('breaks down by theme, stage, evidence level and start year', async () => {
    const bzh = find(await getJson('/api/stats/regions'), 'reg:53')
    expect(countOf(bzh.themes, 'mediation')).toBe(2) // B, C
    expect(shareOf(bzh.themes, 'mediation')).toBeCloseTo(2 / 3, 4)
    expect(countOf(bzh.themes, 'open-data')).toBe(1)
    expect(countOf(bzh.themes, 'participation')).toBe(1)
    expect(countOf(bzh.themes, 'e-health')).toBe(0)
    expect(countOf(bzh.stages, 'pilot')).toBe(2)
    expect(countOf(bzh.stages, 'sustained')).toBe(1)
    expect(bzh.stages.reduce((s, b) => s + (b.share ?? 0), 0)).toBeCloseTo(1, 3)
    expect(bzh.evidenceLevels.map((b) => b.count)).toEqual([0, 1, 1, 1, 0])
    expect(bzh.startYears).toEqual([
      { year: 2020, count: 1 },
      { year: 2022, count: 2 },
    ])
  })

  it('takes medians and totals over the experiments that state them', async () => {
    const r = await getJson('/api/stats/regions')
    expect(find(r, 'reg:53').budget).toEqual({ known: 3, medianEur: 50_000 }) // 20k 50k 70k
    expect(find(r, 'reg:52').budget).toEqual({ known: 2, medianEur: 60_000 }) // (20k + 100k) / 2
    expect(find(r, 'reg:04').budget).toEqual({ known: 0, medianEur: null })
    expect(r.national.budget).toEqual({ known: 5, medianEur: 50_000 })
    expect(find(r, 'reg:52').peopleReached).toEqual({ known: 2, total: 600 })
    expect(find(r, 'reg:53').peopleReached).toEqual({ known: 1, total: 100 })
    expect(r.national.peopleReached).toEqual({ known: 2, total: 600 })
  })

  it('applies the search filters and the year range', async () => {
    const byTheme = await getJson('/api/stats/regions?theme=open-data')
    expect(find(byTheme, 'reg:53').experiments).toBe(1)
    expect(byTheme.national.experiments).toBe(1)
    const byStage = await getJson('/api/stats/regions?stage=pilot&stage=idea')
    expect(byStage.national.experiments).toBe(3)
    expect(find(byStage, 'reg:52').experiments).toBe(1)
    const byYears = await getJson('/api/stats/regions?yearFrom=2021&yearTo=2022')
    expect(find(byYears, 'reg:53').experiments).toBe(2)
    expect(byYears.national.experiments).toBe(3)
    const byEvidence = await getJson('/api/stats/regions?evidence=3')
    expect(byEvidence.national.experiments).toBe(1)
    const byLevel = await getJson('/api/stats/regions?level=commune')
    expect(find(byLevel, 'reg:53').experiments).toBe(1)
    expect(byLevel.national.experiments).toBe(1)
  })

  it('rejects an inverted year range, naming the parameter', async () => {
    const res = await request('/api/stats/regions?yearFrom=2024&yearTo=2020')
    expect(res.status).toBe(400)
    const body = (await res.json()) as { errors: { parameter: string }[] }
    expect(body.errors[0]!.parameter).toBe('yearFrom')
  })
})

describe('GET /api/stats/departments', () => {
  it('lists the 101 départements with overseas ones', async () => {
    const r = await getJson('/api/stats/departments')
    expect(r.territories).toHaveLength(101)
    expect(find(r, 'dep:35').experiments).toBe(3) // B, C, H
    expect(find(r, 'dep:22').experiments).toBe(1)
    expect(find(r, 'dep:44').experiments).toBe(1)
    expect(find(r, 'dep:53').experiments).toBe(1)
    expect(find(r, 'dep:971').experiments).toBe(1) // derived from a commune
    expect(find(r, 'dep:974').experiments).toBe(1)
    expect(find(r, 'dep:2A').experiments).toBe(0)
    const d = await denominators('department', '974')
    expect(find(r, 'dep:974').per100kInhabitants).toBeCloseTo((1 / d.population) * 100_000, 3)
    expect(find(r, 'dep:974').per100Collectivites).toBeCloseTo((1 / (d.communes + d.epci)) * 100, 3)
  })

  it('keeps only the départements of the given régions', async () => {
    const r = await getJson('/api/stats/departments?region=53')
    expect(r.territories.map((t) => t.code)).toEqual(['dep:22', 'dep:29', 'dep:35', 'dep:56'])
  })
})

describe('GET /api/stats/compare', () => {
  it('returns the territories in the order asked, with the national line', async () => {
    const r = await getJson('/api/stats/compare?territories=reg:53,dep:35,reg:11')
    expect(r.territories.map((t) => [t.code, t.experiments])).toEqual([
      ['reg:53', 3],
      ['dep:35', 3],
      ['reg:11', 0],
    ])
    expect(r.national.experiments).toBe(6)
    expect(find(r, 'reg:53').budget.medianEur).toBe(50_000)
  })

  it('answers 400 naming `territories` for bad, unknown, too few or too many codes', async () => {
    for (const q of [
      'reg:53',
      'reg:53,reg:99',
      'reg:53,com:35238',
      'reg:53,bretagne',
      'reg:11,reg:24,reg:27,reg:28,reg:32',
      'reg:53,reg:53',
    ]) {
      const res = await request(`/api/stats/compare?territories=${encodeURIComponent(q)}`)
      expect(res.status, q).toBe(400)
      expect(res.headers.get('content-type')).toContain('application/problem+json')
      const body = (await res.json()) as { errors: { parameter: string }[] }
      expect(body.errors[0]!.parameter, q).toBe('territories')
    }
    const missing = await request('/api/stats/compare')
    expect(missing.status).toBe(400)
  })
})

describe('CSV', () => {
  it('serves UTF-8 with a BOM, a header row and the national line first', async () => {
    const res = await request('/api/stats/regions.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n')
    const header = lines[0]!.split(',')
    expect(header.slice(0, 8)).toEqual([
      'code',
      'nom',
      'niveau',
      'population',
      'communes',
      'epci',
      'collectivites',
      'experimentations',
    ])
    expect(header).toContain('theme_mediation')
    expect(header).toContain('annee_2019')
    expect(lines[1]!.startsWith('fr,France entière,fr,')).toBe(true)
    expect(lines[2]!.startsWith('national,')).toBe(true)
    expect(lines[3]!.startsWith('abroad,Hors de France,abroad,')).toBe(true)
    // header, France, national programmes, abroad, régions, trailing CRLF
    expect(lines).toHaveLength(1 + 3 + 18 + 1)
    const bzh = lines.find((l) => l.startsWith('reg:53,'))!.split(',')
    expect(bzh[header.indexOf('experimentations')]).toBe('3')
    expect(bzh[header.indexOf('budget_median_eur')]).toBe('50000')
    const idf = lines.find((l) => l.startsWith('reg:11,'))!.split(',')
    expect(idf[header.indexOf('budget_median_eur')]).toBe('')
    expect(lines.some((l) => l.startsWith("reg:93,Provence-Alpes-Côte d'Azur,"))).toBe(true)
  })

  it('negotiates CSV with Accept: text/csv on every endpoint', async () => {
    for (const path of [
      '/api/stats/regions',
      '/api/stats/departments',
      '/api/stats/compare?territories=reg:53,reg:52',
    ]) {
      const res = await request(path, { headers: { accept: 'text/csv' } })
      expect(res.status, path).toBe(200)
      expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect((await res.text()).startsWith('code,nom,')).toBe(true) // text() strips the BOM
    }
    const compare = await request('/api/stats/compare.csv?territories=reg:53,reg:52')
    expect(compare.status).toBe(200)
  })

  it('documents the CSV header in the OpenAPI description', async () => {
    const doc = (await (await request('/api/openapi.json')).json()) as {
      paths: Record<string, { get: { description: string } }>
    }
    expect(doc.paths['/stats/regions']!.get.description).toContain('budget_median_eur')
    expect(doc.paths['/stats/compare.csv']).toBeDefined()
  })
})
