/**
 * Search and reading in Chromium: the home page, a text search with a facet filter, the
 * région map as a filter, the back button, and an experiment page; axe-core on each.
 */
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, docScreenshot, openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

describe('home and search', () => {
  it('shows the catalogue, facets and map, accessibly and without other hosts', async (ctx) => {
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/')
    expect((await page.locator('h1').innerText()).trim()).toBe('Rechercher une expérience')
    // Every published record, the real catalogue and what earlier files published.
    const published = (await (await fetch(`${baseUrl}/api/search`)).json()) as { total: number }
    expect(published.total).toBeGreaterThanOrEqual(inject('catalogueCount'))
    expect(await page.locator('#resultats').textContent()).toMatch(
      new RegExp(`^${published.total} expériences`)
    )
    expect(await page.locator('.result-list > li').count()).toBe(20)
    expect(await page.locator('#carte-regions a.map-area').count()).toBe(18)
    expect(await axeViolations(page)).toEqual([])
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
    await docScreenshot(page, 'accueil')
  })

  it('filters by text and theme, reflects the query in the URL, and goes back', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/')
    await page.fill('#q', 'numérique')
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click()
    await page.waitForURL(/\?q=num%C3%A9rique/)
    const afterText = Number(
      /^(\d+)/.exec((await page.locator('#resultats').textContent()) ?? '')?.[1]
    )

    await page.check('#filtre-theme-mediation')
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
    await page.waitForURL(/theme=mediation/)
    expect(page.url()).toContain('q=num%C3%A9rique')
    expect(await page.locator('#filtre-theme-mediation').isChecked()).toBe(true)
    const afterFilter = Number(
      /^(\d+)/.exec((await page.locator('#resultats').textContent()) ?? '')?.[1]
    )
    expect(afterFilter).toBeGreaterThan(0)
    expect(afterFilter).toBeLessThanOrEqual(afterText)
    expect(await page.locator('.result-list mark').count()).toBeGreaterThan(0)
    expect(await page.locator('.active-filters').innerText()).toContain(
      'Inclusion et médiation numérique'
    )
    expect(await axeViolations(page)).toEqual([])
    await docScreenshot(page, 'resultats')

    // The whole query lives in the URL: back returns to the text-only search.
    await page.goBack()
    await page.waitForURL((url) => !url.search.includes('theme='))
    expect(await page.locator('#q').inputValue()).toBe('numérique')
  })

  it('filters by région from the map and suggests removing filters when empty', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/')
    await page.locator('#carte-regions a.map-area[data-code="53"]').click()
    await page.waitForURL(/region=53/)
    expect(await page.locator('.active-filters').innerText()).toContain('Bretagne')
    const count = Number(/^(\d+)/.exec((await page.locator('#resultats').textContent()) ?? '')?.[1])
    expect(count).toBeGreaterThan(0)
    // The selected région is outlined more heavily than its neighbours.
    const strokeOf = async (code: string) =>
      Number(
        await page
          .locator(`#carte-regions a.map-area[data-code="${code}"] use`)
          .first()
          .getAttribute('stroke-width')
      )
    expect(await strokeOf('53')).toBeGreaterThan(await strokeOf('52'))

    await page.goto('/?q=zzyzxqwfp&region=53')
    expect(await page.locator('.empty').innerText()).toContain('Aucune expérience ne correspond')
    await page.locator('.empty a', { hasText: 'Région' }).click()
    await page.waitForURL((url) => !url.search.includes('region='))
    expect(await axeViolations(page)).toEqual([])
  })
})

describe('experiment page', () => {
  it('opens from the results with its record, similar experiments and cite block', async (ctx) => {
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/?sort=completeness')
    const first = page.locator('.result-list .card-title a').first()
    const title = (await first.textContent())?.trim() ?? ''
    await first.click()
    await page.waitForURL(/\/experiences\//)
    expect((await page.locator('h1').innerText()).trim()).toBe(title)
    await page.locator('#s-facts').waitFor({ state: 'visible' })
    expect((await page.locator('#s-cite').innerText()).trim()).toBe('Citer / réutiliser')
    expect(await page.locator('.box', { has: page.locator('#s-cite') }).innerText()).toContain(
      page.url().replace(/\/experiences\/.*/, '/experiences/')
    )
    expect(await page.locator('.evidence').innerText()).toContain('sur 4')
    expect(await page.locator('.similar .card').count()).toBeGreaterThan(0)
    expect(await axeViolations(page)).toEqual([])
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
    await docScreenshot(page, 'experience')
  })

  it('answers unknown addresses with a French 404 page', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl)
    const res = await page.goto('/experiences/nexiste-pas')
    expect(res?.status()).toBe(404)
    expect((await page.locator('h1').innerText()).trim()).toBe('Expérience introuvable')
    expect(await axeViolations(page)).toEqual([])
  })
})
