/**
 * The means facets, « au moins N » and « à vérifier » through HTTP: the search API, the list, the exports
 * and the feed take the same parameters; bad values are 400s naming the parameter; the
 * search page offers them without JavaScript and old evidence URLs keep working.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { getExperimentsByIds } from '../../worker/db/experiments'
import { parseCsv } from '../../worker/open-data/csv'
import { toSearchDocument } from '../../worker/search/documents'
import { EmbeddedEngine } from '../../worker/search/embedded'
import { drainOutbox } from '../../worker/search/sync'
import { publish, request } from './fixtures'

const ids: Record<string, string> = {}

beforeAll(async () => {
  const base = { summary: 'Un dispositif fictif de la Commune d’Exemple, décrit pour d’autres.' }
  ids.small = (
    await publish({
      ...base,
      title: 'Petit atelier de la Commune d’Exemple',
      evidenceLevel: 1,
      means: { budgetEur: 9_000, fundingSources: [{ type: 'own' }] },
    })
  ).id
  ids.funded = (
    await publish({
      ...base,
      title: 'Tiers-lieu financé de la Commune d’Exemple',
      evidenceLevel: 3,
      results: { peopleReached: 720 },
      means: {
        budgetEur: 180_000,
        fundingSources: [
          { type: 'eu', programme: 'FEDER', amountEur: 90_000 },
          { type: 'state', programme: 'Fabriques de territoire', amountEur: 50_000 },
        ],
      },
    })
  ).id
  ids.none = (
    await publish({
      ...base,
      title: 'Évaluation sans budget de la Commune d’Exemple',
      evidenceLevel: 4,
    })
  ).id
  await drainOutbox(env)
  // Last verified three years ago: « à vérifier » (the app's engine is the embedded one).
  await env.DB.prepare(
    `UPDATE experiments SET last_verified_at = '2022-01-15T10:00:00.000Z' WHERE id = ?1`
  )
    .bind(ids.small)
    .run()
  const rows = await getExperimentsByIds(env.DB, [ids.small])
  await new EmbeddedEngine(env.SEARCH_DB).upsert(rows.map(toSearchDocument))
}, 60_000)

const mine = (items: { id: string }[]) =>
  items
    .map((i) => Object.keys(ids).find((k) => ids[k] === i.id))
    .filter(Boolean)
    .sort()

describe('search API', () => {
  it('filters and counts budget bands, funders and programmes', async () => {
    const res = await request('/api/search?q=Commune+Exemple&budget=50k-200k')
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      hits: { id: string }[]
      facets: Record<string, Record<string, number>>
    }
    expect(mine(body.hits)).toEqual(['funded'])
    expect(body.facets.budget).toMatchObject({ 'lt-10k': 1, '50k-200k': 1 })
    expect(body.facets.programme).toEqual({ FEDER: 1, 'Fabriques de territoire': 1 })
    expect(body.facets.fundingType).toEqual({ eu: 1, state: 1 })
  })

  it('takes « au moins N » as evidenceMin, alone or with evidence', async () => {
    const hits = async (query: string) =>
      mine(
        (
          (await (await request(`/api/search?q=Commune+Exemple&${query}`)).json()) as {
            hits: { id: string }[]
          }
        ).hits
      )
    expect(await hits('evidenceMin=3')).toEqual(['funded', 'none'])
    expect(await hits('evidenceMin=3&evidence=1&evidence=4')).toEqual(['none'])
    expect(await hits('evidenceMin=4&evidence=1')).toEqual([])
  })

  it('refuses unknown bands and funders with a problem naming the parameter', async () => {
    for (const query of ['budget=huge', 'fundingType=bank', 'evidenceMin=7']) {
      const res = await request(`/api/search?${query}`)
      expect(res.status).toBe(400)
      const problem = (await res.json()) as { errors: { parameter: string }[] }
      expect(problem.errors.map((e) => e.parameter)).toContain(query.split('=')[0])
    }
  })
})

describe('list, exports and feed', () => {
  it('lists with the same filters from D1', async () => {
    const list = async (query: string) =>
      mine(
        ((await (await request(`/api/experiments?${query}`)).json()) as { items: { id: string }[] })
          .items
      )
    expect(await list('budget=lt-10k&budget=50k-200k')).toEqual(['funded', 'small'])
    expect(await list('fundingType=state')).toEqual(['funded'])
    expect(await list('programme=FEDER')).toEqual(['funded'])
    expect(await list('programme=Feder+régional')).toEqual([])
    expect(await list('evidenceMin=3')).toEqual(['funded', 'none'])
  })

  it('exports only the filtered records', async () => {
    const res = await request('/api/exports/experiments.ndjson?fundingType=own')
    expect(res.status).toBe(200)
    const lines = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string })
    expect(mine(lines)).toEqual(['small'])
  })

  it('follows a programme in the feed, whose title names it', async () => {
    const res = await request('/api/feeds/experiments.atom?programme=FEDER')
    const xml = await res.text()
    expect(xml).toContain('programme de financement FEDER')
    expect(xml).toContain('Tiers-lieu financé')
    expect(xml).not.toContain('Petit atelier')
  })
})

describe('search page', () => {
  const page = async (query: string) => (await request(`/?q=Commune+Exemple&${query}`)).text()

  it('offers the budget, funder and programme facets as boxes, evidence as one radio choice', async () => {
    const html = await page('')
    expect(html).toContain('name="budget" value="50k-200k"')
    expect(html).toContain('name="fundingType" value="eu"')
    expect(html).toContain('name="programme" value="FEDER"')
    expect(html).toMatch(/type="radio" id="filtre-evidence-min-3" name="evidenceMin" value="3"/)
    expect(html).not.toContain('name="evidence"')
    // « au moins 3 » counts levels 3 and 4.
    expect(html).toMatch(/Au moins : Évaluation indépendante <span class="count">\(2\)<\/span>/)
  })

  it('reads the old three-box URL as « au moins 2 » and writes it short', async () => {
    const html = await page('evidence=2&evidence=3&evidence=4')
    expect(html).toMatch(/id="filtre-evidence-min-2"[^>]*checked/)
    expect(html).toContain('Au moins : Évaluation interne documentée')
    expect(html).not.toContain('Petit atelier')
    expect(html).toContain('evidenceMin=2')
  })

  it('keeps a selection that is not « au moins N » as ticked boxes', async () => {
    const html = await page('evidence=1&evidence=4')
    expect(html).toMatch(/name="evidence" value="1" checked/)
    expect(html).toContain('Petit atelier')
    expect(html).not.toContain('Tiers-lieu financé')
  })
})

describe('« à vérifier »', () => {
  it('filters the search, the list and the feed on the badge’s rule', async () => {
    const search = (await (
      await request('/api/search?q=Commune+Exemple&toVerify=true')
    ).json()) as {
      hits: { id: string }[]
    }
    expect(mine(search.hits)).toEqual(['small'])
    const list = (await (await request('/api/experiments?toVerify=true')).json()) as {
      items: { id: string }[]
    }
    expect(mine(list.items)).toEqual(['small'])
    const feed = await (await request('/api/feeds/experiments.atom?toVerify=true')).text()
    expect(feed.match(/<title[^>]*>[^<]*<\/title>/)?.[0]).toContain('Expériences — à vérifier')
    expect(feed).toContain('Petit atelier')
    expect(feed).not.toContain('Tiers-lieu financé')
    expect((await request('/api/search?toVerify=maybe')).status).toBe(400)
  })

  it('is a box on the search page, a chip once ticked, and carried to the files', async () => {
    const html = await (await request('/?q=Commune+Exemple&toVerify=true')).text()
    expect(html).toMatch(
      /<input type="checkbox" id="filtre-a-verifier" name="toVerify" value="true" checked/
    )
    expect(html).toContain('Petit atelier')
    expect(html).not.toContain('Tiers-lieu financé')
    expect(html).toContain('aria-label="Retirer le filtre « À vérifier »"')
    expect(html).toContain('href="/donnees?q=Commune+Exemple&amp;toVerify=true"')
    const openData = await (await request('/donnees?toVerify=true')).text()
    expect(openData).toContain('/api/exports/experiments.csv?toVerify=true')
    // The card carries the badge, which links to its explanation on the record.
    expect(html).toMatch(/class="badge to-verify" href="\/experiences\/[^"]+#a-verifier"/)
  })

  it('explains the badge on the record, linking the owner’s « toujours exact »', async () => {
    const html = await (await request(`/experiences/${ids.small}`)).text()
    expect(html).toContain('id="a-verifier"')
    expect(html).toContain('href="/modifier#toujours-exact"')
  })
})

describe('cost per beneficiary', () => {
  // 180 000 € ÷ 720 people = 250 €.
  it('is in the API record, computed from budget and people reached', async () => {
    const funded = (await (await request(`/api/experiments/${ids.funded}`)).json()) as {
      costPerBeneficiaryEur: number | null
    }
    expect(funded.costPerBeneficiaryEur).toBe(250)
    const small = (await (await request(`/api/experiments/${ids.small}`)).json()) as {
      costPerBeneficiaryEur: number | null
    }
    expect(small.costPerBeneficiaryEur).toBeNull()
  })

  it('is a documented CSV column, in the Table Schema and the JSON Schema', async () => {
    const csv = await (await request('/api/exports/experiments.csv?programme=FEDER')).text()
    const [columns, row] = parseCsv(csv)
    const at = columns!.indexOf('cost_per_beneficiary_eur')
    expect(at).toBeGreaterThan(-1)
    expect(row![at]).toBe('250')
    const table = (await (await request('/api/schemas/v1/experiment.tableschema.json')).json()) as {
      fields: { name: string; description: string }[]
    }
    const field = table.fields.find((f) => f.name === 'cost_per_beneficiary_eur')
    expect(field?.description).toContain('÷')
    const schema = await (await request('/api/schemas/v1/experiment.schema.json')).text()
    expect(schema).toContain('costPerBeneficiaryEur')
  })

  it('reads the same value on the record page', async () => {
    const html = await (await request(`/experiences/${ids.funded}`)).text()
    expect(html).toMatch(/Coût par personne touchée<\/dt><dd>250\s€/)
  })
})
