/**
 * The private edit link in Chromium, JavaScript off: the capability URL shows only a
 * confirmation (no third-party request, no Referer), its button swaps the token for a
 * `__Host-` session cookie and lands on the clean `/modifier` URL with the form prefilled
 * (private contact included), and saving a pending record applies the change.
 */
import { describe, expect, inject, it } from 'vitest'
import { openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const browser = useBrowser()

async function submit(): Promise<{ id: string; editToken: string }> {
  const res = await fetch(`${baseUrl}/api/experiments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Atelier numérique du mardi à Vitré',
      summary: 'Un atelier hebdomadaire en médiathèque pour apprendre les démarches en ligne.',
      lead: { name: 'Commune de Vitré', kind: 'commune' },
      territories: ['com:35360'],
      themes: ['mediation.demarches'],
      stage: 'pilot',
      startDate: '2023-01',
      privateContact: { email: 'porteuse.privee@example.fr' },
    }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; editToken: string }
}

describe('private edit link', () => {
  it('opens the prefilled form at a clean URL and saves an edit', async (ctx) => {
    const { editToken } = await submit()
    const tab = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    const { page } = tab

    const landing = await page.goto(`/modifier/${editToken}`)
    expect(landing?.headers()['referrer-policy']).toBe('no-referrer')
    expect(landing?.headers()['cache-control']).toBe('no-store')
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Modifier votre fiche')

    await page.getByRole('button', { name: 'Ouvrir le formulaire de modification' }).click()
    await page.waitForLoadState()
    expect(new URL(page.url()).pathname).toBe('/modifier')
    expect(page.url()).not.toContain(editToken)
    const cookies = await tab.context.cookies()
    const session = cookies.find((c) => c.name === '__Host-edit')
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' })
    expect(await page.inputValue('#f-title')).toBe('Atelier numérique du mardi à Vitré')
    expect(await page.inputValue('#f-privateContact-email')).toBe('porteuse.privee@example.fr')

    await page.fill('#f-title', 'Atelier numérique du mardi et du jeudi à Vitré')
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click()
    await page.waitForLoadState()
    expect(await page.getByRole('status').first().textContent()).toContain(
      'Vos modifications sont enregistrées.'
    )
    expect(await page.inputValue('#f-title')).toBe('Atelier numérique du mardi et du jeudi à Vitré')
    expect(tab.foreign).toEqual([])
    expect(tab.cspViolations).toEqual([])
  })
})
