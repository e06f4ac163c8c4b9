/**
 * Comparing territories in Chromium: the form without JavaScript, name suggestions with
 * it, the charts and their tables, the map leading to a territory page; axe-core on the
 * pages, no request to other hosts, no CSP violation.
 */
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, docScreenshot, openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

describe('/comparer', () => {
  it('compares territories typed by name or code, without JavaScript', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/comparer')
    await page.fill('#t1', 'Bretagne')
    await page.fill('#t2', 'dep:35')
    await page.fill('#t3', 'Occitanie')
    await page.getByRole('button', { name: 'Comparer', exact: true }).click()
    await page.waitForURL(/\/comparer\?t=Bretagne/)
    expect(await page.inputValue('#t1')).toBe('Bretagne (reg:53)')
    expect(await page.inputValue('#t2')).toBe('Ille-et-Vilaine (dep:35)')
    const headers = await page.locator('#resultats ~ .table-scroll th[scope="col"]').allInnerTexts()
    expect(headers).toEqual([
      'Mesure',
      'Bretagne',
      'Ille-et-Vilaine',
      'Occitanie',
      'France entière',
    ])
    expect(await page.locator('figure.chart').count()).toBe(4)
    expect(await page.locator('figure.chart details table').count()).toBe(4)
  })

  it('suggests territories while typing, and is accessible with results and map', async (ctx) => {
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/comparer?t=reg%3A53&t=reg%3A11&carte=reg&mesure=habitants')
    await page.locator('#t3').pressSequentially('Norm')
    await expect
      .poll(() => page.locator('#territoires-suggestions option').evaluateAll((o) => o.length))
      .toBeGreaterThan(0)
    const first = await page
      .locator('#territoires-suggestions option')
      .first()
      .getAttribute('value')
    expect(first).toBe('Normandie (reg:28)')
    expect(await page.locator('#carte a.map-area').count()).toBe(18)
    expect(await axeViolations(page)).toEqual([])
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
    await docScreenshot(page, 'comparer')
  })

  it('shows errors next to the fields and moves focus to them', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/comparer?t=Atlantide&t=reg%3A53')
    expect(await page.locator('.error-summary').innerText()).toContain('Atlantide')
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as { document: { activeElement: { id: string } } }).document
            .activeElement.id
      )
    ).toBe('erreurs')
    expect(await page.getAttribute('#t1', 'aria-invalid')).toBe('true')
    expect(await axeViolations(page)).toEqual([])
  })

  it('leads from the map to an accessible territory page', async (ctx) => {
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/comparer')
    await page.locator('#carte a.map-area[data-code="53"]').click()
    await page.waitForURL(/\/territoires\/reg:53$/)
    expect((await page.locator('h1').innerText()).trim()).toBe('Bretagne')
    expect(await page.locator('#forces').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
