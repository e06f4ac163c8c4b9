/**
 * Territories by name in the submission form, in Chromium with JavaScript off: a name
 * that designates one territory is taken, an ambiguous one brings a short list of radio
 * buttons (everything typed kept) and choosing works, an unknown one gives a message
 * naming the field. Then the same choice page with JavaScript on, checked with axe.
 */
import type { Page } from 'playwright-core'
import { describe, expect, inject, it, type TestContext } from 'vitest'
import { axeViolations, openTab, useBrowser } from './browser'
import { fillRequired, submitToConfirmation } from './form'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

/**
 * Opens the form, fills it with these territories (and `summary` instead of the valid
 * one, when given) and sends it; returns the page that comes back.
 */
async function propose(
  ctx: TestContext,
  title: string,
  territories: string,
  { javaScript = false, summary }: { javaScript?: boolean; summary?: string } = {}
): Promise<Page> {
  const { page } = await openTab(browser(), ctx, baseUrl, { javaScript })
  await page.goto('/proposer')
  await fillRequired(page, title)
  if (summary) await page.fill('#f-summary', summary)
  await page.fill('#f-territories', territories)
  await page.getByRole('button', { name: 'Envoyer la proposition' }).click()
  await page.waitForLoadState()
  return page
}

describe('territory by name, without JavaScript', () => {
  it('takes a name that designates one territory', async (ctx) => {
    // Another field wrong, to see what the server made of the name on the page that comes back.
    const page = await propose(
      ctx,
      'Permanences numériques en mairie (nom unique)',
      'Redon Agglomération, com:35238',
      { summary: 'trop court' }
    )

    expect(await page.locator('#f-territories').inputValue()).toBe('epci:243500741, com:35238')
    expect(await page.locator('.territory-names').innerText()).toContain('CA Redon Agglomération')
    expect(await page.locator('#f-territories-erreur').count()).toBe(0)
    expect(await page.locator('.territory-choice').count()).toBe(0)

    await page.fill(
      '#f-summary',
      'Des ateliers hebdomadaires en médiathèque pour apprendre les démarches en ligne.'
    )
    await submitToConfirmation(page, false)
  })

  it('lists the homonyms of an ambiguous name, keeps what was typed, and takes the choice', async (ctx) => {
    const page = await propose(ctx, 'Permanences numériques en mairie (homonymes)', 'Saint-Denis')

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
    const page = await propose(
      ctx,
      'Permanences numériques en mairie (nom inconnu)',
      'Atlantide-sur-Mer'
    )

    const error = await page.locator('#f-territories-erreur').innerText()
    expect(error).toContain('Territoires : aucun territoire ne s’appelle « Atlantide-sur-Mer »')
    expect(await page.locator('#f-territories').getAttribute('aria-invalid')).toBe('true')
    expect(await page.locator('#erreurs a[href="#f-territories"]').count()).toBe(1)
    expect(await page.locator('#f-territories').inputValue()).toBe('Atlantide-sur-Mer')
  })
})

describe('territory by name, with JavaScript', () => {
  it('offers the same accessible choice when a name is typed in the field', async (ctx) => {
    const page = await propose(
      ctx,
      'Permanences numériques en mairie (avec JavaScript)',
      'CC du Pays de Redon',
      { javaScript: true }
    )

    const choice = page.locator('.territory-choice')
    expect(await choice.locator('legend').innerText()).toBe(
      'Aucun territoire ne s’appelle exactement « CC du Pays de Redon » : s’agit-il de l’un de ceux-ci ?'
    )
    expect(await axeViolations(page)).toEqual([])
    await choice.getByLabel(/CA Redon Agglomération/).check()
    await submitToConfirmation(page, false)
  })
})
