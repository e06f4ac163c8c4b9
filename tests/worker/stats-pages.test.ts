/** The /comparer and /territoires/{code} pages: server-rendered, no JS needed, CSP-clean. */
import { beforeAll, describe, expect, it } from 'vitest'
import { publish, request } from './fixtures'

async function page(path: string): Promise<{ status: number; html: string }> {
  const res = await request(path, { headers: { accept: 'text/html' } })
  return { status: res.status, html: await res.text() }
}

function expectCspClean(html: string) {
  expect(html).not.toMatch(/\sstyle=/)
  expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
  expect(html).not.toMatch(/(src|href)="https?:\/\//)
}

beforeAll(async () => {
  await publish({ title: 'Bus numérique en Mayenne' })
  await publish({
    title: 'Données ouvertes bretonnes',
    territories: ['dep:35', 'dep:22'],
    themes: ['open-data.publication'],
    means: { budgetEur: 40_000 },
  })
  await publish({
    title: 'Fablab rennais',
    territories: ['com:35238'],
    themes: ['third-places.fablab'],
  })
  await publish({
    title: 'Tiers-lieu de Saint-Brieuc',
    territories: ['dep:22'],
    themes: ['third-places.reseau'],
  })
})

describe('/comparer', () => {
  it('shows the form and the map of régions without any selection', async () => {
    const { status, html } = await page('/comparer')
    expect(status).toBe(200)
    expect(html).toContain('<form method="get" action="/comparer"')
    expect(html).toContain('aria-label="Bretagne, Expériences pour 100 000 habitants : ')
    expect(html).toContain('href="/territoires/reg:53"')
    expect(html).toMatch(/<script src="\/static\/compare.js" defer/)
    expect(html).not.toContain('id="resultats"')
    expectCspClean(html)
  })

  it('resolves names and codes, and compares them with the national line', async () => {
    const { status, html } = await page('/comparer?t=Bretagne&t=dep%3A53&t=&t=')
    expect(status).toBe(200)
    expect(html).toContain('value="Bretagne (reg:53)"')
    expect(html).toContain('value="Mayenne (dep:53)"')
    expect(html).toContain('id="resultats"')
    expect(html).toContain('<th scope="col">France entière</th>')
    expect(html).toContain('href="/api/stats/compare.csv?territories=reg:53,dep:53"')
    expect(html).toContain('Données du graphique « Part des expériences par thématique »')
    expectCspClean(html)
  })

  it('reports unknown territories next to their field', async () => {
    const { status, html } = await page('/comparer?t=Atlantide&t=reg%3A53')
    expect(status).toBe(200)
    expect(html).toContain('class="error-summary"')
    expect(html).toContain('href="#t1"')
    expect(html).toContain('aria-invalid="true"')
    expect(html).not.toContain('id="resultats"')
  })

  it('draws the département map on request', async () => {
    const { html } = await page('/comparer?carte=dep&mesure=nombre')
    expect(html).toContain('href="/territoires/dep:2A"')
    expect(html).toContain('aria-label="Ille-et-Vilaine, Expériences publiées : 2"')
  })
})

describe('/territoires/{code}', () => {
  it('lists a région’s experiments, its départements and its profile', async () => {
    const { status, html } = await page('/territoires/reg:53')
    expect(status).toBe(200)
    expect(html).toContain('<h1>Bretagne</h1>')
    expect(html).toContain('Données ouvertes bretonnes')
    expect(html).toContain('Fablab rennais')
    expect(html).not.toContain('Bus numérique en Mayenne')
    expect(html).toContain('href="/territoires/dep:35"')
    expect(html).toContain('Thématiques plus présentes qu’en moyenne')
    // Bretagne: 2 of 3 experiments on third places vs 2 of 4 nationally.
    // Percentages as Intl writes them in French: a non-breaking space before « % ».
    expect(html).toMatch(/Tiers-lieux et fablabs : 67\s% des expériences ici, 50\s% en France/)
    expectCspClean(html)
  })

  it('shows a territory with no experiment', async () => {
    const { status, html } = await page('/territoires/dep:2A')
    expect(status).toBe(200)
    expect(html).toContain('Aucune expérience publiée pour ce territoire')
  })

  it('answers 404 for unknown or unsupported codes', async () => {
    expect((await page('/territoires/reg:99')).status).toBe(404)
    expect((await page('/territoires/com:35238')).status).toBe(404)
  })
})
