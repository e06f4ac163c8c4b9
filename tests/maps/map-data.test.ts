/**
 * The committed map data (web/map/): what `npm run maps` produces from the open-licence
 * contours, every région and département drawn, within the size budgets, and points
 * projected at run time landing on the shapes the script drew.
 */
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { buildMaps } from '../../scripts/build-maps'
import { MAP_LAYOUT, projectPoint } from '../../web/map/projection'
import { mapShapes, type MapShape } from '../../web/map/shapes'

const MAP_DIR = path.resolve(import.meta.dirname, '../../web/map')
const GEO_DIR = process.env.GEO_DIR ?? path.resolve(import.meta.dirname, '../../../shared/data/geo')
const KB = 1024

/** Bounding box of a path written as the script writes them (`M x y l dx dy … z`). */
function pathBox(d: string): [number, number, number, number] {
  const xs: number[] = []
  const ys: number[] = []
  for (const ring of d.match(/M[^z]+z/g) ?? []) {
    const [start, steps] = ring.slice(1, -1).split('l') as [string, string]
    let [x, y] = start.match(/-?\d+/g)!.map(Number) as [number, number]
    xs.push(x)
    ys.push(y)
    const deltas = steps.match(/-?\d+/g)!.map(Number)
    for (let i = 0; i < deltas.length; i += 2) {
      x += deltas[i]!
      y += deltas[i + 1]!
      xs.push(x)
      ys.push(y)
    }
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

/** Département centroids as the project ships them (data/geo/centroids, from the same source). */
function departmentCentroids(): Map<string, [number, number]> {
  const file = path.resolve(import.meta.dirname, '../../data/geo/centroids/departements.csv')
  const lines = readFileSync(file, 'utf8').trim().split('\n').slice(1)
  return new Map(
    lines.map((line) => {
      const [code, lon, lat] = line.split(',')
      return [code!, [Number(lon), Number(lat)]]
    })
  )
}

describe('map data', () => {
  it('draws the 18 régions and the 101 départements inside the SVG', () => {
    const regions = mapShapes('reg')
    const departments = mapShapes('dep')
    // The exact codes are checked with the component (tests/worker/stats-map.test.ts).
    expect(new Set(regions.map((a) => a.code)).size).toBe(18)
    expect(new Set(departments.map((a) => a.code)).size).toBe(101)
    for (const code of ['01', '2A', '2B', '75', '971', '972', '973', '974', '976']) {
      expect(departments.map((a) => a.code)).toContain(code)
    }
    for (const area of [...regions, ...departments]) {
      const [x0, y0, x1, y1] = pathBox(area.path)
      expect(x0, area.code).toBeGreaterThanOrEqual(0)
      expect(y0, area.code).toBeGreaterThanOrEqual(0)
      expect(x1, area.code).toBeLessThanOrEqual(MAP_LAYOUT.width)
      expect(y1, area.code).toBeLessThanOrEqual(MAP_LAYOUT.height)
    }
  })

  it('stays within the size budgets (régions ≤ 25 KB gzip, départements ≤ 60 KB gzip)', () => {
    const gzip = (file: string) => gzipSync(readFileSync(path.join(MAP_DIR, file))).length
    expect(gzip('regions.json')).toBeLessThanOrEqual(25 * KB)
    expect(gzip('departements.json')).toBeLessThanOrEqual(60 * KB)
  })

  it('places every centroid inside its own shape, overseas ones in their inset', () => {
    const inside = (area: MapShape, [x, y]: [number, number]) => {
      const [x0, y0, x1, y1] = pathBox(area.path)
      return x >= x0 && x <= x1 && y >= y0 && y <= y1
    }
    for (const area of [...mapShapes('reg'), ...mapShapes('dep')]) {
      expect(inside(area, area.centroid), area.code).toBe(true)
    }
    const reunion = MAP_LAYOUT.insets.find((i) => i.department === '974')!.box
    const [x, y] = projectPoint(55.45, -21.0)! // Saint-Denis (La Réunion)
    expect(x).toBeGreaterThan(reunion[0])
    expect(x).toBeLessThan(reunion[0] + reunion[2])
    expect(y).toBeGreaterThan(reunion[1])
    expect(y).toBeLessThan(reunion[1] + reunion[3])
    expect(projectPoint(-71.2, 46.8)).toBeNull() // Québec: on no drawn territory
  })

  it('projects the départements’ centroids at run time where the script put them', () => {
    const centroids = departmentCentroids()
    for (const area of mapShapes('dep')) {
      const [lon, lat] = centroids.get(area.code)!
      const [x, y] = projectPoint(lon, lat)!
      expect(Math.abs(x - area.centroid[0]), area.code).toBeLessThanOrEqual(0.1)
      expect(Math.abs(y - area.centroid[1]), area.code).toBeLessThanOrEqual(0.1)
    }
  })

  // The contours are not in the repository (a few MB): CI has ../shared beside its clone.
  it.runIf(existsSync(GEO_DIR))('is what npm run maps produces from ../shared/data/geo', () => {
    for (const [file, text] of Object.entries(buildMaps())) {
      expect(readFileSync(path.join(MAP_DIR, file), 'utf8'), file).toBe(text)
    }
  })
})
