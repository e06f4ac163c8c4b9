/**
 * Territorial statistics over published experiments, computed from D1 on each request.
 *
 * Counting rules (the numbers people compare, so stated once, here):
 * - only `published` experiments count; filters are OR within a filter, AND across;
 * - an experiment counts once in every région/département it covers, through the derived
 *   rows of `experiment_territories` (so one covering two départements counts once in
 *   each, once in their région if shared, and once in the national total);
 * - a national programme (scope `national`) covers no région or département: it counts
 *   in the France line and in its own `nationalScope` line, never in a territory's;
 * - a record abroad counts only in the `abroad` line (« hors de France »), never in the
 *   France line or any French per-population figure;
 * - a record without a start date counts in the year bucket `null` (« inconnue »);
 * - per 100,000 inhabitants = experiments / population × 100,000 (population municipale
 *   of the reference); per 100 collectivités = experiments / (communes + EPCI with a
 *   member in the territory) × 100; null when the denominator is zero;
 * - theme shares are the share of the territory's experiments tagged with the theme (an
 *   experiment has 1–3 themes, so they may add up to more than 1); stage and evidence
 *   shares add up to 1;
 * - the median budget and the total of people reached use only experiments that state
 *   them; `known` says how many did.
 *
 * One statement filters the experiments once (a materialised CTE) and returns the
 * aggregates in long format (territory, dimension, bucket, count); the caller reshapes it.
 * The territory rows and the national denominators travel in the same batch.
 */
import type { StatsReport, TerritoryStats } from '../domain/statistics'
import { EVIDENCE_LEVELS, STAGES, THEMES } from '../domain/vocabularies'
import type { Db } from './session'

/**
 * A version of everything a report depends on: the published catalogue (moved by the
 * triggers of migration 0007 whenever a change touches a published experiment) and the
 * territory reference (its load time). Reports can be cached under it and never be stale.
 */
export async function statsVersion(db: Db): Promise<string> {
  const row = await db
    .prepare(
      `SELECT coalesce((SELECT version FROM catalogue_version WHERE id = 1), 0)
         || ':' || coalesce((SELECT value FROM territory_reference WHERE key = 'loaded_at'), '') AS version`
    )
    .first<{ version: string }>()
  return row?.version ?? '0:'
}

export interface StatsFilters {
  theme?: readonly string[] | undefined
  level?: readonly string[] | undefined
  stage?: readonly string[] | undefined
  evidence?: readonly number[] | undefined
  yearFrom?: number | undefined
  yearTo?: number | undefined
}

/** Which territories to report: every région or département, or a list of codes. */
export type StatsScope =
  { kind: 'reg' | 'dep'; regions?: readonly string[] | undefined } | { codes: readonly string[] }

/** Code of the national reference line in the long-format rows. */
export const NATIONAL = 'fr'
/** Codes of the scope lines: national programmes, and records abroad. */
const NATIONAL_SCOPE = 'national'
const ABROAD = 'abroad'

interface AggregateRow {
  territory: string
  dim: 'total' | 'year' | 'median'
  bucket: string | number | null
  /** On the `total` row: counts keyed `stage:<code>`, `evidence:<n>`, `theme:<code>`. */
  detail: string | null
  n: number
  known: number | null
  people: number | null
  people_known: number | null
}

interface TerritoryRow {
  code: string
  kind: 'reg' | 'dep'
  name: string
  zone: string | null
  population: number | null
  communes_count: number | null
  epci_count: number | null
}

// Vocabulary codes are our own constants ([a-z-] only), so they are written into the SQL
// text; user input is always bound. Each experiment's top-level themes become a bitmask in
// one lookup, so the per-territory pass counts themes without joining experiment_themes
// once per territory row (measured: about a third less CPU at 100k experiments).
const THEME_BIT = `CASE theme ${THEMES.map((t, i) => `WHEN '${t.code}' THEN ${2 ** i}`).join(' ')} ELSE 0 END`
const DETAIL = `json_object(${[
  ...STAGES.map((st) => `'stage:${st.code}', sum(stage = '${st.code}')`),
  ...EVIDENCE_LEVELS.map((ev) => `'evidence:${ev.code}', sum(evidence_level = ${Number(ev.code)})`),
  ...THEMES.map((t, i) => `'theme:${t.code}', sum((CAST(theme_bits AS INTEGER) & ${2 ** i}) != 0)`),
].join(', ')})`

// The same filter clauses as the public list (worker/db/experiments.ts), plus the year range.
const FILTERED = `
  f AS MATERIALIZED (
    SELECT e.id, e.stage, e.evidence_level, e.start_year, e.budget_eur, e.people_reached, e.scope_level,
      (SELECT total(${THEME_BIT}) FROM experiment_themes WHERE experiment_id = e.id) AS theme_bits
    FROM experiments e
    WHERE e.status = 'published'
      AND (?1 IS NULL OR e.id IN (SELECT experiment_id FROM experiment_themes WHERE theme IN (SELECT value FROM json_each(?1))))
      AND (?2 IS NULL OR e.lead_kind IN (SELECT value FROM json_each(?2)))
      AND (?3 IS NULL OR e.stage IN (SELECT value FROM json_each(?3)))
      AND (?4 IS NULL OR e.evidence_level IN (SELECT value FROM json_each(?4)))
      AND (?5 IS NULL OR e.start_year >= ?5)
      AND (?6 IS NULL OR e.start_year <= ?6)
  )`

// Territory rows of the filtered experiments (national and foreign records have none),
// one France or abroad row per experiment, and a second row for national programmes.
// Two fixed variants (a code-prefix range or a list), so each keeps a plain index plan.
const LINES = `
    UNION ALL SELECT CASE f.scope_level WHEN 'abroad' THEN '${ABROAD}' ELSE '${NATIONAL}' END, f.* FROM f
    UNION ALL SELECT '${NATIONAL_SCOPE}', f.* FROM f WHERE f.scope_level = 'national'`
const BY_KIND = `
  ft AS MATERIALIZED (
    SELECT et.territory, f.* FROM f JOIN experiment_territories et ON et.experiment_id = f.id
      WHERE et.territory >= ?7 AND et.territory < ?8 ${LINES}
  )`
const BY_CODES = `
  ft AS MATERIALIZED (
    SELECT et.territory, f.* FROM f JOIN experiment_territories et ON et.experiment_id = f.id
      WHERE et.territory IN (SELECT value FROM json_each(?7)) ${LINES}
  )`

// Three passes over the territory rows: counts (with the stage, evidence and theme counts
// as one JSON object per territory), start years, and the median budget (the mean of the
// one or two middle values of the known budgets). D1 caps compound SELECTs at a few terms.
const AGGREGATES = `
  SELECT territory, 'total' AS dim, NULL AS bucket, count(*) AS n, count(budget_eur) AS known,
         sum(people_reached) AS people, count(people_reached) AS people_known, ${DETAIL} AS detail
    FROM ft GROUP BY territory
  UNION ALL SELECT territory, 'year', start_year, count(*), NULL, NULL, NULL, NULL
    FROM ft GROUP BY territory, start_year
  UNION ALL SELECT territory, 'median', avg(budget_eur), count(*), NULL, NULL, NULL, NULL FROM (
    SELECT territory, budget_eur,
           row_number() OVER (PARTITION BY territory ORDER BY budget_eur) AS rn,
           count(*) OVER (PARTITION BY territory) AS total
      FROM ft WHERE budget_eur IS NOT NULL
  ) WHERE rn IN ((total + 1) / 2, (total + 2) / 2) GROUP BY territory`

const TERRITORY_COLUMNS = 'code, kind, name, zone, population, communes_count, epci_count'

const json = (values: readonly unknown[] | undefined) =>
  values?.length ? JSON.stringify(values) : null

/**
 * Statistics of every région (`kind: 'reg'`) or département (`kind: 'dep'`, optionally
 * only those of some régions) or of the given codes, with the national reference line.
 * Régions and départements are the 18 régions and 101 départements (mainland and
 * overseas); the collectivités d'outre-mer count only in the national line.
 */
export async function territoryStats(
  db: Db,
  scope: StatsScope,
  filters: StatsFilters
): Promise<StatsReport> {
  const filterParams = [
    json(filters.theme),
    json(filters.level),
    json(filters.stage),
    json(filters.evidence),
    filters.yearFrom ?? null,
    filters.yearTo ?? null,
  ]
  const aggregates =
    'codes' in scope
      ? db
          .prepare(`WITH ${FILTERED}, ${BY_CODES} ${AGGREGATES}`)
          .bind(...filterParams, JSON.stringify(scope.codes))
      : db
          .prepare(`WITH ${FILTERED}, ${BY_KIND} ${AGGREGATES}`)
          .bind(...filterParams, `${scope.kind}:`, `${scope.kind};`) // ';' sorts right after ':'
  const territories =
    'codes' in scope
      ? db
          .prepare(
            `SELECT ${TERRITORY_COLUMNS} FROM territories WHERE code IN (SELECT value FROM json_each(?1))`
          )
          .bind(JSON.stringify(scope.codes))
      : db
          .prepare(
            `SELECT ${TERRITORY_COLUMNS} FROM territories
             WHERE kind = ?1 AND zone IN ('metro', 'drom')
               AND (?2 IS NULL OR region IN (SELECT value FROM json_each(?2)))
             ORDER BY code`
          )
          .bind(scope.kind, json(scope.regions))
  const national = db.prepare(
    `SELECT (SELECT sum(population) FROM territories WHERE kind = 'com') AS population,
            (SELECT count(*) FROM territories WHERE kind = 'com') AS communes,
            (SELECT count(*) FROM territories WHERE kind = 'epci') AS epci,
            (SELECT value FROM territory_reference WHERE key = 'source') AS source,
            (SELECT value FROM territory_reference WHERE key = 'vintage') AS vintage`
  )
  const [agg, terr, nat] = await db.batch<unknown>([aggregates, territories, national])
  const rows = (agg?.results ?? []) as AggregateRow[]
  const natRow = (nat?.results[0] ?? {}) as {
    population: number | null
    communes: number
    epci: number
    source: string | null
    vintage: string | null
  }

  const byTerritory = new Map<string, AggregateRow[]>()
  for (const r of rows) {
    const list = byTerritory.get(r.territory) ?? []
    list.push(r)
    byTerritory.set(r.territory, list)
  }
  const order = 'codes' in scope ? scope.codes : null
  const territoryRows = ((terr?.results ?? []) as TerritoryRow[]).sort((a, b) =>
    order ? order.indexOf(a.code) - order.indexOf(b.code) : 0
  )
  // No population or collectivités: per-inhabitant figures make no sense for these lines.
  const scopeLine = (code: string, kind: 'national' | 'abroad', name: string) =>
    shape(
      { code, kind, name, zone: null, population: 0, communes: 0, epci: 0 },
      byTerritory.get(code) ?? []
    )
  return {
    national: shape(
      {
        code: NATIONAL,
        kind: 'fr',
        name: 'France entière',
        zone: null,
        population: natRow.population ?? 0,
        communes: natRow.communes ?? 0,
        epci: natRow.epci ?? 0,
      },
      byTerritory.get(NATIONAL) ?? []
    ),
    nationalScope: scopeLine(NATIONAL_SCOPE, 'national', 'Portée nationale (France entière)'),
    abroad: scopeLine(ABROAD, 'abroad', 'Hors de France'),
    territories: territoryRows.map((t) =>
      shape(
        {
          code: t.code,
          kind: t.kind,
          name: t.name,
          zone: t.zone,
          population: t.population ?? 0,
          communes: t.communes_count ?? 0,
          epci: t.epci_count ?? 0,
        },
        byTerritory.get(t.code) ?? []
      )
    ),
    reference: { source: natRow.source ?? null, vintage: natRow.vintage ?? null },
  }
}

/** Rounds ratios for display and transport; counts stay exact. */
export function round(value: number, digits = 4): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

function ratio(numerator: number, denominator: number, scale: number): number | null {
  return denominator > 0 ? round((numerator / denominator) * scale) : null
}

type Identity = Pick<
  TerritoryStats,
  'code' | 'kind' | 'name' | 'zone' | 'population' | 'communes' | 'epci'
>

function shape(id: Identity, rows: readonly AggregateRow[]): TerritoryStats {
  const total = rows.find((r) => r.dim === 'total')
  const experiments = total?.n ?? 0
  const detail = JSON.parse(total?.detail ?? '{}') as Record<string, number>
  const breakdown = (dim: string, terms: readonly { code: string; fr: string }[]) =>
    terms.map(({ code, fr }) => {
      const n = detail[`${dim}:${code}`] ?? 0
      return { code, label: fr, count: n, share: ratio(n, experiments, 1) }
    })
  const median = rows.find((r) => r.dim === 'median')
  const collectivites = id.communes + id.epci
  return {
    ...id,
    collectivites,
    experiments,
    per100kInhabitants: ratio(experiments, id.population, 100_000),
    per100Collectivites: ratio(experiments, collectivites, 100),
    themes: breakdown('theme', THEMES),
    stages: breakdown('stage', STAGES),
    evidenceLevels: breakdown('evidence', EVIDENCE_LEVELS),
    budget: {
      known: total?.known ?? 0,
      medianEur: median && typeof median.bucket === 'number' ? round(median.bucket, 2) : null,
    },
    peopleReached: {
      known: total?.people_known ?? 0,
      total: total?.people_known ? (total.people ?? 0) : null,
    },
    startYears: rows
      .filter((r) => r.dim === 'year')
      .map((r) => ({ year: r.bucket === null ? null : Number(r.bucket), count: r.n }))
      .sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity)),
  }
}
