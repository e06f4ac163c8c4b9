/**
 * Experience feedback: left through the API, pre-moderated, then shown on the record with
 * the « would recommend » counts; a reader's report sends it back to the desk.
 */
import { describe, expect, it } from 'vitest'
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

const recordPage = async (slug: string) =>
  (await request(`/experiences/${slug}`, { headers: { accept: 'text/html' } })).text()

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
