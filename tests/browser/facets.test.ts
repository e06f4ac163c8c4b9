/**
 * The search facets without JavaScript, in Chromium: evidence « au moins N » as one radio
 * choice, a budget band, and « à vérifier » (the filter and the badge on every card agree,
 * and with the API); axe finds nothing and the page reflows at 320 px.
 */
import type { Page } from 'playwright-core'
import { describe, expect, inject, it, type TestContext } from 'vitest'
import { axeViolations, expectNoHorizontalScroll, openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

const shown = async (page: Page) =>
  Number(/^(\d+)/.exec((await page.locator('#resultats').textContent()) ?? '')?.[1] ?? 0)

const apiTotal = async (query: string) =>
  ((await (await fetch(`${baseUrl}/api/search?${query}`)).json()) as { total: number }).total

const apply = (page: Page) => page.getByRole('button', { name: 'Appliquer les filtres' }).click()

/** axe needs JavaScript: the same URL, checked in a tab that runs it. */
async function axeOn(ctx: TestContext, url: string) {
  const { page } = await openTab(browser(), ctx, baseUrl)
  await page.goto(url)
  return axeViolations(page)
}

describe('facets without JavaScript', () => {
  it('picks « au moins N » with one radio, then « à vérifier », in agreement with the API', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/')
    const all = await shown(page)

    await page.check('#filtre-evidence-min-2')
    await apply(page)
    await page.waitForURL(/evidenceMin=2/)
    expect(await page.locator('#filtre-evidence-min-2').isChecked()).toBe(true)
    // No per-level boxes any more: one choice.
    expect(await page.locator('input[name="evidence"]').count()).toBe(0)
    const atLeast2 = await shown(page)
    expect(atLeast2).toBe(await apiTotal('evidenceMin=2'))
    expect(atLeast2).toBeLessThan(all)
    for (const meta of await page.locator('.result-list .card-meta').allInnerTexts()) {
      expect(meta).not.toMatch(/Preuve : (Déclaratif|Suivi par indicateurs)/)
    }
    expect(await page.locator('.active-filters').innerText()).toContain(
      'Au moins : Évaluation interne documentée'
    )

    await page.check('#filtre-a-verifier')
    await apply(page)
    await page.waitForURL(/toVerify=true/)
    expect(page.url()).toContain('evidenceMin=2')
    const toVerify = await shown(page)
    expect(toVerify).toBe(await apiTotal('evidenceMin=2&toVerify=true'))
    // The filter and the badge follow one rule: every card it keeps carries the badge.
    // (The catalogue loaded here was published today, so this may be empty; the workerd
    // page test shows a stale card with its badge under this filter.)
    const cards = await page.locator('.result-list .card').count()
    expect(await page.locator('.result-list .card .badge.to-verify').count()).toBe(cards)
    expect(await page.locator('.active-filters').innerText()).toContain('À vérifier')

    // Removing the chip keeps the other filter.
    await page
      .locator('.active-filters')
      .getByRole('link', { name: 'Retirer le filtre « À vérifier »' })
      .click()
    await page.waitForURL((url) => !url.search.includes('toVerify'))
    expect(await shown(page)).toBe(atLeast2)
    expect(await axeOn(ctx, '/?evidenceMin=2&toVerify=true')).toEqual([])
  })

  it('reads an old three-box evidence URL as « au moins 2 »', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/?evidence=2&evidence=3&evidence=4')
    expect(await page.locator('#filtre-evidence-min-2').isChecked()).toBe(true)
    expect(await shown(page)).toBe(await apiTotal('evidenceMin=2'))
  })

  it('filters on a budget band and offers to remove it', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/')
    await page.check('#filtre-budget-50k-200k')
    await apply(page)
    await page.waitForURL(/budget=50k-200k/)
    expect(await page.locator('#filtre-budget-50k-200k').isChecked()).toBe(true)
    expect(await shown(page)).toBe(await apiTotal('budget=50k-200k'))
    expect(await page.locator('.active-filters').innerText()).toContain('De 50 à 200 k€')
    expect(await axeOn(ctx, '/?budget=50k-200k')).toEqual([])
  })

  it('lays the page with facets out at 320 px without horizontal scrolling', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
      viewport: { width: 320, height: 640 },
    })
    await page.goto('/?evidenceMin=2&toVerify=true&budget=50k-200k&budget=gt-10m')
    await expectNoHorizontalScroll(page, 'search page with facets')
    await page.goto('/?evidenceMin=2&toVerify=true')
    await expectNoHorizontalScroll(page, 'search page « à vérifier »')
  })
})
