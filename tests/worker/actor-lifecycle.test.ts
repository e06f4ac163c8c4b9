/**
 * An actor's own lifecycle, as experiments have it: the private link shown once at
 * submission opens an edit session; a pending actor is edited in place, a published one
 * through a proposal a moderator approves or refuses (the fields the form does not carry,
 * like sources, survive); « toujours exact »; the public history names what changed.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { needOnlyActor, publishActor, submitActor } from './actor-fixtures'
import { asModerator, postForm, postJson, request } from './fixtures'

/** Opens an actor's edit session with its token; returns the Cookie header to send back. */
async function openActorSession(token: string): Promise<string> {
  const res = await postForm('/acteurs/modifier/ouvrir', [['token', token]])
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe('/acteurs/modifier')
  const cookie = res.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/^__Host-actor-edit=[A-Za-z0-9_-]{43};/)
  expect(cookie).toMatch(/; HttpOnly/i)
  expect(cookie).toMatch(/; SameSite=Strict/i)
  return cookie.split(';')[0]!
}

/** The owner's form as the need-only fixture fills it, with overrides. */
function actorFields(overrides: Record<string, string> = {}): [string, string][] {
  return Object.entries({
    name: 'Association Clic d’Exemple',
    kind: 'association',
    territories: 'com:35238',
    'needs.0.skill': 'formation.mediateurs',
    'needs.0.text': 'Former nos deux médiatrices à Pix',
    'privateContact.email': 'mediatrice@example.org',
    ...overrides,
  })
}

const html = { accept: 'text/html' }

async function publicActor(id: string) {
  const res = await request(`/api/actors/${id}`)
  expect(res.status).toBe(200)
  return (await res.json()) as {
    offers: { skill: string; text?: string }[]
    description?: string
    sources?: unknown[]
    revision: number
    lastVerifiedAt: string | null
  }
}

describe('an actor’s private edit link', () => {
  it('is shown once after entering the network through the form, and opens only the actor pages', async () => {
    const res = await postForm('/acteurs/proposer', actorFields({ name: 'Tiers-lieu d’Exemple' }))
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const page = await res.text()
    const token = /\/acteurs\/modifier\/([A-Za-z0-9_-]{43})/.exec(page)?.[1]
    expect(token).toBeDefined()

    const confirm = await request(`/acteurs/modifier/${token}`, { headers: html })
    expect(confirm.status).toBe(200)
    expect(confirm.headers.get('referrer-policy')).toBe('no-referrer')
    expect(await confirm.text()).toContain('action="/acteurs/modifier/ouvrir"')
    // An actor's token is not an experiment's: the experiments' door stays shut.
    expect((await postForm('/modifier/ouvrir', [['token', token!]])).status).toBe(404)

    const cookie = await openActorSession(token!)
    const form = await request('/acteurs/modifier', { headers: { ...html, cookie } })
    expect(form.status).toBe(200)
    const body = await form.text()
    expect(body).toContain('Tiers-lieu d’Exemple')
    // The private contact is the owner's own: shown to them, on a private page.
    expect(body).toContain('mediatrice@example.org')
    expect(form.headers.get('cache-control')).toBe('no-store')
  })

  it('edits a pending actor in place, and refuses a bad value next to its field', async () => {
    const sub = await submitActor({ name: 'Médiathèque d’Exemple', kind: 'mediatheque' })
    const cookie = await openActorSession(sub.editToken)
    const bad = await postForm(
      '/acteurs/modifier',
      actorFields({ name: 'Médiathèque d’Exemple', kind: 'mediatheque', siret: '123' }),
      { cookie }
    )
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('id="f-siret-erreur"')

    const res = await postForm(
      '/acteurs/modifier',
      actorFields({
        name: 'Médiathèque d’Exemple',
        kind: 'mediatheque',
        description: 'Un espace numérique ouvert six jours sur sept.',
      }),
      { cookie }
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/acteurs/modifier?fait=applied')
    const row = await env.DB.prepare('SELECT status, revision, data FROM actors WHERE id = ?1')
      .bind(sub.id)
      .first<{ status: string; revision: number; data: string }>()
    expect(row?.status).toBe('pending')
    expect(row?.revision).toBe(2)
    expect(JSON.parse(row!.data).description).toBe('Un espace numérique ouvert six jours sur sept.')
  })

  it('turns an edit of a published actor into a proposal; approval publishes only what changed, sources kept', async () => {
    const source = {
      url: 'https://example.org/annuaire',
      title: 'Annuaire d’exemple',
      publisher: 'Commune d’Exemple',
      consultedAt: '2026-11-01',
    }
    const sub = await publishActor({ sources: [source] })
    const cookie = await openActorSession(sub.editToken)
    const res = await postForm(
      '/acteurs/modifier',
      actorFields({
        'offers.0.skill': 'ateliers.collectifs',
        'offers.0.text': 'Ateliers d’initiation le samedi',
      }),
      { cookie }
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/acteurs/modifier?fait=proposed')
    // The published version stays online until a moderator decides.
    expect((await publicActor(sub.id)).offers).toEqual([])
    const waiting = await request('/acteurs/modifier', { headers: { ...html, cookie } })
    // The owner's form shows the proposal, not the published version.
    expect(await waiting.text()).toContain('Ateliers d’initiation le samedi')

    const proposal = await env.DB.prepare(
      `SELECT id, changes FROM actor_proposals WHERE actor_id = ?1 AND status = 'pending'`
    )
      .bind(sub.id)
      .first<{ id: string; changes: string }>()
    expect(JSON.parse(proposal!.changes).map((c: { field: string }) => c.field)).toEqual(['offers'])
    const approved = await postJson(
      `/api/moderation/actors/proposals/${proposal!.id}/approve`,
      {},
      asModerator()
    )
    expect(approved.status).toBe(200)
    expect(await approved.json()).toEqual({ actorId: sub.id, revision: 3 })

    const actor = await publicActor(sub.id)
    expect(actor.offers).toEqual([
      { skill: 'ateliers.collectifs', text: 'Ateliers d’initiation le samedi' },
    ])
    expect(actor.sources).toEqual([source])

    const history = await request(`/acteurs/${sub.slug}/historique`, { headers: html })
    expect(history.status).toBe(200)
    const text = await history.text()
    expect(text).toContain('Ce que la structure apporte')
    expect(text).toContain('Ateliers collectifs d’initiation')
    expect(text).not.toContain('ateliers.collectifs')
    expect(text).not.toContain('mediatrice@example.org')
    const page = await request(`/acteurs/${sub.slug}`, { headers: html })
    expect(await page.text()).toContain(`href="/acteurs/${sub.slug}/historique"`)
  })

  it('shows a refused proposal’s reason to the owner, and « toujours exact » dates the actor', async () => {
    const sub = await publishActor({ name: 'Fablab d’Exemple', kind: 'fablab' })
    const cookie = await openActorSession(sub.editToken)
    await postForm(
      '/acteurs/modifier',
      actorFields({ name: 'Fablab d’Exemple', kind: 'fablab', description: 'Texte refusé.' }),
      { cookie }
    )
    const proposal = await env.DB.prepare(
      `SELECT id FROM actor_proposals WHERE actor_id = ?1 AND status = 'pending'`
    )
      .bind(sub.id)
      .first<{ id: string }>()
    const refused = await postJson(
      `/api/moderation/actors/proposals/${proposal!.id}/reject`,
      { reason: 'Présentez la structure, pas un slogan.' },
      asModerator()
    )
    expect(refused.status).toBe(204)
    const page = await request('/acteurs/modifier', { headers: { ...html, cookie } })
    expect(await page.text()).toContain('Présentez la structure, pas un slogan.')
    expect((await publicActor(sub.id)).description).toBeUndefined()

    const before = await publicActor(sub.id)
    const verified = await postForm('/acteurs/modifier/verifier', [], { cookie })
    expect(verified.status).toBe(303)
    const after = await publicActor(sub.id)
    expect(after.revision).toBe(before.revision + 1)
    expect(after.lastVerifiedAt! > before.lastVerifiedAt!).toBe(true)
  })

  it('ends the session on request', async () => {
    const sub = await submitActor({ name: 'EPN d’Exemple', kind: 'epn' })
    const cookie = await openActorSession(sub.editToken)
    expect((await postForm('/acteurs/modifier/fin', [], { cookie })).status).toBe(303)
    expect((await request('/acteurs/modifier', { headers: { ...html, cookie } })).status).toBe(403)
  })
})

/** What the local mail recorder holds for this address (subjects and bodies, in order). */
async function mailTo(address: string): Promise<{ subject: string; body: string }[]> {
  const { results } = await env.DB.prepare(
    'SELECT subject, body FROM local_mail WHERE to_address = ?1 ORDER BY id'
  )
    .bind(address)
    .all<{ subject: string; body: string }>()
  return results
}

describe('decision e-mails to an actor’s private contact', () => {
  it('tells the contributor of a request for changes, a refusal, a publication and a refused edit', async () => {
    const email = 'decisions-acteur@example.org'
    const sub = await submitActor({ name: 'Espace d’Exemple', privateContact: { email } })
    const decide = (action: string, body: object = {}) =>
      postJson(`/api/moderation/actors/${sub.id}/${action}`, body, asModerator())
    expect(
      (await decide('request-changes', { reason: 'Précisez la commune du lieu.' })).status
    ).toBe(200)
    const cookie = await openActorSession(sub.editToken)
    const page = await request('/acteurs/modifier', { headers: { ...html, cookie } })
    expect(await page.text()).toContain('Précisez la commune du lieu.')
    await postForm(
      '/acteurs/modifier',
      actorFields({ name: 'Espace d’Exemple', 'privateContact.email': email }),
      { cookie }
    )
    expect((await decide('approve')).status).toBe(200)

    await postForm(
      '/acteurs/modifier',
      actorFields({
        name: 'Espace d’Exemple',
        'privateContact.email': email,
        website: 'https://example.org',
      }),
      { cookie }
    )
    const proposal = await env.DB.prepare(
      `SELECT id FROM actor_proposals WHERE actor_id = ?1 AND status = 'pending'`
    )
      .bind(sub.id)
      .first<{ id: string }>()
    await postJson(
      `/api/moderation/actors/proposals/${proposal!.id}/reject`,
      { reason: 'Ce site n’est pas celui de la structure.' },
      asModerator()
    )

    const mails = await mailTo(email)
    expect(mails.map((m) => m.subject)).toEqual([
      'Modifications demandées : Espace d’Exemple / Changes requested',
      'Fiche publiée : Espace d’Exemple / Record published',
      'Modification refusée : Espace d’Exemple / Change rejected',
    ])
    expect(mails[0]!.body).toContain('Précisez la commune du lieu.')
    expect(mails[1]!.body).toContain(`https://observatoire.test/acteurs/${sub.slug}`)
    expect(mails[2]!.body).toContain('Ce site n’est pas celui de la structure.')

    const other = 'refus-acteur@example.org'
    const refused = await submitActor({
      name: 'Doublon d’Exemple',
      privateContact: { email: other },
    })
    await postJson(
      `/api/moderation/actors/${refused.id}/reject`,
      { reason: 'Cette structure est déjà dans le réseau.' },
      asModerator()
    )
    const [rejection] = await mailTo(other)
    expect(rejection?.subject).toBe('Fiche refusée : Doublon d’Exemple / Record rejected')
    expect(rejection?.body).toContain('Cette structure est déjà dans le réseau.')
  })
})

describe('reports on an actor', () => {
  it('are filed from « Signaler un problème » on a published actor, never on a pending one', async () => {
    const sub = await publishActor({ name: 'Point d’accès d’Exemple', kind: 'france-services' })
    const page = await request(`/acteurs/${sub.slug}`, { headers: html })
    expect(await page.text()).toContain(`href="/acteurs/${sub.slug}/signaler"`)
    const form = await request(`/acteurs/${sub.slug}/signaler`, { headers: html })
    expect(form.status).toBe(200)
    expect(await form.text()).toContain('Point d’accès d’Exemple')

    const bad = await postForm(`/acteurs/${sub.slug}/signaler`, [['message', 'x']])
    expect(bad.status).toBe(400)
    const res = await postForm(`/acteurs/${sub.slug}/signaler`, [
      ['reason', 'outdated'],
      ['message', 'Le lieu a fermé en septembre.'],
    ])
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/acteurs/${sub.slug}/signaler?merci`)
    // A filled honeypot is answered like a success, and nothing is stored.
    const bot = await postForm(`/acteurs/${sub.slug}/signaler`, [
      ['reason', 'wrong'],
      ['message', 'spam'],
      ['fax', 'https://spam.example'],
    ])
    expect(bot.status).toBe(303)
    const { results } = await env.DB.prepare(
      `SELECT reason, message, status FROM actor_reports WHERE actor_id = ?1`
    )
      .bind(sub.id)
      .all()
    expect(results).toEqual([
      { reason: 'outdated', message: 'Le lieu a fermé en septembre.', status: 'open' },
    ])

    const pending = await submitActor({ name: 'Lieu en attente d’Exemple' })
    expect((await request(`/acteurs/${pending.slug}/signaler`, { headers: html })).status).toBe(404)
    expect(
      (
        await postForm(`/acteurs/${pending.slug}/signaler`, [
          ['reason', 'wrong'],
          ['message', 'Rien.'],
        ])
      ).status
    ).toBe(404)
  })
})

describe('duplicate checks when entering the network', () => {
  const count = async () =>
    (await env.DB.prepare('SELECT count(*) AS n FROM actors').first<{ n: number }>())!.n

  it('shows the published actor with the same name in the same commune, then stores on confirmation', async () => {
    const existing = await publishActor({
      name: 'Les Clics du Quartier',
      territories: ['com:35238'],
    })
    const before = await count()
    const fields = actorFields({ name: 'LES CLICS  du quartier !', territories: 'com:35238' })
    const step = await postForm('/acteurs/proposer', fields)
    expect(step.status).toBe(200)
    const body = await step.text()
    expect(body).toContain(`href="/acteurs/${existing.slug}"`)
    expect(body).toContain('même nom dans la même commune')
    expect(body).toContain('name="_confirm"')
    expect(await count()).toBe(before)

    const back = await postForm('/acteurs/proposer', [...fields, ['_back', '1']])
    expect(back.status).toBe(200)
    expect(await back.text()).toContain('LES CLICS  du quartier !')
    const sent = await postForm('/acteurs/proposer', [...fields, ['_confirm', '1']])
    expect(sent.status).toBe(201)
    expect(await count()).toBe(before + 1)
  })

  it('matches the same SIRET, or a SIRET’s SIREN, whatever the name; pending look-alikes stay private', async () => {
    const existing = await publishActor({
      name: 'Centre social d’Exemple',
      siret: '22350001800013',
      territories: ['com:35238'],
    })
    const sameSiret = await postForm(
      '/acteurs/proposer',
      actorFields({ name: 'Un tout autre nom', territories: 'dep:35', siret: '22350001800013' })
    )
    expect(sameSiret.status).toBe(200)
    const text = await sameSiret.text()
    expect(text).toContain(`href="/acteurs/${existing.slug}"`)
    expect(text).toContain('même SIRET')
    const sameSiren = await postForm(
      '/acteurs/proposer',
      actorFields({ name: 'Encore un autre nom', territories: 'dep:35', siren: '223500018' })
    )
    expect(await sameSiren.text()).toContain('même SIREN')

    await submitActor({ name: 'Association Secrète d’Exemple', territories: ['com:35238'] })
    const lookAlike = await postForm(
      '/acteurs/proposer',
      actorFields({ name: 'Association secrète d’exemple', territories: 'com:35238' })
    )
    // Not published: nobody but the moderators learns it exists.
    expect(lookAlike.status).toBe(201)
    expect(await lookAlike.text()).not.toContain('Association Secrète d’Exemple')
  })

  it('answers the API with a 409 naming the field and linking the published look-alike, then stores on confirm', async () => {
    const existing = await publishActor({
      name: 'Repair Café d’Exemple',
      rna: 'W351000123',
      territories: ['com:35238'],
    })
    const before = await count()
    const sameName = await postJson(
      '/api/actors',
      needOnlyActor({ name: 'REPAIR CAFÉ d’exemple', territories: ['com:35238'] })
    )
    expect(sameName.status).toBe(409)
    expect(sameName.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const problem = (await sameName.json()) as { errors: { pointer: string; message: string }[] }
    expect(problem.errors).toEqual([
      {
        pointer: '/name',
        message: expect.stringContaining(`/acteurs/${existing.slug}`) as string,
      },
    ])
    const sameRna = await postJson(
      '/api/actors',
      needOnlyActor({ name: 'Un autre nom', territories: ['dep:35'], rna: 'W351000123' })
    )
    expect(sameRna.status).toBe(409)
    const rna = (await sameRna.json()) as { errors: { pointer: string }[] }
    expect(rna.errors.map((e) => e.pointer)).toEqual(['/rna'])
    expect(await count()).toBe(before)

    const confirmed = await postJson(
      '/api/actors?confirm=true',
      needOnlyActor({ name: 'REPAIR CAFÉ d’exemple', territories: ['com:35238'] })
    )
    expect(confirmed.status).toBe(201)
    expect(await count()).toBe(before + 1)
  })
})
