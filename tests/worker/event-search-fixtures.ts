/**
 * Published events as values of the domain schema (fictitious places and organisers),
 * for the event search contract: the engines are fed the documents built from them, so
 * the contract needs no storage and checks exactly what the outbox would index.
 */
import { env } from 'cloudflare:workers'
import { Event, type Restitution } from '../../worker/domain/event'
import { toEventDocument } from '../../worker/search/event-documents'
import { EmbeddedEventEngine } from '../../worker/search/events-embedded'
import { MeilisearchEventEngine } from '../../worker/search/events-meilisearch'
import type { EventSearchEngine } from '../../worker/search/events-query'

/** Where the fixtures happen: real codes, each with its ancestry. */
const PLACES = {
  rennes: {
    commune: { code: 'com:35238', name: 'Rennes' },
    epci: 'epci:243500139',
    department: { code: 'dep:35', name: 'Ille-et-Vilaine' },
    region: { code: 'reg:53', name: 'Bretagne' },
    zone: 'Europe/Paris',
  },
  limoges: {
    commune: { code: 'com:87085', name: 'Limoges' },
    epci: 'epci:248719312',
    department: { code: 'dep:87', name: 'Haute-Vienne' },
    region: { code: 'reg:75', name: 'Nouvelle-Aquitaine' },
    zone: 'Europe/Paris',
  },
  saintDenis: {
    commune: { code: 'com:97411', name: 'Saint-Denis' },
    epci: 'epci:249740119',
    department: { code: 'dep:974', name: 'La Réunion' },
    region: { code: 'reg:04', name: 'La Réunion' },
    zone: 'Indian/Reunion',
  },
} as const

export interface EventFixture {
  title: string
  description: string
  kind: Event['kind']
  themes: string[]
  place: keyof typeof PLACES
  /** UTC start; the event lasts two hours. */
  startsAtUtc: string
  attendance?: Event['attendance']
  organiserName?: string
  restitution?: Partial<Restitution>
}

let counter = 0

/** A unique event id of the schema's shape (digits are Crockford base 32). */
const nextId = () => `01JEVENTS${String(++counter).padStart(17, '0')}`

const localOf = (utc: string) => utc.slice(0, 16)

export function eventOf(fixture: EventFixture): Event {
  const place = PLACES[fixture.place]
  const ends = new Date(Date.parse(fixture.startsAtUtc) + 2 * 3_600_000).toISOString()
  const attendance = fixture.attendance ?? 'on-site'
  const id = nextId()
  return Event.parse({
    id,
    slug: `evenement-${id.toLowerCase()}`,
    revision: 2,
    createdAt: '2026-01-05T10:00:00.000Z',
    updatedAt: '2026-01-05T10:00:00.000Z',
    publishedAt: '2026-01-05T10:00:00.000Z',
    lastVerifiedAt: null,
    title: fixture.title,
    kind: fixture.kind,
    description: fixture.description,
    startsAt: localOf(fixture.startsAtUtc),
    endsAt: localOf(ends),
    timeZone: place.zone,
    startsAtUtc: fixture.startsAtUtc,
    endsAtUtc: ends,
    attendance,
    place:
      attendance === 'online'
        ? undefined
        : { commune: place.commune.code, venue: `Salle des fêtes de ${place.commune.name}` },
    onlineUrl: attendance === 'on-site' ? undefined : 'https://visio.example.org/salle',
    organiserName: fixture.organiserName ?? 'Association Exemple Numérique',
    themes: fixture.themes,
    restitution: fixture.restitution ?? null,
    restitutedAt: fixture.restitution ? '2026-02-01T10:00:00.000Z' : null,
    derived: {
      territories: [place.commune],
      departments: [place.department],
      regions: [place.region],
      populationCovered: 0,
      scopeLevel: 'local',
      point: null,
      territorySize: null,
    },
  })
}

/** The index documents of events at `fixture.place` (ancestry as the storage derives it). */
export function eventDocumentOf(event: Event, organiserNames: string[] = []) {
  const place = Object.values(PLACES).find((p) => p.commune.code === event.place?.commune)
  return toEventDocument({
    event,
    places: place ? [place.commune.code, place.epci, place.department.code, place.region.code] : [],
    organiserNames,
  })
}

/** The engines the event contract runs on: the embedded one, and a fresh Meilisearch index. */
export function eventContractEngines(indexPrefix: string): [string, () => EventSearchEngine][] {
  return [
    ['embedded', () => new EmbeddedEventEngine(env.SEARCH_DB)],
    [
      'meilisearch',
      () =>
        new MeilisearchEventEngine({
          host: env.TEST_MEILI_HOST,
          apiKey: env.TEST_MEILI_KEY,
          indexUid: `${indexPrefix}-${crypto.randomUUID().slice(0, 8)}`,
        }),
    ],
  ]
}
