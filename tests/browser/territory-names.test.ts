/**
 * Territories by name in the submission form, in Chromium with JavaScript off: a name
 * that designates one territory is taken, an ambiguous one brings a short list of radio
 * buttons (everything typed kept) and choosing works, an unknown one gives a message
 * naming the field. Then the same choice page with JavaScript on, checked with axe.
 */
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, openTab, useBrowser } from './browser'
import { fillRequired, submitToConfirmation } from './form'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

async function send(page: Page) {
  await page.getByRole('button', { name: 'Envoyer la proposition' }).click()
  await page.waitForLoadState()
}

describe('territory by name, without JavaScript', () => {
  it('takes a name that designates one territory', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/proposer')
    await fillRequired(page, 'Permanences numériques en mairie (nom unique)')
    // Another field wrong, to see what the server made of the name on the page that comes back.
    await page.fill('#f-summary', 'trop court')
    await page.fill('#f-territories', 'Redon Agglomération, com:35238')
    await send(page)

    expect(await page.locator('#f-territories').inputValue()).toBe('epci:243500741, com:35238')
    expect(await page.locator('.territory-names').innerText()).toContain('CA Redon Agglomération')
    expect(await page.locator('#f-territories-erreur').count()).toBe(0)
    expect(await page.locator('.territory-choice').count()).toBe(0)

    await page.fill(
      '#f-summary',
      'Des permanences numériques en mairie pour accompagner les démarches en ligne des habitants.'
    )
    await submitToConfirmation(page, false)
  })

  it('lists the homonyms of an ambiguous name, keeps what was typed, and takes the choice', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/proposer')
    await fillRequired(page, 'Permanences numériques en mairie (homonymes)')
    await page.fill('#f-territories', 'Saint-Denis')
    await send(page)

    expect(await page.locator('#erreurs').innerText()).toContain('« Saint-Denis »')
    expect(await page.locator('#f-territories-erreur').innerText()).toContain('Territoires')
    const choice = page.locator('.territory-choice')
    expect(await choice.locator('legend').innerText()).toBe(
      'Plusieurs territoires s’appellent « Saint-Denis » : lequel ?'
    )
    const options = await choice.locator('label').allInnerTexts()
    expect(options).toContain('Saint-Denis — Commune, La Réunion (com:97411)')
    expect(options).toContain('Saint-Denis — Commune, Seine-Saint-Denis (com:93066)')
    // Everything typed is still there.
    expect(await page.locator('#f-title').inputValue()).toBe(
      'Permanences numériques en mairie (homonymes)'
    )
    expect(await page.locator('#f-territories').inputValue()).toBe('Saint-Denis')

    await choice.getByLabel('Saint-Denis — Commune, La Réunion (com:97411)').check()
    await submitToConfirmation(page, false)
  })

  it('names the field when no territory has that name', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/proposer')
    await fillRequired(page, 'Permanences numériques en mairie (nom inconnu)')
    await page.fill('#f-territories', 'Atlantide-sur-Mer')
    await send(page)

    const error = await page.locator('#f-territories-erreur').innerText()
    expect(error).toContain('Territoires : aucun territoire ne s’appelle « Atlantide-sur-Mer »')
    expect(await page.locator('#f-territories').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#erreurs a[href="#f-territories"]').count()).toBe(1)
    expect(await page.locator('#f-territories').inputValue()).toBe('Atlantide-sur-Mer')
  })
})

describe('territory by name, with JavaScript', () => {
  it('offers the same accessible choice when a name is typed in the field', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/proposer')
    await fillRequired(page, 'Permanences numériques en mairie (avec JavaScript)')
    await page.fill('#f-territories', 'CC du Pays de Redon')
    await send(page)

    const choice = page.locator('.territory-choice')
    expect(await choice.locator('legend').innerText()).toBe(
      'Aucun territoire ne s’appelle exactement « CC du Pays de Redon » : s’agit-il de l’un de ceux-ci ?'
    )
    expect(await axeViolations(page)).toEqual([])
    await choice.getByLabel(/CA Redon Agglomération/).check()
    await submitToConfirmation(page, false)
  })
})
