/**
 * An event's lifecycle in Chromium without JavaScript (issue 19): an association announces
 * a débat citoyen through the form, keeps the private link shown once, a moderator
 * publishes it from the desk, its page shows it in the place's time; the organiser opens
 * the private link and adds what came out of it, the moderator publishes that change, and
 * the page shows « Ce qui en est sorti »; a search on one of its ideas then finds it (the
 * agenda's text, « la parole recueillie »). axe and 320 px on every page a visitor meets.
 * (The date is past on purpose: documenting a debate that took place is allowed, so the
 * restitution can follow at once.)
 */
import ICAL from 'ical.js'
import { describe, expect, inject, it } from 'vitest'
import {
  axeViolations,
  expectNoHorizontalScroll,
  openTab,
  signInToDesk,
  useBrowser,
} from './browser'

const baseUrl = inject('baseUrl')
const moderator = inject('moderator')
const browser = useBrowser()

describe('a débat citoyen', () => {
  it('is announced without JavaScript, published, then its restitution shows on its page', async (ctx) => {
    const title = `Débat citoyen d’Exemple sur nos démarches ${Date.now()}`
    const { page, context, foreign, cspViolations } = await openTab(browser(), ctx, baseUrl, {
      javaScript: false,
      viewport: { width: 320, height: 800 },
    })
    // axe needs JavaScript: a second tab, same cookies, audits what the first one shows.
    const audit = await openTab(browser(), ctx, baseUrl, { viewport: { width: 320, height: 800 } })
    const audited = async (path: string, what: string) => {
      await expectNoHorizontalScroll(page, what)
      await audit.context.addCookies(await context.cookies())
      await audit.page.goto(path)
      expect(await axeViolations(audit.page), what).toEqual([])
    }

    await page.goto('/evenements/proposer')
    await audited('/evenements/proposer', 'the event form')
    await page.locator('#f-title').fill(title)
    await page.locator('#f-kind').selectOption('debat')
    await page
      .locator('#f-description')
      .fill('Un débat ouvert à tous sur l’accès aux démarches en ligne dans le quartier.')
    await page.locator('#f-themes-participation-debat').check()
    await page.locator('#f-startsAt').fill('2026-03-12T18:30')
    await page.locator('#f-endsAt').fill('2026-03-12T20:30')
    await page.locator('#f-place-commune').fill('Rennes')
    await page.locator('#f-place-venue').fill('Salle des fêtes d’Exemple')
    await page.locator('#f-organiserName').fill('Association Clic d’Exemple')
    await page.locator('#f-privateContact-email').fill('debat@example.org')
    await page.getByRole('button', { name: 'Envoyer l’annonce' }).click()
    await page.waitForLoadState()
    expect(await page.getByRole('status').innerText()).toContain(title)
    const privateLink = await page.locator('a.edit-link').getAttribute('href')
    expect(privateLink).toMatch(/\/evenements\/prive\/[A-Za-z0-9_-]{43}$/)
    await expectNoHorizontalScroll(page, 'the confirmation')

    // The moderator publishes it from the desk's queue.
    await signInToDesk(page, moderator)
    await page
      .locator('section[aria-labelledby="q-events"]')
      .getByRole('link', { name: title })
      .click()
    await page.waitForURL(/\/moderation\/evenements\/[0-9A-Z]{26}$/)
    const deskUrl = page.url()
    await page
      .locator('form.desk-action-approuver')
      .getByRole('button', { name: 'Publier' })
      .click()
    await page.waitForURL(/\?fait=approuver$/)

    // Its page: in Rennes' time, no zone named (metropolitan time).
    await page.goto(privateLink!)
    await page.getByRole('link', { name: 'Voir la page publique' }).click()
    await page.waitForURL(/\/evenements\/[a-z0-9-]+$/)
    const publicPath = new URL(page.url()).pathname
    expect(await page.locator('h1').innerText()).toBe(title)
    expect(await page.locator('.event-when').innerText()).toBe(
      'jeudi 12 mars 2026, de 18 h 30 à 20 h 30'
    )
    expect(await page.content()).not.toContain('debat@example.org')
    expect(await page.content()).not.toContain('Ce qui en est sorti')
    await audited(publicPath, 'the event page')

    // It is in its département's agenda (past tab, filtered through the form), on the map
    // of events (its own pin, or its département's when they are many), and in the
    // iCalendar feed of its département.
    await page.goto('/evenements?when=past')
    await page.locator('#filtre-territory').selectOption('dep:35')
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click()
    await page.waitForURL(/territory=dep%3A35/)
    const results = page.locator('section[aria-labelledby="resultats-titre"]')
    expect(await results.getByRole('link', { name: title }).count()).toBe(1)
    const map = page.locator('#carte-evenements')
    expect(await map.locator('.map-area-selected[data-code="35"]').count()).toBe(1)
    expect(
      await map
        .locator(`a.map-pin[href="${publicPath}"], a.map-pin[href*="territory=dep%3A35"]`)
        .count()
    ).toBe(1)
    const calendar = await fetch(`${baseUrl}/territoires/dep:35/evenements.ics?when=past`)
    expect(calendar.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const summaries = new ICAL.Component(ICAL.parse(await calendar.text()))
      .getAllSubcomponents('vevent')
      .map((v) => v.getFirstPropertyValue('summary'))
    expect(summaries).toContain(title)

    // After the debate, the organiser adds what came out of it through the private link.
    await page.goto(privateLink!)
    await audited(new URL(privateLink!).pathname, 'the organiser’s private page')
    await page.locator('#f-participants').fill('42')
    await page.locator('#f-publics-seniors').check()
    await page.locator('#f-summary').fill('Une soirée riche : des habitants de tous âges.')
    await page
      .locator('#f-ideas')
      .fill('Des permanences numériques le samedi matin\nUn annuaire des aidants du quartier')
    await page.locator('#f-proposals').fill('Ouvrir la médiathèque le dimanche')
    await page.getByRole('button', { name: 'Envoyer la restitution' }).click()
    await page.waitForLoadState()
    // The page's notice, not the pickers' live regions (also role="status", empty until a search).
    expect(await page.locator('p.notice[role="status"]').innerText()).toContain('va relire')

    // The moderator publishes the change; the page shows « Ce qui en est sorti ».
    await page.goto(deskUrl)
    await page.getByRole('button', { name: 'Publier la modification' }).click()
    await page.waitForURL(/\?fait=proposition-publiee$/)
    await page.goto(publicPath)
    // The page is cacheable for five minutes, like every record's: ask the server again.
    await page.reload()
    const restitution = page.locator('section.event-restitution')
    expect(await restitution.locator('h2').innerText()).toBe('Ce qui en est sorti')
    expect(await restitution.innerText()).toContain('Des permanences numériques le samedi matin')
    expect(await restitution.innerText()).toContain('42')
    await audited(publicPath, 'the event page with its restitution')

    // A reader reports a problem from the page; the moderator finds it in the queue, named
    // and linked, and closes it on the event's desk page.
    await page.getByRole('link', { name: 'Signaler un problème' }).click()
    await page.waitForURL(/\/signaler$/)
    await audited(new URL(page.url()).pathname, 'an event’s report form')
    await page.locator('#r-reason-outdated').check()
    await page.locator('#r-message').fill('La salle indiquée a changé.')
    await page.getByRole('button', { name: 'Envoyer le signalement' }).click()
    await page.waitForURL(/\/signaler\?merci$/)
    await page.goto(`${new URL(deskUrl).origin}/moderation`)
    await page.locator('#q-reports + ul').getByRole('link', { name: title }).click()
    const reports = page.locator('#signalements')
    expect(await reports.innerText()).toContain('La salle indiquée a changé.')
    await reports.getByRole('button', { name: 'Clore le signalement' }).click()
    await page.waitForURL(/\?fait=signalement-clos$/)
    expect(await page.locator('#signalements').count()).toBe(0)

    // Found by a search on one of its ideas (the engines, fed by the outbox): among the
    // agenda's past events, and in « la parole recueillie » of its département.
    const idea = 'permanences numériques samedi'
    const agendaResults = page.locator('section[aria-labelledby="resultats-titre"]')
    await expect
      .poll(
        async () => {
          await page.goto(`/evenements?when=past&q=${encodeURIComponent(idea)}`)
          return agendaResults.getByRole('link', { name: title }).count()
        },
        { timeout: 20_000 }
      )
      .toBe(1)
    await page.goto('/parole-recueillie/territoires/dep:35')
    await page.getByLabel('Rechercher dans la parole recueillie').fill(idea)
    await page.getByRole('button', { name: 'Rechercher' }).click()
    await page.waitForURL(/\/parole-recueillie\/territoires\/dep:35\?q=/)
    const gathered = page.locator('article.parole', {
      has: page.getByRole('link', { name: title }),
    })
    expect(await gathered.innerText()).toContain('Des permanences numériques le samedi matin')
    expect(await gathered.innerText()).toContain('Ouvrir la médiathèque le dimanche')
    await audited(new URL(page.url()).pathname + new URL(page.url()).search, 'la parole recueillie')

    expect(foreign).toEqual([])
    expect(cspViolations).toEqual([])
    expect(audit.cspViolations).toEqual([])
  })
})
