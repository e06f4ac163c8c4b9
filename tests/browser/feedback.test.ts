/**
 * Experience feedback in Chromium without JavaScript: a reader leaves a « retour
 * d'expérience » on a record on behalf of a structure of the network found with the
 * picker (after correcting an error), a moderator publishes it on the desk, and the record
 * then shows it with the counts (recommend or not, arguments for and against), the
 * structure and a button to report it; the structure's page counts it as a review.
 * axe-core (in a JavaScript tab) checks the form, its error state and the record; both
 * fit 320 px.
 */
import { describe, expect, inject, it } from 'vitest'
import { publishedActor } from './actor-fixtures'
import {
  axeViolations,
  expectNoHorizontalScroll,
  openTab,
  signInToDesk,
  useBrowser,
} from './browser'

const baseUrl = inject('baseUrl')
const moderator = inject('moderator')
const moderatorToken = inject('moderatorToken')
const browser = useBrowser()

/** A published record of the real catalogue, different for each test. */
async function aRecord(index: number): Promise<{ slug: string; title: string }> {
  const list = (await (await fetch(`${baseUrl}/api/experiments?limit=30`)).json()) as {
    items: { slug: string; title: string }[]
  }
  const record = list.items[list.items.length - 1 - index]
  if (!record) throw new Error('the catalogue is empty')
  return record
}

describe('retours d’expérience', () => {
  it('a reader leaves feedback without JavaScript; once published, the record counts it', async (ctx) => {
    const record = await aRecord(0)
    const author = `Médiathèque de la Commune d’Exemple ${Date.now()}`
    const structure = `Médiathèque relectrice d’Exemple ${Date.now()}`
    const actor = await publishedActor(baseUrl, moderatorToken, {
      name: structure,
      kind: 'mediatheque',
      territories: ['com:35238'],
      needs: [{ skill: 'formation.mediateurs', text: 'Former nos médiatrices' }],
    })
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
    })
    await page.goto(`/experiences/${record.slug}`)
    const section = page.locator('section.feedback')
    const countBefore = await section.locator('.feedback-count').innerText()

    await section.getByRole('link', { name: 'Laisser un retour d’expérience' }).click()
    await page.waitForURL(`**/experiences/${record.slug}/retour`)
    await page.getByLabel('A reproduit la pratique').check()
    await page.getByLabel('Signature du retour').fill(author)
    // « Au nom de quelle structure ? »: a search round trip, then the structure as a radio.
    const picker = page.locator('#f-actorId')
    await picker.getByRole('searchbox').fill(structure)
    await picker.getByRole('button', { name: 'Rechercher' }).click()
    await page.waitForLoadState()
    expect(await page.getByLabel('Signature du retour').inputValue()).toBe(author)
    await picker.locator(`input[value="${actor.id}"]`).check()
    await page.getByLabel('Ce que vous avez essayé').fill('court')
    await page.getByRole('button', { name: 'Envoyer le retour' }).click()
    await page.waitForLoadState()

    // Errors name their fields, in the summary and next to them; what was typed is kept.
    const summary = page.locator('.error-summary')
    expect(await summary.innerText()).toContain(
      'Ce que vous avez essayé : Dites en quelques mots ce que vous avez essayé'
    )
    expect(await summary.innerText()).toContain(
      'Recommanderiez-vous cette pratique ? : Choisissez une réponse.'
    )
    expect(await page.getByLabel('Signature du retour').inputValue()).toBe(author)
    expect(await page.getByLabel('A reproduit la pratique').isChecked()).toBe(true)
    expect(await picker.locator(`input[value="${actor.id}"]`).isChecked()).toBe(true)

    await page
      .getByLabel('Ce que vous avez essayé')
      .fill('Un atelier hebdomadaire à la médiathèque, six mois durant.')
    await page.getByLabel('Ce qui a marché (facultatif)').fill('Le bouche-à-oreille.')
    await page.getByLabel('Plutôt oui').check()
    await page.getByLabel('Arguments pour (facultatif)').fill('Peu coûteux\nFacile à lancer')
    await page.getByLabel('Arguments contre (facultatif)').fill('Demande un animateur formé')
    await page.getByRole('button', { name: 'Envoyer le retour' }).click()
    await page.waitForURL(`**/experiences/${record.slug}/retour?merci`)
    expect(await page.locator('h1').innerText()).toBe('Merci pour votre retour')

    // Pre-moderated: the record does not show it yet.
    await page.goto(`/experiences/${record.slug}`)
    expect(await page.content()).not.toContain(author)

    await signInToDesk(page, moderator)
    const item = page.locator('li', { hasText: author })
    expect(await item.innerText()).toContain('Recommande : Plutôt oui')
    await item.getByRole('button', { name: 'Publier le retour' }).click()
    await page.waitForURL(/\/moderation\?fait=retour-publie$/)
    expect(await page.getByText('Le retour d’expérience est publié.').count()).toBe(1)

    await page.goto(`/experiences/${record.slug}`)
    const answer = section.locator('article.feedback-item', { hasText: author })
    expect(await answer.innerText()).toContain('Un atelier hebdomadaire à la médiathèque')
    expect(await answer.innerText()).toContain('Peu coûteux · Facile à lancer')
    expect(await answer.getByRole('link', { name: structure }).getAttribute('href')).toBe(
      `/acteurs/${actor.slug}`
    )
    expect(await section.locator('.feedback-count').innerText()).not.toBe(countBefore)
    const figures = await section.locator('.feedback-summary').innerText()
    expect(figures).toMatch(/^\d+ le recommande(nt)?, \d+ ne le recommande(nt)? pas\./)
    expect(figures).toMatch(/\d+ arguments? pour, \d+ arguments? contre\.$/)
    expect(await section.getByText(/^Plutôt oui : \d+ réponses?$/).count()).toBe(1)

    // Reportable without JavaScript.
    await answer.getByRole('button', { name: 'Signaler ce retour' }).click()
    await page.waitForURL(`**/experiences/${record.slug}/retour?signale`)
    expect(await page.locator('h1').innerText()).toBe('Merci, le retour est signalé')

    // The structure's page counts it among its reviews and links it.
    await page.goto(`/acteurs/${actor.slug}`)
    const reviews = page.locator('.actor-recognition dl > div', { hasText: 'Relectures' })
    expect(await reviews.locator('dd').innerText()).toBe(
      '1 retour sur la pratique d’une autre structure'
    )
    expect(await page.locator('.actor-reviews').getByRole('link').innerText()).toBe(record.title)

    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('has no axe violations on the form, its errors and the record; both fit 320 px', async (ctx) => {
    const record = await aRecord(1)
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto(`/experiences/${record.slug}/retour`)
    expect(await axeViolations(page)).toEqual([])
    await page.getByLabel('Votre territoire (facultatif)').fill('Saint-Denis')
    await page.getByRole('button', { name: 'Envoyer le retour' }).click()
    await page.waitForLoadState()
    expect(await page.locator('#f-territoryChoice').count()).toBe(1)
    expect(await page.locator('.error-summary li').count()).toBeGreaterThan(2)
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`/experiences/${record.slug}`)
    expect(await axeViolations(page)).toEqual([])

    await page.setViewportSize({ width: 320, height: 640 })
    await page.goto(`/experiences/${record.slug}/retour`)
    await expectNoHorizontalScroll(page, 'feedback form')
    await page.getByRole('button', { name: 'Envoyer le retour' }).click()
    await page.waitForLoadState()
    await expectNoHorizontalScroll(page, 'feedback form with errors')
    await page.goto(`/experiences/${record.slug}`)
    await expectNoHorizontalScroll(page, 'record with its feedback')
    expect(cspViolations).toEqual([])
  })
})
