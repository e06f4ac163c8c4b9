/**
 * « Qui peut m'aider ? » in Chromium: an association near Rennes, approved, states its
 * need on the page without JavaScript and finds the neighbouring médiathèque that offers
 * it, with why; the médiathèque's network shows the association among those needing what
 * it brings. axe finds nothing on the form and the results; both fit 320 px.
 * Fictitious structures only.
 */
import { describe, expect, inject, it } from 'vitest'
import { publishedActor as publishActor } from './actor-fixtures'
import { axeViolations, expectNoHorizontalScroll, openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const token = inject('moderatorToken')
const browser = useBrowser()

const publishedActor = (body: Record<string, unknown>) => publishActor(baseUrl, token, body)

const SEARCH = '/reseau/qui-peut-aider'

describe('« Qui peut m’aider ? »', () => {
  it('finds the neighbour offering the skill an association needs, without JavaScript', async (ctx) => {
    const stamp = Date.now()
    const neighbour = await publishedActor({
      name: `Médiathèque d’Exemple-Bruz ${stamp}`,
      kind: 'mediatheque',
      territories: ['com:35047'],
      offers: [{ skill: 'ateliers.collectifs', text: 'Ateliers du samedi matin' }],
    })
    const association = await publishedActor({
      name: `Association d’Exemple-Cesson ${stamp}`,
      kind: 'association',
      territories: ['com:35051'],
      needs: [{ skill: 'ateliers.collectifs', text: 'Des ateliers pour nos adhérents' }],
    })

    const { page, foreign } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto(SEARCH)
    await page.getByLabel('Compétence recherchée').selectOption('ateliers.collectifs')
    await page.getByLabel('Votre commune ou territoire').fill('Cesson-Sévigné')
    await page.getByRole('button', { name: 'Chercher' }).click()
    await page.waitForLoadState()
    const results = page.locator('.match-results')
    expect(await results.locator('h2').innerText()).toContain('autour de Cesson-Sévigné')
    const match = results.locator('li.match', { hasText: `Médiathèque d’Exemple-Bruz ${stamp}` })
    expect(await match.innerText()).toContain(
      'propose : ateliers collectifs d’initiation — « Ateliers du samedi matin » ; même intercommunalité'
    )
    expect(await match.locator('a').getAttribute('href')).toBe(`/acteurs/${neighbour.slug}`)
    expect(foreign).toEqual([])

    // The reverse: the médiathèque's page shows the association needing what it brings.
    await match.locator('a').click()
    await page.waitForLoadState()
    const reverse = page.locator('.actor-reverse')
    expect(await reverse.locator('h2').innerText()).toBe('Qui a besoin de ce que j’apporte ?')
    expect(await reverse.locator(`a[href="/acteurs/${association.slug}"]`).count()).toBe(1)
    expect(await reverse.innerText()).toContain('même intercommunalité')

    const withJs = await openTab(browser(), ctx, baseUrl)
    await withJs.page.goto(`/acteurs/${neighbour.slug}`)
    expect(await axeViolations(withJs.page)).toEqual([])
  })

  it('passes axe on the form, the errors and the results, and fits 320 px', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl)
    await page.goto(SEARCH)
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`${SEARCH}?competence=&lieu=`)
    expect(await page.locator('#erreurs').innerText()).toContain('Choisissez une compétence.')
    expect(await axeViolations(page)).toEqual([])
    const found = `${SEARCH}?competence=ateliers&lieu=Rennes`
    await page.goto(found)
    expect(await axeViolations(page)).toEqual([])

    const narrow = await openTab(browser(), ctx, baseUrl, { viewport: { width: 320, height: 640 } })
    for (const path of [SEARCH, found, '/territoires/dep:35/contributeurs']) {
      await narrow.page.goto(path)
      await expectNoHorizontalScroll(narrow.page, path)
    }
  })
})
