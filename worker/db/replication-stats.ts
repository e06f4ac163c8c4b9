/**
 * Statistics of how practices spread, computed from D1 on each request (the tables are
 * small next to the catalogue: one row per take-up).
 *
 * Counting rules, stated once here:
 * - a take-up (« reprise ») is an approved replication of a published record, or a
 *   published record citing a published one in `inspiredBy`; a record both citing and
 *   declared as the adopter of an approved replication of the same source is one take-up;
 * - received by an area: take-ups of records that cover it (a record covering two régions
 *   counts its take-ups once in each, like the other statistics);
 * - given by an area: take-ups whose adopter lies in it (the replication's territory, or
 *   the areas the citing record covers);
 * - rates per 100,000 inhabitants and per 100 collectivités (communes + EPCI with a member
 *   in the area) use the same reference as the other measures.
 */
import type { Db } from './session'

export type AreaLevel = 'reg' | 'dep'

// One row per (take-up, adopter area at ?1's level); `edge` identifies the take-up.
const EDGES = `edges AS MATERIALIZED (
  SELECT r.id AS edge, r.source_id,
    CASE ?1 WHEN 'reg' THEN 'reg:' || r.region
      ELSE CASE WHEN r.territory LIKE 'dep:%' THEN r.territory
        WHEN tt.department IS NOT NULL THEN 'dep:' || tt.department END END AS adopter_area
  FROM replications r
  JOIN experiments s ON s.id = r.source_id AND s.status = 'published'
  LEFT JOIN territories tt ON tt.code = r.territory
  WHERE r.status = 'approved'
  UNION ALL
  SELECT i.experiment_id, i.source_id, et.territory
  FROM experiment_inspirations i
  JOIN experiments e ON e.id = i.experiment_id AND e.status = 'published'
  JOIN experiments s ON s.id = i.source_id AND s.status = 'published'
  LEFT JOIN experiment_territories et ON et.experiment_id = e.id AND et.territory LIKE ?1 || ':%'
  WHERE NOT EXISTS (SELECT 1 FROM replications d WHERE d.adopter_id = i.experiment_id
    AND d.source_id = i.source_id AND d.status = 'approved')
)`

export interface AreaSpreadRow {
  code: string
  name: string
  population: number | null
  collectivites: number
  received: number
  given: number
}

/** Take-ups received and given by every région or département. */
export async function spreadByArea(db: Db, level: AreaLevel): Promise<AreaSpreadRow[]> {
  const { results } = await db
    .prepare(
      `WITH ${EDGES},
       received AS (
         SELECT st.territory AS code, count(DISTINCT e.edge) AS n FROM edges e
         JOIN experiment_territories st ON st.experiment_id = e.source_id AND st.territory LIKE ?1 || ':%'
         GROUP BY st.territory),
       given AS (
         SELECT adopter_area AS code, count(DISTINCT edge) AS n FROM edges
         WHERE adopter_area IS NOT NULL GROUP BY adopter_area)
       SELECT t.code, t.name, t.population,
         coalesce(t.communes_count, 0) + coalesce(t.epci_count, 0) AS collectivites,
         coalesce(r.n, 0) AS received, coalesce(g.n, 0) AS given
       FROM territories t
       LEFT JOIN received r ON r.code = t.code
       LEFT JOIN given g ON g.code = t.code
       WHERE t.kind = ?1 ORDER BY t.code`
    )
    .bind(level)
    .all<AreaSpreadRow>()
  return results
}

/** All take-ups, each once (the national line). */
export async function countTakeUps(db: Db): Promise<number> {
  const row = await db
    .prepare(`WITH ${EDGES} SELECT count(DISTINCT edge) AS n FROM edges`)
    .bind('reg')
    .first<{ n: number }>()
  return row?.n ?? 0
}

export interface MostReplicatedRow {
  id: string
  slug: string
  title: string
  take_ups: number
}

/** The published records most taken up, optionally of a top-level theme or covering an area. */
export async function mostReplicated(
  db: Db,
  filters: { theme?: string | undefined; area?: string | undefined },
  limit: number
): Promise<MostReplicatedRow[]> {
  const { results } = await db
    .prepare(
      `WITH ${EDGES}
       SELECT s.id, s.slug, s.title, count(DISTINCT e.edge) AS take_ups
       FROM edges e JOIN experiments s ON s.id = e.source_id
       WHERE (?2 IS NULL OR e.source_id IN (SELECT experiment_id FROM experiment_themes WHERE theme = ?2))
         AND (?3 IS NULL OR e.source_id IN (SELECT experiment_id FROM experiment_territories WHERE territory = ?3))
       GROUP BY s.id ORDER BY take_ups DESC, s.title, s.id LIMIT ?4`
    )
    .bind('reg', filters.theme ?? null, filters.area ?? null, limit)
    .all<MostReplicatedRow>()
  return results
}
