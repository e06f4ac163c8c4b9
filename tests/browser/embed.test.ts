/**
 * The embeddable view from another site, in Chromium: a tiny HTTP server on another port
 * (another origin) serves a page with the code copied from the « Intégrer sur votre site »
 * disclosure (read without JavaScript) and a frame of the home page. The view renders in
 * its frame, its links open the observatory in a new tab, and the home page is refused.
 * The view itself: axe-core's WCAG 2.1 A/AA rules and reflow at 320 px.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Frame } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeViolations, expectNoHorizontalScroll, openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

/** The host site's page, set by each test before the browser asks for it. */
let hostPage = ''
let host: Server
let hostUrl = ''

beforeAll(async () => {
  host = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(hostPage)
  })
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
  // `localhost` and another port: an origin that is not the observatory's.
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`
  expect(new URL(hostUrl).origin).not.toBe(new URL(baseUrl).origin)
})

afterAll(async () => {
  await new Promise((resolve) => host.close(resolve))
})

/** The frame an iframe of the host page shows, by the iframe's name. */
async function frameNamed(frames: () => Frame[], name: string): Promise<Frame> {
  await expect.poll(() => frames().some((f) => f.name() === name)).toBe(true)
  return frames().find((f) => f.name() === name)!
}

describe('embeddable view', () => {
  it('renders in another site’s frame from the copied code, and other pages refuse the frame', async (ctx) => {
    // The code, as a reader copies it from the territory page without JavaScript.
    const site = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await site.page.goto('/territoires/reg:53')
    await site.page.getByText('Intégrer sur votre site').click()
    const code = await site.page.getByLabel('Code d’intégration à copier').inputValue()
    expect(code).toMatch(/^<iframe src="[^"]+\/integrer\?territory=reg%3A53&amp;lang=fr" /)

    hostPage = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Commune d’Exemple</title></head>
      <body><h1>Les expériences de notre région</h1>${code.replace('<iframe ', '<iframe name="vue" ')}
      <iframe name="accueil" src="${baseUrl}/" title="Accueil de l’observatoire"></iframe></body></html>`
    const { context, page, cspViolations } = await openTab(browser(), ctx, hostUrl, {
      javaScript: false,
    })
    const refusals: string[] = []
    page.on('console', (msg) => {
      if (/frame-ancestors/.test(msg.text())) refusals.push(msg.text())
    })
    // Not waiting for `load`, which waits for both frames: the refused one is the test's
    // subject, and the shared machine can be slow to serve the home page it refuses.
    await page.goto('/', { waitUntil: 'domcontentloaded' })

    const view = await frameNamed(() => page.frames(), 'vue')
    await view.waitForLoadState('domcontentloaded')
    expect(view.url()).toMatch(new RegExp(`^${baseUrl}/integrer\\?territory=reg%3A53`))
    expect((await view.locator('h1').innerText()).trim()).toBe(
      'Expérimentations numériques locales — Bretagne'
    )
    expect(await view.locator('.result-list > li').count()).toBeGreaterThan(0)
    expect(await view.locator('#carte-integration').count()).toBe(1)

    // A record opens in a new tab, on the observatory itself.
    const [record] = await Promise.all([
      context.waitForEvent('page'),
      view.locator('.card-title a').first().click(),
    ])
    await record.waitForLoadState()
    expect(record.url()).toMatch(new RegExp(`^${baseUrl}/experiences/`))
    await record.close()

    // The home page refuses to be framed: nothing of it is shown in the host page.
    await expect.poll(() => refusals.length).toBeGreaterThan(0)
    expect(refusals.join('\n')).toContain("frame-ancestors 'none'")
    const home = await frameNamed(() => page.frames(), 'accueil')
    expect(home.url()).not.toBe(`${baseUrl}/`)
    expect(cspViolations.filter((v) => !/frame-ancestors/.test(v))).toEqual([])
  })

  it('has no axe violation and fits 320 px, in English too', async (ctx) => {
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      viewport: { width: 320, height: 640 },
    })
    for (const path of [
      '/integrer?territory=reg%3A53&theme=mediation',
      '/integrer?theme=open-data&lang=en',
      '/integrer?territory=dep%3A00',
    ]) {
      await page.goto(path)
      await expectNoHorizontalScroll(page, path)
      expect(await axeViolations(page), path).toEqual([])
    }
    expect(await page.locator('html').getAttribute('lang')).toBe('fr')
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
