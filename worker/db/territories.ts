/**
 * Territory reference queries: validation of submitted codes, derived coverage
 * (régions, départements, population) and autocomplete.
 */
import type { Coverage } from '../domain/scope'
import type { SearchFilters } from '../domain/search'
import { foldText } from '../domain/text'
import type { Territory } from '../domain/territory'
import type { DensityClass, PopulationBand } from '../domain/territory-size'
import type { TerritoryKind } from '../domain/vocabularies'
import { SEARCH_TARGETS } from './outbox'
import type { Db } from './session'

interface TerritoryRow {
  code: string
  kind: Territory['kind']
  name: string
  population: number | null
  department: string | null
  region: string | null
  // Migration 0012: geography, filled by the reference loader.
  area_km2: number | null
  lon: number | null
  lat: number | null
  population_band: PopulationBand | null
  density_class: DensityClass | null
}

const COLUMNS =
  'code, kind, name, population, department, region, area_km2, lon, lat, population_band, density_class'

function toTerritory({
  area_km2,
  lon,
  lat,
  population_band,
  density_class,
  ...t
}: TerritoryRow): Territory {
  return {
    ...t,
    areaKm2: area_km2,
    point: lon !== null && lat !== null ? { lon, lat } : null,
    size: population_band ? { populationBand: population_band, densityClass: density_class } : null,
  }
}

/**
 * Statements run after each load of the reference: every record takes the point and size
 * of its first declared territory as the reference now gives them (records written
 * before the geography existed, or whose territory moved), and the records that changed
 * go back through the search outbox. Plain SQL, so `npm run territories` applies it with
 * the reference in one `wrangler d1 execute`.
 */
export const RECORD_GEOGRAPHY_REFRESH: readonly string[] = (() => {
  const fresh = `SELECT e.id,
        CASE WHEN t.lon IS NULL THEN 'null' ELSE json_object('lon', t.lon, 'lat', t.lat) END AS point,
        CASE WHEN t.population_band IS NULL THEN 'null' ELSE json_object(
          'populationBand', t.population_band, 'densityClass', t.density_class) END AS size
      FROM experiments e LEFT JOIN territories t ON t.code = e.data ->> '$.territories[0]'`
  const changed = `(coalesce(e.derived -> '$.point', '') != f.point
      OR coalesce(e.derived -> '$.territorySize', '') != f.size)`
  return [
    `INSERT INTO search_outbox (experiment_id, revision, target, enqueued_at, next_attempt_at)
     SELECT e.id, e.revision, target.value, strftime('%Y-%m-%dT%H:%M:%fZ'), strftime('%Y-%m-%dT%H:%M:%fZ')
     FROM experiments e JOIN (${fresh}) f ON f.id = e.id, json_each('${JSON.stringify(SEARCH_TARGETS)}') target
     WHERE e.status = 'published' AND ${changed}`,
    `UPDATE experiments AS e SET derived = json_set(e.derived, '$.point', json(f.point), '$.territorySize', json(f.size))
     FROM (${fresh}) f WHERE f.id = e.id AND ${changed}`,
  ]
})()

/** The reference rows of the given codes (unknown codes are simply absent). */
export async function findTerritories(
  db: Db,
  codes: readonly string[]
): Promise<Map<string, Territory>> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM territories WHERE code IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(codes))
    .all<TerritoryRow>()
  return new Map(results.map((r) => [r.code, toTerritory(r)]))
}

/**
 * Display names (`reg:53` → Bretagne) of the régions and départements a search filters on,
 * and of any other codes asked for (every région, for a map). Unknown codes are absent.
 */
export async function filterTerritoryNames(
  db: Db,
  filters: SearchFilters,
  also: readonly string[] = []
): Promise<Map<string, string>> {
  const codes = [
    ...also,
    ...(filters.region ?? []).map((code) => `reg:${code}`),
    ...(filters.department ?? []).map((code) => `dep:${code}`),
  ]
  if (codes.length === 0) return new Map()
  const known = await findTerritories(db, codes)
  return new Map([...known].map(([code, territory]) => [code, territory.name]))
}

export async function getTerritory(db: Db, code: string): Promise<Territory | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM territories WHERE code = ?1`)
    .bind(code)
    .first<TerritoryRow>()
  return row ? toTerritory(row) : null
}

/**
 * What a set of declared territories covers: the communes they contain (an EPCI through
 * its members), hence the départements and régions touched and the population covered,
 * counting each commune once even when a commune and its EPCI are both declared.
 */
export async function coverage(db: Db, codes: readonly string[]): Promise<Coverage> {
  const [result] = await coverageOfEach(db, [codes])
  return result!
}

export type { Coverage }

/**
 * The coverage of several territory sets in one round trip (a read-only batch), for bulk
 * imports: at ~8 ms per query locally, one query per row dominated an import request.
 */
export async function coverageOfEach(
  db: Db,
  codeSets: readonly (readonly string[])[]
): Promise<Coverage[]> {
  if (codeSets.length === 0) return []
  const results = await db.batch<{ population: number; departments: string; regions: string }>(
    codeSets.map((codes) => db.prepare(COVERAGE_SQL).bind(JSON.stringify(codes)))
  )
  return results.map(({ results: [row] }) => ({
    populationCovered: row?.population ?? 0,
    departments: JSON.parse(row?.departments ?? '[]'),
    regions: JSON.parse(row?.regions ?? '[]'),
  }))
}

const COVERAGE_SQL = `WITH declared(code) AS (SELECT value FROM json_each(?1)),
      covered AS MATERIALIZED (
        SELECT code, department, region, population FROM territories
          WHERE code IN (SELECT code FROM declared WHERE code GLOB 'com:*')
        UNION SELECT t.code, t.department, t.region, t.population
          FROM epci_members m JOIN territories t ON t.code = m.commune
          WHERE m.epci IN (SELECT code FROM declared)
        UNION SELECT code, department, region, population FROM territories
          WHERE kind = 'com' AND department IN (SELECT substr(code, 5) FROM declared WHERE code GLOB 'dep:*')
        UNION SELECT code, department, region, population FROM territories
          WHERE kind = 'com' AND region IN (SELECT substr(code, 5) FROM declared WHERE code GLOB 'reg:*')
      )
      SELECT
        (SELECT coalesce(sum(population), 0) FROM covered) AS population,
        (SELECT json_group_array(json_object('code', code, 'name', name)) FROM (
          SELECT code, name FROM territories WHERE code IN (SELECT DISTINCT 'dep:' || department FROM covered) ORDER BY code
        )) AS departments,
        (SELECT json_group_array(json_object('code', code, 'name', name)) FROM (
          SELECT code, name FROM territories WHERE code IN (SELECT DISTINCT 'reg:' || region FROM covered) ORDER BY code
        )) AS regions`

const KIND_ORDER = `CASE kind WHEN 'reg' THEN 0 WHEN 'dep' THEN 1 WHEN 'epci' THEN 2 ELSE 3 END`

/**
 * Autocomplete over every level by name or code: exact codes first, then names starting
 * with the query, then names containing it; larger territories first within each group.
 */
export async function searchTerritories(
  db: Db,
  query: string,
  kinds: readonly Territory['kind'][],
  limit: number
): Promise<Territory[]> {
  const raw = query.trim()
  const folded = foldText(raw).slice(0, 40) // D1 caps LIKE patterns at 50 bytes
  if (!folded) return []
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS}, CASE
          WHEN insee = ?1 OR code = ?1 THEN 0
          WHEN search_name = ?2 THEN 1
          WHEN search_name LIKE ?3 THEN 2
          ELSE 3 END AS rank
        FROM territories
        WHERE kind IN (SELECT value FROM json_each(?5))
          AND (insee = ?1 OR code = ?1 OR search_name LIKE ?4)
        ORDER BY rank, ${KIND_ORDER}, population DESC NULLS LAST, name
        LIMIT ?6`
    )
    .bind(raw, folded, `${folded}%`, `%${folded}%`, JSON.stringify(kinds), limit)
    .all<TerritoryRow & { rank: number }>()
  return results.map(({ rank: _rank, ...t }) => toTerritory(t))
}

/** Candidates for one typed name (see `parseTerritoryName`). */
export interface NameLookup {
  /** As typed: a reference name, an INSEE code or SIREN, or a typed code. */
  text: string
  key: string
  folded: string
  kind?: TerritoryKind | undefined
  words: readonly string[]
  hint?: string | undefined
}

/** A territory a name may designate, with what tells homonyms apart. */
export interface NameCandidate extends Territory {
  departmentName: string | null
  /** The reference name is exactly the text typed (accents and case aside). */
  sameName: boolean
}

/** The territories a name may designate. */
export interface NameCandidates {
  /** `exact`: the name, its key or a code matched; `close`: only a prefix or words did. */
  match: 'exact' | 'close'
  candidates: NameCandidate[]
  /** The candidates that lie in a département or région the hint names. */
  inHint: ReadonlySet<string>
}

const NAME_CANDIDATES_MAX = 20
const CANDIDATE_COLUMNS = `${COLUMNS}, search_name = ?2 AS same_name,
  (SELECT d.name FROM territories d WHERE d.code = 'dep:' || t.department) AS department_name,
  EXISTS (SELECT 1 FROM hints h WHERE CASE h.kind WHEN 'reg' THEN h.region = t.region
    ELSE h.department = t.department END) AS in_hint`
const CANDIDATE_ORDER = `ORDER BY ${KIND_ORDER}, population DESC NULLS LAST LIMIT ${NAME_CANDIDATES_MAX}`

// Exact key, full reference name or code (typed, or bare: "35238", "2A", "200039865") first;
// a key prefix only when nothing is exact; significant words over intercommunality names
// only when neither matched. Each branch is an indexed lookup (name_key, search_name, the
// code primary key, or the ~1,250 EPCI rows of the kind index): never a scan of the
// communes. Bare codes go through the primary key, as `insee` has no index of its own. The hint (?6 folded, ?7 as typed)
// names départements or régions; whether a candidate lies in one is returned, not
// filtered, so a hint that excludes every candidate narrows nothing.
const NAME_SQL = `WITH hints AS (
    SELECT kind, department, region FROM territories
      WHERE ?6 != '' AND kind IN ('dep', 'reg')
        AND (search_name = ?6 OR code IN ('dep:' || upper(?7), 'reg:' || ?7))
  ), exact AS (
    SELECT ${CANDIDATE_COLUMNS} FROM territories t
      WHERE (name_key = ?1 OR search_name = ?2
          OR code IN (?5, 'com:' || upper(?5), 'epci:' || ?5, 'dep:' || upper(?5), 'reg:' || ?5))
        AND (?3 IS NULL OR kind = ?3)
      ${CANDIDATE_ORDER}
  ), prefix AS (
    SELECT ${CANDIDATE_COLUMNS} FROM territories t
      WHERE NOT EXISTS (SELECT 1 FROM exact) AND length(?1) >= 3
        AND name_key > ?1 AND name_key < ?1 || '~' AND (?3 IS NULL OR kind = ?3)
      ${CANDIDATE_ORDER}
  ), words AS (
    SELECT ${CANDIDATE_COLUMNS} FROM territories t
      WHERE NOT EXISTS (SELECT 1 FROM exact) AND NOT EXISTS (SELECT 1 FROM prefix)
        AND json_array_length(?4) > 0 AND kind = 'epci' AND (?3 IS NULL OR ?3 = 'epci')
        AND NOT EXISTS (SELECT 1 FROM json_each(?4) w WHERE instr(search_name, w.value) = 0)
      ${CANDIDATE_ORDER}
  )
  SELECT *, 'exact' AS match FROM exact
  UNION ALL SELECT *, 'close' FROM prefix
  UNION ALL SELECT *, 'close' FROM words`

type CandidateRow = TerritoryRow & {
  same_name: number
  department_name: string | null
  in_hint: number
  match: 'exact' | 'close'
}

/** The candidates of several typed names in one round trip: one statement per name. */
export async function territoriesByName(
  db: Db,
  lookups: readonly NameLookup[]
): Promise<NameCandidates[]> {
  if (lookups.length === 0) return []
  const results = await db.batch<CandidateRow>(
    lookups.map((l) =>
      db
        .prepare(NAME_SQL)
        .bind(
          l.key,
          l.folded,
          l.kind ?? null,
          JSON.stringify(l.words),
          l.text.trim(),
          foldText(l.hint ?? ''),
          l.hint?.trim() ?? ''
        )
    )
  )
  return results.map(({ results: rows }) => ({
    match: rows[0]?.match ?? 'close',
    inHint: new Set(rows.filter((r) => r.in_hint === 1).map((r) => r.code)),
    candidates: rows.map(({ same_name, department_name, in_hint: _i, match: _m, ...t }) => ({
      ...toTerritory(t),
      departmentName: department_name,
      sameName: same_name === 1,
    })),
  }))
}

/**
 * Each set of territories with every territory above it, as typed codes: a commune gives
 * its EPCI, département and région; an EPCI its (main) département and région; a
 * département its région. What "Qui peut m'aider ?" compares places on. One read-only
 * batch for all the sets.
 */
export async function ancestriesOf(
  db: Db,
  codeSets: readonly (readonly string[])[]
): Promise<string[][]> {
  if (codeSets.length === 0) return []
  const results = await db.batch<{ code: string }>(
    codeSets.map((codes) => db.prepare(ANCESTRY_SQL).bind(JSON.stringify(codes)))
  )
  return results.map(({ results: rows }) => rows.map((r) => r.code))
}

const ANCESTRY_SQL = `WITH declared(code) AS (SELECT value FROM json_each(?1)),
      known AS MATERIALIZED (SELECT code, kind, department, region FROM territories
                             WHERE code IN (SELECT code FROM declared))
      SELECT code FROM known
      UNION SELECT epci FROM epci_members WHERE commune IN (SELECT code FROM known WHERE kind = 'com')
      UNION SELECT 'dep:' || department FROM known WHERE kind IN ('com', 'epci') AND department IS NOT NULL
      UNION SELECT 'reg:' || region FROM known WHERE kind <> 'reg' AND region IS NOT NULL
      ORDER BY 1`
