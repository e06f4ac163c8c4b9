/**
 * How practices spread, in Chromium without JavaScript: a commune declares « nous l'avons
 * reproduite » on a record, a moderator approves it on the desk, and the record then
 * shows the replication, the count of territories that adopted it and the spread graph,
 * and the comparison page shows the région's replications.
 * axe-core (in a JavaScript tab) checks the form, its error state and the record; the
 * record fits 320 px.
 */
import { describe, expect, inject, it } from 'vitest'
import {
  axeViolations,
  expectNoHorizontalScroll,
  openTab,
  signInToDesk,
  useBrowser,
} from './browser'

const baseUrl = inject('baseUrl')
const moderator = inject('moderator')
const browser = useBrowser()

interface Listed {
  items: {
    id: string
    slug: string
    title: string
    derived: { regions: { code: string }[] }
  }[]
}

/** A published record of the real catalogue that covers a région (so it can be compared). */
async function aRegionalRecord(): Promise<Listed['items'][number]> {
  const list = (await (await fetch(`${baseUrl}/api/experiments?limit=50`)).json()) as Listed
  const record = list.items.find((e) => e.derived.regions.length > 0)
  if (!record) throw new Error('no regional record in the catalogue')
  return record
}

describe('« nous l’avons reproduite »', () => {
  it('a commune declares it without JavaScript; once approved, the record shows it', async (ctx) => {
    const record = await aRegionalRecord()
    const declarant = `Commune d’Exemple ${Date.now()}`
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
    })
    await page.goto(`/experiences/${record.slug}`)
    const before = await page.locator('.adopted-by').innerText()

    await page.getByRole('link', { name: 'Nous l’avons reproduite' }).click()
    await page.waitForURL(`**/experiences/${record.slug}/reproduite`)
    await page.getByLabel('Territoire qui l’a reproduite').fill('Rennes')
    await page.getByLabel('Qui déclare').fill(declarant)
    await page.getByLabel('Adaptée').check()
    await page.getByLabel('En cours').check()
    await page.getByLabel('Depuis quand (facultatif)').fill('2025-09')
    await page
      .getByLabel('Ce que vous avez adapté (facultatif)')
      .fill('Ouvert le samedi, avec la médiathèque.')
    await page.getByRole('button', { name: 'Envoyer la déclaration' }).click()
    await page.waitForURL(`**/experiences/${record.slug}/reproduite?merci`)
    expect(await page.locator('h1').innerText()).toBe('Merci pour votre déclaration')

    // Pre-moderated: the record does not show it yet.
    await page.goto(`/experiences/${record.slug}`)
    expect(await page.content()).not.toContain(declarant)

    await signInToDesk(page, moderator)
    const item = page.locator('li', { hasText: declarant })
    await item.getByRole('button', { name: 'Publier la reproduction' }).click()
    await page.waitForURL(/\/moderation\?fait=reproduction-publiee$/)
    expect(await page.getByText('La reproduction est publiée sur les deux fiches.').count()).toBe(1)

    await page.goto(`/experiences/${record.slug}`)
    const spread = page.locator('section.spread')
    expect(await spread.innerText()).toContain(`Rennes, déclaré par ${declarant}`)
    expect(await spread.innerText()).toContain('Ouvert le samedi, avec la médiathèque.')
    const after = await page.locator('.adopted-by').innerText()
    expect(after).toMatch(/^Adoptée par \d+ territoires?\.$/)
    expect(after).not.toBe(before)
    expect(await spread.locator('svg.spread-graph').count()).toBe(1)
    expect(await spread.locator('table.spread-table').innerText()).toContain('Rennes')
    expect(await spread.locator('#carte-essaimage').count()).toBe(1)

    // The comparison shows the région's replications: Bretagne (Rennes) gave at least this one.
    const regions = record.derived.regions.map((r) => r.code.replace(/^reg:/, ''))
    const other = regions.find((r) => r !== '53') ?? '76'
    await page.goto(`/comparer?t=reg%3A53&t=reg%3A${other}`)
    const figures = page.locator('section.spread-figures table')
    const given = figures
      .locator('tbody tr')
      .filter({ has: page.locator('th', { hasText: /^Reprises données$/ }) })
    const bretagne = await figures.locator('thead th').allInnerTexts()
    const column = bretagne.findIndex((h) => h.trim() === 'Bretagne')
    expect(column).toBeGreaterThan(0)
    const cells = await given.locator('th, td').allInnerTexts()
    expect(Number(cells[column])).toBeGreaterThanOrEqual(1)
    expect(await page.locator('section.spread-figures').innerText()).toContain(
      'Pratiques les plus reprises'
    )

    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('has no axe violations on the form, its errors and the record; the record fits 320 px', async (ctx) => {
    const record = await aRegionalRecord()
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto(`/experiences/${record.slug}/reproduite`)
    expect(await axeViolations(page)).toEqual([])
    await page.getByLabel('Territoire qui l’a reproduite').fill('Saint-Denis')
    await page.getByRole('button', { name: 'Envoyer la déclaration' }).click()
    await page.waitForLoadState()
    expect(await page.locator('#r-territoryChoice').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`/experiences/${record.slug}`)
    expect(await axeViolations(page)).toEqual([])

    await page.setViewportSize({ width: 320, height: 640 })
    await page.goto(`/experiences/${record.slug}`)
    await expectNoHorizontalScroll(page, 'record with its spread')
    await page.goto(`/experiences/${record.slug}/reproduite`)
    await expectNoHorizontalScroll(page, 'replication form')
    expect(cspViolations).toEqual([])
  })
})
