/** How practices spread, in figures: the most taken-up records, and take-ups by area. */
import { countTakeUps, mostReplicated, spreadByArea, type AreaLevel } from '../db/replication-stats'
import type { Db } from '../db/session'
import { areaSpread, type SpreadStats } from '../domain/spread'

export const MOST_REPLICATED_MAX = 50

export async function spreadStats(
  db: Db,
  query: {
    levels: readonly AreaLevel[]
    theme?: string | undefined
    area?: string | undefined
    limit: number
  }
): Promise<SpreadStats> {
  const [total, top, ...areas] = await Promise.all([
    countTakeUps(db),
    mostReplicated(db, { theme: query.theme, area: query.area }, query.limit),
    ...query.levels.map((level) => spreadByArea(db, level)),
  ])
  return {
    total,
    mostReplicated: top.map((r) => ({
      record: { id: r.id, slug: r.slug, title: r.title },
      takeUps: r.take_ups,
    })),
    areas: areas.flat().map(areaSpread),
  }
}
