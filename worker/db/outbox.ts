/**
 * The search outbox: one row per committed change and per index, written in the same
 * batch as the change. The sync (worker/search/sync.ts) drains it.
 */
import type { Db } from './session'

/** The indexes every change must reach. */
export const SEARCH_TARGETS = ['meilisearch', 'embedded'] as const
export type SearchTarget = (typeof SEARCH_TARGETS)[number]

export function enqueueSearchSync(
  db: Db,
  experimentId: string,
  revision: number,
  at: string
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO search_outbox (experiment_id, revision, target, enqueued_at, next_attempt_at)
       SELECT ?1, ?2, value, ?3, ?3 FROM json_each(?4)`
    )
    .bind(experimentId, revision, at, JSON.stringify(SEARCH_TARGETS))
}
