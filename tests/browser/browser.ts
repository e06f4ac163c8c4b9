/**
 * Chromium helpers for the browser tests: launch the system Chromium, open pages with
 * or without JavaScript, run axe-core, check reflow, record requests to other hosts and CSP
 * violations, and keep a screenshot of the page when a test fails.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, type TestContext } from 'vitest'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
]
export const ARTIFACTS = path.resolve('test-artifacts')
export const SCREENSHOTS = path.resolve('docs', 'screenshots')

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8'
)
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** One Chromium for a test file: launched before its tests, closed after them. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launch()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return () => {
    if (!browser) throw new Error('Chromium is not running (beforeAll failed?)')
    return browser
  }
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS })
}

export interface Tab {
  context: BrowserContext
  page: Page
  /** URLs requested from any host other than the Worker's. */
  foreign: string[]
  /** Content-Security-Policy violations reported by the page. */
  cspViolations: string[]
}

/**
 * A fresh context and page. When the test fails, a full-page screenshot goes to
 * test-artifacts/ (named after the test) before the context closes.
 */
export async function openTab(
  browser: Browser,
  ctx: TestContext,
  baseUrl: string,
  {
    javaScript = true,
    viewport = { width: 1280, height: 900 },
  }: { javaScript?: boolean; viewport?: { width: number; height: number } } = {}
): Promise<Tab> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    javaScriptEnabled: javaScript,
    locale: 'fr-FR',
    viewport,
  })
  const page = await context.newPage()
  // Fail at the step that is stuck, well before the test's own timeout.
  page.setDefaultTimeout(15_000)
  const origin = new URL(baseUrl).origin
  const foreign: string[] = []
  const cspViolations: string[] = []
  page.on('request', (req) => {
    const url = req.url()
    if (!url.startsWith(origin) && !url.startsWith('data:')) foreign.push(url)
  })
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text())
  })
  ctx.onTestFailed(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()
    await page
      .screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true })
      .catch(() => {})
  })
  ctx.onTestFinished(async () => {
    await context.close()
  })
  return { context, page, foreign, cspViolations }
}

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/**
 * Runs axe-core on the current page (which needs JavaScript enabled) with the WCAG 2.1 A/AA rules. The source is
 * evaluated through the DevTools protocol, which the page's CSP does not apply to, so
 * the test does not have to weaken the CSP it also checks.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async (tags) => {
    // Runs in the page; typed loosely because the test tsconfig has no DOM library.
    const page = globalThis as unknown as {
      document: unknown
      axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> }
    }
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: tags } })
    return result.violations
  }, AXE_TAGS)
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`
  )
}

/**
 * A screenshot of the visible part of the page for the README, refreshed only on
 * request (`UPDATE_SCREENSHOTS=1 npm run test:browser`) so a test run leaves the
 * working tree clean.
 */
export async function docScreenshot(
  page: Page,
  name: string,
  { width }: { width?: number } = {}
): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS) return
  mkdirSync(SCREENSHOTS, { recursive: true })
  const viewport = page.viewportSize()
  // A phone-width picture of a page the test reads at another width, then back.
  if (width && viewport) await page.setViewportSize({ width, height: 844 })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) })
  if (width && viewport) await page.setViewportSize(viewport)
}

/** The page's layout width never exceeds the viewport's (no horizontal page scrolling). */
export async function expectNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const { scrollWidth, innerWidth, widest } = await page.evaluate(() => {
    // Runs in the page; typed loosely because the test tsconfig has no DOM library.
    const w = globalThis as unknown as {
      innerWidth: number
      document: {
        documentElement: { scrollWidth: number }
        querySelectorAll(s: string): Iterable<{
          tagName: string
          id: string
          getBoundingClientRect(): { right: number }
        }>
      }
    }
    const tooWide = [...w.document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > w.innerWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`)
    return {
      scrollWidth: w.document.documentElement.scrollWidth,
      innerWidth: w.innerWidth,
      widest: tooWide.slice(0, 5),
    }
  })
  expect(
    scrollWidth,
    `${what} is ${scrollWidth} px wide (${widest.join(', ')})`
  ).toBeLessThanOrEqual(innerWidth)
}

/** Signs in to the moderation desk through its form (no JavaScript needed). */
export async function signInToDesk(
  page: Page,
  moderator: { name: string; password: string }
): Promise<void> {
  await page.goto('/moderation/connexion')
  await page.getByLabel('Identifiant').fill(moderator.name)
  await page.getByLabel('Mot de passe').fill(moderator.password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await page.waitForURL(/\/moderation$/)
}
