/**
 * The agenda in Chromium: an approved débat citoyen appears, without JavaScript, in the
 * agenda filtered on its département through the form, on the map of events (its own pin,
 * linking to its page) and in the iCalendar feed of its département, read back with
 * ical.js; then axe on the agenda and no horizontal scrolling at 320 px.
 */
import ICAL from 'ical.js'
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, expectNoHorizontalScroll, openTab, useBrowser } from './browser'
import { publishDebate } from './event-fixtures'

const baseUrl = inject('baseUrl')
const moderatorToken = inject('moderatorToken')
const browser = useBrowser()

describe('the agenda', () => {
  it('shows an approved débat in its département’s agenda, on the map and in its calendar, without JavaScript', async (ctx) => {
    const title = `Débat citoyen d’Exemple ${Date.now()}`
    const event = await publishDebate(baseUrl, moderatorToken, { title })
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
    })
    await page.goto('/evenements')
    await page.locator('#filtre-territory').selectOption('dep:35')
    await page.locator('#filtre-kind').selectOption('debat')
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
    await page.waitForURL(/territory=dep%3A35/)
    const results = page.locator('section[aria-labelledby="resultats-titre"]')
    expect(await results.getByRole('link', { name: title }).count()).toBe(1)
    expect(await results.innerText()).toContain('18 h 30 à 20 h 30')

    // On the map: the département is outlined and the débat has its own pin.
    const map = page.locator('#carte-evenements')
    expect(await map.locator('.map-area-selected[data-code="35"]').count()).toBe(1)
    const pin = map.locator(`a.map-pin[href="/evenements/${event.slug}"]`)
    expect(await pin.getAttribute('aria-label')).toBe(title)

    // The page advertises the calendar of this very query, and serves it.
    const calendarLink = page.getByRole('link', { name: 'Calendrier (iCalendar)' })
    const href = await calendarLink.getAttribute('href')
    expect(href).toBe('/evenements.ics?territory=dep%3A35&kind=debat')
    for (const path of [href!, '/territoires/dep:35/evenements.ics']) {
      const res = await fetch(`${baseUrl}${path}`)
      expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
      const calendar = new ICAL.Component(ICAL.parse(await res.text()))
      for (const zone of calendar.getAllSubcomponents('vtimezone'))
        ICAL.TimezoneService.register(zone)
      const vevent = calendar
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v))
        .find((e) => e.summary === title)
      expect(vevent, path).toBeDefined()
      expect(vevent!.startDate.toJSDate().toISOString()).toBe('2027-06-18T16:30:00.000Z')
      expect(vevent!.startDate.zone?.tzid).toBe('Europe/Paris')
    }
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('has no axe violations and no horizontal scrolling at 320 px', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, {
      viewport: { width: 320, height: 800 },
    })
    for (const path of ['/evenements', '/evenements?territory=dep%3A35', '/evenements?when=past']) {
      await page.goto(path)
      expect(await axeViolations(page), path).toEqual([])
      await expectNoHorizontalScroll(page, path)
    }
  })
})
