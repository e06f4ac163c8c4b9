/**
 * Events through the HTTP API, in workerd with a real D1 and the real territory reference:
 * submission (zone of the place, UTC instants, derived territory), moderation through the
 * shared lifecycle, public read without the private contact, and 4xx naming the field.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { publishActor, submitActor } from './actor-fixtures'
import { debate, publishEvent, submitEvent } from './event-fixtures'
import { asModerator, postJson, request } from './fixtures'
import { embeddedEventEngine } from '../../worker/search/engines'
import { drainOutbox } from '../../worker/search/sync'

interface Problem {
  errors?: { pointer?: string; message: string }[]
}

async function pointersOf(res: Response, status = 400): Promise<string[]> {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  return ((await res.json()) as Problem).errors?.map((e) => e.pointer ?? '') ?? []
}

interface EventBody {
  id: string
  timeZone: string
  startsAtUtc: string
  endsAtUtc: string
  organisers: string[]
  restitution: unknown
  derived: {
    territories: { code: string; name: string }[]
    departments: { code: string }[]
    point: { lon: number; lat: number } | null
  }
}

describe('announcing an event', () => {
  it('is pending until approved, then public without its private contact', async () => {
    const sub = await submitEvent({ privateContact: { email: 'canari-evenement@example.org' } })
    expect(sub.status).toBe('pending')
    expect(sub.editToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect((await request(`/api/events/${sub.id}`)).status).toBe(404)

    const approved = await postJson(`/api/moderation/events/${sub.id}/approve`, {}, asModerator())
    expect(approved.status).toBe(200)

    const res = await request(`/api/events/${sub.slug}`)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain('canari-evenement@example.org')
    const event = JSON.parse(text) as EventBody
    expect(event.id).toBe(sub.id)
    // Rennes in March: winter time, UTC+1.
    expect(event.timeZone).toBe('Europe/Paris')
    expect(event.startsAtUtc).toBe('2026-03-12T17:30:00.000Z')
    expect(event.endsAtUtc).toBe('2026-03-12T19:30:00.000Z')
    expect(event.derived.territories).toEqual([{ code: 'com:35238', name: 'Rennes' }])
    expect(event.derived.departments.map((d) => d.code)).toEqual(['dep:35'])
    expect(event.derived.point).not.toBeNull()
    expect(event.restitution).toBeNull()
  })

  it('reads times in the zone of an overseas commune and files it under its département', async () => {
    const sub = await publishEvent({
      place: { commune: 'com:97411', venue: 'Médiathèque d’Exemple' },
      startsAt: '2026-06-05T18:30',
      endsAt: '2026-06-05T20:00',
    })
    const event = (await (await request(`/api/events/${sub.id}`)).json()) as EventBody
    expect(event.timeZone).toBe('Indian/Reunion')
    expect(event.startsAtUtc).toBe('2026-06-05T14:30:00.000Z')
    const row = await env.DB.prepare(
      'SELECT commune, department, region, starts_at, time_zone FROM events WHERE id = ?1'
    )
      .bind(sub.id)
      .first()
    expect(row).toEqual({
      commune: 'com:97411',
      department: 'dep:974',
      region: 'reg:04',
      starts_at: '2026-06-05T18:30',
      time_zone: 'Indian/Reunion',
    })
  })

  it('keeps an append-only history, queues both indexes and audits each decision', async () => {
    const sub = await publishEvent()
    const { results: revisions } = await env.DB.prepare(
      'SELECT revision, action, status FROM event_revisions WHERE event_id = ?1 ORDER BY revision'
    )
      .bind(sub.id)
      .all()
    expect(revisions).toEqual([
      { revision: 1, action: 'submit', status: 'pending' },
      { revision: 2, action: 'approve', status: 'published' },
    ])
    // A drain past the lease of the one each write nudged delivers what it may still hold.
    await drainOutbox(env, { now: new Date(Date.now() + 2 * 60_000) })
    const { results: outbox } = await env.DB.prepare(
      `SELECT record_kind, revision, target FROM search_outbox
       WHERE experiment_id = ?1 ORDER BY revision, target`
    )
      .bind(sub.id)
      .all()
    // Meilisearch is not configured here: its rows wait; the embedded engine's were
    // drained into its events index, at the published revision.
    expect(outbox).toEqual([
      { record_kind: 'event', revision: 1, target: 'meilisearch' },
      { record_kind: 'event', revision: 2, target: 'meilisearch' },
    ])
    expect((await embeddedEventEngine(env).indexedRevisions()).get(sub.id)).toBe(2)
    const audit = await env.DB.prepare('SELECT action FROM audit_log WHERE target = ?1')
      .bind(`event:${sub.id}`)
      .first()
    expect(audit).toEqual({ action: 'approve' })
    await expect(
      env.DB.prepare('DELETE FROM event_revisions WHERE event_id = ?1').bind(sub.id).run()
    ).rejects.toThrow(/append-only/)
  })

  it('links published actors as organisers, and refuses unpublished ones naming the field', async () => {
    const organiser = await publishActor()
    const pendingActor = await submitActor({ name: 'Collectif en attente d’Exemple' })
    const refused = await postJson(
      '/api/events',
      debate({ organisers: [organiser.id, pendingActor.id] })
    )
    expect(await pointersOf(refused)).toEqual(['/organisers/1'])

    const sub = await publishEvent({ organisers: [organiser.id] })
    const event = (await (await request(`/api/events/${sub.id}`)).json()) as EventBody
    expect(event.organisers).toEqual([organiser.id])
    const link = await env.DB.prepare('SELECT actor_id FROM event_actors WHERE event_id = ?1')
      .bind(sub.id)
      .first()
    expect(link).toEqual({ actor_id: organiser.id })
  })

  it('answers bad input with 400 naming each field', async () => {
    expect(
      await pointersOf(await postJson('/api/events', debate({ endsAt: '2026-03-12T17:00' })))
    ).toEqual(['/endsAt'])
    expect(
      await pointersOf(
        await postJson('/api/events', debate({ place: { commune: 'com:00000', venue: 'Salle' } }))
      )
    ).toEqual(['/place/commune'])
    expect(
      await pointersOf(await postJson('/api/events', debate({ territory: 'dep:000' })))
    ).toContain('/territory')
    expect(
      await pointersOf(await postJson('/api/events', { ...debate(), startsAt: '2026-02-30T10:00' }))
    ).toEqual(['/startsAt'])
    expect(
      await pointersOf(await postJson('/api/events', { ...debate(), privateContact: undefined }))
    ).toEqual(['/privateContact'])
  })

  it('moderators reject with a reason and the organiser is told by e-mail', async () => {
    const email = `organisation-${crypto.randomUUID().slice(0, 8)}@example.org`
    const sub = await submitEvent({ privateContact: { email } })
    const noReason = await postJson(`/api/moderation/events/${sub.id}/reject`, {}, asModerator())
    expect(await pointersOf(noReason)).toEqual(['/reason'])
    const rejected = await postJson(
      `/api/moderation/events/${sub.id}/reject`,
      { reason: 'Cet événement est commercial, hors du champ de l’observatoire.' },
      asModerator()
    )
    expect(rejected.status).toBe(200)
    expect((await request(`/api/events/${sub.id}`)).status).toBe(404)
    const mail = await env.DB.prepare('SELECT subject, body FROM local_mail WHERE to_address = ?1')
      .bind(email)
      .first<{ subject: string; body: string }>()
    expect(mail?.subject).toContain('Fiche refusée')
    expect(mail?.body).toContain('hors du champ de l’observatoire')
  })

  it('shows the private contact to moderators only', async () => {
    const sub = await submitEvent({ privateContact: { email: 'privee@example.org' } })
    expect((await request(`/api/moderation/events/${sub.id}`)).status).toBe(401)
    const res = await request(`/api/moderation/events/${sub.id}`, { headers: asModerator() })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('privee@example.org')
    const queue = await request('/api/moderation/events', { headers: asModerator() })
    expect(await queue.text()).toContain(sub.id)
  })
})
