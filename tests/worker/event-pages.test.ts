/**
 * An event's pages in workerd with a real D1: the form without JavaScript (French errors
 * naming the field, the private link shown once), the public page (times in the place's
 * zone named when not metropolitan, organisers linked, schema.org JSON-LD, no private
 * field), and the organiser's private page (an edit and a restitution wait for a
 * moderator, then « Ce qui en est sorti » shows).
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { drainOutbox } from '../../worker/search/sync'
import { publishActor } from './actor-fixtures'
import { approveEventChange, publishEvent } from './event-fixtures'
import { asModerator, postForm, postJson, publish, refusedByTurnstile, request } from './fixtures'
import { scrapeForm } from './form-scrape'

/** A débat citoyen as the form sends it, with some fields retyped. */
function debateForm(typed: Record<string, string> = {}): [string, string][] {
  const fields: Record<string, string> = {
    title: 'Débat citoyen : nos démarches en ligne',
    kind: 'debat',
    description: 'Un débat ouvert à tous sur les démarches en ligne, à la médiathèque.',
    startsAt: '2026-03-12T18:30',
    endsAt: '2026-03-12T20:30',
    attendance: 'on-site',
    'place.commune': 'Rennes',
    'place.venue': 'Médiathèque d’Exemple',
    organiserName: 'Association Clic d’Exemple',
    price: 'free',
    'privateContact.email': 'debat@example.org',
    fax: '',
    ...typed,
  }
  return [...Object.entries(fields), ['themes', 'mediation']]
}

describe('announcing an event without JavaScript', () => {
  it('shows the form, then French errors naming each field, keeping what was typed', async () => {
    const form = await request('/evenements/proposer')
    expect(form.status).toBe(200)
    const html = await form.text()
    expect(html).toContain('name="startsAt"')
    expect(html).toContain('type="datetime-local"')

    const res = await postForm('/evenements/proposer', debateForm({ title: '' }))
    expect(res.status).toBe(400)
    const page = await res.text()
    expect(page).toContain('<a href="#f-title">Titre</a> : Ce champ est obligatoire.')
    expect(page).toContain('Médiathèque d’Exemple')

    const reversed = await postForm(
      '/evenements/proposer',
      debateForm({ endsAt: '2026-03-12T17:00' })
    )
    expect(reversed.status).toBe(400)
    expect(await reversed.text()).toContain(
      '<a href="#f-endsAt">Fin</a> : La fin doit suivre le début.'
    )
  })

  it('shows a failed anti-robot check at the Turnstile widget, not on the title', async () => {
    const title = 'Atelier robot d’Exemple'
    const html = await refusedByTurnstile('/evenements/proposer', debateForm({ title }), 'f')
    expect(html).not.toContain('id="f-title-erreur"')
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM events WHERE title = ?1')
      .bind(title)
      .first<{ n: number }>()
    expect(stored?.n).toBe(0)
  })

  it('resolves the commune by name, stores it pending and shows the private link once', async () => {
    const res = await postForm('/evenements/proposer', debateForm())
    expect(res.status).toBe(201)
    const html = await res.text()
    expect(res.headers.get('cache-control')).toBe('no-store')
    const link = /href="(https?:\/\/[^"]+\/evenements\/prive\/[A-Za-z0-9_-]{43})"/.exec(html)?.[1]
    expect(link).toBeTruthy()
    const row = await env.DB.prepare(
      `SELECT status, commune, time_zone FROM events WHERE title = 'Débat citoyen : nos démarches en ligne'`
    ).first()
    expect(row).toEqual({ status: 'pending', commune: 'com:35238', time_zone: 'Europe/Paris' })
  })

  it('chooses organisers by name: a search keeps what was typed, the choice stores the id, the page links the name', async () => {
    const organiser = await publishActor({ name: 'Fabrique numérique des Tilleuls d’Exemple' })
    await drainOutbox(env)
    const searched = await postForm('/evenements/proposer', [
      ...debateForm({ title: 'Débat de la Fabrique d’Exemple' }),
      ['organisers', ''],
      ['pick:organisers', 'fabrique tilleuls'],
      ['pick', 'organisers'],
    ])
    expect(searched.status).toBe(200)
    const page = await searched.text()
    expect(page).toContain('value="Débat de la Fabrique d’Exemple"')
    expect(page).toContain('Médiathèque d’Exemple')
    expect(page).toContain(
      `<input type="checkbox" id="f-organisers-${organiser.id}" name="organisers" value="${organiser.id}"/>`
    )
    expect(page).toContain('Fabrique numérique des Tilleuls d’Exemple')
    expect(page).not.toContain(`>${organiser.id}<`)

    // The organiser ticks the box the search offered and submits: its id is stored.
    const form = scrapeForm(page, 'action="/evenements/proposer"').map(
      ([n, v]): [string, string] => [n, n.startsWith('pick:') ? '' : v]
    )
    const sent = await postForm('/evenements/proposer', [...form, ['organisers', organiser.id]])
    expect(sent.status).toBe(201)
    const row = await env.DB.prepare(
      `SELECT id, json_extract(data, '$.organisers') AS organisers FROM events
       WHERE title = 'Débat de la Fabrique d’Exemple'`
    ).first<{ id: string; organisers: string }>()
    expect(JSON.parse(row!.organisers)).toEqual([organiser.id])

    await postJson(`/api/moderation/events/${row!.id}/approve`, {}, asModerator())
    const slug = await env.DB.prepare(`SELECT slug FROM events WHERE id = ?1`)
      .bind(row!.id)
      .first<string>('slug')
    const publicPage = await (await request(`/evenements/${slug}`)).text()
    expect(publicPage).toContain(
      `<a href="/acteurs/${organiser.slug}">Fabrique numérique des Tilleuls d’Exemple</a>`
    )
  })

  it('refuses an unpublished organiser in French, next to its field', async () => {
    const res = await postForm('/evenements/proposer', [
      ...debateForm(),
      ['organisers', '01JD8Z6M4S4X7R2Q9F3K5V1B0C'],
    ])
    expect(res.status).toBe(400)
    const page = await res.text()
    expect(page).toContain('id="f-organisers-erreur"')
    expect(page).toContain('Choisissez une structure publiée du réseau')
    expect(page).toContain('href="#f-organisers"')
  })

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const res = await postForm(
      '/evenements/proposer',
      debateForm({ title: 'Annonce de robot', fax: 'x' })
    )
    expect(res.status).toBe(201)
    const row = await env.DB.prepare(
      `SELECT id FROM events WHERE title = 'Annonce de robot'`
    ).first()
    expect(row).toBeNull()
  })
})

describe('an event’s page', () => {
  it('names the zone of an overseas place, links organisers, carries JSON-LD, never the private contact', async () => {
    const organiser = await publishActor({ name: 'Tiers-lieu d’Exemple' })
    const sub = await publishEvent({
      place: { commune: 'com:97411', venue: 'Médiathèque d’Exemple' },
      startsAt: '2026-06-05T18:30',
      endsAt: '2026-06-05T20:00',
      organisers: [organiser.id],
      privateContact: { email: 'canari-page@example.org' },
    })
    const res = await request(`/evenements/${sub.slug}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('18 h 30 à 20 h 00, heure de La Réunion')
    expect(html).toContain(`href="/acteurs/${organiser.slug}"`)
    expect(html).not.toContain('canari-page@example.org')
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1]
    const event = JSON.parse(ld ?? 'null') as Record<string, unknown>
    expect(event['@type']).toBe('Event')
    expect(event.startDate).toBe('2026-06-05T14:30:00.000Z')
    expect(JSON.stringify(event)).toContain('Saint-Denis')
  })

  it('is 404 while pending', async () => {
    const res = await postJson('/api/events', {
      title: 'Atelier en attente d’Exemple',
      kind: 'atelier',
      description: 'Un atelier qui attend encore la relecture des modérateurs.',
      startsAt: '2026-05-01T10:00',
      endsAt: '2026-05-01T12:00',
      place: { commune: 'com:35238', venue: 'Salle d’Exemple' },
      organiserName: 'Collectif d’Exemple',
      themes: ['mediation'],
      privateContact: { email: 'attente@example.org' },
    })
    const { slug } = (await res.json()) as { slug: string }
    expect((await request(`/evenements/${slug}`)).status).toBe(404)
  })
})

describe('the organiser’s private page', () => {
  it('adds what came out of it: held for a moderator, then shown as « Ce qui en est sorti »', async () => {
    const sub = await publishEvent({ privateContact: { email: 'restitution@example.org' } })
    const path = `/evenements/prive/${sub.editToken}`
    const page = await request(path)
    expect(page.status).toBe(200)
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    const form = scrapeForm(await page.text(), `action="${path}/restitution"`)
    const typed: Record<string, string> = {
      participants: '42',
      summary: 'Une soirée riche, des habitants de tous âges.',
      ideas: 'Des permanences numériques le samedi\nUn annuaire des aidants',
      proposals: 'Ouvrir la médiathèque le dimanche',
    }
    const posted = await postForm(
      `${path}/restitution`,
      form.map(([name, value]): [string, string] => [name, typed[name] ?? value])
    )
    expect(posted.status).toBe(200)
    expect(await posted.text()).toContain('l’équipe de modération va relire')

    const before = await (await request(`/evenements/${sub.slug}`)).text()
    expect(before).not.toContain('Ce qui en est sorti')
    const queue = await request('/api/moderation/events', { headers: asModerator() })
    expect(await queue.text()).toContain(sub.id)

    await approveEventChange(sub.id)
    const after = await (await request(`/evenements/${sub.slug}`)).text()
    expect(after).toContain('Ce qui en est sorti')
    expect(after).toContain('Des permanences numériques le samedi')
    const api = (await (await request(`/api/events/${sub.id}`)).json()) as {
      restitution: { participants: number; ideas: string[] }
    }
    expect(api.restitution.participants).toBe(42)
    expect(api.restitution.ideas).toHaveLength(2)
    const history = await env.DB.prepare(
      `SELECT json_extract(data, '$.restitution.participants') AS n FROM event_revisions
       WHERE event_id = ?1 ORDER BY revision DESC LIMIT 1`
    )
      .bind(sub.id)
      .first()
    expect(history).toEqual({ n: 42 })
  })

  it('refuses a restitution naming an unpublished experiment, next to its field', async () => {
    const sub = await publishEvent()
    const path = `/evenements/prive/${sub.editToken}`
    const res = await postForm(`${path}/restitution`, [
      ['summary', 'Une soirée.'],
      ['experiments.0.experimentId', '01JD8Z6M4S4X7R2Q9F3K5V1B0C'],
      ['experiments.0.relation', 'presented'],
    ])
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Choisissez une expérience publiée de l’observatoire')
    expect(html).toContain('href="#f-experiments-0-experimentId"')
  })

  it('chooses the restitution’s experiments by title and shows them by name', async () => {
    const experiment = await publish({ title: 'Permanences numériques des Tilleuls d’Exemple' })
    await drainOutbox(env)
    const sub = await publishEvent({ privateContact: { email: 'tilleuls@example.org' } })
    const path = `/evenements/prive/${sub.editToken}`
    const searched = await postForm(`${path}/restitution`, [
      ['summary', 'Une soirée autour des permanences.'],
      ['experiments.0.experimentId', ''],
      ['experiments.0.relation', 'presented'],
      ['pick:experiments.0.experimentId', 'permanences tilleuls'],
      ['pick', 'experiments.0.experimentId'],
    ])
    expect(searched.status).toBe(200)
    const page = await searched.text()
    expect(page).toContain('Une soirée autour des permanences.')
    expect(page).toContain(
      `name="experiments.0.experimentId" value="${experiment.id}"/><label for="f-experiments-0-experimentId-${experiment.id}">Permanences numériques des Tilleuls d’Exemple`
    )

    const chosen = await postForm(`${path}/restitution`, [
      ['summary', 'Une soirée autour des permanences.'],
      ['experiments.0.experimentId', experiment.id],
      ['experiments.0.relation', 'presented'],
    ])
    expect(chosen.status).toBe(200)
    const back = await (await request(path)).text()
    expect(back).toContain(
      `value="${experiment.id}" checked=""/><label for="f-experiments-0-experimentId-${experiment.id}">Permanences numériques des Tilleuls d’Exemple`
    )
  })

  it('shows the approved restitution in the public history, labelled, never as codes or ids', async () => {
    const experiment = await publish({ title: 'Ateliers numériques du Marronnier d’Exemple' })
    const sub = await publishEvent({ privateContact: { email: 'historique@example.org' } })
    const posted = await postForm(`/evenements/prive/${sub.editToken}/restitution`, [
      ['participants', '35'],
      ['publics', 'seniors'],
      ['summary', 'Une soirée sur les ateliers du quartier.'],
      ['ideas', 'Un atelier mensuel à la maison de quartier'],
      ['experiments.0.experimentId', experiment.id],
      ['experiments.0.relation', 'presented'],
    ])
    expect(posted.status).toBe(200)
    await approveEventChange(sub.id)

    const eventPage = await (await request(`/evenements/${sub.slug}`)).text()
    expect(eventPage).toContain(`href="/evenements/${sub.slug}/historique"`)
    const res = await request(`/evenements/${sub.slug}/historique`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Version 2')
    expect(html).toContain('<th scope="row">Ce qui en est sorti — Idées</th>')
    expect(html).toContain('<ins>Un atelier mensuel à la maison de quartier</ins>')
    expect(html).toContain('<th scope="row">Ce qui en est sorti — Publics présents</th>')
    expect(html).toContain('<ins>Seniors</ins>')
    expect(html).toContain(
      '<ins>Expérience : Ateliers numériques du Marronnier d’Exemple, Lien avec l’événement : Présentée lors de l’événement</ins>'
    )
    expect(html).not.toContain(experiment.id)
    expect(html).not.toMatch(/>restitution\.|presented|>seniors</)
    expect((await request('/evenements/inconnu-d-exemple/historique')).status).toBe(404)
  })

  it('edits a pending announcement in place', async () => {
    const res = await postJson('/api/events', {
      title: 'Forum d’Exemple en attente',
      kind: 'forum',
      description: 'Un forum des initiatives numériques locales, ouvert à tous.',
      startsAt: '2027-05-01T10:00',
      endsAt: '2027-05-01T17:00',
      place: { commune: 'com:35238', venue: 'Halle d’Exemple' },
      organiserName: 'Collectif d’Exemple',
      themes: ['mediation'],
      privateContact: { email: 'forum@example.org' },
    })
    const sub = (await res.json()) as { id: string; editToken: string }
    const path = `/evenements/prive/${sub.editToken}`
    const html = await (await request(path)).text()
    expect(html).toContain('Après l’événement, vous pourrez ajouter ici ce qui en est sorti.')
    const form = scrapeForm(html, `action="${path}/modifier"`)
    const posted = await postForm(
      `${path}/modifier`,
      form.map(([n, v]): [string, string] => [
        n,
        n === 'place.venue' ? 'Grande halle d’Exemple' : v,
      ])
    )
    const body = await posted.text()
    expect(posted.status, /error-summary.*?<\/div>/s.exec(body)?.[0]).toBe(200)
    const row = await env.DB.prepare(
      `SELECT revision, json_extract(data, '$.place.venue') AS venue FROM events WHERE id = ?1`
    )
      .bind(sub.id)
      .first()
    expect(row).toEqual({ revision: 2, venue: 'Grande halle d’Exemple' })
  })

  it('refuses an unknown link', async () => {
    const res = await request(`/evenements/prive/${'x'.repeat(43)}`)
    expect(res.status).toBe(404)
  })
})
