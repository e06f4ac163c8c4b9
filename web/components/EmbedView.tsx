/**
 * The embeddable view (`/integrer`): a whole document other sites show in an iframe — a
 * compact list of the search's first results and the région map, without the site's
 * navigation. Every link opens the observatory in a new tab (inside the frame, the
 * observatory's other pages refuse to be shown), and nothing needs JavaScript.
 */
import type { Child } from 'hono/jsx'
import type { SearchQuery, SearchResult } from '../../worker/domain/search'
import { useT } from '../i18n'
import { LICENCE_URL } from '../open-data-links'
import { searchHref } from '../search-query'
import { ExperimentCard } from './ExperimentCard'
import { FranceMap, mapAreas } from './FranceMap'
import { NewTabLink } from './NewTabLink'
import { resultPins } from './SearchMap'

/** The document around the view's content: its own small head and the source line. */
function EmbedShell({ title, children }: { title: string; children: Child }) {
  const t = useT()
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {/* The same content lives on the observatory's own pages. */}
        <meta name="robots" content="noindex" />
        <meta name="description" content={t.embed.description} />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body class="embed">
        <main>{children}</main>
        <footer class="embed-footer">
          <p>
            {t.embed.source} <NewTabLink href="/">{t.siteName}</NewTabLink> — {t.embed.dataUnder}{' '}
            <NewTabLink href={LICENCE_URL} rel="license noopener">
              {t.embed.licence}
            </NewTabLink>{' '}
            · <NewTabLink href="/donnees">{t.footer.data}</NewTabLink>
          </p>
        </footer>
      </body>
    </html>
  )
}

export interface EmbedViewProps {
  /** What the view shows, in words (its heading and the document's title). */
  title: string
  /** The search as run: the embed's filters with its territory applied. */
  query: SearchQuery
  /** null when the search service failed. */
  result: SearchResult | null
  /** Display names of région codes (`reg:53` → Bretagne), for the map. */
  names: ReadonlyMap<string, string>
  /** Régions to outline on the map (the territory's, or the région filter). */
  selectedRegions: readonly string[]
}

export function EmbedView({ title, query, result, names, selectedRegions }: EmbedViewProps) {
  const t = useT()
  const e = t.embed
  return (
    <EmbedShell title={title}>
      <h1>{title}</h1>
      {!result && <p class="notice">{e.unavailable}</p>}
      {result && (
        <div class="embed-layout">
          <div>
            <p class="embed-count">{e.count(result.total)}</p>
            {result.hits.length === 0 ? (
              <p class="empty">{e.empty}</p>
            ) : (
              <ol class="result-list">
                {result.hits.map((hit) => (
                  <li>
                    <ExperimentCard hit={hit} headingLevel={2} newTab />
                  </li>
                ))}
              </ol>
            )}
            {result.total > 0 && (
              <p class="embed-more">
                <NewTabLink href={searchHref(query)}>{e.seeAll(result.total)}</NewTabLink>
              </p>
            )}
          </div>
          <ResultMap
            query={query}
            result={result}
            names={names}
            selected={selectedRegions}
            caption={`${e.mapTitle} — ${e.count(result.total)}`}
          />
        </div>
      )}
    </EmbedShell>
  )
}

/**
 * The région map of the results, with their pins (records, or départements with counts):
 * nothing on it is a link, since a link inside the frame would open there.
 */
function ResultMap(props: {
  query: SearchQuery
  result: SearchResult
  names: ReadonlyMap<string, string>
  selected: readonly string[]
  caption: string
}) {
  const t = useT()
  const values: Record<string, number> = {}
  for (const area of mapAreas('reg')) values[area.code] = props.result.facets.region[area.code] ?? 0
  const regionNames: Record<string, string> = {}
  for (const [code, name] of props.names)
    if (code.startsWith('reg:')) regionNames[code.slice(4)] = name
  const { pins, title } = resultPins(t, props.query, props.result, props.names)
  return (
    <FranceMap
      id="carte-integration"
      level="reg"
      values={values}
      names={regionNames}
      selected={props.selected}
      caption={props.caption}
      legendTitle={t.embed.mapLegend}
      pins={pins}
      pinsTitle={title}
    />
  )
}

/** A refused request (an unknown territory), in the view's frame so the embedding site sees why. */
export function EmbedError({ title, detail }: { title: string; detail: string }) {
  return (
    <EmbedShell title={title}>
      <h1>{title}</h1>
      <p>{detail}</p>
    </EmbedShell>
  )
}
