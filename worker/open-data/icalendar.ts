/**
 * iCalendar (RFC 5545) of published events, so a médiathèque or a département subscribes
 * to « the debates near us » in any calendar. Written by `ical-generator` (escaping, line
 * folding at 75 octets, CRLF); the time zones' definitions come from
 * `timezones-ical-library` (pure data, no file system: it runs in workerd).
 *
 * - Times are the place's wall-clock times with their zone (`DTSTART;TZID=Indian/Reunion:
 *   20270312T183000`) and one VTIMEZONE per zone used, so a calendar in Paris shows a
 *   debate in La Réunion at the right instant and its attendees see 18:30.
 * - UID is the event's id (stable across edits); SEQUENCE is its revision, so a
 *   calendar replaces its copy when the organiser changes the time.
 * - An event withdrawn after publication (unpublished, merged, deleted) stays in the feed
 *   as `STATUS:CANCELLED`, with nothing but its times, so a calendar that imported it
 *   learns it is off instead of keeping a debate that will not happen.
 */
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import { DateTime } from 'luxon'
import { tzlib_get_ical_block } from 'timezones-ical-library'
import type { Event } from '../domain/event'
import {
  EVENT_ACCESS,
  EVENT_ATTENDANCE,
  EVENT_KINDS,
  EVENT_PRICES,
  FRENCH_TIME_ZONES,
} from '../domain/event-vocabularies'
import { ALL_THEMES, labelOf } from '../domain/vocabularies'

/** What remains public of an event withdrawn after publication: enough to cancel it. */
export interface WithdrawnEvent {
  id: string
  revision: number
  timeZone: string
  startsAtUtc: string
  endsAtUtc: string
  updatedAt: string
}

export interface EventCalendar {
  /** The calendar's name, shown by subscribing clients (« Débats — Ille-et-Vilaine »). */
  name: string
  /** The HTML agenda showing the same events. */
  alternate: string
  /** Absolute base of permalinks; its host also scopes the UIDs. */
  base: string
  events: readonly Event[]
  withdrawn?: readonly WithdrawnEvent[]
}

/** How often a subscribed calendar should come back (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
const REFRESH_SECONDS = 6 * 3600

const ZONES: ReadonlySet<string> = new Set(FRENCH_TIME_ZONES.map((z) => z.code))

/**
 * The VTIMEZONE of a French zone, under the zone's own name. The library gives a linked
 * zone its target's definition *and name* (Indian/Reunion comes back as Asia/Dubai), which
 * would leave `TZID=Indian/Reunion` pointing at nothing: the rules are the target's, the
 * TZID must be ours.
 */
export function vtimezone(zone: string): string | null {
  if (!ZONES.has(zone)) return null
  const block = tzlib_get_ical_block(zone)
  const text = Array.isArray(block) ? block[0] : undefined
  if (!text) return null
  return text
    .replace(/^TZID:.*$/m, `TZID:${zone}`)
    .replace(/^X-LIC-LOCATION:.*$/m, `X-LIC-LOCATION:${zone}`)
}

/** A UTC instant as the library's date value, converted by it into the event's zone. */
const instant = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' })

/** The event's UID: its id, scoped to the observatory's host (RFC 5545 §3.8.4.7). */
export function eventUid(id: string, base: string): string {
  return `${id}@${new URL(base).host}`
}

export function eventCalendar(feed: EventCalendar): string {
  const calendar = ical({
    prodId: { company: 'Observatoire', product: 'Agenda', language: 'FR' },
    name: feed.name,
    description: 'Observatoire des expérimentations numériques locales',
    url: feed.alternate,
    method: ICalCalendarMethod.PUBLISH,
    ttl: REFRESH_SECONDS,
    timezone: { name: null, generator: vtimezone },
  })
  for (const e of feed.events) {
    calendar.createEvent({
      id: eventUid(e.id, feed.base),
      sequence: e.revision,
      stamp: instant(e.updatedAt),
      created: instant(e.createdAt),
      lastModified: instant(e.updatedAt),
      start: instant(e.startsAtUtc),
      end: instant(e.endsAtUtc),
      timezone: e.timeZone,
      summary: e.title,
      description: describe(e, feed.base),
      location: locationOf(e),
      url: eventPage(e, feed.base),
      categories: [
        { name: labelOf(EVENT_KINDS, e.kind) },
        ...e.themes.map((theme) => ({ name: labelOf(ALL_THEMES, theme) })),
      ],
      status: ICalEventStatus.CONFIRMED,
    })
  }
  for (const w of feed.withdrawn ?? []) {
    calendar.createEvent({
      id: eventUid(w.id, feed.base),
      sequence: w.revision,
      stamp: instant(w.updatedAt),
      start: instant(w.startsAtUtc),
      end: instant(w.endsAtUtc),
      timezone: w.timeZone,
      summary: 'Événement annulé',
      status: ICalEventStatus.CANCELLED,
    })
  }
  return calendar.toString()
}

export const eventPage = (e: Pick<Event, 'slug'>, base: string) =>
  `${base}/evenements/${encodeURIComponent(e.slug)}`

/** Where to go: the venue, its address and commune, or the online link. */
function locationOf(e: Event): string | null {
  const commune = e.derived.territories.find((t) => t.code === e.place?.commune)?.name
  const place = e.place
    ? [
        e.place.venue,
        e.place.address?.street,
        [e.place.address?.postcode, commune].filter(Boolean).join(' '),
      ]
        .filter(Boolean)
        .join(', ')
    : ''
  if (e.attendance === 'online') return e.onlineUrl ?? null
  if (e.attendance === 'hybrid' && e.onlineUrl) return `${place} — ${e.onlineUrl}`
  return place || null
}

/** The description a calendar shows: what it is, who organises, how to come. */
function describe(e: Event, base: string): string {
  const lines = [
    e.description,
    '',
    `${labelOf(EVENT_KINDS, e.kind)} · ${labelOf(EVENT_ATTENDANCE, e.attendance)} · ${labelOf(EVENT_PRICES, e.price)}${e.priceNote ? ` (${e.priceNote})` : ''}`,
    `Organisé par : ${e.organiserName}`,
  ]
  if (e.onlineUrl) lines.push(`En ligne : ${e.onlineUrl}`)
  if (e.registrationUrl) lines.push(`Inscription : ${e.registrationUrl}`)
  const access = e.access.map((code) => labelOf(EVENT_ACCESS, code))
  if (access.length > 0 || e.accessNote)
    lines.push(`Accessibilité : ${[...access, e.accessNote].filter(Boolean).join(' ; ')}`)
  lines.push('', eventPage(e, base))
  return lines.join('\n')
}
