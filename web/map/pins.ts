/**
 * Pins for the search page's map: one per record when the whole result fits on the page
 * and records have a point, else one per département with its count (the search's
 * `department` facet). Positions are in the map's SVG units.
 */
import { mapShapes } from './shapes'
import { projectPoint } from './projection'

/** Up to this many results, each record gets its own pin. */
export const RECORD_PINS_MAX = 20

export interface PinSpot {
  x: number
  y: number
  count: number
}

/** A département's pin: its count, at its centroid. */
export interface DepartmentPin extends PinSpot {
  code: string
}

/** A record's pin. */
export interface RecordPin<H> extends PinSpot {
  hit: H
}

/** Where records are: their first territory's centroid (null for France entière, abroad). */
export interface Placed {
  slug: string
  point?: { lon: number; lat: number } | null
}

const DEPARTMENT_CENTROIDS = new Map(mapShapes('dep').map((a) => [a.code, a.centroid]))

/**
 * Département pins from the facet counts. The facet ignores its own selection (it is
 * disjunctive), so with départements selected only those are pinned: the pins show what the
 * results hold.
 */
export function departmentPins(
  counts: Readonly<Record<string, number>>,
  selected: readonly string[] = []
): DepartmentPin[] {
  return Object.entries(counts)
    .filter(([code, count]) => count > 0 && (selected.length === 0 || selected.includes(code)))
    .flatMap(([code, count]) => {
      const at = DEPARTMENT_CENTROIDS.get(code)
      return at ? [{ code, count, x: at[0], y: at[1] }] : []
    })
}

/** Records at one spot (the same commune) are set around it, so each stays clickable. */
const SPREAD = 9

/** One pin per record that has a point on the map. */
export function recordPins<H extends Placed>(hits: readonly H[]): RecordPin<H>[] {
  const seen = new Map<string, number>()
  return hits.flatMap((hit) => {
    const xy = hit.point ? projectPoint(hit.point.lon, hit.point.lat) : null
    if (!xy) return []
    const key = xy.join(',')
    const rank = seen.get(key) ?? 0
    seen.set(key, rank + 1)
    const angle = (rank * 2 * Math.PI) / 6
    const [x, y] =
      rank === 0
        ? xy
        : [
            Math.round((xy[0] + SPREAD * Math.cos(angle)) * 10) / 10,
            Math.round((xy[1] + SPREAD * Math.sin(angle)) * 10) / 10,
          ]
    return [{ hit, count: 1, x, y }]
  })
}

/**
 * The pins of a result: each record when they are few and all on this page (and have
 * points), else per département.
 */
export function searchPins<H extends Placed>(
  hits: readonly H[],
  total: number,
  departmentCounts: Readonly<Record<string, number>>,
  selectedDepartments: readonly string[] = []
): { kind: 'records'; pins: RecordPin<H>[] } | { kind: 'departments'; pins: DepartmentPin[] } {
  if (total <= RECORD_PINS_MAX && total <= hits.length) {
    const pins = recordPins(hits)
    if (pins.length > 0) return { kind: 'records', pins }
  }
  return { kind: 'departments', pins: departmentPins(departmentCounts, selectedDepartments) }
}
