/**
 * Statistics API: published experiments per région or département, normalised by
 * population and number of collectivités, with breakdowns and the national reference;
 * and a side-by-side comparison of 2 to 4 territories. Each answer is JSON or CSV
 * (`Accept: text/csv` or the `.csv` suffix); the CSV columns are described in STATS_CSV_DOC.
 */
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import type { StatsFilters } from '../../db/stats'
import { StatsReport } from '../../domain/statistics'
import { cachedTerritoryStats } from '../../services/stats'
import { findTerritories } from '../../db/territories'
import { territoryCodePattern } from '../../domain/territory'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { STATS_CSV_DOC, statsCsv } from '../../open-data/stats-csv'
import { CatalogueFilterQuery, YearRangeQuery } from './params'
import { problems } from './responses'

// ── Schemas ──────────────────────────────────────────────────────────────────

/**
 * Search filters minus the territory and scope ones: territories are what the stats are
 * about, and the scope has its own lines (France entière, national programmes, abroad).
 */
const StatsFilterQuery = CatalogueFilterQuery.omit({
  region: true,
  department: true,
  scope: true,
  country: true,
  size: true,
  density: true,
}).extend(YearRangeQuery.shape)

const csvContent = {
  'text/csv': { schema: z.string().openapi({ description: STATS_CSV_DOC }) },
}

// ── Routes ───────────────────────────────────────────────────────────────────

const HEADERS = { 'cache-control': 'public, max-age=300', vary: 'Accept' }

function respond(c: Context<AppEnv>, report: StatsReport, csv: boolean, filename: string) {
  if (csv || (c.req.header('accept') ?? '').includes('text/csv')) {
    return c.body(statsCsv(report), 200, {
      ...HEADERS,
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}.csv"`,
    })
  }
  return c.json(report, 200, HEADERS)
}

function checkYears(filters: StatsFilters) {
  if (
    filters.yearFrom !== undefined &&
    filters.yearTo !== undefined &&
    filters.yearFrom > filters.yearTo
  )
    throw new ProblemError(400, 'Certaines données sont invalides.', [
      { parameter: 'yearFrom', message: 'L’année de début est postérieure à l’année de fin.' },
    ])
}

/** The JSON route and its `.csv` twin, documented alike. */
function routePair<Q extends z.ZodObject>(
  path: string,
  summary: string,
  description: string,
  query: Q
) {
  const base = {
    method: 'get',
    tags: ['Statistiques'],
    summary,
    request: { query },
  } satisfies Partial<RouteConfig>
  return [
    createRoute({
      ...base,
      path,
      description: `${description}\n\nRéponse en CSV avec \`Accept: text/csv\` ou en ajoutant \`.csv\` au chemin. ${STATS_CSV_DOC}`,
      responses: {
        200: {
          description: 'Statistiques par territoire et ligne de référence nationale',
          content: { 'application/json': { schema: StatsReport }, ...csvContent },
        },
        400: problems[400],
      },
    }),
    createRoute({
      ...base,
      path: `${path}.csv`,
      summary: `${summary} (CSV)`,
      description: STATS_CSV_DOC,
      responses: {
        200: { description: 'Les mêmes statistiques en CSV', content: csvContent },
        400: problems[400],
      },
    }),
  ] as const
}

const COUNTING = `Seules les expériences publiées comptent. Une expérience compte une fois dans chaque territoire qu’elle couvre (une expérience sur deux départements compte dans chacun, et une seule fois dans leur région). Pour 100 000 habitants = expériences / population municipale × 100 000 ; pour 100 collectivités = expériences / (communes + EPCI ayant une commune membre dans le territoire) × 100. Un programme national (portée France entière) compte dans la ligne France entière et dans la ligne \`nationalScope\`, jamais dans une région ni un département ; une fiche hors de France compte seulement dans la ligne \`abroad\`, jamais dans une statistique française. Une fiche sans date de démarrage compte dans l’année \`null\` (« inconnue »). Le budget médian et le total des personnes touchées ne portent que sur les fiches qui les indiquent (\`known\`). Filtres : mêmes sens que la recherche (OU dans un filtre, ET entre filtres), plus l’intervalle d’années de démarrage.`

const [regions, regionsCsv] = routePair(
  '/stats/regions',
  'Statistiques par région',
  `Les 18 régions (métropole et outre-mer), avec la ligne France entière (qui inclut aussi les collectivités d’outre-mer). ${COUNTING}`,
  StatsFilterQuery
)

const DepartmentsQuery = StatsFilterQuery.extend({
  region: CatalogueFilterQuery.shape.region.openapi({
    description: 'Ne garder que les départements de ces régions (code INSEE), répétable',
  }),
})
const [departments, departmentsCsv] = routePair(
  '/stats/departments',
  'Statistiques par département',
  `Les 101 départements, avec la ligne France entière. ${COUNTING}`,
  DepartmentsQuery
)

const TERRITORY_LIST = territoryCodePattern(['reg', 'dep'])
const CompareQuery = StatsFilterQuery.extend({
  territories: z.string().trim().min(1, 'Indiquez de 2 à 4 territoires.').max(200).openapi({
    description: '2 à 4 codes de régions ou de départements, séparés par des virgules',
    example: 'reg:44,reg:53,dep:54',
  }),
})
const [compare, compareCsv] = routePair(
  '/stats/compare',
  'Comparer 2 à 4 territoires',
  `Les mêmes mesures côte à côte pour 2 à 4 régions ou départements, dans l’ordre demandé, avec la ligne France entière. ${COUNTING}`,
  CompareQuery
)

/** Parses and checks `territories`; every failure is a 400 naming the parameter. */
async function parseTerritoryList(db: AppEnv['Variables']['db'], raw: string): Promise<string[]> {
  const codes = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    ),
  ]
  const fail = (message: string) =>
    new ProblemError(400, 'Certaines données sont invalides.', [
      { parameter: 'territories', message },
    ])
  if (codes.length < 2 || codes.length > 4)
    throw fail('Indiquez de 2 à 4 territoires différents, séparés par des virgules.')
  const malformed = codes.filter((c) => !TERRITORY_LIST.test(c))
  if (malformed.length)
    throw fail(
      `Code invalide : ${malformed.join(', ')}. Attendu reg:53 (région) ou dep:35 (département).`
    )
  const known = await findTerritories(db, codes)
  const unknown = codes.filter((c) => !known.has(c))
  if (unknown.length) throw fail(`Territoire inconnu : ${unknown.join(', ')}.`)
  return codes
}

const filtersOf = <T extends StatsFilters>(q: T): StatsFilters => {
  const { theme, level, stage, evidence, yearFrom, yearTo } = q
  const filters = { theme, level, stage, evidence, yearFrom, yearTo }
  checkYears(filters)
  return filters
}

export const statsApi = createRouter()
  .openapi(regions, async (c) => {
    const report = await cachedTerritoryStats(
      c.var.db,
      { kind: 'reg' },
      filtersOf(c.req.valid('query'))
    )
    return respond(c, report, false, 'statistiques-regions')
  })
  .openapi(regionsCsv, async (c) => {
    const report = await cachedTerritoryStats(
      c.var.db,
      { kind: 'reg' },
      filtersOf(c.req.valid('query'))
    )
    return respond(c, report, true, 'statistiques-regions')
  })
  .openapi(departments, async (c) => {
    const q = c.req.valid('query')
    const report = await cachedTerritoryStats(
      c.var.db,
      { kind: 'dep', regions: q.region },
      filtersOf(q)
    )
    return respond(c, report, false, 'statistiques-departements')
  })
  .openapi(departmentsCsv, async (c) => {
    const q = c.req.valid('query')
    const report = await cachedTerritoryStats(
      c.var.db,
      { kind: 'dep', regions: q.region },
      filtersOf(q)
    )
    return respond(c, report, true, 'statistiques-departements')
  })
  .openapi(compare, async (c) => {
    const q = c.req.valid('query')
    const codes = await parseTerritoryList(c.var.db, q.territories)
    const report = await cachedTerritoryStats(c.var.db, { codes }, filtersOf(q))
    return respond(c, report, false, 'comparaison')
  })
  .openapi(compareCsv, async (c) => {
    const q = c.req.valid('query')
    const codes = await parseTerritoryList(c.var.db, q.territories)
    const report = await cachedTerritoryStats(c.var.db, { codes }, filtersOf(q))
    return respond(c, report, true, 'comparaison')
  })
