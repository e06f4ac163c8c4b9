/**
 * Builds the territory reference from `@etalab/decoupage-administratif` as SQL
 * statements for D1. One builder serves `npm start` (written to a file and applied
 * with `wrangler d1 execute`) and the test suite (applied in a setup file), so the
 * tests always run against the same reference as the app.
 *
 * Rows travel as JSON literals read through `json_each`, in statements kept under
 * D1's 100 KB statement limit.
 */
import { createRequire } from 'node:module'
import { RECORD_GEOGRAPHY_REFRESH } from '../../worker/db/territories'
import { territoryNameKey } from '../../worker/domain/territory-names'
import { territorySize } from '../../worker/domain/territory-size'
import { foldText } from '../../worker/domain/text'
import { readCentroids, weightedCentroid, type Centroid } from './territory-centroids'

const require = createRequire(import.meta.url)

interface RawCommune {
  code: string
  nom: string
  type: string
  departement?: string
  region?: string
  zone: string
  population?: number
}
interface RawEpci {
  code: string
  nom: string
  type: string
  membres: { code: string }[]
}
interface RawDivision {
  code: string
  nom: string
  region?: string
  zone: string
}

export interface TerritoryRow {
  code: string
  kind: 'com' | 'epci' | 'dep' | 'reg'
  insee: string
  name: string
  search_name: string
  name_key: string
  department: string | null
  region: string | null
  population: number | null
  communes_count: number | null
  epci_count: number | null
  zone: string | null
  epci_type: string | null
  lon: number | null
  lat: number | null
  point_source: 'own' | 'members' | 'department' | null
  area_km2: number | null
  population_band: string | null
  density_class: string | null
}

/** The geography columns of a row, from its point, area and population. */
function geography(
  kind: TerritoryRow['kind'],
  population: number | null,
  point: Pick<Centroid, 'lon' | 'lat'> | null,
  source: TerritoryRow['point_source'],
  area: number | null
): Pick<
  TerritoryRow,
  'lon' | 'lat' | 'point_source' | 'area_km2' | 'population_band' | 'density_class'
> {
  const size = territorySize({ kind, population, areaKm2: area })
  return {
    lon: point?.lon ?? null,
    lat: point?.lat ?? null,
    point_source: point ? source : null,
    area_km2: area,
    population_band: size?.populationBand ?? null,
    density_class: size?.densityClass ?? null,
  }
}

export interface TerritoryReference {
  rows: TerritoryRow[]
  members: [epci: string, commune: string][]
  meta: Record<string, string>
}

const PACKAGE = '@etalab/decoupage-administratif'

export function buildTerritoryReference(): TerritoryReference {
  const pkg = require(`${PACKAGE}/package.json`) as { version: string }
  const communes = (require(`${PACKAGE}/data/communes.json`) as RawCommune[]).filter(
    (c) => c.type === 'commune-actuelle'
  )
  const epcis = require(`${PACKAGE}/data/epci.json`) as RawEpci[]
  const departments = require(`${PACKAGE}/data/departements.json`) as RawDivision[]
  const regions = require(`${PACKAGE}/data/regions.json`) as RawDivision[]

  const centroids = readCentroids()
  const communeByCode = new Map(communes.map((c) => [c.code, c]))
  const sum = (values: Iterable<number>) => {
    let total = 0
    for (const v of values) total += v
    return total
  }
  const rows: TerritoryRow[] = []
  const members: [string, string][] = []
  const depCommunes = new Map<string, RawCommune[]>()
  const depEpcis = new Map<string, Set<string>>()
  const regEpcis = new Map<string, Set<string>>()

  // Communes created since the 2018 source have no centroid of their own: their
  // département's stands in for it (and is counted), their area stays unknown.
  const communePoints = new Map<string, Centroid>()
  let pointFallbacks = 0
  let pointsMissing = 0
  for (const c of communes) {
    const dep = c.departement ?? null
    if (dep) depCommunes.set(dep, [...(depCommunes.get(dep) ?? []), c])
    const own = centroids.communes.get(c.code)
    const fallback = own ? undefined : dep ? centroids.departements.get(dep) : undefined
    if (fallback) pointFallbacks++
    else if (!own) pointsMissing++
    const point = own ?? fallback ?? null
    if (own) communePoints.set(c.code, own)
    rows.push({
      ...geography(
        'com',
        c.population ?? null,
        point,
        own ? 'own' : 'department',
        own?.areaKm2 ?? null
      ),
      code: `com:${c.code}`,
      kind: 'com',
      insee: c.code,
      name: c.nom,
      search_name: foldText(c.nom),
      name_key: territoryNameKey(c.nom),
      department: dep,
      region: c.region ?? null,
      population: c.population ?? null,
      communes_count: null,
      epci_count: null,
      zone: c.zone,
      epci_type: null,
    })
  }

  for (const e of epcis) {
    const memberCommunes = e.membres
      .map((m) => communeByCode.get(m.code))
      .filter((c) => c !== undefined)
    // An EPCI may straddle départements: its main département is the one holding most of its population.
    const popByDep = new Map<string, number>()
    for (const c of memberCommunes) {
      if (!c.departement) continue
      popByDep.set(c.departement, (popByDep.get(c.departement) ?? 0) + (c.population ?? 0))
      ;(
        depEpcis.get(c.departement) ?? depEpcis.set(c.departement, new Set()).get(c.departement)!
      ).add(e.code)
      if (c.region)
        (regEpcis.get(c.region) ?? regEpcis.set(c.region, new Set()).get(c.region)!).add(e.code)
      members.push([`epci:${e.code}`, `com:${c.code}`])
    }
    const mainDep = [...popByDep.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
    const population = sum(memberCommunes.map((c) => c.population ?? 0))
    // Members placed at their département's centroid would pull the EPCI there: only
    // members with their own point weigh; the area is known when every member's is.
    const placed = memberCommunes.flatMap((c) => {
      const point = communePoints.get(c.code)
      return point ? [{ point, weight: c.population ?? 0 }] : []
    })
    const area =
      placed.length === memberCommunes.length && placed.length > 0
        ? Math.round(sum(placed.map((m) => m.point.areaKm2)) * 1000) / 1000
        : null
    rows.push({
      ...geography('epci', population, weightedCentroid(placed), 'members', area),
      code: `epci:${e.code}`,
      kind: 'epci',
      insee: e.code,
      name: e.nom,
      search_name: foldText(e.nom),
      name_key: territoryNameKey(e.nom),
      department: mainDep,
      region: memberCommunes.find((c) => c.departement === mainDep)?.region ?? null,
      population,
      communes_count: memberCommunes.length,
      epci_count: null,
      zone: memberCommunes[0]?.zone ?? null,
      epci_type: e.type,
    })
  }

  const depRows = departments.map((d): TerritoryRow => {
    const inDep = depCommunes.get(d.code) ?? []
    const population = sum(inDep.map((c) => c.population ?? 0))
    const own = centroids.departements.get(d.code) ?? null
    return {
      ...geography('dep', population, own, 'own', own?.areaKm2 ?? null),
      code: `dep:${d.code}`,
      kind: 'dep',
      insee: d.code,
      name: d.nom,
      search_name: foldText(d.nom),
      name_key: territoryNameKey(d.nom),
      department: d.code,
      region: d.region ?? null,
      population,
      communes_count: inDep.length,
      epci_count: depEpcis.get(d.code)?.size ?? 0,
      zone: d.zone,
      epci_type: null,
    }
  })
  rows.push(...depRows)

  for (const r of regions) {
    const inReg = communes.filter((c) => c.region === r.code)
    const population = sum(inReg.map((c) => c.population ?? 0))
    const own = centroids.regions.get(r.code) ?? null
    rows.push({
      ...geography('reg', population, own, 'own', own?.areaKm2 ?? null),
      code: `reg:${r.code}`,
      kind: 'reg',
      insee: r.code,
      name: r.nom,
      search_name: foldText(r.nom),
      name_key: territoryNameKey(r.nom),
      department: null,
      region: r.code,
      population,
      communes_count: inReg.length,
      epci_count: regEpcis.get(r.code)?.size ?? 0,
      zone: r.zone,
      epci_type: null,
    })
  }

  return {
    rows,
    members,
    meta: {
      source: PACKAGE,
      version: pkg.version,
      // What the loaded rows hold besides the data: bumped when a derived column is added,
      // so `npm start` reloads a reference loaded by an older build.
      build: `${pkg.version}+name_key+geo:${centroids.digest}`,
      // The package's major version follows INSEE's COG vintage (5.x = COG 2025).
      vintage: `COG ${2020 + Number(pkg.version.split('.')[0])}`,
      communes: String(communes.length),
      epci: String(epcis.length),
      geography: centroids.source,
      // Communes without a 2018 centroid, placed at their département's / left without a point.
      point_fallbacks: String(pointFallbacks),
      points_missing: String(pointsMissing),
    },
  }
}

const COLUMNS = [
  'code',
  'kind',
  'insee',
  'name',
  'search_name',
  'name_key',
  'department',
  'region',
  'population',
  'communes_count',
  'epci_count',
  'zone',
  'epci_type',
  'lon',
  'lat',
  'point_source',
  'area_km2',
  'population_band',
  'density_class',
] as const

const MAX_STATEMENT_BYTES = 90_000

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`

function chunkedJson<T>(items: readonly T[], toStatement: (json: string) => string): string[] {
  const statements: string[] = []
  let chunk: string[] = []
  let size = 0
  const flush = () => {
    if (chunk.length === 0) return
    statements.push(toStatement(`[${chunk.join(',')}]`))
    chunk = []
    size = 0
  }
  for (const item of items) {
    const json = JSON.stringify(item)
    if (size + json.length > MAX_STATEMENT_BYTES) flush()
    chunk.push(json)
    size += json.length + 1
  }
  flush()
  return statements
}

/** SQL statements that replace the whole reference (idempotent). */
/** What the loaders print about the points: how many communes borrowed or lack one. */
export function geographyReport(ref: TerritoryReference): string {
  return (
    `centroïdes (${ref.meta.geography}) : ${ref.meta.point_fallbacks} communes absentes de la ` +
    `source 2018 placées au centroïde de leur département, ${ref.meta.points_missing} sans point ` +
    '(collectivités d’outre-mer absentes de la source)'
  )
}

export function territoryStatements(ref: TerritoryReference = buildTerritoryReference()): string[] {
  const select = COLUMNS.map((c, i) => `json_extract(value, '$[${i}]')`).join(', ')
  const tuples = ref.rows.map((r) => COLUMNS.map((c) => r[c]))
  return [
    'DELETE FROM epci_members',
    'DELETE FROM territories',
    'DELETE FROM territory_reference',
    ...chunkedJson(
      tuples,
      (json) =>
        `INSERT INTO territories (${COLUMNS.join(', ')}) SELECT ${select} FROM json_each(${sqlString(json)})`
    ),
    ...chunkedJson(
      ref.members,
      (json) =>
        `INSERT INTO epci_members (epci, commune) SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(${sqlString(json)})`
    ),
    ...Object.entries({ ...ref.meta, loaded_at: new Date().toISOString() }).map(
      ([k, v]) =>
        `INSERT INTO territory_reference (key, value) VALUES (${sqlString(k)}, ${sqlString(v)})`
    ),
    // Records written against an older reference take the new points and sizes.
    ...RECORD_GEOGRAPHY_REFRESH,
  ]
}
