/**
 * The France maps' shapes, built once by `npm run maps` (scripts/build-maps.ts) from IGN
 * Admin Express COG 2018 contours (Licence Ouverte) and committed as JSON: one SVG path and
 * one projected centroid per région or département, mainland first, then the overseas insets.
 */
import regions from './regions.json'
import departments from './departements.json'

export type ShapeLevel = 'reg' | 'dep'

export interface MapShape {
  /** INSEE code: `53` for a région, `2A` or `974` for a département. */
  code: string
  name: string
  /** Centroid of its largest land mass, in SVG units (where grouped pins go). */
  centroid: [number, number]
  /** SVG path data, in the units of web/map/layout.json. */
  path: string
}

export interface MapShapes {
  level: ShapeLevel
  areas: MapShape[]
}

const SHAPES: Record<ShapeLevel, MapShapes> = {
  reg: regions as MapShapes,
  dep: departments as MapShapes,
}

/** Every area of a level: the 18 régions or the 101 départements. */
export function mapShapes(level: ShapeLevel): readonly MapShape[] {
  return SHAPES[level].areas
}
