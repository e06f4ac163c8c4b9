/**
 * Atom feed (RFC 4287) of published records: a reader follows the latest publications,
 * or a search (its filters) through its own feed.
 */
import type { Experiment } from '../domain/experiment'
import { ALL_THEMES, labelOf } from '../domain/vocabularies'
import { xmlAttr, xmlText } from './xml'

interface AtomFeed {
  /** The feed's own URL, which is also its id. */
  self: string
  /** The HTML page showing the same records. */
  alternate: string
  /** What the feed follows, in words (« Expériences — thématique …, Bretagne »). */
  title: string
  /** Absolute base of permalinks. */
  base: string
  records: readonly Experiment[]
}

export function atomFeed(feed: AtomFeed): string {
  // The feed changes when an entry is published or edited: the newest of those dates.
  const updated =
    feed.records
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
${feed.records.map((e) => entry(e, feed.base)).join('')}</feed>
`
}

function entry(e: Experiment, base: string): string {
  const page = `${base}/experiences/${encodeURIComponent(e.slug)}`
  const categories = e.themes
    .map(
      (theme) =>
        `<category term="${xmlAttr(theme)}" label="${xmlAttr(labelOf(ALL_THEMES, theme))}"/>`
    )
    .join('')
  return `<entry>
<id>${xmlText(`${base}/api/experiments/${e.id}`)}</id>
<title type="text">${xmlText(e.title)}</title>
<link rel="alternate" type="text/html" href="${xmlAttr(page)}"/>
<link rel="related" type="application/json" href="${xmlAttr(`${base}/api/experiments/${e.id}`)}"/>
<published>${xmlText(e.publishedAt ?? e.createdAt)}</published>
<updated>${xmlText(e.updatedAt)}</updated>
<author><name>${xmlText(e.lead.name)}</name></author>
<summary type="text">${xmlText(e.summary)}</summary>
${categories}
<rights>${xmlText(e.licence)}</rights>
</entry>
`
}
