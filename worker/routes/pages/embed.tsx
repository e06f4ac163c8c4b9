/**
 * `/integrer`: the embeddable view, the only page other sites may show in a frame
 * (`frame-ancestors *`). It takes the search page's filters (one parser, web/search-query.ts)
 * plus `territory` and `lang`, sets no cookie, and is served in the language `lang` asks
 * for, else the reader's.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { filterTerritoryNames, getTerritory } from '../../db/territories'
import { territoryCodePattern, type Territory } from '../../domain/territory'
import { FRAMEABLE_HEADERS } from '../../http/security-headers'
import { mapAreas } from '../../../web/components/FranceMap'
import { EmbedError, EmbedView } from '../../../web/components/EmbedView'
import { EMBED_PATH, parseEmbedParams, withTerritory } from '../../../web/embed-query'
import { embedTitle } from '../../../web/filter-labels'
import { MESSAGES } from '../../../web/i18n'
import { messagesFor, renderPage } from './render'
import { search } from './similar'

const TERRITORY = territoryCodePattern(['reg', 'dep'])

export const embedPage = new Hono<AppEnv>().get(EMBED_PATH, async (c) => {
  const params = parseEmbedParams(new URL(c.req.url).searchParams)
  const t = params.lang ? MESSAGES[params.lang] : messagesFor(c)
  let territory: Territory | null = null
  if (params.territory !== null) {
    territory = TERRITORY.test(params.territory)
      ? await getTerritory(c.var.db, params.territory)
      : null
    // Said in the frame itself (a frameable page), so the embedding site sees what to fix.
    if (!territory) {
      return renderPage(
        c,
        t,
        <EmbedError
          title={t.embed.unknownTerritoryTitle}
          detail={t.embed.unknownTerritory(params.territory)}
        />,
        { status: 400, headers: { ...FRAMEABLE_HEADERS, 'cache-control': 'no-store' } }
      )
    }
  }
  const query = territory ? withTerritory(params.query, territory.code) : params.query
  const result = await search(c.env, query)
  const names = await filterTerritoryNames(
    c.var.db,
    query.filters,
    mapAreas('reg').map((area) => `reg:${area.code}`)
  )
  const title = embedTitle(t, names, query)
  const selectedRegions = territory?.region ? [territory.region] : (query.filters.region ?? [])
  return renderPage(
    c,
    t,
    <EmbedView
      title={title}
      query={query}
      result={result}
      names={names}
      selectedRegions={selectedRegions}
    />,
    { headers: { ...FRAMEABLE_HEADERS, 'cache-control': 'public, max-age=300' } }
  )
})
