/**
 * No private field ever leaves: a record whose private contact holds canary values goes
 * through every state that produces public artefacts (published, edited through a
 * proposal, verified, reported), the outbox is drained into the embedded index, then every
 * public GET route of the route table (pages, API, exports, feeds, search, history) is
 * requested with the record's id and slug, and the index and derived tables are read:
 * the canaries appear nowhere. Only the moderation API and the submitter's own edit
 * session may show them.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { toSearchDocument } from '../../worker/search/documents'
import { drainOutbox } from '../../worker/search/sync'
import { getExperiment } from '../../worker/db/experiments'
import { needOnlyActor } from './actor-fixtures'
import { approveEventChange, debate } from './event-fixtures'
import { MODERATOR, validInput } from './fixtures'
import { appRoutes, fillPath, FUZZ_ENV, send } from './fuzz-support'

const CANARY_EMAIL = 'canari.prive.7f3a@example.fr'
const CANARY_NAME = 'Canarixprivé Zéphyrin'
const CANARY_PHONE = '+33 6 98 76 54 32'
const CANARIES = [CANARY_EMAIL, CANARY_NAME, CANARY_PHONE, 'canari.prive.7f3a']

const moderator = { authorization: `Bearer ${MODERATOR}` }

function expectNoCanary(label: string, text: string) {
  for (const canary of CANARIES)
    expect(text.includes(canary), `${label} leaks ${canary}`).toBe(false)
}

/**
 * Requests every public GET route of the route table with each of `queries`, its path
 * parameters filled by `valueFor` (once with the record's id, once with its slug), and
 * checks no answer is a 5xx nor shows a canary. Returns how many requests it sent.
 */
async function expectNoCanaryOnPublicRoutes(
  valueFor: (param: string, key: 'id' | 'slug') => string,
  queries: readonly string[]
): Promise<number> {
  const publicGets = appRoutes().filter(
    (r) =>
      r.method === 'GET' &&
      !r.path.startsWith('/api/moderation') &&
      !r.path.startsWith('/moderation')
  )
  expect(publicGets.length).toBeGreaterThan(20)
  let checked = 0
  for (const route of publicGets) {
    for (const key of ['id', 'slug'] as const) {
      for (const query of queries) {
        const path =
          fillPath(
            route,
            route.params.map((p) => valueFor(p, key))
          ) + query
        const page = await send(path, { headers: { accept: 'text/html' } })
        expect(page.status, path).toBeLessThan(500)
        expectNoCanary(path, await page.text())
        checked++
      }
      if (route.params.length === 0) break
    }
  }
  return checked
}

/** The canary private contact every record below is submitted with. */
const CANARY_CONTACT = { email: CANARY_EMAIL, name: CANARY_NAME, phone: CANARY_PHONE }

/** Submits a record to `/api/{segment}` and publishes it through the moderation API. */
async function publishWithCanaries(
  segment: 'actors' | 'events',
  body: object
): Promise<{ id: string; slug: string; editToken: string }> {
  const res = await send(`/api/${segment}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(res.status).toBe(201)
  const sub = (await res.json()) as { id: string; slug: string; editToken: string }
  expectNoCanary(`${segment} submission response`, JSON.stringify(sub))
  const approved = await send(`/api/moderation/${segment}/${sub.id}/approve`, {
    method: 'POST',
    headers: { ...moderator, 'content-type': 'application/json' },
    body: '{}',
  })
  expect(approved.status).toBe(200)
  return sub
}

/** No canary in any row of these tables (table names from the test, never from input). */
async function expectNoCanaryInTables(tables: readonly string[]): Promise<void> {
  for (const table of tables) {
    const rows = await env.DB.prepare(`SELECT * FROM ${table}`).all()
    expectNoCanary(table, JSON.stringify(rows.results))
  }
}

/** Where the canaries legitimately appear: the moderation API's full record. */
async function expectDeskShowsCanary(segment: 'actors' | 'events', id: string): Promise<void> {
  const desk = await send(`/api/moderation/${segment}/${id}`, { headers: moderator })
  expect(await desk.text()).toContain(CANARY_EMAIL)
}

/** A form POST as a browser sends it (same origin), with a cookie if given. */
function sendForm(path: string, pairs: [string, string][], cookie = ''): Promise<Response> {
  return send(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://observatoire.test',
      ...(cookie ? { cookie } : {}),
    },
    body: new URLSearchParams(pairs).toString(),
  })
}

describe('private fields', () => {
  it('never appear in any public page, API answer, export, feed or the search index', async () => {
    const res = await send('/api/experiments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        validInput({
          title: 'Fiche témoin pour les champs privés',
          privateContact: { email: CANARY_EMAIL, name: CANARY_NAME, phone: CANARY_PHONE },
          publicContact: { role: 'Service numérique', email: 'contact-public@example.fr' },
        })
      ),
    })
    expect(res.status).toBe(201)
    const sub = (await res.json()) as { id: string; slug: string; editToken: string }
    expectNoCanary('submission response', JSON.stringify(sub))
    await send(`/api/moderation/experiments/${sub.id}/approve`, {
      method: 'POST',
      headers: moderator,
    })

    // An edit (proposal, approved), a confirmation and a report: every public artefact.
    const edit = await send(`/api/experiments/${sub.id}/edit`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sub.editToken}` },
      body: JSON.stringify(
        validInput({
          title: 'Fiche témoin pour les champs privés, modifiée',
          privateContact: { email: CANARY_EMAIL, name: CANARY_NAME, phone: CANARY_PHONE },
        })
      ),
    })
    const { proposalId } = (await edit.json()) as { proposalId: string }
    await send(`/api/moderation/proposals/${proposalId}/approve`, {
      method: 'POST',
      headers: moderator,
    })
    await send(`/api/experiments/${sub.id}/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sub.editToken}` },
    })
    await send(`/api/experiments/${sub.id}/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'wrong', message: 'Vérification.' }),
    })
    await drainOutbox(FUZZ_ENV, { targets: ['embedded'] })

    // Every public GET route, with the record's id and its slug.
    const valueFor = (param: string, key: 'id' | 'slug') =>
      param === 'lang'
        ? 'fr'
        : param === 'code'
          ? 'dep:53'
          : param === 'token'
            ? sub.editToken
            : sub[key]
    const checked = await expectNoCanaryOnPublicRoutes(valueFor, [
      '',
      '?q=canari',
      '?q=Fiche%20t%C3%A9moin&limit=100',
      '?format=csv',
    ])
    expect(checked).toBeGreaterThan(100)

    // The search index (embedded tables and the document Meilisearch would receive).
    const row = await getExperiment(env.DB, sub.id)
    expectNoCanary('search document', JSON.stringify(toSearchDocument(row!)))
    const tables = await env.SEARCH_DB.prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE '%_data' AND name NOT LIKE '%_idx' AND name NOT LIKE '%_docsize' AND name NOT LIKE '%_config' AND name NOT LIKE '%_content'`
    ).all<{ name: string }>()
    for (const { name } of tables.results) {
      const rows = await env.SEARCH_DB.prepare(`SELECT * FROM "${name}"`).all()
      expectNoCanary(`SEARCH_DB.${name}`, JSON.stringify(rows.results))
    }

    // Public-content tables never hold them either (revisions, proposals, reports).
    for (const table of ['experiment_revisions', 'proposals', 'reports', 'search_outbox']) {
      const rows = await env.DB.prepare(`SELECT * FROM ${table}`).all()
      expectNoCanary(table, JSON.stringify(rows.results))
    }

    // Where they legitimately appear: the moderation API and the submitter's own edit API.
    const desk = await send(`/api/moderation/experiments/${sub.id}`, { headers: moderator })
    expect(await desk.text()).toContain(CANARY_EMAIL)
    const own = await send(`/api/experiments/${sub.id}/edit`, {
      headers: { authorization: `Bearer ${sub.editToken}` },
    })
    expect(await own.text()).toContain(CANARY_EMAIL)
  }, 300_000)

  it('never appear for an actor of the network either, on any public route or derived table', async () => {
    const sub = await publishWithCanaries(
      'actors',
      needOnlyActor({
        name: 'Structure témoin pour les champs privés',
        privateContact: CANARY_CONTACT,
        publicContact: { role: 'Accueil', email: 'accueil-public@example.fr' },
      })
    )
    // Its whole lifecycle: an owner's edit through the private link (approved), « toujours
    // exact », a reader's report — each leaves public traces (history, index, feeds).
    const opened = await sendForm('/acteurs/modifier/ouvrir', [['token', sub.editToken]])
    expect(opened.status).toBe(303)
    const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!
    const edited = await sendForm(
      '/acteurs/modifier',
      [
        ['name', 'Structure témoin pour les champs privés'],
        ['kind', 'association'],
        ['territories', 'com:35238'],
        ['needs.0.skill', 'formation.mediateurs'],
        ['offers.0.skill', 'ateliers.collectifs'],
        ['publicContact.role', 'Accueil'],
        ['publicContact.email', 'accueil-public@example.fr'],
        ['privateContact.email', CANARY_EMAIL],
        ['privateContact.name', CANARY_NAME],
        ['privateContact.phone', CANARY_PHONE],
      ],
      cookie
    )
    expect(edited.headers.get('location')).toBe('/acteurs/modifier?fait=proposed')
    const proposal = await env.DB.prepare(
      `SELECT id FROM actor_proposals WHERE actor_id = ?1 AND status = 'pending'`
    )
      .bind(sub.id)
      .first<{ id: string }>()
    const approved = await send(`/api/moderation/actors/proposals/${proposal!.id}/approve`, {
      method: 'POST',
      headers: moderator,
    })
    expect(approved.status).toBe(200)
    expect((await sendForm('/acteurs/modifier/verifier', [], cookie)).status).toBe(303)
    const reported = await sendForm(`/acteurs/${sub.slug}/signaler`, [
      ['reason', 'outdated'],
      ['message', 'Horaires à mettre à jour.'],
    ])
    expect(reported.status).toBe(303)
    await drainOutbox(FUZZ_ENV, { targets: ['embedded'] })

    const checked = await expectNoCanaryOnPublicRoutes(
      (p, key) =>
        p === 'lang' ? 'fr' : p === 'code' ? 'com:35238' : p === 'token' ? sub.editToken : sub[key],
      ['', '?q=t%C3%A9moin&limit=100', '?format=csv']
    )
    expect(checked).toBeGreaterThan(60)
    // The actor's page and its history were among them, with its public contact only.
    const page = await (await send(`/acteurs/${sub.slug}`)).text()
    expect(page).toContain('accueil-public@example.fr')
    const history = await (await send(`/acteurs/${sub.slug}/historique`)).text()
    expect(history).toContain('Ce que la structure apporte')

    await expectNoCanaryInTables([
      'actor_revisions',
      'actor_skills',
      'actor_territories',
      'actor_proposals',
      'actor_reports',
      'actor_owner_replies',
      'search_outbox',
    ])
    await expectDeskShowsCanary('actors', sub.id)
    // And the owner's own private page.
    const own = await send('/acteurs/modifier', { headers: { cookie } })
    expect(await own.text()).toContain(CANARY_EMAIL)
  }, 300_000)

  it('never appear for an event, on any public route: agenda, calendars, feeds, exports', async () => {
    const sub = await publishWithCanaries(
      'events',
      debate({
        title: 'Débat témoin pour les champs privés',
        startsAt: '2027-03-12T18:30',
        endsAt: '2027-03-12T20:30',
        privateContact: CANARY_CONTACT,
        publicContact: { role: 'Accueil', email: 'accueil-public@example.fr' },
      })
    )

    // Its lifecycle through the shared mechanism: an organiser's edit (approved) and a
    // reader's report whose message holds a canary (reports are never published).
    const privatePath = `/evenements/prive/${sub.editToken}`
    const edited = await sendForm(`${privatePath}/modifier`, [
      ['title', 'Débat témoin pour les champs privés'],
      ['kind', 'debat'],
      ['description', 'Un débat ouvert à tous sur l’accès aux démarches en ligne, revu.'],
      ['startsAt', '2027-03-12T18:30'],
      ['endsAt', '2027-03-12T20:30'],
      ['attendance', 'on-site'],
      ['place.commune', 'com:35238'],
      ['place.venue', 'Salle des fêtes d’Exemple'],
      ['organiserName', 'Association Clic d’Exemple'],
      ['themes', 'mediation'],
      ['publicContact.role', 'Accueil'],
      ['publicContact.email', 'accueil-public@example.fr'],
    ])
    expect(await edited.text()).toContain('l’équipe de modération va relire')
    await approveEventChange(sub.id)
    const reported = await sendForm(`/evenements/${sub.slug}/signaler`, [
      ['reason', 'wrong'],
      ['message', `Écrire à ${CANARY_EMAIL}`],
    ])
    expect(reported.status).toBe(303)
    await drainOutbox(FUZZ_ENV, { targets: ['embedded'] })

    const checked = await expectNoCanaryOnPublicRoutes(
      (p, key) =>
        p === 'lang' ? 'fr' : p === 'code' ? 'dep:35' : p === 'token' ? sub.editToken : sub[key],
      ['', '?territory=dep:35', '?when=all&format=csv']
    )
    // The edit token shows only on the organiser's own page, never on the public ones.
    for (const path of [
      `/evenements/${sub.slug}`,
      `/evenements/${sub.slug}/historique`,
      `/api/events/${sub.id}`,
      '/evenements.ics?territory=dep:35',
      '/api/events?format=csv',
    ])
      expect(await (await send(path)).text(), path).not.toContain(sub.editToken)
    expect(checked).toBeGreaterThan(60)
    // The agenda and its calendar were among them, and show the event.
    expect(await (await send('/evenements.ics?territory=dep:35')).text()).toContain(
      'Débat témoin pour les champs privés'
    )

    await expectNoCanaryInTables([
      'event_revisions',
      'event_themes',
      'event_actors',
      'event_proposals',
      'search_outbox',
    ])
    await expectDeskShowsCanary('events', sub.id)
  }, 300_000)
})
