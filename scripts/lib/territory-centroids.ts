/**
 * The shipped centroids and areas (data/geo/centroids/, IGN Admin Express COG 2018 through
 * france-geojson, Licence Ouverte), read for the territory reference builder.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Centroid {
  lon: number
  lat: number
  areaKm2: number
}

export interface Centroids {
  communes: Map<string, Centroid>
  departements: Map<string, Centroid>
  regions: Map<string, Centroid>
  /** What the reference records as the source of its points and areas. */
  source: string
  /** Short hash of the files, so a changed file makes `npm start` reload the reference. */
  digest: string
}

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/geo/centroids')

export function readCentroids(): Centroids {
  const hash = createHash('sha256')
  const read = (file: string) => {
    const text = readFileSync(path.join(DIR, file), 'utf8')
    hash.update(text)
    const map = new Map<string, Centroid>()
    for (const line of text.trim().split('\n').slice(1)) {
      const [code, lon, lat, area] = line.split(',')
      map.set(code!, { lon: Number(lon), lat: Number(lat), areaKm2: Number(area) })
    }
    return map
  }
  return {
    communes: read('communes.csv'),
    departements: read('departements.csv'),
    regions: read('regions.csv'),
    source: 'IGN – Admin Express COG 2018, INSEE ; mise en forme france-geojson',
    digest: hash.digest('hex').slice(0, 12),
  }
}

/**
 * The population-weighted mean position of some points (an EPCI from its member
 * communes), five decimals; unweighted when no member has a population. An EPCI spans
 * a few tens of kilometres, where averaging longitudes and latitudes is exact enough.
 */
export function weightedCentroid(
  members: readonly { point: Pick<Centroid, 'lon' | 'lat'>; weight: number }[]
): Pick<Centroid, 'lon' | 'lat'> | null {
  if (members.length === 0) return null
  const total = members.reduce((s, m) => s + m.weight, 0)
  const weightOf = (m: (typeof members)[number]) =>
    total > 0 ? m.weight / total : 1 / members.length
  let lon = 0
  let lat = 0
  for (const m of members) {
    lon += m.point.lon * weightOf(m)
    lat += m.point.lat * weightOf(m)
  }
  const round = (n: number) => Math.round(n * 1e5) / 1e5
  return { lon: round(lon), lat: round(lat) }
}
