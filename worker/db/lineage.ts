/**
 * Lineage between records: the `inspiredBy` links as rows (experiment_inspirations,
 * kept by the triggers of migration 0015) and the titles that name a linked record.
 */
import type { Db } from './session'

export interface RecordTitle {
  id: string
  slug: string
  title: string
  published: boolean
}

/** Title and slug of each known id (any status: the caller decides what to link). */
export async function recordTitles(
  db: Db,
  ids: readonly string[]
): Promise<Map<string, RecordTitle>> {
  if (ids.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT id, slug, title, status = 'published' AS published FROM experiments
       WHERE id IN (SELECT value FROM json_each(?1))`
    )
    .bind(JSON.stringify([...new Set(ids)]))
    .all<{ id: string; slug: string; title: string; published: number }>()
  return new Map(results.map((r) => [r.id, { ...r, published: r.published === 1 }]))
}

export interface InspiredRecord {
  source_id: string
  id: string
  slug: string
  title: string
  /** JSON array of the record's declared territory codes. */
  territories: string
  /** JSON array of the INSEE codes of the régions it covers. */
  regions: string
}

/** Published records citing one of `sourceIds` in `inspiredBy`, with their territories. */
export async function recordsInspiredBy(
  db: Db,
  sourceIds: readonly string[]
): Promise<InspiredRecord[]> {
  if (sourceIds.length === 0) return []
  const { results } = await db
    .prepare(
      `SELECT i.source_id, e.id, e.slug, e.title,
         (SELECT json_group_array(territory) FROM experiment_territories
            WHERE experiment_id = e.id AND declared = 1) AS territories,
         (SELECT json_group_array(substr(territory, 5)) FROM experiment_territories
            WHERE experiment_id = e.id AND territory LIKE 'reg:%') AS regions
       FROM experiment_inspirations i JOIN experiments e ON e.id = i.experiment_id
       WHERE i.source_id IN (SELECT value FROM json_each(?1)) AND e.status = 'published'
       ORDER BY e.published_at, e.id`
    )
    .bind(JSON.stringify(sourceIds))
    .all<InspiredRecord>()
  return results
}
