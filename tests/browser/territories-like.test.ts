/**
 * « Dans des territoires comme celui-ci » in Chromium, on a real record of the catalogue
 * (Kézaco, a tiers-lieu in Saint-Hilaire-Bonneval, a commune of under 2,000 inhabitants):
 * without JavaScript the section lists tiers-lieux from other small sparse communes and
 * its link opens the same search with the size filters checked; axe on the record page.
 */
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

async function recordPath(): Promise<string> {
  const res = await fetch(`${baseUrl}/api/search?q=${encodeURIComponent('Kézaco ferme numérique')}`)
  const { hits } = (await res.json()) as { hits: { slug: string; title: string }[] }
  const hit = hits.find((h) => h.title.startsWith('Kézaco'))
  expect(hit, 'the Kézaco record of the real catalogue').toBeDefined()
  return `/experiences/${hit!.slug}`
}

describe('« Dans des territoires comme celui-ci »', () => {
  it('lists experiments from places like the record’s, without JavaScript', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    const path = await recordPath()
    await page.goto(path)
    const section = page.getByRole('region', { name: 'Dans des territoires comme celui-ci' })
    expect(await section.locator('p').first().innerText()).toContain(
      'moins de 2 000 habitants, peu dense'
    )
    const titles = await section.locator('.card-title').allInnerTexts()
    expect(titles.length).toBeGreaterThan(0)
    expect(titles.some((t) => t.startsWith('Kézaco'))).toBe(false)
    // Each listed record is itself from a commune of the same size and density.
    const href = await section.locator('.card-title a').first().getAttribute('href')
    const slug = decodeURIComponent(href!.replace('/experiences/', ''))
    const listed = (await (await fetch(`${baseUrl}/api/experiments/${slug}`)).json()) as {
      derived: { territorySize: unknown }
    }
    expect(listed.derived.territorySize).toEqual({
      populationBand: 'under-2k',
      densityClass: 'sparse',
    })

    await section.getByRole('link', { name: /Voir toutes les expériences/ }).click()
    await page.waitForURL(/size=under-2k/)
    expect(await page.locator('#filtre-size-under-2k').isChecked()).toBe(true)
    expect(await page.locator('#filtre-density-sparse').isChecked()).toBe(true)
    expect(await page.locator('.result-list > li').count()).toBeGreaterThanOrEqual(titles.length)
  })

  it('is accessible (axe)', async (ctx) => {
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto(await recordPath())
    await page.locator('#s-alike').waitFor()
    expect(await axeViolations(page)).toEqual([])
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
