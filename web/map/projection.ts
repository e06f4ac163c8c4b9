/**
 * lon/lat → coordinates of the France maps' SVG (web/map/layout.json): Lambert-93's conic
 * conformal projection for the mainland and Corse, one inset per overseas région. The map
 * script (`npm run maps`) fits these projections and draws the shapes with them; pins use
 * the same functions at run time, so a point lands where its territory was drawn.
 */
import { geoConicConformal, geoMercator, type GeoProjection } from 'd3-geo'
import layout from './layout.json'

/** One projection of the layout, as the script fitted it (d3-geo parameters). */
export interface ProjectionSpec {
  /** `mainland`, or the INSEE code of the overseas région drawn in an inset. */
  id: string
  kind: 'conicConformal' | 'mercator'
  rotate: [number, number]
  /** Standard parallels (conic conformal only). */
  parallels?: [number, number]
  scale: number
  translate: [number, number]
  /** Longitude/latitude box of the territory it draws: [west, south, east, north]. */
  bounds: [number, number, number, number]
}

export interface InsetBox {
  /** Overseas région and its single département. */
  region: string
  department: string
  name: string
  /** Frame of the inset in SVG units: x, y, width, height. */
  box: [number, number, number, number]
}

export interface MapLayout {
  /** Width and height of the SVG (its viewBox starts at 0 0). */
  width: number
  height: number
  projections: ProjectionSpec[]
  insets: InsetBox[]
}

export const MAP_LAYOUT = layout as MapLayout

/** The d3-geo projection a spec describes. */
export function projectionOf(spec: ProjectionSpec): GeoProjection {
  const projection =
    spec.kind === 'conicConformal'
      ? geoConicConformal().parallels(spec.parallels ?? [44, 49])
      : geoMercator()
  return projection.rotate(spec.rotate).scale(spec.scale).translate(spec.translate)
}

const PROJECTIONS = MAP_LAYOUT.projections.map((spec) => ({ spec, project: projectionOf(spec) }))

/** Degrees of slack around a territory's box: a coastal point may sit just off the shapes. */
const MARGIN = 0.3

/**
 * Where a point falls on the map, in SVG units, or null when it is on none of the drawn
 * territories' boxes (abroad, Saint-Pierre-et-Miquelon…). Overseas points go to their inset.
 */
export function projectPoint(lon: number, lat: number): [number, number] | null {
  if (!Number.isFinite(lon) || !Number.isFinite(lat)) return null
  for (const { spec, project } of PROJECTIONS) {
    const [west, south, east, north] = spec.bounds
    if (lon < west - MARGIN || lon > east + MARGIN || lat < south - MARGIN || lat > north + MARGIN)
      continue
    const xy = project([lon, lat])
    return xy ? [Math.round(xy[0] * 10) / 10, Math.round(xy[1] * 10) / 10] : null
  }
  return null
}
