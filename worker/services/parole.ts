/**
 * « La parole recueillie »: the restitutions of published events for a theme, a territory
 * or everywhere, newest event first, optionally narrowed by a text — selected by the
 * search engines (Meilisearch, or the embedded engine when it does not answer), then read
 * from D1 so only what is published now is shown.
 */
import type { Event } from '../domain/event'
import type { EventSearchQuery } from '../domain/event-search'
import type { EngineName } from '../domain/search'
import { ideasOf, type ParoleIdea, type ParoleScope } from '../domain/parole'
import { toEvent, type EventRow } from '../db/events'
import { recordsByIds } from '../db/record-reads'
import type { Db } from '../db/session'
import { MAX_TOTAL_HITS } from '../search/settings'
import { runEventSearch } from '../search/service'

export const PAROLE_PAGE_SIZE = 10
/** Events read per engine call while exporting (the export holds at most MAX_TOTAL_HITS events). */
const EXPORT_BATCH = 100

export interface ParoleRequest {
  scope: ParoleScope
  q: string
  page: number
}

export interface ParolePage {
  events: Event[]
  total: number
  page: number
  pages: number
  engine: EngineName
}

function searchOf(
  scope: ParoleScope,
  q: string,
  page: number,
  hitsPerPage: number
): EventSearchQuery {
  return {
    q,
    filters:
      scope.kind === 'theme'
        ? { theme: [scope.code] }
        : scope.kind === 'territory'
          ? { territory: [scope.code] }
          : {},
    restituted: true,
    sort: 'recent',
    page,
    hitsPerPage,
  }
}

/** Published events by id, in the order of `ids` (an id no longer published is left out). */
async function eventsInOrder(db: Db, ids: readonly string[]): Promise<Event[]> {
  const rows = new Map((await recordsByIds<EventRow>(db, 'event', ids, true)).map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const row = rows.get(id)
    return row ? [toEvent(row)] : []
  })
}

export async function paroleOf(env: Env, db: Db, request: ParoleRequest): Promise<ParolePage> {
  const result = await runEventSearch(
    env,
    searchOf(request.scope, request.q, request.page, PAROLE_PAGE_SIZE)
  )
  return {
    events: (await eventsInOrder(db, result.ids)).filter((e) => e.restitution !== null),
    total: result.total,
    page: result.page,
    pages: Math.max(1, Math.ceil(result.total / PAROLE_PAGE_SIZE)),
    engine: result.engine,
  }
}

/** Every idea, proposal and disagreement of the matching events, newest event first. */
export async function paroleIdeas(
  env: Env,
  db: Db,
  request: Omit<ParoleRequest, 'page'>
): Promise<ParoleIdea[]> {
  const ideas: ParoleIdea[] = []
  for (let page = 1; (page - 1) * EXPORT_BATCH < MAX_TOTAL_HITS; page++) {
    const result = await runEventSearch(env, searchOf(request.scope, request.q, page, EXPORT_BATCH))
    for (const event of await eventsInOrder(db, result.ids)) ideas.push(...ideasOf(event))
    if (page * EXPORT_BATCH >= result.total) break
  }
  return ideas
}
