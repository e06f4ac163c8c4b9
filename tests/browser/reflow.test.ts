/**
 * Reflow (WCAG 2.1 SC 1.4.10), which neither axe nor Lighthouse measures: every page type
 * at 320 CSS px wide lays out without horizontal scrolling of the page. Wide tables stack
 * or scroll inside their own labelled, focusable region. One tab, one page load per page
 * type; the README's phone screenshots (390 px) come from the same visits.
 */
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { docScreenshot, expectNoHorizontalScroll, openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const moderator = inject('moderator')
const browser = useBrowser()

const PHONE = 390

/** A record with the long tables that used to widen the page: indicators and funding. */
async function submitRichRecord(title: string): Promise<{ id: string; slug: string }> {
  const res = await fetch(`${baseUrl}/api/experiments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      summary: 'Des permanences de médiation numérique itinérantes dans les mairies du canton.',
      lead: { name: 'Commune d’Exemple', kind: 'commune' },
      territories: ['com:35223'],
      themes: ['mediation'],
      stage: 'rollout',
      startDate: '2022-03',
      means: {
        budgetEur: 185_000,
        staffFte: 2.5,
        fundingSources: [
          {
            type: 'state',
            programme: 'Conseillers numériques France Services',
            amountEur: 100_000,
          },
          { type: 'caisse', programme: 'Fonds d’appui aux tiers-lieux ruraux', amountEur: 85_000 },
        ],
      },
      results: {
        peopleReached: 1240,
        indicators: [
          {
            label: 'Personnes accompagnées dans une démarche administrative en ligne',
            unit: 'personnes',
            baseline: 120,
            target: 900,
            value: 1240,
            measuredAt: '2024-06',
            method:
              'Registre des permanences tenu par les médiatrices, dédoublonné chaque trimestre',
          },
          {
            label: 'Part des usagers revenus de façon autonome',
            unit: '%',
            baseline: 10,
            target: 40,
            value: 37.5,
            measuredAt: '2024-06',
            method: 'Questionnaire à trois mois',
          },
        ],
      },
      privateContact: { email: 'referente@example.fr' },
    }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; slug: string }
}

/** How many records the home page counts. */
async function catalogueSize(): Promise<number> {
  const html = await (await fetch(`${baseUrl}/`)).text()
  return Number(/<h2 id="resultats">(\d+) expériences/.exec(html)?.[1])
}

/**
 * Takes the record back out of the catalogue, and waits until search counts what it
 * counted before the record was added (files run before this one may have published some).
 */
async function unpublish(page: Page, id: string, expected: number): Promise<void> {
  await page.goto(`/moderation/experiences/${id}`)
  await page.fill('#raison-depublier', 'Fiche de test de mise en page, retirée après usage.')
  await page
    .locator('form.desk-action-depublier')
    .getByRole('button', { name: 'Dépublier' })
    .click()
  await page.waitForURL(/fait=depublier/)
  await expect.poll(catalogueSize, { timeout: 20_000 }).toBe(expected)
}

/** Loads a path and checks its reflow; the status must be a page, not an error. */
async function visit(page: Page, path: string, what: string): Promise<void> {
  const res = await page.goto(path)
  expect(res?.status(), `${what} (${path})`).toBe(200)
  await expectNoHorizontalScroll(page, what)
}

describe('reflow at 320 px', () => {
  it('every public page type fits a 320 px screen', async (ctx) => {
    const sizeBefore = await catalogueSize()
    const record = await submitRichRecord(`Permanences numériques itinérantes ${Date.now()}`)
    const { page } = await openTab(browser(), ctx, baseUrl, {
      viewport: { width: 320, height: 640 },
    })

    // The desk: sign in, the queue, the record, publish it, the journal.
    await visit(page, '/moderation/connexion', 'desk sign-in')
    await page.getByLabel('Identifiant').fill(moderator.name)
    await page.getByLabel('Mot de passe').fill(moderator.password)
    await page.getByRole('button', { name: 'Se connecter' }).click()
    await page.waitForURL(/\/moderation$/)
    await expectNoHorizontalScroll(page, 'desk queue')
    await visit(page, `/moderation/experiences/${record.id}`, 'desk record')
    await page
      .locator('form.desk-action-approuver')
      .getByRole('button', { name: 'Publier' })
      .click()
    await page.waitForURL(/fait=approuver/)
    await expectNoHorizontalScroll(page, 'desk record after publishing')
    await visit(page, '/moderation/journal', 'desk journal')

    await visit(page, `/experiences/${record.slug}`, 'record with indicators and funding')
    // The tables that do not fit scroll inside a labelled, focusable region.
    const regions = page.locator('.table-scroll')
    expect(await regions.count()).toBeGreaterThanOrEqual(2)
    for (const region of await regions.all()) {
      expect(await region.getAttribute('role')).toBe('region')
      expect(await region.getAttribute('tabindex')).toBe('0')
      expect(await region.getAttribute('aria-label')).toBeTruthy()
    }
    await docScreenshot(page, 'mobile-experience', { width: PHONE })
    await visit(page, `/experiences/${record.slug}/historique`, 'history')
    await unpublish(page, record.id, sizeBefore)

    await visit(page, '/?q=m%C3%A9diation%20num%C3%A9rique&theme=mediation', 'search results')
    expect(await page.locator('.result-list > li').count()).toBeGreaterThan(0)
    await docScreenshot(page, 'mobile-accueil', { width: PHONE })
    await visit(page, '/?carte=dep&theme=mediation', 'search with the département map and pins')
    expect(await page.locator('#carte-departements a.map-pin').count()).toBeGreaterThan(0)

    await visit(page, '/proposer', 'form')
    // Server-side errors: the browser's own checks are switched off to reach them.
    await page.locator('form.submission').evaluate((form) => {
      ;(form as unknown as { noValidate: boolean }).noValidate = true
    })
    await page.getByRole('button', { name: 'Envoyer la proposition' }).click()
    await page.locator('#erreurs').waitFor({ state: 'visible' })
    await expectNoHorizontalScroll(page, 'form with errors')
    await docScreenshot(page, 'mobile-formulaire-erreurs', { width: PHONE })

    await visit(
      page,
      '/comparer?t=Bretagne&t=Normandie&t=dep%3A35&t=dep%3A29',
      'comparison of 4 territories'
    )
    expect(
      await page.locator('section[aria-labelledby="resultats"] table').count()
    ).toBeGreaterThan(0)
    await docScreenshot(page, 'mobile-comparer', { width: PHONE })
    await visit(page, '/territoires/reg:53', 'région page')
    await visit(page, '/donnees', 'open-data page')
    await visit(page, '/accessibilite', 'accessibility statement')
    await visit(page, '/api/docs', 'API reference')
  })
})
