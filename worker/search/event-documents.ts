/**
 * What the indexes hold for one published event: public fields only, its restitution's
 * text (summary, ideas, proposals, disagreements) so a search on one of its ideas finds
 * it, the labels of its kind, themes, attendance and places in French and English, its
 * organisers' names, and the fields the agenda filters and sorts on (UTC instants as
 * epoch seconds). One mapping for both engines.
 */
import { epochSeconds } from '../domain/event-search'
import { EVENT_ATTENDANCE, EVENT_KINDS } from '../domain/event-vocabularies'
import type { Event } from '../domain/event'
import { ALL_THEMES, labelOf, topTheme, type Term } from '../domain/vocabularies'
import { stemsOfText } from './analysis'
import { clean } from './documents'
import { regionLabels } from './lexicon'
import type { IndexedDocument } from './types'

/** A published event and what the index also says of it, read from its links and places. */
export interface EventSource {
  event: Event
  /** Its place or territory with every territory above (commune, EPCI, département, région). */
  places: readonly string[]
  /** Names of the published actors organising it (the free organiser name is in the event). */
  organiserNames: readonly string[]
}

export interface EventDocument extends IndexedDocument {
  slug: string
  title: string
  description: string
  /** Kind, themes, attendance and places in French and English, as people type them. */
  labels: string[]
  /** The organiser name and the organising actors' names. */
  organisers: string[]
  /** The restitution's summary, ideas, proposals and disagreements (empty before it). */
  restitution: string
  stems: string
  kind: string
  /** Theme codes and their top themes. */
  themes: string[]
  /** Every place code, declared and above (typed codes: com:, epci:, dep:, reg:). */
  territories: string[]
  attendance: string
  restituted: boolean
  startsAt: number
  endsAt: number
  publishedAt: string
}

/** The restitution as one searchable text, one idea a line. */
export function restitutionText(event: Pick<Event, 'restitution'>): string {
  const r = event.restitution
  if (!r) return ''
  return [r.summary ?? '', ...r.ideas, ...r.proposals, ...r.disagreements]
    .filter((line) => line.trim() !== '')
    .join('\n')
}

export function toEventDocument({ event, places, organiserNames }: EventSource): EventDocument {
  const bilingual = (terms: readonly Term[], code: string) => [
    labelOf(terms, code),
    labelOf(terms, code, 'en'),
  ]
  const { derived } = event
  const themes = [...new Set(event.themes.flatMap((code) => [code, topTheme(code)]))]
  const refs = [...derived.territories, ...derived.departments, ...derived.regions]
  const labels = [
    ...new Set([
      ...bilingual(EVENT_KINDS, event.kind),
      ...bilingual(EVENT_ATTENDANCE, event.attendance),
      ...themes.flatMap((code) => bilingual(ALL_THEMES, code)),
      ...refs.map((t) => t.name),
      ...regionLabels(derived.regions.map((t) => t.code.slice(t.code.indexOf(':') + 1))),
      ...(event.place ? [event.place.venue] : []),
    ]),
  ].map(clean)
  const organisers = [...new Set([event.organiserName, ...organiserNames])].map(clean)
  const title = clean(event.title)
  const description = clean(event.description)
  const restitution = clean(restitutionText(event))
  return {
    id: event.id,
    slug: event.slug,
    revision: event.revision,
    title,
    description,
    labels,
    organisers,
    restitution,
    stems: stemsOfText([title, description, ...labels, restitution].join(' ')),
    kind: event.kind,
    themes,
    territories: [
      ...new Set([
        ...(event.territory ? [event.territory] : []),
        ...(event.place ? [event.place.commune] : []),
        ...refs.map((t) => t.code),
        ...places,
      ]),
    ],
    attendance: event.attendance,
    restituted: event.restitution !== null,
    startsAt: epochSeconds(event.startsAtUtc),
    endsAt: epochSeconds(event.endsAtUtc),
    publishedAt: event.publishedAt ?? event.updatedAt,
  }
}
