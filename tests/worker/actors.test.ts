/**
 * Actors through the HTTP API, in workerd with a real D1 and the real territory
 * reference: entering the network with one need, moderation, public read and list.
 */
import { env } from 'cloudflare:workers'
import { embeddedActorEngine } from '../../worker/search/engines'
import { describe, expect, it } from 'vitest'
import { needOnlyActor, publishActor, submitActor } from './actor-fixtures'
import { asModerator, postJson, request } from './fixtures'

interface Problem {
  status: number
  errors?: { pointer?: string; parameter?: string; message: string }[]
}

async function problemOf(res: Response, status: number): Promise<Problem> {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  return (await res.json()) as Problem
}

describe('entering the network with one need', () => {
  it('is pending until a moderator approves it, then public without its private contact', async () => {
    const sub = await submitActor()
    expect(sub.status).toBe('pending')
    expect(sub.editToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    await problemOf(await request(`/api/actors/${sub.id}`), 404)

    const approved = await postJson(`/api/moderation/actors/${sub.id}/approve`, {}, asModerator())
    expect(approved.status).toBe(200)

    const res = await request(`/api/actors/${sub.slug}`)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).not.toContain('mediatrice@example.org')
    const actor = JSON.parse(text) as {
      id: string
      needs: { skill: string; text?: string }[]
      offers: unknown[]
      derived: { territories: { name: string }[]; departments: { code: string }[] }
      publishedAt: string | null
    }
    expect(actor.id).toBe(sub.id)
    expect(actor.needs).toEqual([
      { skill: 'formation.mediateurs', text: 'Former nos deux médiatrices à Pix' },
    ])
    expect(actor.offers).toEqual([])
    expect(actor.derived.territories[0]?.name).toBe('Rennes')
    expect(actor.derived.departments.map((d) => d.code)).toEqual(['dep:35'])
    expect(actor.publishedAt).not.toBeNull()
  })

  it('keeps an append-only history and queues both indexes for each change', async () => {
    const sub = await publishActor()
    const { results: revisions } = await env.DB.prepare(
      'SELECT revision, action, status, actor FROM actor_revisions WHERE actor_id = ?1 ORDER BY revision'
    )
      .bind(sub.id)
      .all()
    expect(revisions).toEqual([
      { revision: 1, action: 'submit', status: 'pending', actor: 'submitter' },
      { revision: 2, action: 'approve', status: 'published', actor: 'moderator:alice' },
    ])
    const { results: outbox } = await env.DB.prepare(
      `SELECT record_kind, revision, target FROM search_outbox
       WHERE experiment_id = ?1 ORDER BY revision, target`
    )
      .bind(sub.id)
      .all()
    // Meilisearch is not configured here: its rows wait; the embedded engine's were
    // drained into its actors index, at the published revision.
    expect(outbox).toEqual([
      { record_kind: 'actor', revision: 1, target: 'meilisearch' },
      { record_kind: 'actor', revision: 2, target: 'meilisearch' },
    ])
    expect((await embeddedActorEngine(env).indexedRevisions()).get(sub.id)).toBe(2)
    const audit = await env.DB.prepare('SELECT action FROM audit_log WHERE target = ?1')
      .bind(`actor:${sub.id}`)
      .first()
    expect(audit).toEqual({ action: 'approve' })
  })

  it('lists published actors by what they need, offer, their kind and territory', async () => {
    const seeker = await publishActor({
      name: 'Médiathèque d’Exemple-sur-Vilaine',
      kind: 'mediatheque',
    })
    const helper = await publishActor({
      name: 'Fablab de la Commune d’Exemple',
      kind: 'fablab',
      territories: ['com:29019'],
      needs: [],
      offers: [{ skill: 'formation.mediateurs', horizon: 'durable' }],
      programmes: ['conseillers-numeriques'],
    })
    const pending = await submitActor({ name: 'Tiers-lieu en attente' })
    const ids = async (query: string) =>
      (
        (await (await request(`/api/actors?${query}`)).json()) as { items: { id: string }[] }
      ).items.map((a) => a.id)

    const needing = await ids('needs=formation&limit=100')
    expect(needing).toContain(seeker.id)
    expect(needing).not.toContain(helper.id)
    expect(needing).not.toContain(pending.id)
    expect(await ids('offers=formation.mediateurs&limit=100')).toContain(helper.id)
    expect(await ids('offers=formation.mediateurs&limit=100')).not.toContain(seeker.id)
    expect(await ids('kind=fablab&limit=100')).toEqual([helper.id])
    const breton = await ids('territory=dep:29&limit=100')
    expect(breton).toContain(helper.id)
    expect(breton).not.toContain(seeker.id)
    expect(await ids('programme=conseillers-numeriques&limit=100')).toEqual([helper.id])
  })

  it('counts régions and départements in the territory facet, a commune only once chosen', async () => {
    await publishActor({ name: 'Espace numérique de Brest-d’Exemple', territories: ['com:29019'] })
    await publishActor({ name: 'Point d’accès de Rennes-d’Exemple', territories: ['com:35238'] })
    type Page = { facets: { territory: Record<string, number> } }
    const territory = async (query: string) =>
      ((await (await request(`/api/actors?${query}`)).json()) as Page).facets.territory

    const all = await territory('limit=1')
    expect(Object.keys(all).length).toBeGreaterThan(0)
    for (const code of Object.keys(all)) expect(code).toMatch(/^(reg|dep):/)
    expect(all['dep:29']).toBeGreaterThanOrEqual(1)
    expect(all['com:29019']).toBeUndefined()

    const chosen = await territory('territory=com:29019&limit=1')
    expect(chosen['com:29019']).toBeGreaterThanOrEqual(1)
    expect(chosen['dep:35']).toBeGreaterThanOrEqual(1)
    expect(chosen['com:35238']).toBeUndefined()
  })
})

describe('what a submission must get right', () => {
  it('names each invalid field: SIRET key, RNA form, unknown territory, unknown skill', async () => {
    const invalid = await problemOf(
      await postJson(
        '/api/actors',
        needOnlyActor({
          siret: '12345678200011',
          rna: 'X123',
          needs: [{ skill: 'cuisine.crepes' as 'formation.mediateurs' }],
        })
      ),
      400
    )
    const pointers = invalid.errors?.map((e) => e.pointer)
    expect(pointers).toEqual(expect.arrayContaining(['/siret', '/rna', '/needs/0/skill']))

    const unknown = await problemOf(
      await postJson('/api/actors', needOnlyActor({ territories: ['com:99999'] })),
      400
    )
    expect(unknown.errors?.[0]?.pointer).toBe('/territories/0')

    const nowhere = await problemOf(
      await postJson('/api/actors', needOnlyActor({ territories: [] })),
      400
    )
    expect(nowhere.errors?.map((e) => e.pointer)).toContain('/territories')
  })

  it('accepts a valid SIREN, SIRET and RNA', async () => {
    const sub = await publishActor({
      siren: '123456782',
      siret: '12345678200010',
      rna: 'W353012345',
    })
    const actor = (await (await request(`/api/actors/${sub.id}`)).json()) as { siret: string }
    expect(actor.siret).toBe('12345678200010')
  })

  it('refuses a rejection without a reason, then records the refusal', async () => {
    const sub = await submitActor()
    await problemOf(
      await postJson(`/api/moderation/actors/${sub.id}/reject`, {}, asModerator()),
      400
    )
    const res = await postJson(
      `/api/moderation/actors/${sub.id}/reject`,
      { reason: 'Structure introuvable' },
      asModerator()
    )
    expect(res.status).toBe(200)
    expect(((await res.json()) as { status: string }).status).toBe('rejected')
    await problemOf(await request(`/api/actors/${sub.id}`), 404)
  })

  it('keeps the moderation API closed without a token', async () => {
    const sub = await submitActor()
    expect((await postJson(`/api/moderation/actors/${sub.id}/approve`, {})).status).toBe(401)
    expect((await request('/api/moderation/actors')).status).toBe(401)
  })
})

describe('open data of the actors', () => {
  it('exports CSV in the mediation-places conventions, JSON and GeoJSON, never the private contact', async () => {
    const sub = await publishActor({
      name: 'EPN de la Commune d’Exemple',
      kind: 'epn',
      siret: '12345678200010',
      programmes: ['conseillers-numeriques', 'pass-numerique'],
      mediation: { typologies: ['EPN', 'MUNI'], services: ['demarches', 'culture'] },
    })
    const csv = await (await request('/api/exports/actors.csv?kind=epn')).text()
    const [header, ...lines] = csv.trim().split('\r\n')
    const columns = header!.split(',')
    expect(columns.slice(0, 4)).toEqual(['id', 'nom', 'pivot', 'siren'])
    const line = lines.find((l) => l.startsWith(sub.id))!
    const cell = (name: string) => line.split(',')[columns.indexOf(name)]
    expect(cell('pivot')).toBe('12345678200010')
    expect(cell('code_insee')).toBe('35238')
    expect(cell('typologie')).toBe('EPN;MUNI')
    expect(cell('services')).toBe(
      'Aide aux démarches administratives;Comprehension du monde numérique'
    )
    // Only programmes the standard names are written in its column; all are in ours.
    expect(cell('dispositif_programmes_nationaux')).toBe('Conseillers numériques')
    expect(cell('programmes')).toBe('conseillers-numeriques;pass-numerique')
    expect(cell('competences_recherchees')).toBe('formation.mediateurs')
    expect(csv).not.toContain('mediatrice@example.org')

    const json = await (await request('/api/exports/actors.json?kind=epn')).text()
    expect(json).not.toContain('mediatrice@example.org')
    expect((JSON.parse(json) as { id: string }[]).map((a) => a.id)).toContain(sub.id)

    const geo = (await (await request('/api/exports/actors.geojson?kind=epn')).json()) as {
      features: { id: string; geometry: { coordinates: number[] } | null }[]
    }
    const feature = geo.features.find((f) => f.id === sub.id)
    expect(feature).toBeDefined()
    if (feature?.geometry) {
      // Rennes: its centroid, longitude first.
      expect(feature.geometry.coordinates[0]).toBeCloseTo(-1.68, 0)
      expect(feature.geometry.coordinates[1]).toBeCloseTo(48.11, 0)
    }
    expect((await request('/api/exports/actors.csv?kind=nope')).status).toBe(400)
  })
})

describe('the actors’ Atom feed', () => {
  it('lists the latest published actors with their needs, and none pending', async () => {
    const shown = await publishActor({ name: 'Fablab du flux d’Exemple', kind: 'fablab' })
    const hidden = await submitActor({ name: 'Fablab en attente du flux', kind: 'fablab' })
    const res = await request('/api/feeds/actors.atom?kind=fablab')
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/)
    const xml = await res.text()
    expect(xml).toContain('<title type="text">Fablab du flux d’Exemple</title>')
    expect(xml).toContain(`/acteurs/${shown.slug}`)
    expect(xml).toContain('Besoins : Formation de médiateurs et d’aidants.')
    expect(xml).not.toContain(hidden.slug)
    expect(xml).not.toContain('mediatrice@example.org')
  })
})
