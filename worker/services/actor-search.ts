/**
 * Searching the network's actors (`/acteurs`, `GET /api/actors`): the engines select,
 * rank and count (search/service.ts, Meilisearch or the embedded engine), then the
 * published actors of the page are read by id from D1, in the engines' order, so a
 * record shown is always its current published state.
 */
import type { Actor } from '../domain/actor'
import { boundActorFacets } from '../domain/actor-search'
import type { ActorSearchQuery, ActorSearchResult } from '../domain/actor-search'
import { getActorsByIds, toActor } from '../db/actors'
import type { Db } from '../db/session'
import { runActorSearch } from '../search/service'

export interface ActorSearchPage {
  actors: Actor[]
  result: ActorSearchResult
  /** The next page's number, or null on the last one. */
  nextPage: number | null
}

export async function searchActors(
  env: Env,
  db: Db,
  query: ActorSearchQuery
): Promise<ActorSearchPage> {
  const found = await runActorSearch(env, query)
  const result = { ...found, facets: boundActorFacets(found.facets, query.filters) }
  const rows = await getActorsByIds(db, result.ids)
  const byId = new Map(rows.filter((r) => r.status === 'published').map((r) => [r.id, r]))
  const actors = result.ids.flatMap((id) => {
    const row = byId.get(id)
    return row ? [toActor(row)] : []
  })
  const more = result.page * result.hitsPerPage < result.total
  return { actors, result, nextPage: more ? result.page + 1 : null }
}
