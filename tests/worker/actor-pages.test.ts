/**
 * The actor pages without JavaScript, in workerd with a real D1: entering the network
 * through `/acteurs/proposer` with one need (errors next to their fields, territory names
 * accepted, honeypot), the actor's page and the list with its filters, French and English.
 */
import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../worker/app'
import { publishActor, submitActor } from './actor-fixtures'
import { asModerator, postJson, request } from './fixtures'
import { scrapeForm } from './form-scrape'

const ORIGIN = 'https://observatoire.test'

function postForm(pairs: [string, string][]) {
  return request('/acteurs/proposer', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: ORIGIN,
      accept: 'text/html',
    },
    body: new URLSearchParams(pairs).toString(),
  })
}

/** The empty form as a browser would send it, with `fill` replacing or adding fields. */
async function filledForm(fill: Record<string, string>): Promise<[string, string][]> {
  const html = await (await request('/acteurs/proposer')).text()
  const pairs = scrapeForm(html, 'action="/acteurs/proposer"').filter(([name]) => !(name in fill))
  return [...pairs, ...Object.entries(fill)]
}

describe('/acteurs/proposer without JavaScript', () => {
  it('stores a need-only entry as pending, by territory name, never publishing it by itself', async () => {
    const res = await postForm(
      await filledForm({
        name: 'Association Les Clics d’Exemple',
        kind: 'association',
        territories: 'Rennes',
        'needs.0.skill': 'formation.mediateurs',
        'needs.0.text': 'Former nos bénévoles à l’accompagnement',
        'privateContact.email': 'benevoles@example.org',
      })
    )
    expect(res.status).toBe(201)
    expect(await res.text()).toContain('Les Clics d’Exemple')
    const queue = (await (
      await request('/api/moderation/actors', { headers: asModerator() })
    ).json()) as {
      items: { id: string; name: string; territories: string[]; needs: { skill: string }[] }[]
    }
    const stored = queue.items.find((a) => a.name === 'Association Les Clics d’Exemple')
    expect(stored?.territories).toEqual(['com:35238'])
    expect(stored?.needs.map((n) => n.skill)).toEqual(['formation.mediateurs'])
    expect((await request(`/acteurs/${stored?.id}`)).status).toBe(404)
  })

  it('returns errors next to their fields and keeps what was typed', async () => {
    const res = await postForm(
      await filledForm({
        name: 'Tiers-lieu d’Exemple',
        kind: '',
        territories: 'com:35238',
        siret: '12345678200011',
        'privateContact.email': 'pas-un-email',
      })
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('class="error-summary"')
    expect(html).toMatch(/id="f-siret-erreur"[^>]*>[^<]*SIRET/)
    expect(html).toContain('id="f-kind-erreur"')
    expect(html).toContain('id="f-privateContact-email-erreur"')
    expect(html).toContain('value="Tiers-lieu d’Exemple"')
  })

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const before = (await (
      await request('/api/moderation/actors', { headers: asModerator() })
    ).json()) as {
      items: unknown[]
    }
    const res = await postForm(
      await filledForm({
        name: 'Robot d’Exemple',
        kind: 'association',
        territories: 'com:35238',
        'needs.0.skill': 'formation.mediateurs',
        'privateContact.email': 'robot@example.org',
        fax: 'spam',
      })
    )
    expect(res.status).toBe(201)
    const after = (await (
      await request('/api/moderation/actors', { headers: asModerator() })
    ).json()) as {
      items: unknown[]
    }
    expect(after.items.length).toBe(before.items.length)
  })
})

describe('actor pages', () => {
  it('shows a published actor’s needs and offers, never its private contact, in both languages', async () => {
    const sub = await publishActor({
      name: 'Médiathèque de la Commune d’Exemple',
      kind: 'mediatheque',
      offers: [
        {
          skill: 'ressources.salles',
          text: 'Une salle de 20 places le samedi',
          horizon: 'durable',
        },
      ],
      mediation: { services: ['demarches'], publics: ['seniors'] },
    })
    const fr = await (await request(`/acteurs/${sub.slug}`)).text()
    expect(fr).toContain('<h1>Médiathèque de la Commune d’Exemple</h1>')
    expect(fr).toContain('Ce dont nous avons besoin')
    expect(fr).toContain('Former nos deux médiatrices à Pix')
    expect(fr).toContain('Une salle de 20 places le samedi')
    expect(fr).toContain('Aide aux démarches administratives')
    expect(fr).not.toContain('mediatrice@example.org')
    const en = await (
      await request(`/acteurs/${sub.slug}`, { headers: { 'accept-language': 'en' } })
    ).text()
    expect(en).toContain('What we need')
    expect(en).toContain('Help with administrative procedures')
  })

  it('lists published actors only, filtered by need, kind and territory', async () => {
    const shown = await publishActor({ name: 'EPN d’Exemple-les-Bains', kind: 'epn' })
    const hidden = await submitActor({ name: 'EPN en attente d’Exemple', kind: 'epn' })
    const list = await (await request('/acteurs?kind=epn&needs=formation&territory=dep:35')).text()
    expect(list).toContain(`href="/acteurs/${shown.slug}"`)
    expect(list).not.toContain(hidden.slug)
    const other = await (await request('/acteurs?kind=epn&needs=juridique')).text()
    expect(other).not.toContain(shown.slug)
    expect((await request('/acteurs?kind=unknown')).status).toBe(400)
  })

  it('maps the listed actors: a pin per located actor linking to its page, none for France entière', async () => {
    const located = await publishActor({
      name: 'Repair café Zéphyrin d’Exemple',
      territories: ['com:29019'],
    })
    const national = await publishActor({
      name: 'Réseau Zéphyrin d’Exemple',
      scope: 'national',
      territories: [],
    })
    const html = await (await request('/acteurs?q=zephyrin')).text()
    expect(html).toContain(`href="/acteurs/${national.slug}"`)
    expect(html).toContain('id="carte-acteurs-titre"')
    expect(html).toContain(
      `href="/acteurs/${located.slug}" aria-label="Repair café Zéphyrin d’Exemple" class="map-pin"`
    )
    expect(html.match(/class="map-pin"/g)).toHaveLength(1)
    // Its département leads to the list filtered on it, the text kept.
    expect(html).toContain('href="/acteurs?q=zephyrin&amp;territory=dep%3A29#carte-acteurs-titre"')
    // The filters apply to the map: another text, no pin.
    const other = await (await request('/acteurs?q=zephyrin&territory=dep:35')).text()
    expect(other).not.toContain('class="map-pin"')
  })

  it('searches by text through the index, with counts per option and the fallback said', async () => {
    const shown = await publishActor({
      name: 'Ludothèque numérique d’Exemple',
      kind: 'mediatheque',
      territories: ['com:29019'],
    })
    const found = await (await request('/acteurs?q=ludotheque+Finistère')).text()
    expect(found).toContain(`href="/acteurs/${shown.slug}"`)
    expect(found).toMatch(/1 acteur publié/)
    // Each option counts what it would give, its own selection aside.
    expect(found).toMatch(/<option value="mediatheque"[^>]*>Médiathèque ou bibliothèque \(1\)/)
    expect(await (await request('/acteurs?q=ludotheque+Rennes')).text()).not.toContain(shown.slug)
    // Meilisearch configured but not answering: the embedded engine answers, and says so.
    const down = await app.fetch(
      new Request(`${ORIGIN}/acteurs?q=ludotheque`),
      { ...env, MEILI_HOST: 'http://127.0.0.1:9' },
      createExecutionContext()
    )
    const degraded = await down.text()
    expect(down.status).toBe(200)
    expect(degraded).toContain(`href="/acteurs/${shown.slug}"`)
    expect(degraded).toContain('class="degraded"')
  })

  it('lets a moderator approve an actor from the API and the page follows', async () => {
    const sub = await submitActor({ name: 'Réseau d’Exemple', kind: 'reseau' })
    expect((await request(`/acteurs/${sub.slug}`)).status).toBe(404)
    await postJson(`/api/moderation/actors/${sub.id}/approve`, {}, asModerator())
    expect((await request(`/acteurs/${sub.slug}`)).status).toBe(200)
  })
})
