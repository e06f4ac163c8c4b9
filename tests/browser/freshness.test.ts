/**
 * « À vérifier » in Chromium, without JavaScript: a fictitious record imported with the
 * date its source was checked (over 18 months ago) carries the badge on its result card
 * and on its page (whose explanation leads the owner to « toujours exact »), and the
 * « à vérifier » filter keeps it while a fresh record of the real catalogue is left out.
 * axe-core checks the filtered results and the record. The record is unpublished at the
 * end, and the catalogue's size is back to what it was before this file.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { axeViolations, openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const token = inject('moderatorToken')
const browser = useBrowser()

const TITLE = 'Permanences numériques de la Commune d’Exemple, vérifiées en 2023'
const CHECKED = '2023-03-01T00:00:00.000Z'
const asModerator = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }

let record: { id: string; slug: string }
/** The catalogue's size before this file adds its record (other files may have published some). */
let catalogueBefore = 0

/** Total of results the home page shows for a query string. */
async function shown(query: string): Promise<number> {
  const html = await (await fetch(`${baseUrl}/?${query}`)).text()
  return Number(/<h2 id="resultats">(\d+) expériences?/.exec(html)?.[1] ?? 0)
}

async function waitFor(query: string, expected: number): Promise<void> {
  const deadline = Date.now() + 20_000
  while ((await shown(query)) !== expected) {
    if (Date.now() > deadline) throw new Error(`/?${query} never showed ${expected} results`)
    await new Promise((r) => setTimeout(r, 300))
  }
}

beforeAll(async () => {
  catalogueBefore = await shown('')
  const res = await fetch(`${baseUrl}/api/moderation/import?publish=true`, {
    method: 'POST',
    headers: asModerator,
    body: JSON.stringify([
      {
        sourceId: 'tests-navigateur:a-verifier',
        title: TITLE,
        summary:
          'Des permanences de médiation numérique en mairie, décrites par une source consultée en mars 2023.',
        lead: { name: 'Commune d’Exemple', kind: 'commune' },
        territories: ['com:35223'],
        themes: ['mediation'],
        stage: 'rollout',
        privateContact: { email: 'referente@example.fr' },
        lastVerifiedAt: CHECKED,
      },
    ]),
  })
  expect(res.status, await res.clone().text()).toBe(200)
  const report = (await res.json()) as { rows: { status: string; id: string }[] }
  expect(report.rows[0]?.status).toMatch(/^(created|updated|unchanged)$/)
  const api = await fetch(`${baseUrl}/api/experiments/${report.rows[0]!.id}`)
  record = (await api.json()) as { id: string; slug: string }
  // The catalogue was loaded today: this record is the only one to verify.
  await waitFor('toVerify=true', 1)
})

afterAll(async () => {
  if (!record) return
  await fetch(`${baseUrl}/api/moderation/experiments/${record.id}/unpublish`, {
    method: 'POST',
    headers: asModerator,
    body: JSON.stringify({ reason: 'Fiche de test « à vérifier », retirée après usage.' }),
  })
  await waitFor('', catalogueBefore)
})

describe('« à vérifier »', () => {
  it('badges the aged record on its card and its page, and the filter keeps it', async (ctx) => {
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    const published = (await (await fetch(`${baseUrl}/api/experiments/${record.id}`)).json()) as {
      lastVerifiedAt: string
    }
    expect(published.lastVerifiedAt).toBe(CHECKED)

    // The result card.
    await page.goto(`/?q=${encodeURIComponent(TITLE)}`)
    const card = page.locator('.result-list .card', { hasText: TITLE })
    expect(await card.count()).toBe(1)
    const badge = card.locator('.badge.to-verify')
    expect(await badge.innerText()).toBe('à vérifier')

    // The record page: the badge, and its explanation with the owner's way out.
    await badge.click()
    await page.waitForURL(`**/experiences/${record.slug}#a-verifier`)
    expect(await page.locator('.experiment .badge.to-verify').count()).toBe(1)
    const help = page.locator('#a-verifier')
    expect(await help.innerText()).toContain('n’a pas été confirmée depuis plus de 18 mois')
    expect(
      await help.getByRole('link', { name: 'Confirmer la fiche (lien privé déjà ouvert)' }).count()
    ).toBe(1)
    const verified = page.locator('.facts', { has: page.locator('.badge.to-verify') })
    expect(await verified.innerText()).toContain('mars 2023')

    // The filter: ticked on the search page, it keeps the aged record and only stale ones.
    await page.goto('/')
    await page.check('#filtre-a-verifier')
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
    await page.waitForURL(/toVerify=true/)
    const cards = page.locator('.result-list .card')
    expect(await cards.count()).toBeGreaterThan(0)
    expect(await page.locator('.result-list .card .badge.to-verify').count()).toBe(
      await cards.count()
    )
    expect(await shown('toVerify=true')).toBe(1)
    expect(await page.locator('.result-list .card', { hasText: TITLE }).count()).toBe(1)
    expect(await page.locator('.active-filters').innerText()).toContain('À vérifier')
    expect(cspViolations).toEqual([])
  })

  it('has no axe violations on the filtered results and the badged record', async (ctx) => {
    const { page } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/?toVerify=true')
    expect(await axeViolations(page)).toEqual([])
    await page.goto(`/experiences/${record.slug}`)
    expect(await axeViolations(page)).toEqual([])
  })
})
