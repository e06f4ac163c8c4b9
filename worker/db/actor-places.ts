/**
 * Where each actor is (`actor_places`, migration 0014): its declared territories with
 * every territory above them, rewritten with each write of the actor, read by the
 * matching of « Qui peut m'aider ? » (both engines) to rank by proximity.
 */
import type { Db } from './session'

/**
 * Replaces an actor's places, in the same batch as the write of the actor and only if
 * that write applied (the actor is now at `revision`): a write refused by its revision
 * guard leaves the places of the content actually stored.
 */
export function placeStatements(
  db: Db,
  actorId: string,
  revision: number,
  places: readonly string[]
): D1PreparedStatement[] {
  const written = 'EXISTS (SELECT 1 FROM actors WHERE id = ?1 AND revision = ?2)'
  return [
    db
      .prepare(`DELETE FROM actor_places WHERE actor_id = ?1 AND ${written}`)
      .bind(actorId, revision),
    db
      .prepare(
        `INSERT OR IGNORE INTO actor_places (actor_id, place)
         SELECT ?1, value FROM json_each(?3) WHERE ${written}`
      )
      .bind(actorId, revision, JSON.stringify(places)),
  ]
}

/** The places of each of these actors (absent: none recorded). */
export async function placesOf(
  db: Db,
  actorIds: readonly string[]
): Promise<Map<string, string[]>> {
  const places = new Map<string, string[]>()
  if (actorIds.length === 0) return places
  const { results } = await db
    .prepare(
      `SELECT actor_id, place FROM actor_places
       WHERE actor_id IN (SELECT value FROM json_each(?1)) ORDER BY actor_id, place`
    )
    .bind(JSON.stringify(actorIds))
    .all<{ actor_id: string; place: string }>()
  for (const r of results) places.set(r.actor_id, [...(places.get(r.actor_id) ?? []), r.place])
  return places
}
