/**
 * Experience feedback: left through the API, pre-moderated, then shown on the record with
 * the « would recommend » counts; a reader's report sends it back to the desk. Given on
 * behalf of a published actor on someone else's practice, it counts as that actor's review.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { publishActor, submitActor } from './actor-fixtures'
import { asModerator, postJson, publish, request } from './fixtures'

const answer = (overrides: Record<string, unknown> = {}) => ({
  role: 'adopter',
  territory: 'dep:35',
  authorName: 'Service numérique de la Commune d’Exemple',
  tried: 'Deux permanences par semaine dans la mairie annexe.',
  worked: 'Les rendez-vous pris par téléphone.',
  didNotWork: 'Le créneau du lundi matin.',
  recommend: 'rather-yes',
  argumentsFor: ['Peu coûteux', 'Rapide à lancer'],
  argumentsAgainst: ['Demande un agent formé'],
  ...overrides,
})

const page = async (path: string) =>
  (await request(path, { headers: { accept: 'text/html' } })).text()
const recordPage = async (slug: string) => page(`/experiences/${slug}`)

describe('experience feedback', () => {
  it('is published after moderation, shown with its counts, and reports bring it back', async () => {
    const record = await publish({ title: 'Permanences numériques d’Exempleville' })
    const res = await postJson(`/api/experiments/${record.slug}/feedback`, answer())
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    expect(await recordPage(record.slug)).toContain('Aucun retour publié pour l’instant.')

    const queue = (await (
      await request('/api/moderation/feedback', { headers: asModerator() })
    ).json()) as { items: { id: string }[] }
    expect(queue.items.map((f) => f.id)).toContain(id)
    expect(
      (await postJson(`/api/moderation/feedback/${id}/approve`, {}, asModerator())).status
    ).toBe(204)

    const listed = (await (await request(`/api/experiments/${record.id}/feedback`)).json()) as {
      items: { id: string; territory: { name: string } }[]
      recommend: { code: string; count: number }[]
    }
    expect(listed.items.map((f) => f.id)).toEqual([id])
    expect(listed.items[0]!.territory.name).toBe('Ille-et-Vilaine')
    expect(listed.recommend.find((r) => r.code === 'rather-yes')?.count).toBe(1)
    const html = await recordPage(record.slug)
    expect(html).toContain('1 retour publié')
    expect(html).toContain('Deux permanences par semaine dans la mairie annexe.')
    expect(html).toContain('Peu coûteux · Rapide à lancer')

    // Reported: back on the moderators' list, still shown until decided; then withdrawn.
    expect((await request(`/api/feedback/${id}/reports`, { method: 'POST' })).status).toBe(204)
    const again = (await (
      await request('/api/moderation/feedback', { headers: asModerator() })
    ).json()) as { items: { id: string; reports: number }[] }
    expect(again.items.find((f) => f.id === id)?.reports).toBe(1)
    expect(
      (await postJson(`/api/moderation/feedback/${id}/reject`, {}, asModerator())).status
    ).toBe(204)
    expect(await recordPage(record.slug)).not.toContain('Deux permanences par semaine')
    expect((await request(`/api/feedback/${id}/reports`, { method: 'POST' })).status).toBe(404)
  })

  it('refuses invalid answers with the field named, and unpublished records', async () => {
    const record = await publish({ title: 'Ateliers du samedi d’Exempleville' })
    const post = (body: unknown) => postJson(`/api/experiments/${record.id}/feedback`, body)
    const pointers = async (r: Response) =>
      ((await r.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)
    const bad = await post(answer({ recommend: 'maybe', tried: 'court' }))
    expect(bad.status).toBe(400)
    expect((await pointers(bad)).sort()).toEqual(['/recommend', '/tried'])
    const unknown = await post(answer({ territory: 'dep:00' }))
    expect(unknown.status).toBe(400)
    const tooMany = await post(answer({ argumentsFor: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'] }))
    expect(tooMany.status).toBe(400)
    expect(
      (await postJson('/api/experiments/01JD8Z6M4S4X7R2Q9F3K5V1B0C/feedback', answer())).status
    ).toBe(404)
  })
})

describe('feedback on behalf of an actor: reviews of others’ records', () => {
  interface Network {
    reviews: { id: string; experiment: { slug: string; title: string } }[]
    contributions: { reviewed: number }
  }
  const networkOf = async (slug: string) =>
    (await (await request(`/api/network/actors/${slug}`)).json()) as Network
  const leave = async (experimentId: string, actorId: string) => {
    const res = await postJson(`/api/experiments/${experimentId}/feedback`, answer({ actorId }))
    expect(res.status).toBe(201)
    return ((await res.json()) as { id: string }).id
  }
  const decide = async (id: string, decision: 'approve' | 'reject') =>
    expect(
      (await postJson(`/api/moderation/feedback/${id}/${decision}`, {}, asModerator())).status
    ).toBe(204)

  it('counts once published, shows the structure on the answer and lists the review on its page', async () => {
    const actor = await publishActor({
      name: 'Médiathèque relectrice d’Exemple',
      privateContact: { email: 'contact-prive-relectrice@example.org' },
    })
    const record = await publish({ title: 'Permanences relues d’Exempleville' })
    const id = await leave(record.id, actor.id)
    // Pending: not counted, not listed.
    expect(await networkOf(actor.slug)).toMatchObject({
      reviews: [],
      contributions: { reviewed: 0 },
    })

    await decide(id, 'approve')
    const after = await networkOf(actor.slug)
    expect(after.contributions.reviewed).toBe(1)
    expect(after.reviews).toEqual([
      expect.objectContaining({
        id,
        experiment: expect.objectContaining({
          slug: record.slug,
          title: 'Permanences relues d’Exempleville',
        }),
      }),
    ])
    const listed = (await (await request(`/api/experiments/${record.id}/feedback`)).json()) as {
      items: { id: string; actor: unknown }[]
    }
    expect(listed.items.find((f) => f.id === id)?.actor).toEqual({
      id: actor.id,
      slug: actor.slug,
      name: 'Médiathèque relectrice d’Exemple',
    })
    const recordPage = await page(`/experiences/${record.slug}`)
    expect(recordPage).toContain(
      `Au nom de <a href="/acteurs/${actor.slug}">Médiathèque relectrice d’Exemple</a>`
    )
    const actorPage = await page(`/acteurs/${actor.slug}`)
    expect(actorPage).toContain(
      '<dt>Relectures</dt><dd>1 retour sur la pratique d’une autre structure</dd>'
    )
    expect(actorPage).toContain(
      `<a href="/experiences/${record.slug}#retour-${id}">Permanences relues d’Exempleville</a>`
    )
    const english = await request(`/acteurs/${actor.slug}`, {
      headers: { accept: 'text/html', 'accept-language': 'en' },
    })
    expect(await english.text()).toContain('1 review of another organisation’s practice')
    const contributors = await page('/territoires/com:35238/contributeurs')
    expect(contributors).toContain('1 retour sur la pratique d’une autre structure')
    // The structure's private contact is in none of these outputs.
    for (const view of [recordPage, actorPage, JSON.stringify(listed), JSON.stringify(after)])
      expect(view).not.toContain('contact-prive-relectrice@example.org')
  })

  it('feedback on its own practice (porteur or partner) is shown but is no review', async () => {
    const actor = await publishActor({ name: 'Tiers-lieu auto-relu d’Exemple' })
    const led = await publish({
      title: 'Fabrique portée d’Exemple',
      lead: { name: 'Tiers-lieu auto-relu d’Exemple', kind: 'association', actorId: actor.id },
    })
    const partnered = await publish({
      title: 'Atelier en partenariat d’Exemple',
      partners: [{ name: 'Tiers-lieu auto-relu d’Exemple', role: 'lieu', actorId: actor.id }],
    })
    for (const record of [led, partnered]) await decide(await leave(record.id, actor.id), 'approve')
    expect(await networkOf(actor.slug)).toMatchObject({
      reviews: [],
      contributions: { reviewed: 0 },
    })
    expect(await page(`/experiences/${led.slug}`)).toContain(
      `Au nom de <a href="/acteurs/${actor.slug}">Tiers-lieu auto-relu d’Exemple</a>`
    )
  })

  it('a rejected answer is never counted', async () => {
    const actor = await publishActor({ name: 'Centre social refusé d’Exemple' })
    const record = await publish({ title: 'Cafés numériques refusés d’Exemple' })
    await decide(await leave(record.id, actor.id), 'reject')
    expect(await networkOf(actor.slug)).toMatchObject({
      reviews: [],
      contributions: { reviewed: 0 },
    })
  })

  it('an unknown, unpublished or malformed actor is refused naming actorId, nothing stored', async () => {
    const record = await publish({ title: 'Ateliers sans structure d’Exemple' })
    const pending = await submitActor({ name: 'Association en attente de relecture' })
    for (const actorId of ['01JD8Z6M4S4X7R2Q9F3K5V1B0C', pending.id, 'pas-un-identifiant']) {
      const res = await postJson(`/api/experiments/${record.id}/feedback`, answer({ actorId }))
      expect(res.status).toBe(400)
      const body = (await res.json()) as { errors: { pointer: string }[] }
      expect(body.errors.map((e) => e.pointer)).toEqual(['/actorId'])
    }
    const stored = await env.DB.prepare(
      'SELECT count(*) AS n FROM feedback WHERE experiment_id = ?1'
    )
      .bind(record.id)
      .first<{ n: number }>()
    expect(stored?.n).toBe(0)
  })
})
