/**
 * The owner's side in Chromium:
 * - JavaScript on, an edit of one field keeps everything else the record holds (evaluation
 *   documents, resources, sources, « inspirée de »), and the « inspirée de » search adds a
 *   published record in place;
 * - the loop with the moderator: a request for changes made on the desk shows on the
 *   contributor's private page with what to do; the contributor answers by editing with a
 *   message; the moderator sees the answer on the record's desk page.
 */
import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { openTab, useBrowser } from './browser'

const baseUrl = inject('baseUrl')
const moderator = inject('moderator')
const browser = useBrowser()

async function publishedId(): Promise<string> {
  const res = await fetch(`${baseUrl}/api/experiments?limit=1`)
  const { items } = (await res.json()) as { items: { id: string }[] }
  return items[0]!.id
}

async function submit(extra: Record<string, unknown> = {}) {
  const res = await fetch(`${baseUrl}/api/experiments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      title: `Tiers-lieu numérique d’Exemple ${Date.now()}`,
      summary:
        'Un tiers-lieu ouvert le samedi pour accompagner les démarches en ligne des habitants.',
      lead: { name: 'Commune d’Exemple', kind: 'commune' },
      territories: ['com:35360'],
      themes: ['mediation.demarches'],
      stage: 'pilot',
      startDate: '2023-01',
      privateContact: { email: 'porteuse.exemple@example.fr' },
      ...extra,
    }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; editToken: string }
}

async function openPrivatePage(page: Page, token: string): Promise<void> {
  await page.goto(`/modifier/${token}`)
  await page.getByRole('button', { name: 'Ouvrir le formulaire de modification' }).click()
  await page.waitForURL(/\/modifier$/)
}

async function stored(id: string, token: string) {
  const res = await fetch(`${baseUrl}/api/experiments/${id}/edit`, {
    headers: { authorization: `Bearer ${token}` },
  })
  expect(res.status).toBe(200)
  return ((await res.json()) as { input: Record<string, unknown> }).input
}

describe('owner edits in Chromium', () => {
  it('JavaScript on: one edit keeps every other field, and « inspirée de » search adds a record', async (ctx) => {
    const inspiration = await publishedId()
    const { id, editToken } = await submit({
      evidenceLevel: 4,
      inspiredBy: [inspiration],
      results: {
        evaluationDocuments: [
          { title: 'Rapport d’évaluation 2023', url: 'https://exemple.fr/rapport-2023.pdf' },
          { title: 'Évaluation comparative', url: 'https://exemple.fr/comparaison.pdf' },
        ],
      },
      resources: [{ title: 'Questionnaire réutilisable', url: 'https://exemple.fr/questionnaire' }],
      sources: [{ url: 'https://exemple.fr/article', title: 'Article de presse' }],
      narrative: { advice: 'Commencer petit.' },
    })
    const before = await stored(id, editToken)
    const { page, cspViolations } = await openTab(browser(), ctx, baseUrl, { javaScript: true })
    await openPrivatePage(page, editToken)

    let navigations = 0
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++
    })
    // The « inspirée de » combobox: type, arrow down, Enter — found in place by picker.js.
    const combobox = page.getByRole('combobox', { name: /^Inspirée de : rechercher/ })
    await combobox.pressSequentially('médiation numérique')
    const option = page.locator('#f-inspiredBy-options [role="option"]').first()
    await option.waitFor()
    await combobox.press('ArrowDown')
    expect(await combobox.getAttribute('aria-activedescendant')).toBe(
      await option.getAttribute('id')
    )
    const title = (await option.innerText()).split(' — ')[0]!
    await combobox.press('Enter')
    const added = await page
      .locator('#f-inspiredBy .picker-chosen input[name="inspiredBy"]')
      .last()
      .getAttribute('value')
    expect(added).not.toBe(inspiration)
    expect(
      await page.locator('#f-inspiredBy .picker-chosen input:checked + label').allInnerTexts()
    ).toContainEqual(expect.stringContaining(title))
    // The page did not reload, and Enter did not submit the form.
    expect(navigations).toBe(0)
    await page.fill('#f-narrative-advice', 'Commencer petit. Et mesurer tôt.')
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click()
    await page.waitForURL(/fait=applied/)

    const after = await stored(id, editToken)
    expect((after.narrative as { advice: string }).advice).toBe('Commencer petit. Et mesurer tôt.')
    expect(after.inspiredBy).toEqual([inspiration, added])
    const { narrative: _n, inspiredBy: _i, ...rest } = after
    const { narrative: _bn, inspiredBy: _bi, ...restBefore } = before
    expect(rest).toEqual(restBefore)
    expect(cspViolations).toEqual([])
  })

  it('a request for changes made on the desk reaches the contributor, whose answer reaches the desk', async (ctx) => {
    const { id, editToken } = await submit()
    const request = 'Indiquez le budget et le nombre de personnes accompagnées.'
    const answer = 'Budget ajouté : 12 000 €. 340 personnes accompagnées en 2023.'

    const desk = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await desk.page.goto('/moderation/connexion')
    await desk.page.getByLabel('Identifiant').fill(moderator.name)
    await desk.page.getByLabel('Mot de passe').fill(moderator.password)
    await desk.page.getByRole('button', { name: 'Se connecter' }).click()
    await desk.page.waitForURL(/\/moderation$/)
    await desk.page.goto(`/moderation/experiences/${id}`)
    await desk.page.getByLabel('Message au porteur').fill(request)
    await desk.page.getByRole('button', { name: 'Demander des modifications' }).click()
    await desk.page.waitForLoadState()

    const owner = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await openPrivatePage(owner.page, editToken)
    const status = owner.page.locator('.edit-status')
    expect(await status.textContent()).toContain(
      'Modifications demandées par l’équipe de modération.'
    )
    expect(await status.textContent()).toContain(request)
    expect(await status.textContent()).toContain('Que faire ?')

    await owner.page.fill('#f-means-budgetEur', '12000')
    await owner.page.fill('#f-results-peopleReached', '340')
    await owner.page.fill('#f-ownerMessage', answer)
    await owner.page.getByRole('button', { name: 'Enregistrer les modifications' }).click()
    await owner.page.waitForURL(/fait=applied/)
    expect(await owner.page.locator('.edit-status').textContent()).toContain(
      'En attente de modération'
    )

    await desk.page.goto(`/moderation/experiences/${id}`)
    const reply = desk.page.locator('section[aria-labelledby="reponse-porteur"]')
    expect(await reply.textContent()).toContain(answer)
    await desk.page.goto('/moderation')
    expect(await desk.page.content()).toContain(id)
  })
})
