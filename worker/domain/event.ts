/**
 * The event record: a dated gathering of the network (débat citoyen, atelier, forum…) on the
 * contributive map and agenda, and its restitution — what came out of it. The single source
 * of truth for validation, types, the OpenAPI document, exports and forms, shaped like the
 * experiment and actor records:
 * - `EventInput`: what an organiser submits (and later edits), private contact included;
 * - `EventContent`: the input without the private contact — what may be shown;
 * - `Restitution`: added by the organiser after the event, through the private link;
 * - `Event`: the published record, with identity, dates, UTC instants and derived territory.
 *
 * Times are wall-clock times of the place (`2027-03-12T18:30`) in an IANA zone of a French
 * territory: a debate in Saint-Denis de La Réunion at 18:30 is 18:30 in Indian/Reunion. The
 * UTC instants are derived once, when the record is written, for sorting, filtering and
 * iCalendar.
 */
import { z } from '@hono/zod-openapi'
import { Address } from './actor'
import {
  EVENT_ACCESS,
  EVENT_ATTENDANCE,
  EVENT_EXPERIMENT_RELATIONS,
  EVENT_KINDS,
  EVENT_PRICES,
  FRENCH_TIME_ZONES,
} from './event-vocabularies'
import {
  ActorRef,
  codeList,
  ExperimentId,
  httpUrl,
  MODERATION_FIELDS,
  PrivateContact,
  PublicContact,
  RECORD_FIELDS,
  Resource,
} from './experiment'
import { TerritoryCode } from './territory'
import { cleanText } from './text'
import { ALL_THEMES, codesOf, PUBLICS } from './vocabularies'

const text = cleanText
const optionalText = (max: number) => text(max).optional()

export const EventId = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Identifiant d’événement invalide.')
  .openapi({ example: '01JD8Z6M4S4X7R2Q9F3K5V1B0C' })

/** A wall-clock date and time of the place, to the minute: `2027-03-12T18:30`. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d$/, {
    error: 'Date et heure attendues au format AAAA-MM-JJTHH:MM.',
  })
  // A calendar date that exists (no 30 February): it survives a round trip through Date.
  .refine((value) => {
    const instant = Date.parse(`${value}:00Z`)
    return !Number.isNaN(instant) && new Date(instant).toISOString().startsWith(value)
  }, 'Cette date n’existe pas.')
  .refine((value) => {
    const year = Number(value.slice(0, 4))
    return year >= 2000 && year <= 2100
  }, 'L’année doit être comprise entre 2000 et 2100.')
  .openapi({ example: '2027-03-12T18:30' })

/** Where an event takes place: a commune (typed code), the venue's name, optionally its address. */
export const EventPlace = z
  .strictObject({
    commune: TerritoryCode.refine((code) => code.startsWith('com:'), {
      error: 'Indiquez la commune du lieu (code com:).',
    }),
    venue: text(200).min(2, 'Indiquez le nom du lieu.'),
    address: Address.optional(),
  })
  .openapi('EventPlace')

/** An experiment of the observatory the event presented, or that it inspired. */
export const EventExperimentLink = z
  .strictObject({
    experimentId: ExperimentId,
    relation: z.enum(codesOf(EVENT_EXPERIMENT_RELATIONS)),
  })
  .openapi('EventExperimentLink')

const ideaList = (label: string) =>
  z.array(text(600).min(3)).max(30, `30 ${label} au maximum.`).default([])

/** What came out of an event (« ce qui en est sorti »), added after its date by its organiser. */
export const Restitution = z
  .strictObject({
    participants: z
      .number()
      .int()
      .min(0)
      .max(1_000_000)
      .optional()
      .openapi({ description: 'Nombre de participants' }),
    publics: codeList(codesOf(PUBLICS), PUBLICS.length).default([]),
    summary: optionalText(3000).openapi({ description: 'Ce qui en est sorti, en quelques lignes' }),
    ideas: ideaList('idées').openapi({ description: 'Les idées principales' }),
    proposals: ideaList('propositions').openapi({ description: 'Les propositions' }),
    disagreements: ideaList('désaccords').openapi({ description: 'Les désaccords exprimés' }),
    documents: z.array(Resource).max(20, '20 documents au maximum.').default([]),
    experiments: z
      .array(EventExperimentLink)
      .max(30, '30 expériences au maximum.')
      .refine(
        (links) => new Set(links.map((l) => l.experimentId)).size === links.length,
        'Une même expérience est répétée.'
      )
      .default([]),
  })
  .openapi('Restitution')
export type Restitution = z.infer<typeof Restitution>

const contentShape = {
  title: text(160).min(5, 'Le titre doit faire au moins 5 caractères.'),
  kind: z.enum(codesOf(EVENT_KINDS)),
  description: text(3000).min(20, 'La description doit faire au moins 20 caractères.'),
  startsAt: LocalDateTime.openapi({ description: 'Début, heure locale du lieu' }),
  endsAt: LocalDateTime.openapi({ description: 'Fin, heure locale du lieu' }),
  timeZone: z.enum(codesOf(FRENCH_TIME_ZONES)).optional().openapi({
    description:
      'Fuseau horaire (IANA) ; par défaut celui de la commune du lieu, Europe/Paris pour un événement en ligne',
  }),
  attendance: z.enum(codesOf(EVENT_ATTENDANCE)).default('on-site'),
  place: EventPlace.optional(),
  onlineUrl: httpUrl.optional().openapi({ description: 'Lien pour participer en ligne' }),
  territory: TerritoryCode.optional().openapi({
    description:
      'Territoire concerné (commune, EPCI, département, région) ; par défaut la commune du lieu',
  }),
  organiserName: text(200).min(2, 'Indiquez qui organise.'),
  organisers: z
    .array(ActorRef)
    .max(10, '10 organisateurs au maximum.')
    .refine((ids) => new Set(ids).size === ids.length, 'Un même organisateur est répété.')
    .default([])
    .openapi({ description: 'Les acteurs du réseau qui organisent' }),
  themes: codeList(codesOf(ALL_THEMES), 5).min(1, 'Choisissez au moins une thématique.'),
  audiences: codeList(codesOf(PUBLICS), PUBLICS.length).default([]),
  price: z.enum(codesOf(EVENT_PRICES)).default('free'),
  priceNote: optionalText(200),
  registrationUrl: httpUrl.optional(),
  access: codeList(codesOf(EVENT_ACCESS), EVENT_ACCESS.length).default([]),
  accessNote: optionalText(500).openapi({ description: 'Informations d’accessibilité' }),
  publicContact: PublicContact.optional(),
}

interface PlacedFields {
  startsAt: string
  endsAt: string
  attendance: string
  place?: unknown
  onlineUrl?: string
}

/** The rules between fields: an end after the start, a place when on site, a link when online. */
function eventConsistent(value: PlacedFields, ctx: z.RefinementCtx) {
  if (value.endsAt < value.startsAt)
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'La fin doit suivre le début.' })
  if (value.attendance !== 'online' && !value.place)
    ctx.addIssue({ code: 'custom', path: ['place'], message: 'Indiquez le lieu de l’événement.' })
  if (value.attendance !== 'on-site' && !value.onlineUrl)
    ctx.addIssue({
      code: 'custom',
      path: ['onlineUrl'],
      message: 'Indiquez le lien pour participer en ligne.',
    })
}

/** What an organiser submits (no account needed). */
export const EventInput = z
  .object({ ...contentShape, privateContact: PrivateContact })
  .strict()
  .superRefine((value, ctx) => eventConsistent(value, ctx))
  .openapi('EventInput')
export type EventInput = z.infer<typeof EventInput>

/** What the organiser changes through the private link: the content, same rules. */
export const EventEdit = z
  .object(contentShape)
  .strict()
  .superRefine((value, ctx) => eventConsistent(value, ctx))
export type EventEdit = z.infer<typeof EventEdit>

/** Everything of an event that may be shown: the input without its private contact. */
export const EventContent = z.object(contentShape).openapi('EventContent')
export type EventContent = z.infer<typeof EventContent>

/**
 * An event as its revisions and its organiser's waiting changes hold it: the content and,
 * once added, what came out of it (the shape `EVENT_DIFF` compares).
 */
export const EventVersion = EventContent.extend({ restitution: Restitution.optional() })
export type EventVersion = z.infer<typeof EventVersion>

/** An event as the API returns it. */
export const Event = EventContent.extend({
  id: EventId,
  ...RECORD_FIELDS,
  timeZone: z.enum(codesOf(FRENCH_TIME_ZONES)),
  startsAtUtc: z.string().openapi({ description: 'Début (UTC, ISO 8601)' }),
  endsAtUtc: z.string().openapi({ description: 'Fin (UTC, ISO 8601)' }),
  restitution: Restitution.nullable(),
  restitutedAt: z.string().nullable(),
}).openapi('Event')
export type Event = z.infer<typeof Event>

/** What moderators see: the record plus its status and private contact. */
export const ModeratedEvent = Event.extend(MODERATION_FIELDS).openapi('ModeratedEvent')
export type ModeratedEvent = z.infer<typeof ModeratedEvent>

// ── Time ─────────────────────────────────────────────────────────────────────

/** The UTC instant of a wall-clock time in a zone (DST gaps resolve forward, like calendars do). */
export function zonedTimeToUtc(local: string, zone: string): Date {
  const wall = Date.parse(`${local}:00Z`)
  const first = wall - zoneOffsetMs(wall, zone)
  const second = wall - zoneOffsetMs(first, zone)
  return new Date(second)
}

/** The zone's offset from UTC at an instant, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant))
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0)
  const asUtc = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second')
  )
  return asUtc - Math.floor(instant / 1000) * 1000
}

/** Whether an event is over at `now`: only then can its organiser add a restitution. */
export function isOver(event: Pick<Event, 'endsAtUtc'>, now: Date): boolean {
  return Date.parse(event.endsAtUtc) <= now.getTime()
}
