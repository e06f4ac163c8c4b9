/**
 * `npm run maps`: turns the open-licence contours of `../shared/data/geo` (IGN Admin Express
 * COG 2018 via france-geojson, Licence Ouverte) into the compact SVG paths the pages draw,
 * once; the results are committed in web/map/ so the project runs without `../shared`.
 *
 * - Projection: Lambert-93's conic conformal (parallels 44° and 49°, central meridian 3° E)
 *   for the mainland and Corse; each overseas région in its own Mercator inset, in a column
 *   left of the mainland as on INSEE's maps (each at its own scale).
 * - Simplification: islets too small to see are left out, then `topojson-simplify` removes
 *   points by effective area (Visvalingam) on the arcs neighbours share, so a border stays
 *   one line on both sides; points are rounded to whole SVG units when written. Centroids
 *   of régions and départements (shared CSVs) are projected the same way.
 *
 * `--check` rebuilds in memory and fails when the committed files differ.
 * GEO_DIR overrides where the contours are read from.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { geoConicConformal, geoMercator, type GeoProjection } from 'd3-geo'
import { topology } from 'topojson-server'
import {
  filter,
  filterAttachedWeight,
  planarRingArea,
  presimplify,
  simplify,
} from 'topojson-simplify'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import {
  type InsetBox,
  type MapLayout,
  type ProjectionSpec,
  projectionOf,
} from '../web/map/projection'
import type { MapShapes, ShapeLevel } from '../web/map/shapes'

const ROOT = path.resolve(import.meta.dirname, '..')
const GEO_DIR = process.env.GEO_DIR ?? path.resolve(ROOT, '../shared/data/geo')
const OUT_DIR = path.join(ROOT, 'web/map')

/** Overseas régions, their département, in INSEE's inset order (top to bottom). */
const OVERSEAS = [
  { region: '01', department: '971', name: 'Guadeloupe' },
  { region: '02', department: '972', name: 'Martinique' },
  { region: '03', department: '973', name: 'Guyane' },
  { region: '04', department: '974', name: 'La Réunion' },
  { region: '06', department: '976', name: 'Mayotte' },
] as const

/** SVG units: the map is about 1,000 units wide, drawn about 640 px wide on the pages. */
const HEIGHT = 820
const MARGIN = 6
const INSET_WIDTH = 150
const INSET_GAP = 12
/** Room for the inset's name above its shape. */
const INSET_LABEL = 26
/** Visvalingam threshold (SVG units²): points whose triangle is smaller go. */
const MIN_WEIGHT = { reg: 2, dep: 2 } as const
/** Islets smaller than this (SVG units²) and touching nothing are not drawn. */
const MIN_ISLAND = 6

type Area = Feature<Polygon | MultiPolygon, { code: string; nom: string }>

const readAreas = (file: string): Area[] =>
  (JSON.parse(readFileSync(path.join(GEO_DIR, file), 'utf8')) as FeatureCollection)
    .features as Area[]

/** Index of an overseas area in the insets, -1 for the mainland (`01` is Guadeloupe or Ain). */
const overseasIndex = (level: ShapeLevel, code: string): number =>
  OVERSEAS.findIndex((o) => (level === 'reg' ? o.region : o.department) === code)

/** Projection id of an area: its overseas région's code, or `mainland`. */
const groupOf = (level: ShapeLevel, code: string): string =>
  OVERSEAS[overseasIndex(level, code)]?.region ?? 'mainland'

function positions(areas: readonly Area[]): Position[] {
  return areas.flatMap((a) =>
    a.geometry.type === 'Polygon' ? a.geometry.coordinates.flat() : a.geometry.coordinates.flat(2)
  )
}

function boundsOf(points: readonly Position[]): [number, number, number, number] {
  const lons = points.map((p) => p[0]!)
  const lats = points.map((p) => p[1]!)
  const round = (v: number) => Math.round(v * 1000) / 1000
  return [
    round(Math.min(...lons)),
    round(Math.min(...lats)),
    round(Math.max(...lons)),
    round(Math.max(...lats)),
  ]
}

/** Fitted on points rather than polygons: d3's spherical clipping then ignores ring winding. */
function fit(
  id: string,
  projection: GeoProjection,
  kind: ProjectionSpec['kind'],
  points: Position[],
  extent: [[number, number], [number, number]]
): ProjectionSpec {
  projection.fitExtent(extent, { type: 'MultiPoint', coordinates: points })
  const round = (v: number) => Math.round(v * 1000) / 1000
  return {
    id,
    kind,
    rotate: projection.rotate().slice(0, 2).map(round) as [number, number],
    ...(kind === 'conicConformal' ? { parallels: [44, 49] as [number, number] } : {}),
    scale: round(projection.scale()),
    translate: projection.translate().map(round) as [number, number],
    bounds: boundsOf(points),
  }
}

/** The layout: projections fitted on the région contours (the départements share them). */
function buildLayout(regions: readonly Area[]): MapLayout {
  const mainlandPoints = positions(
    regions.filter((a) => groupOf('reg', a.properties.code) === 'mainland')
  )
  const left = MARGIN + INSET_WIDTH + 2 * INSET_GAP
  const mainland = fit(
    'mainland',
    geoConicConformal().parallels([44, 49]).rotate([-3, 0]),
    'conicConformal',
    mainlandPoints,
    [
      [left, MARGIN],
      [left + 2 * HEIGHT, HEIGHT - MARGIN],
    ]
  )
  // fitExtent centres the shape in the (too wide) box: move it against the insets.
  const projected = mainlandPoints.map((p) => projectionOf(mainland)(p as [number, number])!)
  const minX = Math.min(...projected.map((p) => p[0]))
  const maxX = Math.max(...projected.map((p) => p[0]))
  mainland.translate = [
    Math.round((mainland.translate[0] + left - minX) * 1000) / 1000,
    mainland.translate[1],
  ]
  const width = Math.ceil(maxX - minX + left + MARGIN)

  const boxHeight = (HEIGHT - 2 * MARGIN - (OVERSEAS.length - 1) * INSET_GAP) / OVERSEAS.length
  const insets: InsetBox[] = OVERSEAS.map((o, i) => ({
    ...o,
    box: [
      MARGIN,
      Math.round(MARGIN + i * (boxHeight + INSET_GAP)),
      INSET_WIDTH,
      Math.floor(boxHeight),
    ],
  }))
  const overseas = insets.map((inset) => {
    const points = positions(regions.filter((a) => a.properties.code === inset.region))
    const [x, y, w, h] = inset.box
    const centre = (boundsOf(points)[0] + boundsOf(points)[2]) / 2
    return fit(inset.region, geoMercator().rotate([-centre, 0]), 'mercator', points, [
      [x + 6, y + INSET_LABEL],
      [x + w - 6, y + h - 6],
    ])
  })
  return { width, height: HEIGHT, projections: [mainland, ...overseas], insets }
}

/** Area of a ring in SVG units² (shoelace; sign ignored). */
function ringArea(ring: readonly Position[]): number {
  let twice = 0
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    twice += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!)
  }
  return Math.abs(twice) / 2
}

/**
 * Projects an area to SVG units with its group's projection and leaves out the islets and
 * holes too small to see. Points are rounded only when written (`ringPath`): rounded
 * earlier, neighbouring islets and wiggles would meet and split the borders into tiny arcs.
 */
function projectArea(level: ShapeLevel, area: Area, layout: MapLayout): Area {
  const spec = layout.projections.find((p) => p.id === groupOf(level, area.properties.code))!
  const project = projectionOf(spec)
  const polygons = (
    area.geometry.type === 'Polygon' ? [area.geometry.coordinates] : area.geometry.coordinates
  ).map((rings) => rings.map((r) => r.map((p) => project(p as [number, number])! as Position)))
  const largest = Math.max(...polygons.map((rings) => ringArea(rings[0]!)))
  const kept = polygons
    .filter((rings) => ringArea(rings[0]!) >= Math.min(MIN_ISLAND, largest))
    .map((rings) => rings.filter((r, i) => i === 0 || ringArea(r) >= MIN_ISLAND))
  return { ...area, geometry: { type: 'MultiPolygon', coordinates: kept } }
}

/** A ring as relative path commands (`M x y l dx dy … z`), repeated points left out. */
function ringPath(ring: readonly Position[]): string {
  const points: Position[] = []
  for (const p of ring.slice(0, -1).map((q) => q.map(Math.round))) {
    const last = points[points.length - 1]
    if (!last || last[0] !== p[0] || last[1] !== p[1]) points.push(p)
  }
  // Simplification can flatten a small ring to a line: nothing to draw.
  if (points.length < 3 || ringArea(points) < 1) return ''
  const numbers = (values: number[]) =>
    values.map((v, i) => (i > 0 && v >= 0 ? ` ${v}` : String(v))).join('')
  const [first, ...rest] = points
  const steps = rest.flatMap((p, i) => [p[0]! - points[i]![0]!, p[1]! - points[i]![1]!])
  return `M${numbers([first![0]!, first![1]!])}l${numbers(steps)}z`
}

function geometryPath(geometry: Polygon | MultiPolygon): string {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
  return polygons.flatMap((rings) => rings.map(ringPath)).join('')
}

function readCentroids(file: string): Map<string, [number, number]> {
  const lines = readFileSync(path.join(GEO_DIR, file), 'utf8').trim().split('\n').slice(1)
  return new Map(
    lines.map((line) => {
      const cells = line.split(',')
      // code,"nom",longitude,latitude,superficie_km2: the name may hold commas, the rest not.
      const lat = Number(cells.at(-2))
      const lon = Number(cells.at(-3))
      return [cells[0]!, [lon, lat]]
    })
  )
}

function buildShapes(level: ShapeLevel, areas: readonly Area[], layout: MapLayout): MapShapes {
  const projected = areas.map((a) => projectArea(level, a, layout))
  const objects = {
    areas: { type: 'FeatureCollection', features: projected } as FeatureCollection,
  }
  type Props = { code: string; nom: string }
  const topo = simplify(
    presimplify(topology(objects) as Topology<{ areas: GeometryCollection<Props> }>),
    MIN_WEIGHT[level]
  )
  const collection = topo.objects.areas as GeometryCollection<Props>
  const centroids = readCentroids(
    level === 'reg' ? 'regions-centroides.csv' : 'departements-centroides.csv'
  )
  const order = (code: string) => {
    const overseas = overseasIndex(level, code)
    return overseas === -1 ? `0${code}` : `1${overseas}`
  }
  const shapes = collection.geometries
    .map((geometry) => {
      const { code, nom } = geometry.properties as Props
      const f = feature(topo, geometry) as Feature<Polygon | MultiPolygon>
      const point = centroids.get(code)
      if (!point) throw new Error(`no centroid for ${level} ${code}`)
      const spec = layout.projections.find((p) => p.id === groupOf(level, code))!
      const [x, y] = projectionOf(spec)(point)!
      return {
        code,
        name: nom.replace(/'/g, '’'),
        centroid: [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as [number, number],
        path: geometryPath(f.geometry),
      }
    })
    .sort((a, b) => order(a.code).localeCompare(order(b.code)))
  for (const s of shapes) if (!s.path) throw new Error(`${level} ${s.code} lost its shape`)
  return { level, areas: shapes }
}

/** One area per line: reviewable diffs, still compact. */
function serialise(value: MapShapes | MapLayout): string {
  if ('areas' in value) {
    const lines = value.areas.map((a) => `    ${JSON.stringify(a)}`)
    return `{\n  "level": "${value.level}",\n  "areas": [\n${lines.join(',\n')}\n  ]\n}\n`
  }
  return `${JSON.stringify(value, null, 2)}\n`
}

export function buildMaps(): Record<string, string> {
  const regions = readAreas('regions-avec-outre-mer.geojson')
  const departments = readAreas('departements-avec-outre-mer.geojson')
  const layout = buildLayout(regions)
  // The runtime projection reads layout.json: it must be written before the shapes use it.
  return {
    'layout.json': serialise(layout),
    'regions.json': serialise(buildShapes('reg', regions, layout)),
    'departements.json': serialise(buildShapes('dep', departments, layout)),
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename
if (isMain) {
  const files = buildMaps()
  const check = process.argv.includes('--check')
  let stale = 0
  for (const [name, text] of Object.entries(files)) {
    const target = path.join(OUT_DIR, name)
    const paths =
      name === 'layout.json'
        ? ''
        : (JSON.parse(text) as MapShapes).areas.map((a) => a.path).join('')
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
    console.log(
      `${name}: ${kb(text.length)}, ${kb(gzipSync(text, { level: 9 }).length)} gzip` +
        (paths
          ? `; paths alone ${kb(paths.length)}, ${kb(gzipSync(paths, { level: 9 }).length)} gzip`
          : '')
    )
    if (check) {
      const committed = readFileSync(target, 'utf8')
      if (committed !== text) {
        console.error(`${name} differs from what the script produces: run npm run maps`)
        stale++
      }
    } else writeFileSync(target, text)
  }
  if (stale) process.exit(1)
}
