/**
 * The embedded engine's matching for « Qui peut m'aider ? »: one statement over the
 * actors' index rows in D1 — skills (`actor_skills`, migration 0013), places with their
 * ancestry (`actor_places`) and the themes of their experiments — each read through its
 * index, ranked by the closest proximity level, then slug (folded name, then id), exactly
 * as Meilisearch sorts the same fields. These rows live in the primary database because
 * they are written in the actor's own batch; nothing here needs full-text search.
 */
import type { Db } from '../db/session'
import type { MatchHit, MatchSearch } from './types'

const MATCH_SQL = `
WITH levels AS (
  SELECT CAST(key AS INTEGER) AS rank, json_extract(value, '$.proximity') AS proximity,
         json_extract(value, '$.code') AS code
  FROM json_each(?1)
),
candidates AS (
  SELECT DISTINCT actor_id FROM actor_skills
  WHERE direction = ?2 AND skill IN (SELECT value FROM json_each(?3))
),
ranked AS (
  SELECT a.id, a.slug, (
      SELECT l.rank FROM levels l
      WHERE (l.code IS NULL AND a.scope_level = 'national')
         OR EXISTS (SELECT 1 FROM actor_places p WHERE p.place = l.code AND p.actor_id = a.id)
      ORDER BY l.rank LIMIT 1
    ) AS rank
  FROM candidates c JOIN actors a ON a.id = c.actor_id AND a.status = 'published'
  WHERE a.id <> ?4
    AND (?5 IS NULL OR EXISTS (
      SELECT 1 FROM experiment_actors x
        JOIN experiments e ON e.id = x.experiment_id AND e.status = 'published'
        JOIN experiment_themes t ON t.experiment_id = e.id AND t.theme = ?5
      WHERE x.actor_id = a.id))
)
SELECT r.id, l.proximity FROM ranked r JOIN levels l ON l.rank = r.rank
ORDER BY r.rank, r.slug, r.id
LIMIT ?6`

export async function embeddedMatches(db: Db, s: MatchSearch): Promise<MatchHit[]> {
  const { results } = await db
    .prepare(MATCH_SQL)
    .bind(
      JSON.stringify(s.levels),
      s.direction === 'offers' ? 'offer' : 'need',
      JSON.stringify(s.skills),
      s.exclude ?? '',
      s.theme ?? null,
      s.limit
    )
    .all<MatchHit>()
  return results
}
