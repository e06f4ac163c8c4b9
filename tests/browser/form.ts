/** Steps of the submission form shared by the browser tests that submit it. */
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { axeViolations } from './browser'

/** Fills every required field except the territory. */
export async function fillRequired(page: Page, title: string) {
  await page.fill('#f-title', title)
  await page.fill(
    '#f-summary',
    'Des ateliers hebdomadaires en médiathèque pour apprendre les démarches en ligne.'
  )
  await page.fill('#f-lead-name', 'Commune de Redon')
  await page.selectOption('#f-lead-kind', 'commune')
  await page.check('#f-themes-mediation-demarches')
  await page.selectOption('#f-stage', 'pilot')
  await page.fill('#f-startDate', '2023-01')
  await page.fill('#f-privateContact-email', 'referente@example.fr')
}

/** Submits, confirms through the "may already exist" step if it appears, returns the edit link. */
export async function submitToConfirmation(page: Page, axe = true): Promise<string> {
  await page.getByRole('button', { name: 'Envoyer la proposition' }).click()
  await page.waitForLoadState()
  const confirm = page.getByRole('button', { name: 'Ma proposition est différente : l’envoyer' })
  if (await confirm.count()) {
    expect((await page.locator('h1').innerText()).trim()).toBe(
      'Cette expérience existe peut-être déjà'
    )
    if (axe) expect(await axeViolations(page)).toEqual([])
    await confirm.click()
    await page.waitForLoadState()
  }
  expect((await page.locator('h1').innerText()).trim()).toBe(
    'Merci, votre proposition est enregistrée'
  )
  return (await page.locator('.edit-link').textContent()) ?? ''
}
