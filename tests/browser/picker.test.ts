/**
 * The record picker in Chromium. Without JavaScript: a search posts the form back with
 * the candidates (title and territory) and what was typed, one is chosen, the form is
 * sent, and the page then names the chosen record by its title, as a link. With
 * JavaScript: the combobox answers as one types, arrows move the active option, Enter
 * chooses it without sending the form, Escape closes the list. axe finds nothing on the
 * forms with candidates listed (by the server or the combobox); they fit 320 px.
 */
import { describe, expect, inject, it } from 'vitest'
import { axeViolations, expectNoHorizontalScroll, openTab, useBrowser } from './browser'
import { fillRequired } from './form'

const baseUrl = inject('baseUrl')
const token = inject('moderatorToken')
const browser = useBrowser()

interface Listed {
  items: { id: string; slug: string; title: string }[]
}

/**
 * Two published records of the real catalogue: one declared on, one chosen. Taken from
 * the end of the first page, so the replication declared here does not change the
 * figures other browser tests read on the first records.
 */
async function twoRecords(): Promise<[Listed['items'][number], Listed['items'][number]]> {
  const list = (await (await fetch(`${baseUrl}/api/experiments?limit=50`)).json()) as Listed
  const [a, b] = list.items.slice(-2)
  if (!a || !b) throw new Error('the catalogue holds fewer than two records')
  return [a, b]
}

const moderation = (path: string, init: RequestInit = {}) =>
  fetch(`${baseUrl}/api/moderation${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  })

describe('the record picker without JavaScript', () => {
  it('« votre fiche » on a replication: search, choose, send; once approved the source links it by title', async (ctx) => {
    const [source, own] = await twoRecords()
    const declarant = `Commune d’Exemple ${Date.now()}`
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
    })
    await page.goto(`/experiences/${source.slug}/reproduite`)
    await page.getByLabel('Territoire qui l’a reproduite').fill('com:29019')
    await page.getByLabel('Qui déclare').fill(declarant)
    const picker = page.locator('#r-adopterExperiment')
    await picker.getByRole('searchbox').fill(own.title)
    await picker.getByRole('button', { name: 'Rechercher' }).click()
    await page.waitForLoadState()

    // Back with what was typed, and the candidates as radios named by title.
    expect(await page.getByLabel('Qui déclare').inputValue()).toBe(declarant)
    const candidate = page.locator(`#r-adopterExperiment input[value="${own.id}"]`)
    expect(await candidate.count()).toBe(1)
    expect(
      await page.locator(`label[for="${await candidate.getAttribute('id')}"]`).innerText()
    ).toContain(own.title)
    expect(await page.locator(`#r-adopterExperiment input[value="${source.id}"]`).count()).toBe(0)
    await candidate.check()
    await page.getByRole('button', { name: 'Envoyer la déclaration' }).click()
    await page.waitForURL(`**/experiences/${source.slug}/reproduite?merci`)

    const pending = (await (await moderation('/replications')).json()) as {
      items: { id: string; declarant: { name: string }; adopter: { id: string } | null }[]
    }
    const declared = pending.items.find((r) => r.declarant.name === declarant)
    expect(declared?.adopter?.id).toBe(own.id)
    const approved = await moderation(`/replications/${declared!.id}/approve`, {
      method: 'POST',
      body: '{}',
    })
    expect(approved.status).toBe(204)

    await page.goto(`/experiences/${source.slug}`)
    const item = page.locator('section.spread li', { hasText: declarant })
    const link = item.locator(`a[href="/experiences/${own.slug}"]`)
    expect(await link.innerText()).toBe(own.title)
    expect(await item.innerText()).not.toContain(own.id)
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('« inspirée de » on /proposer: search, tick, send; the edit page shows it ticked, by title', async (ctx) => {
    const [inspiration] = await twoRecords()
    const { page } = await openTab(browser(), ctx, baseUrl, { javaScript: false })
    await page.goto('/proposer')
    const title = `Atelier repris d’ailleurs à Exemple ${Date.now()}`
    await fillRequired(page, title)
    await page.fill('#f-territories', 'com:35238')
    const picker = page.locator('#f-inspiredBy')
    await picker.getByRole('searchbox').fill(inspiration.title)
    await picker.getByRole('button', { name: 'Rechercher' }).click()
    await page.waitForLoadState()
    expect(await page.inputValue('#f-title')).toBe(title)
    const box = page.locator(`#f-inspiredBy input[value="${inspiration.id}"]`)
    await box.check()

    await page.getByRole('button', { name: 'Envoyer la proposition' }).click()
    await page.waitForLoadState()
    const confirm = page.getByRole('button', { name: 'Ma proposition est différente : l’envoyer' })
    if (await confirm.count()) {
      await confirm.click()
      await page.waitForLoadState()
    }
    expect((await page.locator('h1').innerText()).trim()).toBe(
      'Merci, votre proposition est enregistrée'
    )
    const editUrl = (await page.locator('.edit-link').textContent()) ?? ''
    await page.goto(new URL(editUrl).pathname)
    await page.locator('form[action="/modifier/ouvrir"] button').click()
    await page.waitForURL('**/modifier')
    const chosen = page.locator(`#f-inspiredBy .picker-chosen input[value="${inspiration.id}"]`)
    expect(await chosen.isChecked()).toBe(true)
    expect(
      await page.locator(`label[for="${await chosen.getAttribute('id')}"]`).innerText()
    ).toContain(inspiration.title)
  })
})

describe('the record picker with JavaScript', () => {
  it('is a combobox: type, arrows, Enter chooses without sending, Escape closes; axe 0', async (ctx) => {
    const [inspiration] = await twoRecords()
    const { page, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl)
    await page.goto('/proposer')
    let navigations = 0
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++
    })
    const combobox = page.getByRole('combobox', { name: /^Inspirée de : rechercher/ })
    expect(await combobox.getAttribute('aria-expanded')).toBe('false')
    await combobox.pressSequentially(inspiration.title.split(' ').slice(0, 4).join(' '))
    const options = page.locator('#f-inspiredBy-options [role="option"]')
    await options.first().waitFor()
    expect(await combobox.getAttribute('aria-expanded')).toBe('true')
    expect(await axeViolations(page)).toEqual([])

    await combobox.press('ArrowDown')
    await combobox.press('ArrowDown')
    await combobox.press('ArrowUp')
    const first = options.first()
    expect(await combobox.getAttribute('aria-activedescendant')).toBe(
      await first.getAttribute('id')
    )
    expect(await first.getAttribute('aria-selected')).toBe('true')
    const label = await first.innerText()
    await combobox.press('Enter')
    expect(await combobox.getAttribute('aria-expanded')).toBe('false')
    expect(await combobox.inputValue()).toBe('')
    const chosen = page.locator('#f-inspiredBy .picker-chosen input:checked + label')
    expect(await chosen.allInnerTexts()).toContainEqual(label)
    expect(navigations).toBe(0)

    // Escape closes the list without choosing.
    await combobox.pressSequentially('numérique')
    await options.first().waitFor()
    await combobox.press('Escape')
    expect(await combobox.getAttribute('aria-expanded')).toBe('false')
    expect(await chosen.count()).toBe(1)
    expect(navigations).toBe(0)
    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
  })

  it('fits 320 px with the list open and with the server’s candidates; axe 0 on those', async (ctx) => {
    const [source] = await twoRecords()
    const { page } = await openTab(browser(), ctx, baseUrl, {
      viewport: { width: 320, height: 640 },
    })
    await page.goto('/proposer')
    const combobox = page.getByRole('combobox', { name: /^Inspirée de : rechercher/ })
    await combobox.pressSequentially('médiation numérique')
    await page.locator('#f-inspiredBy-options [role="option"]').first().waitFor()
    await expectNoHorizontalScroll(page, 'submission form with the picker open')
    // The server's candidates (the no-JS search, asked as the button would without the script).
    await page.goto(`/experiences/${source.slug}/reproduite`)
    const picker = page.locator('#r-adopterExperiment')
    await picker.locator('input[type="search"]').fill('médiation numérique')
    await picker
      .locator('.picker-search button')
      .evaluate((button: { form: { requestSubmit(submitter: unknown): void } | null }) =>
        button.form?.requestSubmit(button)
      )
    await page.waitForURL(`**/experiences/${source.slug}/reproduite`)
    await picker.locator('.picker-found input[type="radio"]').first().waitFor()
    await expectNoHorizontalScroll(page, 'replication form with candidates')
    expect(await axeViolations(page)).toEqual([])
  })
})
