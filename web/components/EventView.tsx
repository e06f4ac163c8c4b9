/**
 * An event's public page: what, when (in the place's time, the zone named when it is not
 * metropolitan time), where, who organises it (linked to their actor pages), practical
 * information, then « Ce qui en est sorti » once its organiser added a restitution. Only
 * public content: the private contact never reaches this component.
 */
import type { Event } from '../../worker/domain/event'
import {
  EVENT_ACCESS,
  EVENT_ATTENDANCE,
  EVENT_EXPERIMENT_RELATIONS,
  EVENT_KINDS,
  EVENT_PRICES,
  FRENCH_TIME_ZONES,
} from '../../worker/domain/event-vocabularies'
import { ALL_THEMES, labelOf, PUBLICS, type Term } from '../../worker/domain/vocabularies'
import { formatDate, formatNumber, formatWallDay, formatWallTime, paragraphs } from '../format'
import { useT } from '../i18n'
import type { Lang } from '../i18n/lang'
import { Fact } from './Fact'

/** A linked record named by its title (an organiser, an experiment of the restitution). */
export interface NamedLink {
  id: string
  href: string
  name: string
}

export interface EventViewProps {
  event: Event
  /** The name of the place's commune (the event may concern a wider territory). */
  communeName?: string | undefined
  /** Published organisers, in the event's order; unpublished ones are left out. */
  organisers: readonly NamedLink[]
  /** Published experiments of the restitution, by id. */
  experiments: ReadonlyMap<string, NamedLink>
}

const labels = (terms: readonly Term[], codes: readonly string[], lang: Lang) =>
  codes.map((code) => labelOf(terms, code, lang)).join(', ')

/** « jeudi 12 mars 2026, de 18 h 30 à 20 h 30, heure de La Réunion ». */
export function EventWhen({ event }: { event: Pick<Event, 'startsAt' | 'endsAt' | 'timeZone'> }) {
  const t = useT()
  const e = t.events
  const lang = t.lang
  const time = (local: string) => formatWallTime(local, lang)
  const sameDay = event.startsAt.slice(0, 10) === event.endsAt.slice(0, 10)
  const span = sameDay
    ? `${formatWallDay(event.startsAt, lang)}, ${e.fromTo(time(event.startsAt), time(event.endsAt))}`
    : e.fromToDays(
        `${formatWallDay(event.startsAt, lang)}, ${time(event.startsAt)}`,
        `${formatWallDay(event.endsAt, lang)}, ${time(event.endsAt)}`
      )
  const text =
    event.timeZone === 'Europe/Paris'
      ? span
      : e.zoneTime(span, labelOf(FRENCH_TIME_ZONES, event.timeZone, lang))
  return <time datetime={`${event.startsAt}`}>{text}</time>
}

function IdeaList({ id, title, items }: { id: string; title: string; items: readonly string[] }) {
  if (items.length === 0) return null
  return (
    <section aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <ul>
        {items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    </section>
  )
}

/** « Ce qui en est sorti »: the restitution, as its organiser wrote it. */
function RestitutionSection({
  event,
  experiments,
}: {
  event: Event
  experiments: ReadonlyMap<string, NamedLink>
}) {
  const t = useT()
  const r = t.events.restitution
  const lang = t.lang
  const restitution = event.restitution
  if (!restitution) return null
  const linked = restitution.experiments.flatMap((link) => {
    const found = experiments.get(link.experimentId)
    return found ? [{ ...found, relation: link.relation }] : []
  })
  return (
    <section aria-labelledby="e-restitution" class="event-restitution">
      <h2 id="e-restitution">{r.title}</h2>
      {(restitution.participants !== undefined || restitution.publics.length > 0) && (
        <dl class="facts">
          {restitution.participants !== undefined && (
            <Fact label={r.participants}>{formatNumber(restitution.participants, lang)}</Fact>
          )}
          {restitution.publics.length > 0 && (
            <Fact label={r.publics}>{labels(PUBLICS, restitution.publics, lang)}</Fact>
          )}
        </dl>
      )}
      {restitution.summary && paragraphs(restitution.summary).map((p) => <p>{p}</p>)}
      <IdeaList id="e-ideas" title={r.ideas} items={restitution.ideas} />
      <IdeaList id="e-proposals" title={r.proposals} items={restitution.proposals} />
      <IdeaList id="e-disagreements" title={r.disagreements} items={restitution.disagreements} />
      {restitution.documents.length > 0 && (
        <section aria-labelledby="e-documents">
          <h3 id="e-documents">{r.documents}</h3>
          <ul>
            {restitution.documents.map((d) => (
              <li>
                <a href={d.url} rel="nofollow noopener">
                  {d.title}
                </a>
                {d.licence ? ` (${d.licence})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {linked.length > 0 && (
        <section aria-labelledby="e-experiments">
          <h3 id="e-experiments">{r.experiments}</h3>
          <ul>
            {linked.map((x) => (
              <li>
                <a href={x.href}>{x.name}</a> —{' '}
                {labelOf(EVENT_EXPERIMENT_RELATIONS, x.relation, lang)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {event.restitutedAt && (
        <p class="meta">{r.addedOn(formatDate(event.restitutedAt.slice(0, 10), lang))}</p>
      )}
    </section>
  )
}

export function EventView({ event, communeName, organisers, experiments }: EventViewProps) {
  const t = useT()
  const e = t.events
  const lang = t.lang
  const where = event.place
    ? [event.place.venue, event.place.address?.street, event.place.address?.postcode, communeName]
        .filter(Boolean)
        .join(', ')
    : null
  return (
    <article class="event">
      <header>
        <h1>{event.title}</h1>
        <ul class="tags">
          <li>{labelOf(EVENT_KINDS, event.kind, lang)}</li>
          <li>{labelOf(EVENT_ATTENDANCE, event.attendance, lang)}</li>
        </ul>
        <p class="event-when">
          <EventWhen event={event} />
        </p>
      </header>
      {paragraphs(event.description).map((p) => (
        <p>{p}</p>
      ))}

      <section aria-labelledby="e-facts">
        <h2 id="e-facts">
          {e.when}, {e.where.toLowerCase()}
        </h2>
        <dl class="facts">
          <Fact label={e.when}>
            <EventWhen event={event} />
          </Fact>
          {where && <Fact label={e.where}>{where}</Fact>}
          {event.onlineUrl && (
            <Fact label={e.online}>
              <a href={event.onlineUrl} rel="nofollow noopener">
                {e.onlineLink}
              </a>
            </Fact>
          )}
          <Fact label={e.territory}>
            {event.derived.territories.length > 0
              ? event.derived.territories.map((p) => p.name).join(', ')
              : e.nationalScope}
          </Fact>
          <Fact label={e.organisers}>
            {event.organiserName}
            {organisers.length > 0 && (
              <>
                {' — '}
                {organisers.map((o, i) => (
                  <>
                    {i > 0 && ', '}
                    <a href={o.href}>{o.name}</a>
                  </>
                ))}
              </>
            )}
          </Fact>
          <Fact label={e.themes}>{labels(ALL_THEMES, event.themes, lang)}</Fact>
          {event.audiences.length > 0 && (
            <Fact label={e.audiences}>{labels(PUBLICS, event.audiences, lang)}</Fact>
          )}
          <Fact label={e.price}>
            {labelOf(EVENT_PRICES, event.price, lang)}
            {event.priceNote ? ` — ${event.priceNote}` : ''}
          </Fact>
          {event.registrationUrl && (
            <Fact label={e.registration}>
              <a href={event.registrationUrl} rel="nofollow noopener">
                {e.registrationLink}
              </a>
            </Fact>
          )}
          {(event.access.length > 0 || event.accessNote) && (
            <Fact label={e.access}>
              {[labels(EVENT_ACCESS, event.access, lang), event.accessNote]
                .filter(Boolean)
                .join('. ')}
            </Fact>
          )}
          {event.publicContact?.email && (
            <Fact label={e.contact}>
              {event.publicContact.role ? `${event.publicContact.role} : ` : ''}
              <a href={`mailto:${event.publicContact.email}`}>{event.publicContact.email}</a>
            </Fact>
          )}
        </dl>
      </section>

      <RestitutionSection event={event} experiments={experiments} />
      <nav class="record-links" aria-label={t.events.recordLinks}>
        <ul>
          <li>
            <a href={`/evenements/${event.slug}/historique`}>{t.events.historyLink}</a>
          </li>
          <li>
            <a href={`/evenements/${event.slug}/signaler`} rel="nofollow">
              {t.events.reportLink}
            </a>
          </li>
        </ul>
      </nav>
    </article>
  )
}

/** schema.org `Event` of a published event, as JSON-LD (`<` escaped: it sits in a script). */
export function eventJsonLd(
  event: Event,
  url: string,
  communeName: string | undefined,
  organisers: readonly NamedLink[]
): string {
  const mode = {
    'on-site': 'OfflineEventAttendanceMode',
    online: 'OnlineEventAttendanceMode',
    hybrid: 'MixedEventAttendanceMode',
  }[event.attendance]
  const place = event.place
    ? {
        '@type': 'Place',
        name: event.place.venue,
        address: {
          '@type': 'PostalAddress',
          ...(event.place.address
            ? {
                streetAddress: event.place.address.street,
                postalCode: event.place.address.postcode,
              }
            : {}),
          ...(communeName ? { addressLocality: communeName } : {}),
          addressCountry: 'FR',
        },
        ...(event.derived.point
          ? {
              geo: {
                '@type': 'GeoCoordinates',
                latitude: event.derived.point.lat,
                longitude: event.derived.point.lon,
              },
            }
          : {}),
      }
    : null
  const online = event.onlineUrl ? { '@type': 'VirtualLocation', url: event.onlineUrl } : null
  const document = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description: event.description,
    url,
    startDate: event.startsAtUtc,
    endDate: event.endsAtUtc,
    eventStatus: 'https://schema.org/EventScheduled',
    eventAttendanceMode: `https://schema.org/${mode}`,
    location: [place, online].filter(Boolean),
    organizer: [
      { '@type': 'Organization', name: event.organiserName },
      ...organisers.map((o) => ({ '@type': 'Organization', name: o.name, url: o.href })),
    ],
    isAccessibleForFree: event.price === 'free',
    inLanguage: 'fr',
    ...(event.registrationUrl ? { offers: { '@type': 'Offer', url: event.registrationUrl } } : {}),
  }
  return JSON.stringify(document).replace(/</g, '\\u003c')
}
