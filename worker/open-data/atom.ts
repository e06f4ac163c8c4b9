/**
 * Atom feed (RFC 4287) of published records: a reader follows the latest publications
 * (experiments, actors of the network, events), or a search (its filters) through its own feed.
 */
import type { Actor } from '../domain/actor'
import { ACTOR_KINDS } from '../domain/actor-vocabularies'
import type { Event } from '../domain/event'
import { EVENT_KINDS, FRENCH_TIME_ZONES } from '../domain/event-vocabularies'
import type { Experiment } from '../domain/experiment'
import { skillLabel } from '../domain/skills'
import { ALL_THEMES, labelOf } from '../domain/vocabularies'
import { xmlAttr, xmlText } from './xml'

/** One entry of a feed, whatever the kind of record. */
export interface AtomEntry {
  /** Path of the HTML page and of the JSON record, from the site's base. */
  page: string
  json: string
  title: string
  author: string
  summary: string
  publishedAt: string
  updatedAt: string
  categories: readonly { term: string; label: string }[]
  rights: string
}

/** An experiment as a feed entry: its themes as categories, its lead as author. */
export function experimentEntry(e: Experiment): AtomEntry {
  return {
    page: `/experiences/${encodeURIComponent(e.slug)}`,
    json: `/api/experiments/${e.id}`,
    title: e.title,
    author: e.lead.name,
    summary: e.summary,
    publishedAt: e.publishedAt ?? e.createdAt,
    updatedAt: e.updatedAt,
    categories: e.themes.map((theme) => ({ term: theme, label: labelOf(ALL_THEMES, theme) })),
    rights: e.licence,
  }
}

/** An actor as a feed entry: what it needs and offers in the summary, its kind as category. */
export function actorEntry(a: Actor): AtomEntry {
  const skills = (entries: Actor['needs']) => entries.map((e) => skillLabel(e.skill)).join(', ')
  const summary = [
    a.needs.length > 0 ? `Besoins : ${skills(a.needs)}.` : '',
    a.offers.length > 0 ? `Apporte : ${skills(a.offers)}.` : '',
    `${a.derived.territories.map((t) => t.name).join(', ')}`,
  ]
    .filter(Boolean)
    .join(' ')
  return {
    page: `/acteurs/${encodeURIComponent(a.slug)}`,
    json: `/api/actors/${a.id}`,
    title: a.name,
    author: a.name,
    summary,
    publishedAt: a.publishedAt ?? a.createdAt,
    updatedAt: a.updatedAt,
    categories: [{ term: a.kind, label: labelOf(ACTOR_KINDS, a.kind) }],
    rights: 'etalab-2.0',
  }
}

/**
 * An event as a feed entry: when and where in the summary (the place's wall-clock time,
 * its zone named outside metropolitan France), its kind and themes as categories.
 */
export function eventEntry(e: Event): AtomEntry {
  const when = `${e.startsAt.replace('T', ' à ')}${e.timeZone === 'Europe/Paris' ? '' : ` (heure de ${labelOf(FRENCH_TIME_ZONES, e.timeZone)})`}`
  const where =
    e.attendance === 'online'
      ? 'En ligne'
      : [e.place?.venue, e.derived.territories.find((t) => t.code === e.place?.commune)?.name]
          .filter(Boolean)
          .join(', ')
  return {
    page: `/evenements/${encodeURIComponent(e.slug)}`,
    json: `/api/events/${e.id}`,
    title: e.title,
    author: e.organiserName,
    summary: `${labelOf(EVENT_KINDS, e.kind)}, le ${when} — ${where}. ${e.description}`,
    publishedAt: e.publishedAt ?? e.createdAt,
    updatedAt: e.updatedAt,
    categories: [
      { term: e.kind, label: labelOf(EVENT_KINDS, e.kind) },
      ...e.themes.map((theme) => ({ term: theme, label: labelOf(ALL_THEMES, theme) })),
    ],
    rights: 'etalab-2.0',
  }
}

interface AtomFeed {
  /** The feed's own URL, which is also its id. */
  self: string
  /** The HTML page showing the same records. */
  alternate: string
  /** What the feed follows, in words (« Expériences — thématique …, Bretagne »). */
  title: string
  /** Absolute base of permalinks. */
  base: string
  entries: readonly AtomEntry[]
}

export function atomFeed(feed: AtomFeed): string {
  // The feed changes when an entry is published or edited: the newest of those dates.
  const updated =
    feed.entries
      .map((e) => e.updatedAt)
      .sort()
      .at(-1) ?? new Date(0).toISOString()
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
<id>${xmlText(feed.self)}</id>
<title type="text">${xmlText(feed.title)}</title>
<subtitle type="text">${xmlText('Observatoire des expérimentations numériques locales')}</subtitle>
<link rel="self" type="application/atom+xml" href="${xmlAttr(feed.self)}"/>
<link rel="alternate" type="text/html" href="${xmlAttr(feed.alternate)}"/>
<updated>${xmlText(updated)}</updated>
<author><name>Observatoire des expérimentations numériques locales</name></author>
<generator>Observatoire</generator>
<rights>Licence Ouverte 2.0 (Etalab)</rights>
${feed.entries.map((e) => entry(e, feed.base)).join('')}</feed>
`
}

function entry(e: AtomEntry, base: string): string {
  const categories = e.categories
    .map((c) => `<category term="${xmlAttr(c.term)}" label="${xmlAttr(c.label)}"/>`)
    .join('')
  return `<entry>
<id>${xmlText(`${base}${e.json}`)}</id>
<title type="text">${xmlText(e.title)}</title>
<link rel="alternate" type="text/html" href="${xmlAttr(`${base}${e.page}`)}"/>
<link rel="related" type="application/json" href="${xmlAttr(`${base}${e.json}`)}"/>
<published>${xmlText(e.publishedAt)}</published>
<updated>${xmlText(e.updatedAt)}</updated>
<author><name>${xmlText(e.author)}</name></author>
<summary type="text">${xmlText(e.summary)}</summary>
${categories}
<rights>${xmlText(e.rights)}</rights>
</entry>
`
}
