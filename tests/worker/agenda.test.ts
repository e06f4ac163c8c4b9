/**
 * The agenda: `GET /api/events` and `/evenements` with their filters (territory inside,
 * theme, kind, dates, attendance, free, period), paging, the calendars (`/evenements.ics`,
 * `/territoires/{code}/evenements.ics`), the Atom feed, the exports and their Table Schema,
 * the DCAT entry, and the events listed on actor, experiment and territory pages.
 */
import { env } from 'cloudflare:workers'
import ICAL from 'ical.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { getEvent } from '../../worker/db/events'
import { EventInput, Restitution } from '../../worker/domain/event'
import { EVENT_CSV_COLUMNS } from '../../worker/open-data/events'
import { writeEvent } from '../../worker/services/events'
import { parseCsv } from '../../worker/open-data/csv'
import { publishActor } from './actor-fixtures'
import { debate, publishEvent, submitEvent, type EventInputData } from './event-fixtures'
import { asModerator, postJson, publish, request } from './fixtures'

interface EventJson {
  id: string
  slug: string
  title: string
  startsAtUtc: string
}
interface EventPageJson {
  items: EventJson[]
  total: number
  nextCursor: string | null
}

const CANARY = 'canari.agenda.91c2@example.fr'

// Fictitious events in real communes: Rennes (Ille-et-Vilaine, Bretagne, Rennes Métropole),
// Saint-Denis de La Réunion, Brest (Finistère, Bretagne), and online.
const EVENTS: Record<string, EventInputData> = {
  rennes: debate({
    title: 'Débat citoyen : nos démarches en ligne',
    startsAt: '2027-03-12T18:30',
    endsAt: '2027-03-12T20:30',
    place: { commune: 'com:35238', venue: 'Salle d’Exemple' },
    themes: ['mediation'],
    privateContact: { email: CANARY },
  }),
  reunion: debate({
    title: 'Atelier « premiers pas » à Saint-Denis',
    kind: 'atelier',
    startsAt: '2027-02-05T18:30',
    endsAt: '2027-02-05T20:00',
    place: { commune: 'com:97411', venue: 'Médiathèque d’Exemple' },
    themes: ['mediation.itinerance'],
  }),
  brest: debate({
    title: 'Forum des données ouvertes à Brest',
    kind: 'forum',
    startsAt: '2027-04-20T09:00',
    endsAt: '2027-04-21T17:00',
    place: { commune: 'com:29019', venue: 'Halle d’Exemple' },
    themes: ['open-data'],
    price: 'paid',
  }),
  webinar: debate({
    title: 'Webinaire : mesurer l’inclusion numérique',
    kind: 'webinaire',
    attendance: 'online',
    place: undefined,
    onlineUrl: 'https://visio.example.org/inclusion',
    startsAt: '2027-01-15T11:00',
    endsAt: '2027-01-15T12:00',
  }),
  past: debate({
    title: 'Débat passé à Rennes sur l’accès aux droits',
    startsAt: '2026-03-12T18:30',
    endsAt: '2026-03-12T20:30',
  }),
}
const ids: Record<string, { id: string; slug: string }> = {}
/** An organiser of the network, published before any event (its drain waits for an empty outbox). */
let organiser: { id: string; slug: string }

const api = async (query: string): Promise<EventPageJson> => {
  const res = await request(`/api/events${query}`)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as EventPageJson
}
const titles = (page: EventPageJson) => page.items.map((e) => e.title)

beforeAll(async () => {
  organiser = await publishActor()
  for (const [key, input] of Object.entries(EVENTS)) ids[key] = await publishEvent(input)
  // Pending: never listed.
  await submitEvent({
    title: 'Débat en attente de modération',
    startsAt: '2027-03-01T18:00',
    endsAt: '2027-03-01T19:00',
  })
})

describe('GET /api/events', () => {
  it('lists upcoming events soonest first, never past or pending ones', async () => {
    const page = await api('')
    expect(titles(page)).toEqual([
      EVENTS.webinar!.title,
      EVENTS.reunion!.title,
      EVENTS.rennes!.title,
      EVENTS.brest!.title,
    ])
    expect(page.total).toBe(4)
    expect(titles(await api('?when=past'))).toEqual([EVENTS.past!.title])
  })

  it('filters by a territory the place is inside: commune, EPCI, département, région', async () => {
    const rennes = [EVENTS.rennes!.title]
    expect(titles(await api('?territory=com:35238'))).toEqual(rennes)
    expect(titles(await api('?territory=epci:243500139'))).toEqual(rennes)
    expect(titles(await api('?territory=dep:35'))).toEqual(rennes)
    expect(titles(await api('?territory=reg:53'))).toEqual([
      EVENTS.rennes!.title,
      EVENTS.brest!.title,
    ])
    expect(titles(await api('?territory=dep:974'))).toEqual([EVENTS.reunion!.title])
    expect(titles(await api('?territory=dep:35&territory=dep:974'))).toEqual([
      EVENTS.reunion!.title,
      EVENTS.rennes!.title,
    ])
  })

  it('filters by theme (sub-themes included), kind, dates, attendance and price', async () => {
    expect(titles(await api('?theme=mediation'))).toEqual([
      EVENTS.webinar!.title,
      EVENTS.reunion!.title,
      EVENTS.rennes!.title,
    ])
    expect(titles(await api('?kind=forum&kind=atelier'))).toEqual([
      EVENTS.reunion!.title,
      EVENTS.brest!.title,
    ])
    expect(titles(await api('?from=2027-02-05&to=2027-03-12'))).toEqual([
      EVENTS.reunion!.title,
      EVENTS.rennes!.title,
    ])
    expect(titles(await api('?attendance=online'))).toEqual([EVENTS.webinar!.title])
    expect(titles(await api('?free=true'))).not.toContain(EVENTS.brest!.title)
  })

  it('pages with a cursor', async () => {
    const first = await api('?limit=3')
    expect(first.items).toHaveLength(3)
    expect(first.nextCursor).not.toBeNull()
    const second = await api(`?limit=3&cursor=${first.nextCursor}`)
    expect(titles(second)).toEqual([EVENTS.brest!.title])
    expect(second.nextCursor).toBeNull()
  })

  it('answers a bad filter with a problem naming the parameter', async () => {
    for (const query of ['?territory=bretagne', '?kind=party', '?from=12/03/2027', '?when=soon']) {
      const res = await request(`/api/events${query}`)
      expect(res.status, query).toBe(400)
      const problem = (await res.json()) as { errors?: { parameter?: string }[] }
      expect(JSON.stringify(problem.errors), query).toContain(query.slice(1).split('=')[0])
    }
  })
})

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  return calendar
}

describe('calendars (iCalendar)', () => {
  it('serves a département’s upcoming events at /evenements.ics?territory=…', async () => {
    const res = await request('/evenements.ics?territory=dep:35')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const text = await res.text()
    const events = parseCalendar(text)
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
    expect(events.map((e) => e.summary)).toEqual([EVENTS.rennes!.title])
    expect(events[0]!.uid).toBe(`${ids.rennes!.id}@observatoire.test`)
    expect(events[0]!.startDate.toJSDate().toISOString()).toBe('2027-03-12T17:30:00.000Z')
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270312T183000')
    expect(text).not.toContain(CANARY)
  })

  it('serves a territory’s calendar at /territoires/{code}/evenements.ics, overseas zone included', async () => {
    const res = await request('/territoires/dep:974/evenements.ics')
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toContain('DTSTART;TZID=Indian/Reunion:20270205T183000')
    const [event] = parseCalendar(text)
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
    expect(event!.startDate.toJSDate().toISOString()).toBe('2027-02-05T14:30:00.000Z')
    expect((await request('/territoires/dep:999/evenements.ics')).status).toBe(404)
  })

  it('cancels an event withdrawn after publication, with a higher SEQUENCE', async () => {
    const sub = await publishEvent({
      title: 'Atelier retiré de l’agenda',
      kind: 'atelier',
      startsAt: '2027-05-10T14:00',
      endsAt: '2027-05-10T16:00',
      place: { commune: 'com:29019', venue: 'Salle d’Exemple' },
    })
    const before = await (await request('/evenements.ics?territory=dep:29')).text()
    expect(before).toContain('Atelier retiré de l’agenda')
    const unpublished = await postJson(
      `/api/moderation/events/${sub.id}/unpublish`,
      { reason: 'Annulé par ses organisateurs.' },
      asModerator()
    )
    expect(unpublished.status, await unpublished.clone().text()).toBe(200)
    const after = parseCalendar(await (await request('/evenements.ics?territory=dep:29')).text())
    const cancelled = after
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('uid') === `${sub.id}@observatoire.test`)!
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(Number(cancelled.getFirstPropertyValue('sequence'))).toBeGreaterThan(1)
    expect(cancelled.getFirstPropertyValue('summary')).not.toContain('retiré')
  })
})

describe('Atom feed and exports', () => {
  it('follows a query in Atom', async () => {
    const res = await request('/api/feeds/events.atom?territory=reg:53')
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const xml = await res.text()
    expect(xml).toContain(`<title type="text">${EVENTS.rennes!.title}</title>`)
    expect(xml).toContain('Bretagne')
    expect(xml).not.toContain(EVENTS.reunion!.title)
    expect(xml).not.toContain(CANARY)
  })

  it('exports every period in CSV with the columns its Table Schema documents', async () => {
    const csv = await (await request('/api/exports/events.csv')).text()
    const [header, ...rows] = parseCsv(csv)
    expect(header).toEqual(EVENT_CSV_COLUMNS.map((c) => c.name))
    expect(rows.map((r) => r[header!.indexOf('title')])).toEqual(
      expect.arrayContaining([EVENTS.past!.title, EVENTS.rennes!.title])
    )
    expect(csv).not.toContain(CANARY)
    const schema = (await (await request('/api/schemas/v1/event.tableschema.json')).json()) as {
      fields: { name: string; title: string; description: string }[]
    }
    expect(schema.fields.map((f) => f.name)).toEqual(header)
    for (const field of schema.fields) expect(field.description, field.name).not.toBe('')
    const upcoming = parseCsv(await (await request('/api/exports/events.csv?when=upcoming')).text())
    expect(upcoming).toHaveLength(1 + 4)
  })

  it('exports JSON, GeoJSON (the place’s commune) and iCalendar, with no private field', async () => {
    const json = await (await request('/api/exports/events.json?territory=dep:35')).text()
    const records = JSON.parse(json) as { id: string; privateContact?: unknown }[]
    expect(records.map((r) => r.id).sort()).toEqual([ids.rennes!.id, ids.past!.id].sort())
    expect(records.every((r) => r.privateContact === undefined)).toBe(true)
    expect(json).not.toContain(CANARY)
    const geo = (await (
      await request('/api/exports/events.geojson?territory=com:35238')
    ).json()) as {
      features: { id: string; geometry: { coordinates: number[] } | null; locatedBy: string }[]
    }
    expect(geo.features).toHaveLength(2)
    expect(geo.features[0]!.locatedBy).toBe('com:35238')
    expect(geo.features[0]!.geometry!.coordinates[0]).toBeCloseTo(-1.68, 1)
    const ics = await request('/api/exports/events.ics')
    expect(ics.headers.get('content-disposition')).toContain('evenements.ics')
    expect(
      parseCalendar(await ics.text()).getAllSubcomponents('vevent').length
    ).toBeGreaterThanOrEqual(5)
  })

  it('lists the events dataset in the DCAT catalogue', async () => {
    const catalog = (await (await request('/api/catalog.jsonld')).json()) as {
      'dcat:dataset': { '@id': string; 'dcat:distribution': { 'dcat:mediaType': string }[] }[]
    }
    const events = catalog['dcat:dataset'].find((d) => d['@id'].endsWith('#events'))!
    expect(events['dcat:distribution'].map((d) => d['dcat:mediaType'])).toEqual([
      'text/csv',
      'application/json',
      'application/geo+json',
      'text/calendar',
    ])
  })

  it('documents the list, feeds and exports in OpenAPI', async () => {
    const doc = (await (await request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>
    }
    expect(doc.paths['/events']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining([
        'when',
        'territory',
        'theme',
        'kind',
        'from',
        'to',
        'attendance',
        'free',
        'cursor',
      ])
    )
    for (const path of [
      '/exports/events.csv',
      '/exports/events.json',
      '/exports/events.geojson',
      '/exports/events.ics',
      '/feeds/events.ics',
      '/feeds/events.atom',
      '/schemas/v1/event.tableschema.json',
    ])
      expect(doc.paths[path]?.get, path).toBeDefined()
    // The list shares its path with the submission.
    expect(doc.paths['/events']?.post).toBeDefined()
  })
})

describe('pages', () => {
  it('shows the agenda by day, its filters without JavaScript, the map and its calendars', async () => {
    const res = await request('/evenements?territory=reg:53')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain(EVENTS.rennes!.title)
    expect(html).toContain(EVENTS.brest!.title)
    expect(html).not.toContain(EVENTS.reunion!.title)
    expect(html).toContain('vendredi 12 mars 2027')
    expect(html).toContain('18 h 30')
    expect(html).toContain('href="/evenements.ics?territory=reg%3A53"')
    expect(html).toContain('rel="alternate" type="text/calendar"')
    expect(html).toContain('<option value="reg:53" selected')
    // The map: one pin per event, linking to its page.
    expect(html).toContain(
      `href="/evenements/${ids.rennes!.slug}" aria-label="${EVENTS.rennes!.title}" class="map-pin"`
    )
  })

  it('names the zone of an overseas event and lists past events in their tab', async () => {
    const reunion = await (await request('/evenements?territory=dep:974')).text()
    expect(reunion).toContain('heure de La Réunion')
    const past = await (await request('/evenements?when=past')).text()
    expect(past).toContain(EVENTS.past!.title)
    expect(past).not.toContain(EVENTS.rennes!.title)
    expect((await request('/evenements?kind=party')).status).toBe(400)
  })

  it('lists an actor’s events on its page, upcoming first', async () => {
    const { id, slug } = organiser
    await publishEvent({ ...EVENTS.rennes!, title: 'Atelier à venir du réseau', organisers: [id] })
    await publishEvent({ ...EVENTS.past!, title: 'Débat passé du réseau', organisers: [id] })
    const html = await (await request(`/acteurs/${slug}`)).text()
    const upcoming = html.indexOf('Atelier à venir du réseau')
    const past = html.indexOf('Débat passé du réseau')
    expect(upcoming).toBeGreaterThan(0)
    expect(past).toBeGreaterThan(upcoming)
    // Both count as events it held, on its page and in the API; pending ones do not.
    await submitEvent({ ...EVENTS.rennes!, title: 'Atelier en attente', organisers: [id] })
    expect(html).toContain('2 événements organisés')
    const network = (await (await request(`/api/network/actors/${slug}`)).json()) as {
      contributions: { events: number }
    }
    expect(network.contributions.events).toBe(2)
  })

  it('shows a territory’s upcoming events and its calendar', async () => {
    const html = await (await request('/territoires/dep:35')).text()
    expect(html).toContain(EVENTS.rennes!.title)
    expect(html).not.toContain(EVENTS.past!.title)
    expect(html).toContain('href="/territoires/dep:35/evenements.ics"')
  })

  it('lists on an experiment’s page the events where it was presented', async () => {
    const experiment = await publish({ title: 'Bus numérique d’Exemple' })
    await publishEvent({
      ...EVENTS.past!,
      title: 'Débat où le bus a été présenté',
    }).then((sub) => addRestitution(sub, experiment.id))
    const html = await (await request(`/experiences/${experiment.slug}`)).text()
    expect(html).toContain('Débat où le bus a été présenté')
    expect(html).toContain('Présentée lors de l’événement')
  })
})

/**
 * A restitution naming an experiment, written by the events' one writer (what the private
 * link's restitution form calls once the organiser sends it).
 */
async function addRestitution(sub: { id: string }, experimentId: string) {
  const row = (await getEvent(env.DB, sub.id))!
  const { privateContact: _private, ...content } = EventInput.parse({
    ...JSON.parse(row.data),
    privateContact: { email: 'organisation@example.org' },
  })
  await writeEvent(env.DB, {
    kind: 'content',
    id: sub.id,
    readRevision: row.revision,
    content,
    change: { action: 'edit', actor: 'submitter', at: new Date().toISOString() },
    restitution: Restitution.parse({
      summary: 'Une soirée riche en idées.',
      ideas: ['Un bus numérique dans chaque canton'],
      experiments: [{ experimentId, relation: 'presented' }],
    }),
  })
}
