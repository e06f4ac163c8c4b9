/**
 * Matching for « Qui peut m'aider ? » in both engines, same results: actors whose offers
 * (or needs) hold one of the asked skill codes, ranked by the closest proximity level
 * they share with the asker's place, then by slug. Meilisearch answers with one filtered
 * query per level in a single multi-search (each level excluding the closer ones); the
 * embedded engine with one SQL statement (embedded-matching.ts). Rules: domain/matching.ts.
 */
import { Meilisearch, type MultiSearchQuery, type SearchResponse } from 'meilisearch'
import type { Db } from '../db/session'
import type { EngineName, MatchHit, MatchSearch } from './types'
import { embeddedMatches } from './embedded-matching'
import { filterValue, isMeilisearchTimeout, SEARCH_TIMEOUT_MS } from './meilisearch'

/** The filter attributes of the actors index that matching reads. */
export const MATCH_ATTRIBUTES = {
  offers: 'offerSkills',
  needs: 'needSkills',
  places: 'places',
  national: 'national',
  themes: 'themes',
} as const

const list = (values: readonly string[]) => `[${values.map(filterValue).join(', ')}]`

/** The Meilisearch filter of each level, closest first. */
export function levelFilters(s: MatchSearch): string[] {
  const common = [
    `${MATCH_ATTRIBUTES[s.direction]} IN ${list(s.skills)}`,
    ...(s.theme ? [`${MATCH_ATTRIBUTES.themes} = ${filterValue(s.theme)}`] : []),
    ...(s.exclude ? [`id != ${filterValue(s.exclude)}`] : []),
  ]
  const codes = s.levels.flatMap((l) => (l.code ? [l.code] : []))
  return s.levels.map((level) => {
    const closer = codes.slice(0, level.code ? codes.indexOf(level.code) : codes.length)
    return [
      ...common,
      level.code
        ? `${MATCH_ATTRIBUTES.places} = ${filterValue(level.code)}`
        : `${MATCH_ATTRIBUTES.national} = true`,
      ...(closer.length ? [`${MATCH_ATTRIBUTES.places} NOT IN ${list(closer)}`] : []),
    ]
      .map((clause) => `(${clause})`)
      .join(' AND ')
  })
}

export async function meilisearchMatches(
  config: { host: string; apiKey: string; indexUid: string },
  s: MatchSearch
): Promise<MatchHit[]> {
  const client = new Meilisearch({
    host: config.host,
    apiKey: config.apiKey,
    timeout: SEARCH_TIMEOUT_MS,
  })
  const queries = levelFilters(s).map((filter): MultiSearchQuery => ({
    indexUid: config.indexUid,
    q: '',
    filter,
    sort: ['slug:asc', 'id:asc'],
    limit: s.limit,
    attributesToRetrieve: ['id'],
  }))
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, { id: string }>({
    queries,
  })
  return (results as unknown as SearchResponse<{ id: string }>[])
    .flatMap((r, i) => r.hits.map((hit) => ({ id: hit.id, proximity: s.levels[i]!.proximity })))
    .slice(0, s.limit)
}

/**
 * Matches with Meilisearch when it is configured and answers, otherwise with the
 * embedded engine; `engine` says which one answered.
 */
export async function runMatch(
  env: Env,
  db: Db,
  s: MatchSearch
): Promise<{ hits: MatchHit[]; engine: EngineName }> {
  const host = env.MEILI_HOST?.trim()
  if (host) {
    try {
      const hits = await meilisearchMatches(
        { host, apiKey: env.MEILI_KEY ?? '', indexUid: actorsIndexUid(env) },
        s
      )
      return { hits, engine: 'meilisearch' }
    } catch (error) {
      const reason = isMeilisearchTimeout(error) ? 'timeout' : String(error)
      console.warn(`Meilisearch unavailable for matching (${reason}); answering from D1`)
    }
  }
  return { hits: await embeddedMatches(db, s), engine: 'embedded' }
}

/** The uid of the actors index (see h18a's engines): `MEILI_ACTORS_INDEX` or `actors`. */
export function actorsIndexUid(env: Env): string {
  return (env as { MEILI_ACTORS_INDEX?: string }).MEILI_ACTORS_INDEX || 'actors'
}
