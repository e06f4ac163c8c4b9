/**
 * The moderation desk in Chromium, without JavaScript (the desk needs none): sign in,
 * find a fresh submission in the queue, open it, publish it, and see it on the public
 * site. axe-core (which needs JavaScript in the page) checks the sign-in, queue and record
 * pages in a JavaScript-enabled tab; no request leaves the origin, no CSP violation.
 */
import type { Browser } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, openTab, signInToDesk, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const moderator = inject('moderator')
const browser = useBrowser()

async function submitThroughApi(title: string): Promise<{ id: string; slug: string }> {
  const res = await fetch(`${baseUrl}/api/experiments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title,
      summary: 'Un guichet numérique partagé entre trois mairies rurales, ouvert le samedi matin.',
      lead: { name: 'Commune de Plélan-le-Grand', kind: 'commune' },
      territories: ['com:35223'],
      themes: ['mediation'],
      stage: 'pilot',
      startDate: '2024-02',
      narrative: { description: 'Trois mairies partagent un agent et un local le samedi.' },
      results: {
        evaluationDocuments: [
          { title: 'Bilan de la première année', url: 'https://example.org/bilan.pdf' },
        ],
      },
      evidenceLevel: 2,
      privateContact: { email: 'secretariat@example.fr', name: 'Mme Référente' },
    }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; slug: string }
}

describe('moderation desk', () => {
  it('signs in, publishes a submission from the queue, and the public site shows it', async (ctx) => {
    const title = `Guichet numérique partagé ${Date.now()}`
    const submission = await submitThroughApi(title)
    const { page, foreign, cspViolations, context } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
    })

    // Not signed in: the desk sends us to the sign-in page.
    await page.goto('/moderation')
    expect(new URL(page.url()).pathname).toBe('/moderation/connexion')

    await signInToDesk(page, moderator)
    const cookie = (await context.cookies()).find((c) => c.name === '__Host-obs_session')
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' })
    expect((await page.locator('h1').innerText()).trim()).toBe('File de modération')

    await page.getByRole('link', { name: title }).click()
    await page.waitForURL(`**/moderation/experiences/${submission.id}`)
    expect(await page.locator('h1').innerText()).toBe(title)
    expect(await page.getByText('secretariat@example.fr').count()).toBe(1)
    // The whole record, as the public page will show it, not just its title and summary.
    const record = page.locator('section.desk-record')
    expect(await record.getByRole('heading', { level: 2 }).first().innerText()).toBe(
      'Fiche telle qu’elle sera publiée'
    )
    expect(await record.innerText()).toContain('Plélan-le-Grand')
    expect(await record.innerText()).toContain('Trois mairies partagent un agent')
    expect(await record.innerText()).toContain('Niveau 2')
    expect(
      await record.getByRole('link', { name: 'Bilan de la première année' }).getAttribute('href')
    ).toBe('https://example.org/bilan.pdf')
    // The contact is in its own section, marked private, and nowhere in the record.
    const contact = page.locator('section.desk-private')
    expect(await contact.innerText()).toMatch(/Privé[\s\S]*jamais publié/)
    expect(await contact.getByText('secretariat@example.fr').count()).toBe(1)
    expect(await record.innerText()).not.toContain('secretariat@example.fr')

    await page
      .locator('form.desk-action-approuver')
      .getByRole('button', { name: 'Publier' })
      .click()
    await page.waitForURL(`**/moderation/experiences/${submission.id}?fait=approuver`)
    expect((await page.getByRole('status').innerText()).trim()).toBe('La fiche est publiée.')

    await page.getByRole('link', { name: 'Voir la page publique' }).click()
    await page.waitForURL(`**/experiences/${submission.slug}`)
    expect(await page.locator('h1').innerText()).toBe(title)
    // The private contact never reaches the public page.
    expect(await page.content()).not.toContain('secretariat@example.fr')

    // Signing out ends the session: the desk is closed again.
    await page.goto('/moderation')
    await page.getByRole('button', { name: 'Se déconnecter' }).click()
    await page.waitForURL(/\/moderation\/connexion\?fin=1$/)
    await page.goto('/moderation')
    expect(new URL(page.url()).pathname).toBe('/moderation/connexion')

    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('has no axe violations on the sign-in, queue and record pages', async (ctx) => {
    const submission = await submitThroughApi(`Fiche pour l’audit d’accessibilité ${Date.now()}`)
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/moderation/connexion')
    expect(await axeViolations(page)).toEqual([])

    await signInToDesk(page, moderator)
    expect(await axeViolations(page)).toEqual([])

    await page.goto(`/moderation/experiences/${submission.id}`)
    expect(await axeViolations(page)).toEqual([])

    // The record page with an error next to a field (reason missing) stays accessible too.
    await page.locator('#raison-refuser').evaluate((el) => {
      ;(el as unknown as { removeAttribute(name: string): void }).removeAttribute('required')
    })
    await page.locator('form.desk-action-refuser').getByRole('button', { name: 'Refuser' }).click()
    await page.waitForLoadState()
    expect(await page.locator('#raison-refuser-erreur').innerText()).toContain('Indiquez la raison')
    expect(await axeViolations(page)).toEqual([])

    await page.goto('/moderation/journal')
    expect(await axeViolations(page)).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
