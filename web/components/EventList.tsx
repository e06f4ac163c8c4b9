/**
 * Events as a list by day: the agenda's results, and the events shown on an actor's,
 * an experiment's or a territory's page. Each line says when (the place's time, its zone
 * named when it is not metropolitan France's), what kind, where or online, who organises,
 * and « Ce qui en est sorti » once a restitution is published.
 */
import type { Event } from '../../worker/domain/event'
import {
  EVENT_ATTENDANCE,
  EVENT_KINDS,
  FRENCH_TIME_ZONES,
} from '../../worker/domain/event-vocabularies'
import { labelOf } from '../../worker/domain/vocabularies'
import { formatWallDay, formatWallTime } from '../format'
import type { Child } from 'hono/jsx'
import { useT } from '../i18n'

export const eventHref = (e: Pick<Event, 'slug'>) => `/evenements/${encodeURIComponent(e.slug)}`

/** The hours of an event under its day: « 18 h 30 à 20 h 30 », the zone named outside metropolitan France. */
export function EventHours({ event }: { event: Event }) {
  const t = useT()
  const a = t.agenda
  const sameDay = event.startsAt.slice(0, 10) === event.endsAt.slice(0, 10)
  const start = formatWallTime(event.startsAt, t.lang)
  const end = sameDay
    ? formatWallTime(event.endsAt, t.lang)
    : a.until(formatWallDay(event.endsAt, t.lang), formatWallTime(event.endsAt, t.lang))
  const zone =
    event.timeZone === 'Europe/Paris'
      ? ''
      : `, ${a.zoneTime(labelOf(FRENCH_TIME_ZONES, event.timeZone, t.lang))}`
  return (
    <time datetime={event.startsAtUtc}>
      {sameDay ? a.timeRange(start, end) : `${start}, ${end}`}
      {zone}
    </time>
  )
}

/** Where: the venue and its commune, « En ligne », or both. */
export function eventWhere(event: Event, online: string): string {
  const commune = event.derived.territories.find((t) => t.code === event.place?.commune)?.name
  const place = event.place ? [event.place.venue, commune].filter(Boolean).join(', ') : ''
  if (event.attendance === 'online') return online
  return event.attendance === 'hybrid' ? `${place} — ${online}` : place
}

function EventItem({ event }: { event: Event }) {
  const t = useT()
  const a = t.agenda
  return (
    <li class="event-item">
      <h4 class="card-title">
        <a href={eventHref(event)}>{event.title}</a>
      </h4>
      <ul class="card-meta">
        <li>
          <EventHours event={event} />
        </li>
        <li>{labelOf(EVENT_KINDS, event.kind, t.lang)}</li>
        <li>
          <span class="visually-hidden">
            {labelOf(EVENT_ATTENDANCE, event.attendance, t.lang)} :{' '}
          </span>
          {eventWhere(event, a.online)}
        </li>
        <li>{a.organisedBy(event.organiserName)}</li>
        {event.price === 'free' && <li>{a.free}</li>}
      </ul>
      {event.restitution && (
        <p class="event-restituted">
          <a href={`${eventHref(event)}#e-restitution`}>{a.restituted}</a>
        </p>
      )}
    </li>
  )
}

/**
 * Events grouped by the day they start (the place's calendar day), in the given order,
 * under a section headed h2: days are h3, events h4.
 */
export function EventDays({ events }: { events: readonly Event[] }) {
  const t = useT()
  const days = new Map<string, Event[]>()
  for (const e of events) {
    const day = e.startsAt.slice(0, 10)
    days.set(day, [...(days.get(day) ?? []), e])
  }
  return (
    <div class="event-days">
      {[...days].map(([day, list]) => {
        const label = formatWallDay(`${day}T00:00`, t.lang)
        return (
          <section class="event-day">
            <h3>{label}</h3>
            <ul class="event-list">
              {list.map((event) => (
                <EventItem event={event} />
              ))}
            </ul>
          </section>
        )
      })}
    </div>
  )
}

/**
 * A short list of events under its own heading (an actor's, an experiment's, a territory's
 * page): when, what, and why it is listed (`note`, e.g. « Présentée lors de l'événement »).
 */
export function LinkedEvents(props: {
  id: string
  title: string
  items: readonly { event: Event; note?: string }[]
  children?: Child
}) {
  const t = useT()
  return (
    <section aria-labelledby={props.id} class="linked-events">
      <h2 id={props.id}>{props.title}</h2>
      {props.items.length === 0 ? (
        <p class="empty">{t.agenda.linked.none}</p>
      ) : (
        <ul class="event-links">
          {props.items.map(({ event, note }) => (
            <li>
              <a href={eventHref(event)}>{event.title}</a> —{' '}
              <time datetime={event.startsAtUtc}>
                {formatWallDay(event.startsAt, t.lang)}, {formatWallTime(event.startsAt, t.lang)}
              </time>
              {note && ` · ${note}`}
              {event.restitution && (
                <>
                  {' '}
                  · <a href={`${eventHref(event)}#e-restitution`}>{t.agenda.restituted}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {props.children}
    </section>
  )
}
