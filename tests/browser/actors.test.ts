/**
 * The network's done-when scenario in Chromium without JavaScript: a médiatrice's
 * association enters the network by stating one need, a moderator approves it on the
 * desk, and its public page shows the need. Then axe (JavaScript tab) on the list, the
 * form (empty and with errors), an actor's page and its desk page, and reflow at 320 px.
 */
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, openTab, signInToDesk, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const moderator = inject('moderator')
const browser = useBrowser()

async function fillNeedOnly(page: Page, name: string): Promise<void> {
  await page.goto('/acteurs/proposer')
  await page.locator('#f-name').fill(name)
  await page.locator('#f-kind').selectOption('association')
  await page.locator('#f-territories').fill('Rennes')
  await page.locator('#f-needs-0-skill').selectOption('formation.mediateurs')
  await page.locator('#f-needs-0-text').fill('Former nos médiatrices à l’accompagnement Pix')
  await page.locator('#f-privateContact-email').fill('mediatrice@example.org')
}

describe('entering the network', () => {
  it('an association states one need without JavaScript, is approved, and its page shows the need', async (ctx) => {
    const name = `Association Clics d’Exemple ${Date.now()}`
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
    })
    await fillNeedOnly(page, name)
    await page.getByRole('button', { name: 'Envoyer pour relecture' }).click()
    await page.waitForLoadState()
    expect(await page.locator('h1').innerText()).toBe('Merci : votre structure attend sa relecture')

    // Not public before a moderator decides.
    await page.goto('/acteurs')
    expect(await page.getByRole('link', { name }).count()).toBe(0)

    await signInToDesk(page, moderator)
    await page.getByRole('link', { name }).click()
    await page.waitForURL(/\/moderation\/acteurs\/[0-9A-Z]{26}$/)
    expect(await page.getByText('mediatrice@example.org').count()).toBe(1)
    await page
      .locator('form.desk-action-approuver')
      .getByRole('button', { name: 'Publier' })
      .click()
    await page.waitForURL(/\?fait=approuver$/)
    expect(await page.getByText('La fiche est publiée.').count()).toBe(1)

    // The list is searched in the index, which the drain nudged by the approval feeds.
    for (let i = 0; i < 50; i++) {
      await page.goto('/acteurs?needs=formation')
      if (await page.getByRole('link', { name }).count()) break
      await page.waitForTimeout(100)
    }
    // The list's card (its map pin links to the same page under the same name).
    await page.locator('.cards').getByRole('link', { name }).click()
    await page.waitForURL(/\/acteurs\/association-clics-d-exemple/)
    expect(await page.locator('h1').innerText()).toBe(name)
    const needs = page.locator('section[aria-labelledby="s-needs"]')
    expect(await needs.innerText()).toContain('Formation de médiateurs')
    expect(await needs.innerText()).toContain('Former nos médiatrices à l’accompagnement Pix')
    expect(await page.content()).not.toContain('mediatrice@example.org')
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('has no axe violations and no horizontal scrolling at 320 px', async (ctx) => {
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      viewport: { width: 320, height: 800 },
    })
    const noOverflow = async () =>
      expect(
        await page.evaluate(() => {
          const doc = (
            globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }
          ).document
          return doc.documentElement.scrollWidth
        })
      ).toBeLessThanOrEqual(320)

    await page.goto('/acteurs')
    expect(await axeViolations(page)).toEqual([])
    await noOverflow()

    await fillNeedOnly(page, `Association pour l’audit ${Date.now()}`)
    await page.locator('#f-siret').fill('12345678200011')
    await page.getByRole('button', { name: 'Envoyer pour relecture' }).click()
    await page.waitForLoadState()
    expect(await page.locator('#f-siret-erreur').innerText()).toContain('SIRET')
    expect(await axeViolations(page)).toEqual([])
    await noOverflow()

    await page.locator('#f-siret').fill('')
    await page.getByRole('button', { name: 'Envoyer pour relecture' }).click()
    await page.waitForLoadState()
    expect(await page.locator('h1').innerText()).toBe('Merci : votre structure attend sa relecture')

    await signInToDesk(page, moderator)
    await page
      .getByRole('link', { name: /Association pour l’audit/ })
      .first()
      .click()
    await page.waitForURL(/\/moderation\/acteurs\//)
    expect(await axeViolations(page)).toEqual([])
    await page
      .locator('form.desk-action-approuver')
      .getByRole('button', { name: 'Publier' })
      .click()
    await page.waitForURL(/\?fait=approuver$/)

    await page.goto('/acteurs')
    await page
      .getByRole('link', { name: /Association pour l’audit/ })
      .first()
      .click()
    await page.waitForURL(/\/acteurs\/association-pour-l-audit/)
    expect(await axeViolations(page)).toEqual([])
    await noOverflow()
    expect(cspViolations).toEqual([])
  })
})
