/**
 * Experience feedback through the HTML form, without JavaScript: a valid answer is stored
 * pending and confirmed; errors come back in French next to their fields and in the
 * summary, naming each field; the structure answered for is picked by a search round
 * trip and must be published; the honeypot stores nothing; the rate limit answers 429; a
 * published answer can be reported from the record's page. Fuzzed: no 5xx, nothing
 * stored on a refusal, and no moderator-only field (who decided, the rejection reason,
 * pending answers) ever reaches the record page or the public API.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { app } from '../../worker/app'
import { FEEDBACK_FIELDS } from '../../web/components/FeedbackForm'
import { publishActor, submitActor } from './actor-fixtures'
import { asModerator, postForm, refusedByTurnstile, postJson, publish, request } from './fixtures'
import { briefReport, send, XSS_PAYLOADS } from './fuzz-support'

const ORIGIN = 'https://observatoire.test'

const fields = (overrides: Record<string, string> = {}): [string, string][] =>
  Object.entries({
    role: 'adopter',
    territory: 'Rennes',
    authorName: 'Service numérique de la Commune d’Exemple',
    tried: 'Deux permanences par semaine dans la mairie annexe.',
    worked: 'Les rendez-vous pris par téléphone.',
    didNotWork: 'Le créneau du lundi matin.',
    recommend: 'rather-yes',
    argumentsFor: 'Peu coûteux\r\n\r\nRapide à lancer',
    argumentsAgainst: 'Demande un agent formé',
    fax: '',
    ...overrides,
  })

const countOf = async (experimentId: string, status?: string) =>
  (
    await env.DB.prepare(
      'SELECT count(*) AS n FROM feedback WHERE experiment_id = ?1 AND (?2 IS NULL OR status = ?2)'
    )
      .bind(experimentId, status ?? null)
      .first<{ n: number }>()
  )?.n ?? 0

const html = async (path: string) =>
  (await request(path, { headers: { accept: 'text/html' } })).text()

describe('feedback form', () => {
  it('stores a valid answer pending, with its territory resolved and one argument per line', async () => {
    const record = await publish({ title: 'Permanences numériques de Commune d’Exemple' })
    const page = await html(`/experiences/${record.slug}`)
    expect(page).toContain(`href="/experiences/${record.slug}/retour"`)
    const form = await html(`/experiences/${record.slug}/retour`)
    for (const name of ['role', 'territory', 'authorName', 'tried', 'recommend', 'fax'])
      expect(form).toContain(`name="${name}"`)

    const res = await postForm(`/experiences/${record.slug}/retour`, fields())
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/experiences/${record.slug}/retour?merci`)
    const row = await env.DB.prepare(
      'SELECT status, territory, arguments_for, arguments_against FROM feedback WHERE experiment_id = ?1'
    )
      .bind(record.id)
      .first()
    expect(row).toEqual({
      status: 'pending',
      territory: 'com:35238',
      arguments_for: JSON.stringify(['Peu coûteux', 'Rapide à lancer']),
      arguments_against: JSON.stringify(['Demande un agent formé']),
    })
    const thanks = await html(`/experiences/${record.slug}/retour?merci`)
    expect(thanks).toContain('Merci pour votre retour')
    // Pre-moderated: not on the record yet.
    expect(await html(`/experiences/${record.slug}`)).not.toContain('Deux permanences par semaine')
  })

  it('refuses invalid answers with a 400 naming each field in French, keeping what was typed', async () => {
    const record = await publish({ title: 'Ateliers du samedi de Commune d’Exemple' })
    const res = await postForm(
      `/experiences/${record.slug}/retour`,
      fields({
        role: '',
        territory: 'Nulle-Part-sur-Rien',
        tried: 'court',
        recommend: 'peut-être',
        argumentsFor: ['un', 'deux', 'trois', 'quatre', 'cinq', 'six'].join('\n'),
      })
    )
    expect(res.status).toBe(400)
    const page = await res.text()
    expect(page).toMatch(/<title>Le retour n’a pas été envoyé — /)
    for (const [id, label, message] of [
      ['f-role', 'Qui êtes-vous ?', 'Choisissez ce qui vous décrit le mieux.'],
      ['f-territory', 'Votre territoire (facultatif)', 'Indiquez un territoire du référentiel'],
      ['f-tried', 'Ce que vous avez essayé', 'Dites en quelques mots ce que vous avez essayé'],
      ['f-recommend', 'Recommanderiez-vous cette pratique ?', 'Choisissez une réponse.'],
      ['f-argumentsFor', 'Arguments pour (facultatif)', '5 arguments au plus'],
    ]) {
      expect(page).toContain(`<a href="#${id}">${label}</a> : ${message}`)
      expect(page).toContain(`id="${id}-erreur"`)
    }
    expect(page).toContain('value="Nulle-Part-sur-Rien"')
    expect(await countOf(record.id)).toBe(0)
  })

  it('offers a choice for an ambiguous territory name, and stores the chosen one', async () => {
    const record = await publish({ title: 'Médiation numérique mobile de Commune d’Exemple' })
    const first = await postForm(
      `/experiences/${record.slug}/retour`,
      fields({ territory: 'Saint-Denis' })
    )
    expect(first.status).toBe(400)
    const code = /name="territoryChoice" value="(com:\d+)"/.exec(await first.text())?.[1]
    expect(code).toBeDefined()
    const chosen = await postForm(
      `/experiences/${record.slug}/retour`,
      fields({ territory: 'Saint-Denis', territoryChoice: code! })
    )
    expect(chosen.status).toBe(303)
    expect(await countOf(record.id)).toBe(1)
  })

  it('picks the structure answered for without JavaScript, stores it, and refuses an unpublished one next to the field', async () => {
    const record = await publish({ title: 'Permanences relues de Commune d’Exemple' })
    const actor = await publishActor({ name: 'Fablab relecteur des Sablières' })
    const waiting = await submitActor({ name: 'Fablab relecteur en attente' })
    const form = await html(`/experiences/${record.slug}/retour`)
    expect(form).toContain('Au nom de quelle structure ? (facultatif)')
    expect(form).toContain('name="pick:actorId"')

    // « Rechercher » posts the form back as typed, with the structures found as radios.
    const search = await postForm(`/experiences/${record.slug}/retour`, [
      ...fields({ authorName: 'Signature gardée d’Exemple' }),
      ['pick:actorId', 'fablab relecteur'],
      ['pick', 'actorId'],
    ])
    expect(search.status).toBe(200)
    const found = await search.text()
    expect(found).toContain('value="Signature gardée d’Exemple"')
    expect(found).toContain(`name="actorId" value="${actor.id}"`)
    expect(found).not.toContain(waiting.id)
    expect(await countOf(record.id)).toBe(0)

    const refused = await postForm(
      `/experiences/${record.slug}/retour`,
      fields({ actorId: waiting.id })
    )
    expect(refused.status).toBe(400)
    const page = await refused.text()
    expect(page).toContain('id="f-actorId-erreur"')
    expect(page).toContain(
      '<a href="#f-actorId">Au nom de quelle structure ? (facultatif)</a> : Choisissez une structure publiée du réseau'
    )
    expect(await countOf(record.id)).toBe(0)

    const stored = await postForm(
      `/experiences/${record.slug}/retour`,
      fields({ actorId: actor.id })
    )
    expect(stored.status).toBe(303)
    const row = await env.DB.prepare('SELECT actor_id FROM feedback WHERE experiment_id = ?1')
      .bind(record.id)
      .first<{ actor_id: string }>()
    expect(row?.actor_id).toBe(actor.id)
  })

  it('answers a filled honeypot like a success and stores nothing; refuses cross-site posts', async () => {
    const record = await publish({ title: 'Cafés numériques de Commune d’Exemple' })
    const bot = await postForm(
      `/experiences/${record.slug}/retour`,
      fields({ fax: '+33 1 00 00 00 00' })
    )
    expect(bot.status).toBe(303)
    expect(bot.headers.get('location')).toBe(`/experiences/${record.slug}/retour?merci`)
    const crossSite = await postForm(`/experiences/${record.slug}/retour`, fields(), {
      origin: 'https://evil.example',
    })
    expect(crossSite.status).toBe(403)
    expect(await countOf(record.id)).toBe(0)
    expect((await postForm('/experiences/inconnue/retour', fields())).status).toBe(404)
  })

  it('is rate-limited per client with the report bucket (429 page with Retry-After)', async () => {
    const record = await publish({ title: 'Bus numérique de Commune d’Exemple' })
    const post = async () => {
      const ctx = createExecutionContext()
      const res = await app.fetch(
        new Request(`${ORIGIN}/experiences/${record.slug}/retour`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            origin: ORIGIN,
            accept: 'text/html',
            'cf-connecting-ip': '203.0.113.20',
          },
          body: new URLSearchParams(fields()).toString(),
          redirect: 'manual',
        }),
        { ...env, RATE_LIMITS: 'report=2/60' } as Env,
        ctx
      )
      await waitOnExecutionContext(ctx)
      return res
    }
    expect((await post()).status).toBe(303)
    expect((await post()).status).toBe(303)
    const refused = await post()
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await countOf(record.id)).toBe(2)
  })

  it('shows a failed anti-robot check at the Turnstile widget and in the summary, not on a field', async () => {
    const record = await publish({ title: 'Café numérique de Commune d’Exemple' })
    const page = await refusedByTurnstile(`/experiences/${record.slug}/retour`, fields(), 'f')
    expect(page).not.toContain('id="f-role-erreur"')
    expect(page).toContain('value="adopter" checked')
    expect(await countOf(record.id)).toBe(0)
  })

  it('shows approved answers with the counts, and a reader reports one from the record page', async () => {
    const record = await publish({ title: 'Ateliers parents-enfants de Commune d’Exemple' })
    const post = (o: Record<string, string>) =>
      postForm(`/experiences/${record.slug}/retour`, fields(o))
    await post({ authorName: 'Médiathèque d’Exemple', recommend: 'yes' })
    await post({ authorName: 'Centre social d’Exemple', recommend: 'no', argumentsFor: '' })
    const queue = (await (
      await request('/api/moderation/feedback', { headers: asModerator() })
    ).json()) as { items: { id: string; experimentId: string }[] }
    const ids = queue.items.filter((f) => f.experimentId === record.id).map((f) => f.id)
    expect(ids).toHaveLength(2)
    for (const id of ids)
      expect(
        (await postJson(`/api/moderation/feedback/${id}/approve`, {}, asModerator())).status
      ).toBe(204)

    const page = await html(`/experiences/${record.slug}`)
    expect(page).toContain('2 retours publiés')
    expect(page).toContain('1 le recommande, 1 ne le recommande pas.')
    expect(page).toContain('2 arguments pour, 2 arguments contre.')
    const api = (await (await request(`/api/experiments/${record.slug}/feedback`)).json()) as {
      wouldRecommend: number
      wouldNot: number
      argumentsFor: number
      argumentsAgainst: number
    }
    expect(api).toMatchObject({
      wouldRecommend: 1,
      wouldNot: 1,
      argumentsFor: 2,
      argumentsAgainst: 2,
    })

    const action = new RegExp(`action="(/experiences/${record.slug}/retours/[0-9A-Z]+/signaler)"`)
    const path = action.exec(page)?.[1]
    expect(path).toBeDefined()
    const reported = await postForm(path!, [])
    expect(reported.status).toBe(303)
    expect(reported.headers.get('location')).toBe(`/experiences/${record.slug}/retour?signale`)
    expect(await html(`/experiences/${record.slug}/retour?signale`)).toContain(
      'Merci, le retour est signalé'
    )
    const again = (await (
      await request('/api/moderation/feedback', { headers: asModerator() })
    ).json()) as { items: { id: string; reports: number }[] }
    expect(again.items.filter((f) => ids.includes(f.id)).map((f) => f.reports)).toEqual([1])
    // Another record's answer cannot be reported through this record's page.
    const other = await publish({ title: 'Autre fiche de Commune d’Exemple' })
    const elsewhere = path!.replace(record.slug, other.slug)
    expect((await postForm(elsewhere, [])).status).toBe(404)
  })

  it('fuzzed: never a 5xx, nothing stored on refusal, no moderator-only field leaks', async () => {
    const record = await publish({ title: 'Fiche fuzzée de Commune d’Exemple' })
    // A rejected answer carries a private reason; a published one, who decided.
    const secretReason = `motif-prive-${crypto.randomUUID()}`
    await postForm(`/experiences/${record.slug}/retour`, fields({ authorName: 'Refusé d’Exemple' }))
    await postForm(`/experiences/${record.slug}/retour`, fields({ authorName: 'Publié d’Exemple' }))
    const queue = (await (
      await request('/api/moderation/feedback', { headers: asModerator() })
    ).json()) as { items: { id: string; authorName: string }[] }
    const id = (name: string) => queue.items.find((f) => f.authorName === name)!.id
    await postJson(
      `/api/moderation/feedback/${id('Refusé d’Exemple')}/reject`,
      { reason: secretReason },
      asModerator()
    )
    await postJson(`/api/moderation/feedback/${id('Publié d’Exemple')}/approve`, {}, asModerator())

    const odd = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom(...XSS_PAYLOADS, '', ' ', 'com:35238', 'dep:00', 'yes', 'lead', '\u0000'),
      fc.string({ minLength: 1900, maxLength: 2100 })
    )
    const before = await countOf(record.id)
    let stored = 0
    const out = await fc.check(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...FEEDBACK_FIELDS), odd),
        fc.boolean(),
        async (overrides, keepValid) => {
          const body = keepValid ? fields(overrides) : Object.entries(overrides)
          const res = await send(`/experiences/${record.slug}/retour`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
            body: new URLSearchParams(body.map(([k, v]) => [k, v.replace(/[\uD800-\uDFFF]/g, '')])),
          })
          if (res.status >= 500) return false
          if (res.status === 303) stored++
          else if (res.status !== 400) return false
          const text = await res.text()
          return !text.includes('<script>alert')
        }
      ),
      { numRuns: 120 }
    )
    briefReport(out)
    expect(out.failed).toBe(false)
    expect(await countOf(record.id)).toBe(before + stored)

    const publicViews = [
      await html(`/experiences/${record.slug}`),
      await (await request(`/api/experiments/${record.slug}/feedback`)).text(),
      await html(`/experiences/${record.slug}/retour`),
    ]
    for (const view of publicViews) {
      expect(view).not.toContain(secretReason)
      expect(view).not.toContain('Refusé d’Exemple')
      expect(view).not.toContain('moderator:')
      expect(view).not.toContain('decided_by')
      // As JSON keys (the form's picker has an ARIA role="status" live region).
      expect(view).not.toContain('"reports":')
      expect(view).not.toContain('"status":')
    }
    expect(publicViews[0]).toContain('Publié d’Exemple')
  })
})
