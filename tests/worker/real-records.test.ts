/**
 * What real records need, through the API, the pages, the statistics and the exports:
 * a national programme, a place abroad, an unknown start date, the economy theme and
 * sources. Fictitious records: invented places and bodies only.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { drainOutbox } from '../../worker/search/sync'
import type { StatsReport } from '../../worker/domain/statistics'
import { postJson, publish, request, validInput } from './fixtures'

interface Problem {
  errors?: { pointer?: string; message: string }[]
}

const NATIONAL = validInput({
  title: 'Programme national d’exemple pour les aidants',
  summary: 'Un programme d’État fictif qui outille les aidants dans tout le pays.',
  lead: { name: 'Agence d’Exemple', kind: 'state' },
  scope: 'national',
  territories: [],
  themes: ['mediation.aidants'],
  // Vocabulary the real records needed.
  publics: ['local-authorities', 'women'],
  programmes: ['france-numerique-ensemble', 'territoires-numeriques-educatifs'],
})

const ABROAD = validInput({
  title: 'Boutiques en ligne des commerçants d’Exempleville',
  summary: 'Une ville fictive aide ses commerces de proximité à vendre en ligne.',
  lead: { name: 'Ville d’Exempleville', kind: 'commune' },
  scope: 'abroad',
  territories: [],
  abroad: { country: 'BE', subdivision: 'BE-WAL', place: 'Exempleville' },
  themes: ['economy.commerce', 'economy.entreprises'],
  startDate: undefined,
  sources: [
    {
      url: 'https://exemple.org/commerces',
      title: 'Les commerces d’Exempleville passent en ligne',
      publisher: 'Gazette d’Exemple',
      consultedAt: '2026-11',
    },
  ],
})

const ids: Record<string, { id: string; slug: string }> = {}

beforeAll(async () => {
  ids.national = await publish(NATIONAL)
  ids.abroad = await publish(ABROAD)
  ids.local = await publish() // dep:53, Mayenne (région 52), 2021
  await drainOutbox(env)
}, 60_000)

async function json<T>(path: string): Promise<T> {
  const res = await request(path)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as T
}

const listed = async (query: string) =>
  (await json<{ items: { id: string }[] }>(`/api/experiments?${query}`)).items.map((i) => i.id)

describe('scope rules on submission', () => {
  const pointers = async (body: unknown) => {
    const res = await postJson('/api/experiments', body)
    expect(res.status).toBe(400)
    return ((await res.json()) as Problem).errors?.map((e) => e.pointer)
  }

  it('refuses territories on a national record, and a missing place on a record abroad', async () => {
    expect(await pointers({ ...NATIONAL, territories: ['dep:53'] })).toContain('/territories')
    expect(await pointers({ ...ABROAD, abroad: undefined })).toContain('/abroad')
    expect(await pointers({ ...NATIONAL, abroad: ABROAD.abroad })).toContain('/abroad')
    expect(await pointers(validInput({ territories: [] }))).toContain('/territories')
  })

  it('refuses France or a French overseas territory as a country abroad', async () => {
    for (const country of ['FR', 'RE', 'NC']) {
      expect(await pointers({ ...ABROAD, abroad: { country, place: 'Ailleurs' } })).toContain(
        '/abroad/country'
      )
    }
    expect(
      await pointers({ ...ABROAD, abroad: { country: 'BE', subdivision: 'CH-VD', place: 'X' } })
    ).toContain('/abroad/subdivision')
  })

  it('refuses a source that is not a web address', async () => {
    expect(await pointers({ ...ABROAD, sources: [{ url: 'javascript:alert(1)' }] })).toContain(
      '/sources/0/url'
    )
  })
})

describe('a national programme', () => {
  it('is listed under the national scope, and under no région or département', async () => {
    expect(await listed('scope=national')).toEqual([ids.national!.id])
    expect(await listed('region=52')).toEqual([ids.local!.id])
    expect(await listed('department=53')).toEqual([ids.local!.id])
    const record = await json<{ derived: Record<string, unknown> }>(
      `/api/experiments/${ids.national!.id}`
    )
    expect(record.derived).toMatchObject({ scopeLevel: 'national', regions: [], departments: [] })
  })

  it('counts in the France and national lines, in no région or département', async () => {
    for (const path of ['/api/stats/regions', '/api/stats/departments']) {
      const report = await json<StatsReport>(path)
      expect(report.nationalScope.experiments).toBe(1)
      // France: the national programme and the local record, not the record abroad.
      expect(report.national.experiments).toBe(2)
      const counted = report.territories.reduce((sum, t) => sum + t.experiments, 0)
      expect(counted, path).toBe(1) // only the Mayenne record
    }
  })

  it('says « France entière » on its page', async () => {
    const html = await (await request(`/experiences/${ids.national!.slug}`)).text()
    expect(html).toMatch(/<dt>Portée<\/dt>\s*<dd>France entière<\/dd>/)
    expect(html).toContain('Collectivités et leurs services, Femmes')
    expect(html).toContain('France Numérique Ensemble, Territoires numériques éducatifs')
  })
})

describe('a record abroad', () => {
  it('is filtered by country and names its country in French and English', async () => {
    expect(await listed('country=BE')).toEqual([ids.abroad!.id])
    expect(await listed('country=CA')).toEqual([])
    expect(await listed('scope=abroad')).toEqual([ids.abroad!.id])
    const record = await json<{ derived: Record<string, unknown> }>(
      `/api/experiments/${ids.abroad!.id}`
    )
    expect(record.derived).toMatchObject({
      scopeLevel: 'abroad',
      country: { code: 'BE', fr: 'Belgique', en: 'Belgium' },
      populationCovered: 0,
    })
  })

  it('stays out of every French figure, counted on the « hors de France » line', async () => {
    const report = await json<StatsReport>('/api/stats/regions')
    expect(report.abroad.experiments).toBe(1)
    expect(report.abroad.per100kInhabitants).toBeNull()
    expect(report.national.themes.find((t) => t.code === 'economy')?.count).toBe(0)
    expect(report.abroad.themes.find((t) => t.code === 'economy')?.count).toBe(1)
    const csv = await (await request('/api/stats/regions.csv')).text()
    expect(csv).toContain('\r\nabroad,Hors de France,abroad,')
  })

  it('is shown by its place and country in the search results, filtered by country', async () => {
    const html = await (await request('/?country=BE')).text()
    expect(html).toContain(`href="/experiences/${ids.abroad!.slug}"`)
    expect(html).not.toContain(`href="/experiences/${ids.local!.slug}"`)
    expect(html).toContain('<li>Exempleville (Belgique)</li>')
    expect(html).toContain('<li>Date de démarrage inconnue</li>')
    expect(html).toMatch(/name="country" value="BE" checked=""/)
    const national = await (await request('/?scope=national')).text()
    expect(national).toContain('<li>France entière</li>')
  })

  it('shows the place and the country, its Sources and an unknown start date', async () => {
    const html = await (await request(`/experiences/${ids.abroad!.slug}`)).text()
    expect(html).toContain('Exempleville, Belgique (BE-WAL)')
    expect(html).toContain('date de démarrage inconnue')
    expect(html).toContain('Commerce local en ligne')
    expect(html).toMatch(/<h2 id="s-sources">Sources<\/h2>/)
    expect(html).toContain('href="https://exemple.org/commerces"')
    expect(html).toContain('Gazette d’Exemple')
    const en = await (
      await request(`/experiences/${ids.abroad!.slug}`, { headers: { 'accept-language': 'en' } })
    ).text()
    expect(en).toContain('Exempleville, Belgium (BE-WAL)')
    expect(en).toContain('start date unknown')
    expect(en).toContain('Local shops online')
  })
})

describe('an unknown start date', () => {
  it('has its own « inconnue » bucket in the statistics, never a placeholder year', async () => {
    const report = await json<StatsReport>('/api/stats/regions')
    expect(report.abroad.startYears).toEqual([{ year: null, count: 1 }])
    expect(report.national.startYears).toEqual([{ year: 2021, count: 2 }])
    const csv = await (await request('/api/stats/regions.csv')).text()
    expect(csv.split('\r\n')[0]).toContain('annee_2021,annee_inconnue')
  })

  it('is an empty cell in the CSV export and absent from the JSON export', async () => {
    const records = await json<Record<string, unknown>[]>('/api/exports/experiments.json')
    const abroad = records.find((r) => r.id === ids.abroad!.id)
    expect(abroad).not.toHaveProperty('startDate')
    expect(abroad?.sources).toEqual(ABROAD.sources)
    const csv = await (await request('/api/exports/experiments.csv')).text()
    const [header, ...rows] = csv.trimEnd().split(/\r?\n/)
    expect(header).toContain('scope')
    expect(header).toContain('abroad_country')
    expect(header).toContain('derived_country_en')
    expect(rows.find((r) => r.startsWith(ids.abroad!.id))).toContain('Gazette d’Exemple')
  })
})
