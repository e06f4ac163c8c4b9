/**
 * An actor's own lifecycle in Chromium without JavaScript: the owner keeps the private
 * link shown once, the moderator publishes the actor, the owner opens the link and adds
 * what the structure offers, the moderator publishes that change from the desk, and the
 * public history shows it labelled (« Ce que la structure apporte », the skill's name).
 * axe and 320 px on the owner's page and the history.
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

describe('an actor’s owner', () => {
  it('changes its offers through the private link; once approved, the history shows the labelled change', async (ctx) => {
    const name = `Médiathèque d’Exemple ${Date.now()}`
    const { page, context, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
      viewport: { width: 320, height: 800 },
    })
    // axe needs JavaScript: a second tab, same cookies, audits what the first one shows.
    const audit = await openTab(browser(), ctx, baseUrl, { viewport: { width: 320, height: 800 } })
    const audited = async (path: string, what: string) => {
      await audit.context.addCookies(await context.cookies())
      await audit.page.goto(path)
      expect(await axeViolations(audit.page)).toEqual([])
      await expectNoHorizontalScroll(audit.page, what)
    }
    await page.goto('/acteurs/proposer')
    await page.locator('#f-name').fill(name)
    await page.locator('#f-kind').selectOption('mediatheque')
    await page.locator('#f-territories').fill('com:35238')
    await page.locator('#f-needs-0-skill').selectOption('formation.mediateurs')
    await page.locator('#f-privateContact-email').fill('bibliothecaire@example.org')
    await page.getByRole('button', { name: 'Envoyer pour relecture' }).click()
    await page.waitForLoadState()
    const editUrl = await page.locator('a.edit-link').innerText()
    expect(editUrl).toMatch(/\/acteurs\/modifier\/[A-Za-z0-9_-]{43}$/)

    await signInToDesk(page, moderator)
    await page.getByRole('link', { name }).click()
    await page.waitForURL(/\/moderation\/acteurs\/[0-9A-Z]{26}$/)
    const deskUrl = page.url()
    await page
      .locator('form.desk-action-approuver')
      .getByRole('button', { name: 'Publier' })
      .click()
    await page.waitForURL(/\?fait=approuver$/)

    // The owner opens the private link: a button, then the form on a clean address.
    await page.goto(editUrl)
    await page.getByRole('button', { name: /Ouvrir/ }).click()
    await page.waitForURL(/\/acteurs\/modifier$/)
    await expectNoHorizontalScroll(page, 'the owner’s edit page')
    await audited('/acteurs/modifier', 'the owner’s edit page')
    await page.locator('#f-offers-0-skill').selectOption('ateliers.collectifs')
    await page.locator('#f-offers-0-text').fill('Ateliers d’initiation le samedi matin')
    await page.getByRole('button', { name: /Enregistrer/ }).click()
    await page.waitForURL(/\/acteurs\/modifier\?fait=proposed$/)
    expect(await page.getByRole('status').innerText()).not.toBe('')

    // The moderator reads the proposal on the desk and publishes it.
    await page.goto(deskUrl)
    const proposal = page.locator('#proposition')
    expect(await proposal.innerText()).toContain('Ce que la structure apporte')
    expect(await proposal.innerText()).toContain('Ateliers collectifs d’initiation')
    await proposal.getByRole('button', { name: 'Publier la modification' }).click()
    await page.waitForURL(/\?fait=proposition-publiee$/)

    await page.goto(`${new URL(deskUrl).origin}/acteurs`)
    await page.locator('.cards').getByRole('link', { name }).click()
    await page.getByRole('link', { name: 'Historique des versions' }).click()
    await page.waitForURL(/\/historique$/)
    const row = page.locator('table.diff tbody tr')
    expect(await row.locator('th').innerText()).toBe('Ce que la structure apporte')
    expect(await row.locator('ins').innerText()).toContain('Ateliers collectifs d’initiation')
    expect(await page.content()).not.toContain('bibliothecaire@example.org')
    await expectNoHorizontalScroll(page, 'an actor’s history')
    await audited(new URL(page.url()).pathname, 'an actor’s history')

    // A reader reports a problem; the moderator reads it on the actor's desk page and closes it.
    await page.goBack()
    await page.getByRole('link', { name: 'Signaler un problème' }).click()
    await page.waitForURL(/\/signaler$/)
    await audited(new URL(page.url()).pathname, 'an actor’s report form')
    await page.locator('#r-reason-outdated').check()
    await page.locator('#r-message').fill('Les horaires du samedi ont changé.')
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
    await page.waitForURL(/\/signaler\?merci$/)
    await page.goto(deskUrl)
    const reports = page.locator('#signalements')
    expect(await reports.innerText()).toContain('Les horaires du samedi ont changé.')
    await reports.getByRole('button', { name: 'Clore le signalement' }).click()
    await page.waitForURL(/\?fait=signalement-clos$/)
    expect(await page.locator('#signalements').count()).toBe(0)

    // Entering the network again under the same name: the published actor is shown first.
    await page.goto('/acteurs/proposer')
    await page.locator('#f-name').fill(name.toUpperCase())
    await page.locator('#f-kind').selectOption('mediatheque')
    await page.locator('#f-territories').fill('com:35238')
    await page.locator('#f-needs-0-skill').selectOption('formation.mediateurs')
    await page.locator('#f-privateContact-email').fill('autre@example.org')
    await page.getByRole('button', { name: 'Envoyer pour relecture' }).click()
    await page.waitForLoadState()
    expect(await page.locator('h1').innerText()).toBe(
      'Cette structure est peut-être déjà dans le réseau'
    )
    expect(await page.getByRole('link', { name }).count()).toBe(1)
    await expectNoHorizontalScroll(page, 'the duplicate step')
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
    expect(audit.cspViolations).toEqual([])
  })
})
