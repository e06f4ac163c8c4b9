/**
 * The open-data page, the accessibility statement and the API reference in Chromium: in
 * French and in English (the language switch in the footer), with axe-core's WCAG 2.1 A/AA
 * rules, and the footer links every page carries reaching them.
 */
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

describe('open data and accessibility pages', () => {
  it('reach /donnees and /accessibilite from the footer, in French then English, accessibly', async (ctx) => {
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/?theme=mediation&region=53')
    await page.getByRole('link', { name: 'Télécharger ces résultats' }).click()
    await page.waitForURL(/\/donnees\?theme=mediation&region=53$/)
    expect((await page.locator('h1').innerText()).trim()).toBe('Données ouvertes')
    // The files carry the search's filters.
    expect(await page.getByRole('link', { name: 'Télécharger en CSV' }).getAttribute('href')).toBe(
      '/api/exports/experiments.csv?theme=mediation&region=53'
    )
    expect(await axeViolations(page)).toEqual([])

    await page.locator('footer').getByRole('link', { name: 'Accessibilité : non conforme' }).click()
    await page.waitForURL(/\/accessibilite$/)
    expect((await page.locator('h1').innerText()).trim()).toBe('Déclaration d’accessibilité')
    expect(await page.locator('#conformite + p').innerText()).toContain('RGAA')
    expect(await page.locator('#recours').count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])

    await page.getByRole('link', { name: 'English version' }).click()
    await page.waitForURL(/\/accessibilite$/)
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    expect((await page.locator('h1').innerText()).trim()).toBe('Accessibility statement')
    expect(await axeViolations(page)).toEqual([])

    await page.locator('footer').getByRole('link', { name: 'Open data' }).click()
    await page.waitForURL(/\/donnees$/)
    expect((await page.locator('h1').innerText()).trim()).toBe('Open data')
    expect(await page.getByRole('link', { name: 'Download as GeoJSON' }).count()).toBe(1)
    expect(await axeViolations(page)).toEqual([])
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('has no axe violation on the API reference, whose examples are focusable regions', async (ctx) => {
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/api/docs')
    expect(await axeViolations(page)).toEqual([])
    const examples = page.locator('pre.curl')
    expect(await examples.count()).toBeGreaterThan(10)
    expect(await examples.first().getAttribute('tabindex')).toBe('0')
    // No example is cut at 1280 px: each shows its whole command without scrolling.
    const cut = await examples.evaluateAll(
      (pres) =>
        (pres as unknown as { scrollWidth: number; clientWidth: number }[]).filter(
          (pre) => pre.scrollWidth > pre.clientWidth
        ).length
    )
    expect(cut).toBe(0)
    expect(cspViolations).toEqual([])
  })
})
