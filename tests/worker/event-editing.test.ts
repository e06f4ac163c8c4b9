/**
 * Events on the shared editing mechanism, in workerd with a real D1: a change waiting in
 * the old `events.proposal` column is moved by migration 0021 and read through the shared
 * service; an organiser's edit of a published event waits as a proposal, the desk
 * publishes it, the page and the history show it; a refusal keeps the published version;
 * answering a request for changes stores the organiser's reply for the desk.
 */
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { getEvent } from '../../worker/db/events'
import { insertModerator } from '../../worker/db/moderators'
import { hashPassword } from '../../worker/lib/password'
import { editableRecord } from '../../worker/services/editing'
import { EVENT_EDITING } from '../../worker/services/events'
import { publishEvent, submitEvent } from './event-fixtures'
import { asModerator, postForm, postJson, request } from './fixtures'
import { scrapeForm } from './form-scrape'

/** A desk session cookie of a moderator signed in through the desk's form. */
async function deskCookie(): Promise<string> {
  const name = `desk-${crypto.randomUUID().slice(0, 8)}`
  const password = 'correct horse battery staple 42'
  await insertModerator(env.DB, name, await hashPassword(password), new Date().toISOString()).run()
  const res = await postForm('/moderation/connexion', [
    ['moderateur', name],
    ['mot-de-passe', password],
  ])
  expect(res.status).toBe(303)
  return res.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-obs_session='))!
    .split(';')[0]!
}

/** The desk page of an event, and a way to post its decision forms. */
async function deskPage(cookie: string, id: string) {
  const html = await (await request(`/moderation/evenements/${id}`, { headers: { cookie } })).text()
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? ''
  /** Posts one of the page's decision forms as the moderator's browser would. */
  const decide = (action: string, fields: [string, string][] = []) =>
    postForm(action, [['_csrf', csrf], ['fiche', id], ...fields], { cookie })
  return { html, decide }
}

/** The organiser's edit form on the private page, posted with some fields retyped. */
async function organiserEdit(token: string, typed: Record<string, string>) {
  const path = `/evenements/prive/${token}`
  const form = scrapeForm(await (await request(path)).text(), `action="${path}/modifier"`)
  return postForm(
    `${path}/modifier`,
    form.map(([name, value]): [string, string] => [name, typed[name] ?? value])
  )
}

describe('migration 0021', () => {
  it('moves a change waiting in events.proposal into event_proposals, read by the shared service', async () => {
    const sub = await publishEvent({ title: 'Débat migré d’Exemple' })
    // The database as main left it before 0021: its tables gone, the migration not applied.
    await env.DB.batch(
      ['event_reports', 'event_owner_replies', 'event_proposals', 'event_edit_sessions']
        .map((table) => env.DB.prepare(`DROP TABLE ${table}`))
        .concat(
          env.DB.prepare(`DELETE FROM d1_migrations WHERE name LIKE '0021_%'`),
          // The old organiser's change: a restitution and a message, kept aside on the row.
          env.DB.prepare(
            `UPDATE events SET proposal = ?2, proposed_at = '2026-11-30T10:00:00.000Z' WHERE id = ?1`
          ).bind(
            sub.id,
            JSON.stringify({
              restitution: {
                participants: 30,
                publics: [],
                summary: 'Une soirée d’échanges.',
                ideas: ['Une idée migrée'],
                proposals: [],
                disagreements: [],
                documents: [],
                experiments: [],
              },
              message: 'Voici la restitution.',
            })
          )
        )
    )
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)

    const row = (await getEvent(env.DB, sub.id))!
    expect(row).toMatchObject({ proposal: null, proposed_at: null, restitution: null })
    const view = await editableRecord(env.DB, EVENT_EDITING, row)
    expect(view.pendingProposal).toEqual({ id: sub.id, createdAt: '2026-11-30T10:00:00.000Z' })
    expect(view.input.title).toBe('Débat migré d’Exemple')
    expect(view.input.restitution?.ideas).toEqual(['Une idée migrée'])
    const moved = await env.DB.prepare(
      `SELECT message, changes, base_revision FROM event_proposals WHERE event_id = ?1`
    )
      .bind(sub.id)
      .first()
    expect(moved).toEqual({ message: 'Voici la restitution.', changes: null, base_revision: 2 })

    // The private link shows it as waiting, and the desk publishes it whole.
    const page = await (await request(`/evenements/prive/${sub.editToken}`)).text()
    expect(page).toContain('Une modification attend la relecture')
    expect(page).toContain('Une idée migrée')
    const cookie = await deskCookie()
    const desk = await deskPage(cookie, sub.id)
    expect(desk.html).toContain('Voici la restitution.')
    const approved = await desk.decide(`/moderation/evenements/propositions/${sub.id}/approuver`)
    expect(approved.status).toBe(303)
    const published = await (await request(`/evenements/${sub.slug}`)).text()
    expect(published).toContain('Ce qui en est sorti')
    expect(published).toContain('Une idée migrée')
  })
})

describe('an organiser’s edit of a published event', () => {
  it('waits for the desk, which publishes it: the page and the history show it', async () => {
    const sub = await publishEvent({ title: 'Atelier des Tilleuls d’Exemple' })
    const posted = await organiserEdit(sub.editToken, {
      'place.venue': 'Médiathèque des Tilleuls d’Exemple',
      message: 'La salle a changé.',
    })
    expect(posted.status).toBe(200)
    expect(await posted.text()).toContain('l’équipe de modération va relire')
    // The published version stays online meanwhile; the private page shows the change.
    expect(await (await request(`/evenements/${sub.slug}`)).text()).not.toContain(
      'Médiathèque des Tilleuls'
    )
    expect(await (await request(`/evenements/prive/${sub.editToken}`)).text()).toContain(
      'value="Médiathèque des Tilleuls d’Exemple"'
    )
    const queue = (await (
      await request('/api/moderation/events', { headers: asModerator() })
    ).json()) as { items: { id: string }[] }
    expect(queue.items.map((e) => e.id)).toContain(sub.id)

    const cookie = await deskCookie()
    const desk = await deskPage(cookie, sub.id)
    expect(desk.html).toContain('<ins>Médiathèque des Tilleuls d’Exemple</ins>')
    expect(desk.html).toContain('La salle a changé.')
    const pid = /action="\/moderation\/evenements\/propositions\/([^/"]+)\/approuver"/.exec(
      desk.html
    )?.[1]
    expect(pid).toBeDefined()
    const approved = await desk.decide(`/moderation/evenements/propositions/${pid}/approuver`)
    expect(approved.status).toBe(303)
    expect(approved.headers.get('location')).toBe(
      `/moderation/evenements/${sub.id}?fait=proposition-publiee`
    )
    expect(await (await request(`/evenements/${sub.slug}`)).text()).toContain(
      'Médiathèque des Tilleuls d’Exemple'
    )
    const history = await (await request(`/evenements/${sub.slug}/historique`)).text()
    expect(history).toContain('Version 2')
    expect(history).toContain('<ins>Médiathèque des Tilleuls d’Exemple</ins>')
    // Approved once: a second decision is refused next to the form, nothing written.
    const again = await desk.decide(`/moderation/evenements/propositions/${pid}/approuver`)
    expect(again.status).toBe(409)
    expect((await getEvent(env.DB, sub.id))!.revision).toBe(3)
  })

  it('keeps the published version when the desk refuses, and tells the organiser why', async () => {
    const sub = await publishEvent({ title: 'Forum refusé d’Exemple' })
    await organiserEdit(sub.editToken, { title: 'Forum au titre refusé d’Exemple' })
    const cookie = await deskCookie()
    const desk = await deskPage(cookie, sub.id)
    const pid = /action="\/moderation\/evenements\/propositions\/([^/"]+)\/refuser"/.exec(
      desk.html
    )?.[1]
    const empty = await desk.decide(`/moderation/evenements/propositions/${pid}/refuser`, [
      ['raison', ''],
    ])
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('Indiquez la raison du refus')
    const refused = await desk.decide(`/moderation/evenements/propositions/${pid}/refuser`, [
      ['raison', 'Le titre doit rester celui annoncé.'],
    ])
    expect(refused.status).toBe(303)
    const row = (await getEvent(env.DB, sub.id))!
    expect(row.title).toBe('Forum refusé d’Exemple')
    const view = await editableRecord(env.DB, EVENT_EDITING, row)
    expect(view.pendingProposal).toBeNull()
    expect(view.rejectedProposal?.reason).toBe('Le titre doit rester celui annoncé.')
  })

  it('an edit after a waiting restitution keeps it: one proposal holds both', async () => {
    const sub = await publishEvent({ title: 'Débat complet d’Exemple' })
    const path = `/evenements/prive/${sub.editToken}`
    const restitution = await postForm(`${path}/restitution`, [
      ['summary', 'Une soirée d’échanges.'],
      ['ideas', 'Une idée gardée'],
    ])
    expect(restitution.status).toBe(200)
    await organiserEdit(sub.editToken, { 'place.venue': 'Salle gardée d’Exemple' })
    const { results } = await env.DB.prepare(
      `SELECT status FROM event_proposals WHERE event_id = ?1 ORDER BY created_at, id`
    )
      .bind(sub.id)
      .all<{ status: string }>()
    expect(results.map((r) => r.status)).toEqual(['superseded', 'pending'])
    const view = await editableRecord(env.DB, EVENT_EDITING, (await getEvent(env.DB, sub.id))!)
    expect(view.input.restitution?.ideas).toEqual(['Une idée gardée'])
    expect(view.input.place?.venue).toBe('Salle gardée d’Exemple')
  })
})

describe('an event sent back for changes', () => {
  it('returns to the queue when the organiser answers, with the answer for the desk', async () => {
    const sub = await submitEvent({ title: 'Atelier à préciser d’Exemple' })
    const asked = await postJson(
      `/api/moderation/events/${sub.id}/request-changes`,
      { reason: 'Précisez la salle, s’il vous plaît.' },
      asModerator()
    )
    expect(asked.status).toBe(200)
    const answered = await organiserEdit(sub.editToken, {
      'place.venue': 'Salle précisée d’Exemple',
      message: 'C’est la salle du haut.',
    })
    expect(answered.status).toBe(200)
    const row = (await getEvent(env.DB, sub.id))!
    expect(row.status).toBe('pending')
    const view = await editableRecord(env.DB, EVENT_EDITING, row)
    expect(view.reply?.message).toBe('C’est la salle du haut.')
    expect(view.input.place?.venue).toBe('Salle précisée d’Exemple')
    // The desk reads the answer next to the event it asked about.
    const desk = await deskPage(await deskCookie(), sub.id)
    expect(desk.html).toContain('Réponse du porteur')
    expect(desk.html).toContain('C’est la salle du haut.')
  })
})

describe('reports on an event', () => {
  it('are filed from « Signaler un problème », listed in the desk queue with the event, and closed', async () => {
    const sub = await publishEvent({ title: 'Forum signalé d’Exemple' })
    const page = await (await request(`/evenements/${sub.slug}`)).text()
    expect(page).toContain(`href="/evenements/${sub.slug}/signaler"`)
    const form = await request(`/evenements/${sub.slug}/signaler`)
    expect(form.status).toBe(200)
    expect(await form.text()).toContain('Forum signalé d’Exemple')

    // Bad input comes back next to its field; nothing is stored.
    const bad = await postForm(`/evenements/${sub.slug}/signaler`, [['message', 'x']])
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('href="#r-reason"')
    const filed = await postForm(`/evenements/${sub.slug}/signaler`, [
      ['reason', 'outdated'],
      ['message', 'La salle a changé depuis l’annonce.'],
    ])
    expect(filed.status).toBe(303)
    expect(filed.headers.get('location')).toBe(`/evenements/${sub.slug}/signaler?merci`)
    // A filled honeypot is answered like a success, and nothing is stored.
    const bot = await postForm(`/evenements/${sub.slug}/signaler`, [
      ['reason', 'wrong'],
      ['message', 'spam'],
      ['fax', 'https://spam.example'],
    ])
    expect(bot.status).toBe(303)
    const { results } = await env.DB.prepare(
      `SELECT id, reason, message FROM event_reports WHERE event_id = ?1 AND status = 'open'`
    )
      .bind(sub.id)
      .all<{ id: string; reason: string; message: string }>()
    expect(results.map(({ reason, message }) => ({ reason, message }))).toEqual([
      { reason: 'outdated', message: 'La salle a changé depuis l’annonce.' },
    ])

    const cookie = await deskCookie()
    const queue = await (await request('/moderation', { headers: { cookie } })).text()
    expect(queue).toContain(
      `Événement : <a href="/moderation/evenements/${sub.id}#signalements">Forum signalé d’Exemple</a>`
    )
    const desk = await deskPage(cookie, sub.id)
    expect(desk.html).toContain('La salle a changé depuis l’annonce.')
    const rid = results[0]!.id
    const closed = await desk.decide(`/moderation/evenements/signalements/${rid}/clore`, [
      ['raison', 'Salle corrigée avec l’organisateur.'],
    ])
    expect(closed.status).toBe(303)
    expect(closed.headers.get('location')).toBe(
      `/moderation/evenements/${sub.id}?fait=signalement-clos`
    )
    expect(await (await request('/moderation', { headers: { cookie } })).text()).not.toContain(
      `/moderation/evenements/${sub.id}#signalements`
    )
    const audit = await env.DB.prepare(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'close-report' AND target = ?1`
    )
      .bind(`event:${sub.id}`)
      .first<{ n: number }>()
    expect(audit?.n).toBe(1)
    // Closed once: closing again is refused, next to the form.
    expect((await desk.decide(`/moderation/evenements/signalements/${rid}/clore`)).status).toBe(409)
  })

  it('through the API: 201, a problem naming the field on bad input, 404 unless published', async () => {
    const sub = await publishEvent({ title: 'Atelier signalé par l’API d’Exemple' })
    const ok = await postJson(`/api/events/${sub.slug}/reports`, {
      reason: 'wrong',
      message: 'L’heure est fausse.',
    })
    expect(ok.status).toBe(201)
    const bad = await postJson(`/api/events/${sub.id}/reports`, { reason: 'nope' })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
    expect(JSON.stringify(await bad.json())).toContain('/reason')
    const unknownField = await postJson(`/api/events/${sub.id}/reports`, {
      reason: 'wrong',
      email: 'x@example.org',
    })
    expect(unknownField.status).toBe(400)
    const pending = await submitEvent({ title: 'Atelier en attente d’Exemple' })
    expect((await postJson(`/api/events/${pending.id}/reports`, { reason: 'wrong' })).status).toBe(
      404
    )
    expect((await request(`/evenements/${pending.slug}/signaler`)).status).toBe(404)
  })
})
