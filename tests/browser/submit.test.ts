/**
 * The submission form in Chromium, with JavaScript off (plain fields, server-side
 * errors) and on (territory autocomplete): errors next to fields, then a successful
 * submission through the "may already exist" step to the confirmation; axe on each.
 */
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, docScreenshot, openTab, useBrowser } from './browser'
import { fillRequired, submitToConfirmation } from './form'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

describe('submission without JavaScript', () => {
  // axe needs JavaScript in the page, so the accessibility of these same server-rendered
  // states is checked in the JavaScript-enabled tests below.
  it('shows errors next to fields, keeps what was typed, then accepts the fixed form', async (ctx) => {
    const { page, foreign } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/proposer')
    // No JavaScript: the territory search never appears, the code field does.
    expect(await page.locator('#f-territory-search').count()).toBe(0)
    await page.locator('#f-territories').waitFor({ state: 'visible' })

    await page.fill('#f-title', 'Ateliers numériques')
    await page.fill('#f-summary', 'trop court')
    await page.fill('#f-means-budgetEur', 'beaucoup')
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click()
    await page.waitForLoadState()

    const summary = page.locator('#erreurs')
    await summary.waitFor({ state: 'visible' })
    expect(await summary.innerText()).toContain('Le résumé doit faire au moins 20 caractères.')
    expect(await page.locator('#f-summary').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#f-summary').getAttribute('aria-describedby')).toContain(
      'f-summary-erreur'
    )
    await page.locator('#f-summary-erreur').waitFor({ state: 'visible' })
    expect(await page.locator('#f-means-budgetEur-erreur').innerText()).toContain(
      'Saisissez un nombre'
    )
    expect(await page.locator('#f-title').inputValue()).toBe('Ateliers numériques')
    expect(await page.locator('#f-means-budgetEur').inputValue()).toBe('beaucoup')
    // The summary links lead to the fields.
    expect(await summary.locator('a[href="#f-summary"]').count()).toBe(1)

    await fillRequired(page, 'Ateliers numériques en médiathèque à Redon (sans JS)')
    await page.fill('#f-means-budgetEur', '8 500')
    await page.fill('#f-territories', 'com:35236')
    const link = await submitToConfirmation(page, false)
    expect(link).toMatch(new RegExp(`^${baseUrl}/modifier/[A-Za-z0-9_-]{43}$`))
    expect(foreign).toEqual([])
  })
})

describe('submission with JavaScript', () => {
  it('passes axe empty and with errors, and focuses the error summary', async (ctx) => {
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/proposer')
    expect(await axeViolations(page)).toEqual([])
    await docScreenshot(page, 'formulaire')

    await page.fill('#f-title', 'Ateliers numériques')
    await page.fill('#f-summary', 'trop court')
    await page.fill('#f-means-budgetEur', 'beaucoup')
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click()
    await page.waitForLoadState()
    await page.locator('#erreurs').waitFor({ state: 'visible' })
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.id'))
      .toBe('erreurs')
    expect(await axeViolations(page)).toEqual([])
    await docScreenshot(page, 'formulaire-erreurs')
    await page.locator('#erreurs a[href="#f-summary"]').click()
    expect(page.url()).toContain('#f-summary')
    expect(cspViolations).toEqual([])
  })

  it('finds a territory with the autocomplete and submits', async (ctx) => {
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/proposer')
    const search = page.locator('#f-territory-search')
    await search.waitFor({ state: 'visible' })
    await fillRequired(page, 'Ateliers numériques en médiathèque à Redon (avec JS)')

    await search.pressSequentially('Redon', { delay: 30 })
    const option = page.getByRole('option', { name: /^Redon — Commune/ })
    await option.waitFor({ state: 'visible' })
    expect(await search.getAttribute('aria-expanded')).toBe('true')
    await search.press('ArrowDown')
    expect(await search.getAttribute('aria-activedescendant')).toBe('f-territory-option-0')
    await search.press('Enter')
    await expect.poll(() => page.locator('#f-territories').inputValue()).toBe('com:35236')
    expect(await page.locator('.territory-chips').innerText()).toContain('Redon (com:35236)')
    expect(await axeViolations(page)).toEqual([])

    await submitToConfirmation(page)
    expect(await axeViolations(page)).toEqual([])
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
    await docScreenshot(page, 'confirmation')
  })
})
