/**
 * « La parole recueillie » and the events' search, end to end in workerd: events published
 * through the API, their restitutions written by the events service, the outbox drained
 * into both engines; the pages per theme and per territory, their search, their CSV and
 * JSON exports, Meilisearch answering when up and the embedded engine when it is down,
 * and an unpublished event gone from every one of them.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { ParoleIdea } from '../../worker/domain/parole'
import { drainOutbox } from '../../worker/search/sync'
import { runEventSearch } from '../../worker/search/service'
import { parseCsv } from '../../worker/open-data/csv'
import { asModerator, postJson, request } from './fixtures'
import { publishEvent } from './event-fixtures'
import { getEvent } from '../../worker/db/events'
import { Restitution, type EventContent } from '../../worker/domain/event'
import { writeEvent } from '../../worker/services/events'

const IDEA = 'Ouvrir la médiathèque le dimanche pour les démarches en ligne'

const ids: Record<string, string> = {}

/** Adds a restitution to a published event through the events' one writer. */
async function restitute(id: string, restitution: Partial<Restitution>): Promise<void> {
  const row = (await getEvent(env.DB, id))!
  await writeEvent(env.DB, {
    kind: 'content',
    id,
    readRevision: row.revision,
    content: JSON.parse(row.data) as EventContent,
    change: { action: 'edit', actor: 'submitter', at: new Date().toISOString() },
    // The schema fills the lists not given.
    restitution: Restitution.parse(restitution),
  })
}

/**
 * Drains until nothing is due. The clock runs past the lease of any drain the requests'
 * post-write nudge may still be running, so what it claimed is delivered here too.
 */
async function drainAll(target: Env = env): Promise<void> {
  for (let i = 0; i < 20; i++) {
    const reports = await drainOutbox(target, { now: new Date(Date.now() + 2 * 60_000) })
    if (reports.every((r) => r.delivered + r.failed + r.released === 0)) return
  }
  throw new Error('outbox did not settle')
}

const text = async (path: string) => {
  const res = await request(path, { headers: { 'accept-language': 'fr' } })
  expect(res.status).toBe(200)
  return res.text()
}

beforeAll(async () => {
  // Rennes (Ille-et-Vilaine, Bretagne), about « médiation »; restituted.
  const rennes = await publishEvent({
    title: 'Débat citoyen : nos démarches en ligne',
    startsAt: '2026-03-12T18:30',
    endsAt: '2026-03-12T20:30',
  })
  await restitute(rennes.id, {
    participants: 42,
    summary: 'Une quarantaine d’habitants ont échangé pendant deux heures.',
    ideas: [IDEA],
    proposals: ['Former des bénévoles à l’accompagnement des personnes âgées'],
    disagreements: ['Faut-il dématérialiser les inscriptions à la cantine ?'],
  })
  ids.rennes = rennes.id
  // Limoges, about open data, later; restituted.
  const limoges = await publishEvent({
    title: 'Atelier des données ouvertes de la ville',
    kind: 'atelier',
    themes: ['open-data'],
    place: { commune: 'com:87085', venue: 'Maison d’Exemple' },
    startsAt: '2026-05-20T10:00',
    endsAt: '2026-05-20T12:00',
  })
  await restitute(limoges.id, { ideas: ['Publier les horaires des piscines chaque semaine'] })
  ids.limoges = limoges.id
  // Rennes again, no restitution: never on the parole pages.
  ids.silent = (await publishEvent({ title: 'Débat sans restitution à Rennes' })).id
  await drainAll()
}, 120_000)

describe('la parole recueillie', () => {
  it('gathers restitutions newest first, with their ideas, date and place', async () => {
    const html = await text('/parole-recueillie')
    expect(html).toContain('Atelier des données ouvertes de la ville')
    expect(html).toContain(IDEA)
    expect(html).toContain('Former des bénévoles')
    expect(html).toContain('Faut-il dématérialiser')
    expect(html).toContain('12 mars 2026')
    expect(html).toContain('Rennes')
    expect(html).not.toContain('Débat sans restitution')
    expect(html.indexOf('Atelier des données ouvertes')).toBeLessThan(html.indexOf(IDEA))
  })

  it('has a page per theme and per territory (events inside it count)', async () => {
    const mediation = await text('/parole-recueillie/thematiques/mediation')
    expect(mediation).toContain(IDEA)
    expect(mediation).not.toContain('Publier les horaires des piscines')
    for (const code of ['com:35238', 'dep:35', 'reg:53']) {
      const html = await text(`/parole-recueillie/territoires/${code}`)
      expect(html).toContain(IDEA)
      expect(html).not.toContain('Publier les horaires des piscines')
    }
    const limousin = await text('/parole-recueillie/territoires/dep:87')
    expect(limousin).toContain('Publier les horaires des piscines')
    expect(limousin).not.toContain(IDEA)
  })

  it('searches through the engines: one idea finds its event', async () => {
    const html = await text('/parole-recueillie?q=' + encodeURIComponent('médiathèque dimanche'))
    expect(html).toContain(IDEA)
    expect(html).not.toContain('Publier les horaires des piscines')
    const none = await text('/parole-recueillie/territoires/dep:87?q=m%C3%A9diath%C3%A8que')
    expect(none).toContain('Aucune restitution ne correspond')
  })

  it('speaks English', async () => {
    const res = await request('/parole-recueillie', { headers: { 'accept-language': 'en' } })
    const html = await res.text()
    expect(html).toContain('What people said')
    expect(html).toContain('Proposals')
  })

  it('answers 404 for an unknown theme or territory, never 5xx on odd input', async () => {
    expect((await request('/parole-recueillie/thematiques/nope')).status).toBe(404)
    expect((await request('/parole-recueillie/territoires/dep:00')).status).toBe(404)
    expect((await request('/parole-recueillie/territoires/xyz')).status).toBe(404)
    for (const q of ['"', 'NOT', '*', '(', 'a'.repeat(500), '%00', 'é OR è']) {
      const res = await request(`/parole-recueillie?q=${encodeURIComponent(q)}&page=-3`)
      expect(res.status).toBe(200)
    }
    expect((await request('/parole-recueillie?page=99999')).status).toBe(200)
  })
})

describe('exports of la parole recueillie', () => {
  it('JSON: one entry per idea, proposal and disagreement, with its event', async () => {
    const res = await request('/api/exports/parole.json?territory=dep:35')
    expect(res.status).toBe(200)
    const rows = ParoleIdea.array().parse(await res.json())
    expect(rows.map((r) => [r.kind, r.text])).toEqual([
      ['idea', IDEA],
      ['proposal', 'Former des bénévoles à l’accompagnement des personnes âgées'],
      ['disagreement', 'Faut-il dématérialiser les inscriptions à la cantine ?'],
    ])
    expect(rows[0]).toMatchObject({
      eventId: ids.rennes,
      startsAt: '2026-03-12T18:30',
      territory: 'com:35238',
      department: 'dep:35',
      region: 'reg:53',
      participants: 42,
    })
  })

  it('CSV: the same rows, schema columns, newest event first', async () => {
    const res = await request('/api/exports/parole.csv')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    const [header, ...rows] = parseCsv(await res.text())
    expect(header).toEqual(Object.keys(ParoleIdea.shape))
    const text = header!.indexOf('text')
    expect(rows.map((r) => r[text])).toEqual([
      'Publier les horaires des piscines chaque semaine',
      IDEA,
      'Former des bénévoles à l’accompagnement des personnes âgées',
      'Faut-il dématérialiser les inscriptions à la cantine ?',
    ])
  })

  it('narrows by text and refuses bad parameters naming them', async () => {
    const found = (await (
      await request('/api/exports/parole.json?q=piscines')
    ).json()) as ParoleIdea[]
    expect(found.map((r) => r.eventId)).toEqual([ids.limoges])
    const bad = await request('/api/exports/parole.json?territory=nowhere')
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toContain('problem+json')
    expect(await bad.text()).toContain('territory')
  })
})

describe('the agenda’s text (q) through the engines', () => {
  const listed = async (query: string) => {
    const res = await request(`/api/events?when=past&${query}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: { id: string }[]; total: number }
    return { ids: body.items.map((e) => e.id), total: body.total }
  }

  it('GET /api/events?q= finds an event by one idea of its restitution', async () => {
    const q = encodeURIComponent('médiathèque dimanche')
    expect(await listed(`q=${q}`)).toEqual({ ids: [ids.rennes], total: 1 })
    // The agenda's own filters still apply.
    expect(await listed(`q=${q}&territory=dep:87`)).toEqual({ ids: [], total: 0 })
    expect((await listed(`q=${q}&territory=dep:35`)).ids).toEqual([ids.rennes])
    expect((await listed(`q=${encodeURIComponent('débat Rennes')}`)).ids.sort()).toEqual(
      [ids.rennes, ids.silent].sort()
    )
    expect(await listed('q=introuvablezz')).toEqual({ ids: [], total: 0 })
  })

  it('/evenements?q= shows the matching events and keeps the text in the form and links', async () => {
    const html = await text(`/evenements?when=past&q=${encodeURIComponent('piscines')}`)
    expect(html).toContain('Atelier des données ouvertes de la ville')
    expect(html).not.toContain('Débat citoyen : nos démarches en ligne')
    expect(html).toContain('name="q"')
    expect(html).toContain('value="piscines"')
    expect(html).toContain('/evenements.ics?when=past&amp;q=piscines')
    expect(html).toContain('href="/parole-recueillie"')
  })

  it('feeds and exports of a query keep its text', async () => {
    const res = await request(`/api/exports/events.json?q=${encodeURIComponent('piscines')}`)
    expect(res.status).toBe(200)
    const events = (await res.json()) as { id: string }[]
    expect(events.map((e) => e.id)).toEqual([ids.limoges])
    const bad = await request(`/api/events?q=${'a'.repeat(201)}`)
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('q')
  })
})

describe('events search through the engines', () => {
  const meiliSkip = env.TEST_MEILI_SKIP_REASON
  const query = {
    q: 'médiathèque dimanche',
    filters: {},
    sort: 'relevance',
    page: 1,
    hitsPerPage: 10,
  } as const

  it.skipIf(meiliSkip !== '')('Meilisearch answers once the outbox has reached it', async () => {
    const meili: Env = {
      ...env,
      MEILI_HOST: env.TEST_MEILI_HOST,
      MEILI_KEY: env.TEST_MEILI_KEY,
      MEILI_EVENTS_INDEX: `test-parole-${crypto.randomUUID().slice(0, 8)}`,
    }
    await drainAll(meili)
    const result = await runEventSearch(meili, query)
    expect(result.engine).toBe('meilisearch')
    expect(result.ids).toEqual([ids.rennes])
  })

  it('the embedded engine answers when Meilisearch is down', async () => {
    const down: Env = { ...env, MEILI_HOST: 'http://127.0.0.1:9', MEILI_EVENTS_INDEX: 'down' }
    const result = await runEventSearch(down, query)
    expect(result.engine).toBe('embedded')
    expect(result.ids).toEqual([ids.rennes])
  })

  it('an unpublished event is found nowhere', async () => {
    const res = await postJson(
      `/api/moderation/events/${ids.limoges}/unpublish`,
      { reason: 'Retiré à la demande de l’organisateur.' },
      asModerator()
    )
    expect(res.status).toBe(200)
    await drainAll()
    expect((await runEventSearch(env, { ...query, q: 'piscines' })).ids).toEqual([])
    expect(await text('/parole-recueillie')).not.toContain('Publier les horaires des piscines')
    const json = (await (await request('/api/exports/parole.json')).json()) as ParoleIdea[]
    expect(json.some((r) => r.eventId === ids.limoges)).toBe(false)
  })
})
