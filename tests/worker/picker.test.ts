/**
 * The record picker in workerd: the JSON endpoint the combobox calls (engines' results
 * with title and territory), and the forms without JavaScript — a search posts the form
 * back with the candidates and everything typed kept; a chosen id is stored and shown by
 * title; an unknown or unpublished id comes back as a French error next to its field.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { drainOutbox } from '../../worker/search/sync'
import { publishActor, submitActor } from './actor-fixtures'
import { postForm, publish, request, submit } from './fixtures'

const UNKNOWN_ID = '01JD8Z6M4S4X7R2Q9F3K5V1B0C'

/** A complete, valid /proposer form as a browser sends it, plus `extra` pairs. */
function proposal(title: string, extra: [string, string][] = []): [string, string][] {
  return [
    ['title', title],
    ['summary', 'Des ateliers hebdomadaires dans la médiathèque pour les démarches en ligne.'],
    ['lead.name', 'Commune d’Exemple'],
    ['lead.kind', 'commune'],
    ['lead.actorId', ''],
    ['territories', 'com:35238'],
    ['themes', 'mediation'],
    ['stage', 'pilot'],
    ['inspiredBy', ''],
    ['privateContact.email', 'referente@example.fr'],
    ['fax', ''],
    ...extra,
  ]
}

const html = async (res: Response) => res.text()

let source: { id: string; slug: string }
let pending: { id: string }

beforeAll(async () => {
  source = await publish({
    title: 'Vélo-école numérique des Sablières d’Exemple',
    territories: ['com:35238'],
  })
  pending = await submit({ title: 'Vélo-école numérique en attente d’Exemple' })
  await drainOutbox(env)
})

describe('GET /api/picker/{kind}', () => {
  it('answers published experiments from the engines, with title and territory', async () => {
    const res = await request('/api/picker/experiment?q=v%C3%A9lo-%C3%A9cole%20sabli%C3%A8res')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: { id: string; title: string; place: string }[] }
    expect(body.items[0]).toEqual({
      id: source.id,
      title: 'Vélo-école numérique des Sablières d’Exemple',
      place: 'Rennes',
    })
    expect(body.items.map((i) => i.id)).not.toContain(pending.id)
    const excluded = (await (
      await request(`/api/picker/experiment?q=sabli%C3%A8res&exclude=${source.id}`)
    ).json()) as { items: { id: string }[] }
    expect(excluded.items.map((i) => i.id)).not.toContain(source.id)
  })

  it('refuses an empty search or an unknown kind with a problem naming the field', async () => {
    const empty = await request('/api/picker/experiment?q=')
    expect(empty.status).toBe(400)
    expect(await empty.text()).toContain('q')
    expect((await request('/api/picker/territory?q=rennes')).status).toBe(400)
  })
})

describe('the « inspirée de » picker on /proposer, without JavaScript', () => {
  it('a search comes back with the candidates and every typed field kept', async () => {
    const title = 'Vélo-école reprise à Exempleville'
    const res = await postForm('/proposer', [
      ...proposal(title),
      ['pick:inspiredBy', 'vélo-école sablières'],
      ['pick', 'inspiredBy'],
    ])
    expect(res.status).toBe(200)
    const page = await html(res)
    expect(page).toContain(`value="${title}"`)
    expect(page).toContain('Trouvé pour « vélo-école sablières »')
    expect(page).toMatch(
      new RegExp(
        `<input type="checkbox" id="f-inspiredBy-${source.id}" name="inspiredBy" value="${source.id}"/>`
      )
    )
    expect(page).toContain('Vélo-école numérique des Sablières d’Exemple')
    // Nothing stored by a search.
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM experiments WHERE title = ?1')
      .bind(title)
      .first<{ n: number }>()
    expect(stored?.n).toBe(0)
  })

  it('Enter in the search box (text left in it, no button) searches too', async () => {
    const res = await postForm('/proposer', [
      ...proposal('Vélo-école de Exemple-sur-Mer'),
      ['pick:inspiredBy', 'sablières'],
    ])
    expect(res.status).toBe(200)
    expect(await html(res)).toContain(`value="${source.id}"`)
  })

  it('stores the chosen record, which the new record’s page then names by title', async () => {
    const title = 'Vélo-école essaimée à Exemple-la-Forêt'
    const res = await postForm('/proposer', [
      ...proposal(title, [
        ['inspiredBy', source.id],
        ['_confirm', '1'],
      ]),
    ])
    expect(res.status, await res.clone().text()).toBe(201)
    const row = await env.DB.prepare('SELECT data FROM experiments WHERE title = ?1')
      .bind(title)
      .first<{ data: string }>()
    expect(JSON.parse(row!.data).inspiredBy).toEqual([source.id])
  })

  it('an unknown or unpublished id is a French error next to the field, shown without the id', async () => {
    for (const id of [UNKNOWN_ID, pending.id]) {
      const res = await postForm('/proposer', [
        ...proposal('Vélo-école d’une fiche inconnue', [
          ['inspiredBy', id],
          ['_confirm', '1'],
        ]),
      ])
      expect(res.status).toBe(400)
      const page = await html(res)
      expect(page).toContain('id="f-inspiredBy-erreur"')
      expect(page).toContain('href="#f-inspiredBy"')
      expect(page).toContain('Choisissez une expérience publiée de l’observatoire')
      expect(page).toContain('Fiche introuvable ou non publiée')
      // The id rides only in the box's value, never as text.
      expect(page).not.toContain(`>${id}<`)
    }
  })
})

describe('the actor pickers', () => {
  it('finds published structures by name through the engines, on the API and without JavaScript', async () => {
    const actor = await publishActor({ name: 'Ressourcerie numérique des Sablières' })
    const waiting = await submitActor({ name: 'Ressourcerie numérique en attente' })
    await drainOutbox(env)
    const res = await request('/api/picker/actor?q=ressourcerie%20num%C3%A9rique')
    expect(res.status).toBe(200)
    const { items } = (await res.json()) as {
      items: { id: string; title: string; place: string }[]
    }
    expect(items).toContainEqual({
      id: actor.id,
      title: 'Ressourcerie numérique des Sablières',
      place: 'Rennes',
    })
    expect(items.map((i) => i.id)).not.toContain(waiting.id)

    const form = await postForm('/proposer', [
      ...proposal('Atelier de la ressourcerie'),
      ['pick:lead.actorId', 'ressourcerie'],
      ['pick', 'lead.actorId'],
    ])
    expect(form.status).toBe(200)
    const page = await html(form)
    expect(page).toContain('value="Atelier de la ressourcerie"')
    expect(page).toMatch(
      new RegExp(
        `<input type="radio" id="f-lead-actorId-${actor.id}" name="lead.actorId" value="${actor.id}"/>`
      )
    )
    expect(page).toContain(
      'Ressourcerie numérique des Sablières<span class="picker-place"> — Rennes</span>'
    )
  })

  it('an unpublished structure as porteur is refused on /proposer, naming the field', async () => {
    const waiting = await submitActor({ name: 'Tiers-lieu en attente d’Exemple' })
    const res = await postForm('/proposer', [
      ...proposal('Atelier d’un porteur en attente').filter(([k]) => k !== 'lead.actorId'),
      ['lead.actorId', waiting.id],
      ['_confirm', '1'],
    ])
    expect(res.status).toBe(400)
    const page = await html(res)
    expect(page).toContain('id="f-lead-actorId-erreur"')
    expect(page).toContain('Choisissez une structure publiée du réseau')
  })

  it('a published structure chosen as porteur is stored and shown by name when the form comes back', async () => {
    const actor = await publishActor({ name: 'Médiathèque des Sablières d’Exemple' })
    const res = await postForm('/proposer', [
      ...proposal('').filter(([k]) => k !== 'lead.actorId'),
      ['lead.actorId', actor.id],
    ])
    // The title is missing: the form comes back with the structure chosen, by name.
    expect(res.status).toBe(400)
    const page = await html(res)
    expect(page).toMatch(
      new RegExp(`id="f-lead-actorId-${actor.id}" name="lead.actorId" value="${actor.id}" checked`)
    )
    expect(page).toContain('Médiathèque des Sablières d’Exemple')
    expect(page).not.toContain('id="f-lead-actorId-erreur"')
  })

  it('the replication form refuses an unknown structure, and stores a published one', async () => {
    const actor = await publishActor({ name: 'Association des Sablières d’Exemple' })
    const fields = (actorId: string): [string, string][] => [
      ['territory', 'Rennes'],
      ['declarantName', 'Association des Sablières'],
      ['declarantKind', 'association'],
      ['relation', 'adapted'],
      ['progress', 'done'],
      ['actorId', actorId],
      ['adopterExperiment', ''],
      ['fax', ''],
    ]
    const bad = await postForm(`/experiences/${source.slug}/reproduite`, fields(UNKNOWN_ID))
    expect(bad.status).toBe(400)
    const page = await html(bad)
    expect(page).toContain('id="r-actorId-erreur"')
    expect(page).toContain('Choisissez une structure publiée du réseau.')

    const ok = await postForm(`/experiences/${source.slug}/reproduite`, fields(actor.id))
    expect(ok.status).toBe(303)
    const row = await env.DB.prepare(
      `SELECT actor_id FROM replications WHERE source_id = ?1 AND status = 'pending'`
    )
      .bind(source.id)
      .first<{ actor_id: string }>()
    expect(row?.actor_id).toBe(actor.id)
  })

  it('the replication form’s « votre fiche » search never offers the record itself', async () => {
    const res = await postForm(`/experiences/${source.slug}/reproduite`, [
      ['territory', 'Rennes'],
      ['declarantName', 'Commune d’Exemple'],
      ['pick:adopterExperiment', 'sablières'],
      ['pick', 'adopterExperiment'],
    ])
    expect(res.status).toBe(200)
    const page = await html(res)
    expect(page).toContain('value="Commune d’Exemple"')
    expect(page).toContain('« sablières »')
    expect(page).not.toContain(`value="${source.id}"`)
  })
})
