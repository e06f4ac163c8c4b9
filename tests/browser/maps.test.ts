/**
 * The search page's map in Chromium without JavaScript: pins that follow the filters, the
 * département choropleth, pins and areas as links to the filtered search; axe-core on the
 * département map with its pins.
 */
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, docScreenshot, openTab, useBrowser } from './browser'
import { publishDebate } from './event-fixtures'

const baseUrl = inject('baseUrl')
const moderatorToken = inject('moderatorToken')
const browser = useBrowser()

/** Each pin's accessible name (« Finistère : 4 expériences ») → its count. */
async function pinCounts(page: Page, map: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  for (const pin of await page.locator(`${map} a.map-pin`).all()) {
    const label = (await pin.getAttribute('aria-label')) ?? ''
    const match = /^(.+) : (\d+) expériences?$/.exec(label)
    if (match) counts.set(match[1]!, Number(match[2]))
  }
  return counts
}

const total = async (page: Page) =>
  Number(/^(\d+)/.exec((await page.locator('#resultats').textContent()) ?? '')?.[1])

describe('search map', () => {
  it('pins follow the filters and the département map works, without JavaScript', async (ctx) => {
    const { page, foreign } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/')
    expect(await page.locator('#carte-regions a.map-area').count()).toBe(18)
    expect(await page.locator('#carte-regions').innerText()).toContain(
      'Source : IGN – Admin Express COG 2018, INSEE ; mise en forme france-geojson'
    )
    const before = await pinCounts(page, '#carte-regions')
    expect(before.size).toBeGreaterThan(5)

    // A filter sent by the plain form: fewer pins or smaller counts, never more.
    await page.check('#filtre-theme-mediation')
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
    await page.waitForURL(/theme=mediation/)
    const after = await pinCounts(page, '#carte-regions')
    expect(after.size).toBeGreaterThan(0)
    expect([...after]).not.toEqual([...before])
    for (const [place, count] of after) expect(count).toBeLessThanOrEqual(before.get(place)!)
    // The data table says the same as the pins.
    const table = page.locator('#carte-regions table', { hasText: 'repères' })
    for (const [place, count] of after) {
      const row = table
        .locator('tr')
        .filter({ has: page.getByRole('rowheader', { name: place, exact: true }) })
      expect(await row.locator('td').innerText()).toBe(String(count))
    }

    // The département choropleth keeps the query, and so do its pins.
    await page.getByRole('link', { name: 'Par département' }).click()
    await page.waitForURL(/carte=dep/)
    expect(page.url()).toContain('theme=mediation')
    expect(page.url()).toMatch(/#carte-titre$/)
    expect(await page.locator('#carte-departements a.map-area').count()).toBe(101)
    expect(await pinCounts(page, '#carte-departements')).toEqual(after)

    // A pin leads to the search filtered on its département, which is then outlined.
    const pin = page.locator('#carte-departements a.map-pin').first()
    const [, place, count] = /^(.+) : (\d+) expériences?$/.exec(
      (await pin.getAttribute('aria-label')) ?? ''
    )!
    await pin.click()
    await page.waitForURL(/department=/)
    expect(page.url()).toContain('carte=dep')
    expect(page.url()).toContain('theme=mediation')
    expect(await total(page)).toBe(Number(count))
    const code = new URL(page.url()).searchParams.get('department')!
    expect(
      await page
        .locator(`#carte-departements a.map-area[data-code="${code}"]`)
        .getAttribute('class')
    ).toContain('map-area-selected')
    // Only that département's results remain on the map: its pin, or each record's.
    const grouped = await pinCounts(page, '#carte-departements')
    if (grouped.size > 0) expect([...grouped]).toEqual([[place, Number(count)]])
    else {
      const titles = await page.locator('.result-list .card-title').allInnerTexts()
      for (const pinned of await page.locator('#carte-departements a.map-pin').all()) {
        expect(titles.map((t) => t.trim())).toContain(await pinned.getAttribute('aria-label'))
      }
    }
    expect(foreign).toEqual([])
  })

  it('pins follow the filters with JavaScript too, with no axe violation', async (ctx) => {
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/?carte=dep')
    const before = await pinCounts(page, '#carte-departements')
    await page.check('#filtre-theme-mediation')
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
    await page.waitForURL(/theme=mediation/)
    expect(page.url()).toContain('carte=dep')
    const after = await pinCounts(page, '#carte-departements')
    expect(after.size).toBeGreaterThan(0)
    expect([...after]).not.toEqual([...before])
    expect(await axeViolations(page)).toEqual([])
    expect(cspViolations).toEqual([])
    await page.locator('#carte-titre').scrollIntoViewIfNeeded()
    await docScreenshot(page, 'carte-departements')

    // Few results, all on the page: one pin per record, each a link to its record.
    await page.goto('/?department=29&carte=dep')
    const titles = (await page.locator('.result-list .card-title').allInnerTexts()).map((t) =>
      t.trim()
    )
    expect(titles.length).toBeGreaterThan(0)
    const recordPins = await page.locator('#carte-departements a.map-pin').all()
    expect(recordPins.length).toBeGreaterThan(0)
    for (const pin of recordPins) {
      expect(titles).toContain(await pin.getAttribute('aria-label'))
      expect(await pin.getAttribute('href')).toMatch(/^\/experiences\//)
    }
    expect(await axeViolations(page)).toEqual([])
  })

  it('draws every area from the shared outlines file, without JavaScript, at 320 px', async (ctx) => {
    // The agenda draws its map once an event has a place (a débat in Rennes).
    await publishDebate(baseUrl, moderatorToken, {
      title: `Débat des cartes d’Exemple ${Date.now()}`,
    })
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
      viewport: { width: 320, height: 800 },
    })
    const outlines: string[] = []
    page.on('response', (res) => {
      if (res.url().includes('/cartes/')) outlines.push(res.url())
    })
    for (const [path, map, areas] of [
      ['/evenements?territory=dep%3A35', '#carte-evenements', 101],
      ['/acteurs', '#carte-acteurs', 101],
      ['/', '#carte-regions', 18],
    ] as const) {
      // The débat reaches the agenda's index right after its approval, or very soon after.
      await expect
        .poll(
          async () => {
            await page.goto(path)
            return page.locator(`${map} a.map-area use`).count()
          },
          { timeout: 20_000 }
        )
        .toBe(areas)
      await page.waitForLoadState('networkidle')
      // A drawn outline has a box; a <use> whose file did not load has none.
      // Typed loosely: the test tsconfig has no DOM library.
      const boxes = await page
        .locator(`${map} a.map-area use`)
        .evaluateAll((uses) =>
          (uses as unknown as { getBBox(): { width: number; height: number } }[])
            .map((u) => u.getBBox())
            .map((b) => b.width * b.height)
        )
      expect(boxes, path).toHaveLength(areas)
      expect(
        boxes.filter((area) => area === 0),
        path
      ).toEqual([])
    }
    // Ille-et-Vilaine, chosen in the agenda's filter, is outlined over its neighbours.
    await page.goto('/evenements?territory=dep%3A35')
    const width = (code: string) =>
      page.locator(`#carte-evenements a.map-area[data-code="${code}"] use`).evaluate((u) => {
        const style = (
          globalThis as unknown as { getComputedStyle(e: unknown): { strokeWidth: string } }
        ).getComputedStyle(u)
        return Number.parseFloat(style.strokeWidth)
      })
    expect(await width('35')).toBeGreaterThan(await width('56'))
    // One file per level, fetched by the first page that needs it.
    expect(
      new Set(outlines.map((u) => new URL(u).pathname.replace(/-[0-9a-z]+\.svg$/, '')))
    ).toEqual(new Set(['/cartes/dep', '/cartes/reg']))
    expect(cspViolations).toEqual([])
  })
})
