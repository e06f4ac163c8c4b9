import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import type { Event } from '../../worker/domain/event'
import { eventCalendar, vtimezone } from '../../worker/open-data/icalendar'

const BASE = 'https://observatoire.example.org'

const derived = (code: string, name: string): Event['derived'] => ({
  territories: [{ code, name }],
  regions: [],
  departments: [],
  populationCovered: 0,
  scopeLevel: 'local',
  point: null,
  territorySize: null,
})

function event(overrides: Partial<Event>): Event {
  return {
    id: '01JD8Z6M4S4X7R2Q9F3K5V1B0C',
    slug: 'debat-numerique',
    revision: 3,
    createdAt: '2027-01-02T10:00:00.000Z',
    updatedAt: '2027-01-05T10:00:00.000Z',
    publishedAt: '2027-01-03T10:00:00.000Z',
    lastVerifiedAt: null,
    title: 'Débat : le numérique dans nos démarches',
    kind: 'debat',
    description: 'Un débat ouvert à tous, sur l’accès aux démarches en ligne ; entrée libre.',
    startsAt: '2027-03-12T18:30',
    endsAt: '2027-03-12T20:30',
    timeZone: 'Europe/Paris',
    startsAtUtc: '2027-03-12T17:30:00.000Z',
    endsAtUtc: '2027-03-12T19:30:00.000Z',
    attendance: 'on-site',
    place: { commune: 'com:99001', venue: 'Salle des fêtes de la Commune d’Exemple' },
    organiserName: 'Association d’Exemple',
    organisers: [],
    themes: ['mediation'],
    audiences: [],
    price: 'free',
    access: ['step-free'],
    restitution: null,
    restitutedAt: null,
    derived: derived('com:99001', 'Commune d’Exemple'),
    ...overrides,
  } as Event
}

const reunion = event({
  id: '01JD8Z6M4S4X7R2Q9F3K5V1B0D',
  slug: 'atelier-saint-denis',
  revision: 1,
  kind: 'atelier',
  title: `Atelier « premiers pas » à la médiathèque, un titre long pour plier la ligne au-delà de soixante-quinze octets`,
  startsAt: '2027-07-15T18:30',
  endsAt: '2027-07-15T20:00',
  timeZone: 'Indian/Reunion',
  startsAtUtc: '2027-07-15T14:30:00.000Z',
  endsAtUtc: '2027-07-15T16:00:00.000Z',
  place: { commune: 'com:97411', venue: 'Médiathèque d’Exemple' },
  derived: derived('com:97411', 'Saint-Denis'),
})

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text))
  // Registers the feed's own VTIMEZONEs, as a calendar client does.
  for (const zone of component.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  return component
}

describe('iCalendar of events (RFC 5545)', () => {
  const text = eventCalendar({
    name: 'Agenda — test',
    alternate: `${BASE}/evenements`,
    base: BASE,
    events: [event({}), reunion],
    withdrawn: [
      {
        id: '01JD8Z6M4S4X7R2Q9F3K5V1B0E',
        revision: 4,
        timeZone: 'America/Guadeloupe',
        startsAtUtc: '2027-04-01T22:00:00.000Z',
        endsAtUtc: '2027-04-01T23:00:00.000Z',
        updatedAt: '2027-03-01T10:00:00.000Z',
      },
    ],
  })

  it('writes strict content lines: CRLF, folded at 75 octets, continuation lines indented', () => {
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
    const lines = text.split('\r\n')
    for (const line of lines)
      expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75)
    // The long title was folded, and unfolds back to itself (its comma escaped, §3.3.11).
    expect(lines.some((l) => l.startsWith(' '))).toBe(true)
    expect(text.replaceAll('\r\n ', '')).toContain(`SUMMARY:${reunion.title.replace(',', '\\,')}`)
  })

  it('gives each event its place’s zone with a matching VTIMEZONE, overseas included', () => {
    expect(text).toContain('DTSTART;TZID=Indian/Reunion:20270715T183000')
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20270312T183000')
    const calendar = parse(text)
    const zones = calendar
      .getAllSubcomponents('vtimezone')
      .map((z) => z.getFirstPropertyValue('tzid'))
    expect(zones.sort()).toEqual(['America/Guadeloupe', 'Europe/Paris', 'Indian/Reunion'])
    const [paris, saintDenis] = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    // Read back through the feed's own VTIMEZONE: the same UTC instants as the record.
    expect(saintDenis!.startDate.toJSDate().toISOString()).toBe(reunion.startsAtUtc)
    expect(saintDenis!.endDate.toJSDate().toISOString()).toBe(reunion.endsAtUtc)
    expect(paris!.startDate.toJSDate().toISOString()).toBe('2027-03-12T17:30:00.000Z')
  })

  it('keeps a stable UID, SEQUENCE = revision, the page URL and the fields a calendar shows', () => {
    const [first] = parse(text).getAllSubcomponents('vevent')
    expect(first!.getFirstPropertyValue('uid')).toBe(
      '01JD8Z6M4S4X7R2Q9F3K5V1B0C@observatoire.example.org'
    )
    expect(first!.getFirstPropertyValue('sequence')).toBe(3)
    expect(first!.getFirstPropertyValue('url')).toBe(`${BASE}/evenements/debat-numerique`)
    expect(first!.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(first!.getFirstPropertyValue('location')).toBe(
      'Salle des fêtes de la Commune d’Exemple, Commune d’Exemple'
    )
    const description = String(first!.getFirstPropertyValue('description'))
    expect(description).toContain('sur l’accès aux démarches en ligne ; entrée libre.')
    expect(description).toContain('Organisé par : Association d’Exemple')
    expect(description).toContain('Accessibilité : Accessible en fauteuil roulant')
    expect(first!.getAllProperties('categories').flatMap((p) => p.getValues())).toEqual([
      'Débat citoyen',
      'Inclusion et médiation numérique',
    ])
  })

  it('cancels a withdrawn event without publishing anything of it but its times', () => {
    const withdrawn = parse(text)
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('status') === 'CANCELLED')!
    expect(withdrawn.getFirstPropertyValue('uid')).toBe(
      '01JD8Z6M4S4X7R2Q9F3K5V1B0E@observatoire.example.org'
    )
    expect(withdrawn.getFirstPropertyValue('sequence')).toBe(4)
    expect(withdrawn.getFirstPropertyValue('description')).toBeNull()
    expect(withdrawn.getFirstPropertyValue('location')).toBeNull()
  })

  it('names a linked zone’s definition after the zone itself', () => {
    // timezones-ical-library answers Indian/Reunion with Asia/Dubai's block.
    expect(vtimezone('Indian/Reunion')).toMatch(/^TZID:Indian\/Reunion\r?$/m)
    expect(vtimezone('America/St_Barthelemy')).toMatch(/^TZID:America\/St_Barthelemy\r?$/m)
    expect(vtimezone('Asia/Tokyo')).toBeNull()
  })
})
