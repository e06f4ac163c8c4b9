/**
 * The events' text search and « la parole recueillie » in Chromium without JavaScript: an
 * approved débat is found in the agenda by words of its description typed in the filters'
 * form (the search engines answer), the text staying in the query its links carry; the
 * parole pages (all, per theme, per territory) with their search form, axe 0 and no
 * horizontal scrolling at 320 px. (The done-when's last step — a search on one idea of a
 * restitution finds its event — extends the event lifecycle in events.test.ts.)
 */
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, expectNoHorizontalScroll, openTab, useBrowser } from './browser'
import { publishDebate } from './event-fixtures'

const baseUrl = inject('baseUrl')
const moderatorToken = inject('moderatorToken')
const browser = useBrowser()

describe('searching events', () => {
  it('finds a débat in the agenda by words of its text, without JavaScript', async (ctx) => {
    const title = `Débat de la ludothèque d’Exemple ${Date.now()}`
    await publishDebate(baseUrl, moderatorToken, {
      title,
      description:
        'Une soirée pour imaginer une ludothèque intergénérationnelle et ses jeux numériques.',
      startsAt: '2026-02-05T18:30',
      endsAt: '2026-02-05T20:30',
    })
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
      viewport: { width: 320, height: 800 },
    })
    const results = page.locator('section[aria-labelledby="resultats-titre"]')
    // The outbox reaches the indexes right after the approval (the write nudges the drain).
    await expect
      .poll(
        async () => {
          await page.goto('/evenements?when=past')
          await page.locator('#filtre-q').fill('ludothèque intergénérationnelle')
          await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
          await page.waitForLoadState()
          return results.getByRole('link', { name: title }).count()
        },
        { timeout: 20_000 }
      )
      .toBe(1)
    expect(page.url()).toContain('q=ludoth%C3%A8que+interg%C3%A9n%C3%A9rationnelle')
    expect(await page.locator('#filtre-q').inputValue()).toBe('ludothèque intergénérationnelle')
    expect(
      await page.getByRole('link', { name: 'Calendrier (iCalendar)' }).getAttribute('href')
    ).toContain('q=ludoth')
    await expectNoHorizontalScroll(page, 'the agenda with a text')
    // A word no event holds: nothing, and no error.
    await page.locator('#filtre-q').fill('introuvablezz')
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
    await page.waitForLoadState()
    expect(await results.getByRole('link', { name: title }).count()).toBe(0)
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('« la parole recueillie »: pages per theme and territory with their search, axe 0, 320 px', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
      viewport: { width: 320, height: 800 },
    })
    await page.goto('/evenements')
    await page
      .getByRole('link', { name: 'La parole recueillie : ce qui est sorti des débats' })
      .click()
    await page.waitForURL(/\/parole-recueillie$/)
    expect(await page.locator('h1').innerText()).toBe('La parole recueillie')
    await page.getByRole('link', { name: 'Inclusion et médiation numérique' }).click()
    await page.waitForURL(/\/parole-recueillie\/thematiques\/mediation$/)
    await page.getByLabel('Rechercher dans la parole recueillie').fill('introuvablezz')
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await page.waitForURL(/thematiques\/mediation\?q=introuvablezz$/)
    expect(await page.getByRole('status').innerText()).toBe('0 événement restitué')
    await expectNoHorizontalScroll(page, 'a theme’s parole')
    await page.goto('/territoires/dep:35')
    await page.getByRole('link', { name: /La parole recueillie dans ce territoire/ }).click()
    await page.waitForURL(/\/parole-recueillie\/territoires\/dep:35$/)
    expect(await page.locator('h1').innerText()).toBe('La parole recueillie : Ille-et-Vilaine')
    await expectNoHorizontalScroll(page, 'a territory’s parole')

    const audit = await openTab(browser(), ctx, baseUrl, { viewport: { width: 320, height: 800 } })
    for (const path of [
      '/parole-recueillie',
      '/parole-recueillie/thematiques/mediation?q=introuvablezz',
      '/parole-recueillie/territoires/dep:35',
      '/evenements?when=past&q=d%C3%A9bat',
    ]) {
      await audit.page.goto(path)
      expect(await axeViolations(audit.page), path).toEqual([])
    }
  })
})
