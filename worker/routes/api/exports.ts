/**
 * Open-data exports of the published catalogue (CSV, JSON, NDJSON, GeoJSON), the schemas
 * that describe them (JSON Schema, Table Schema) and the DCAT catalogue entry.
 *
 * Exports are streamed: keyset pages are read from D1 only as the client consumes the
 * body, so memory stays at one page and 100k records cost about 200 small queries
 * (EXPORT_PAGE_SIZE), within a Worker's limits. They take the same filters as the list.
 *
 * These are plain Hono routes registered in the OpenAPI document by hand, because their
 * bodies are streams that the typed `openapi()` handlers cannot express.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { Experiment } from '../../domain/experiment'
import {
  cellOf,
  EXPORT_COLUMNS,
  experimentJsonSchema,
  experimentTableSchema,
  LICENCE,
  SCHEMA_PATH,
} from '../../domain/open-data'
import {
  listPublishedExperiments,
  toExperiment,
  type CatalogueFilters,
  type ListCursor,
} from '../../db/experiments'
import { catalogueDates, findCentroids, type Centroid } from '../../db/open-data'
import type { Db } from '../../db/session'
import type { AppEnv } from '../../env'
import { csvLine } from '../../lib/csv'
import { createRouter } from '../../http/router'
import { catalogueFilters, publicBase } from './catalogue-query'
import { CatalogueFilterQuery } from './params'
import { problems } from './responses'

/** Rows per D1 query while streaming: ~200 queries for 100k records, one page in memory. */
export const EXPORT_PAGE_SIZE = 500

const TAG = 'Données ouvertes'
const PUBLIC_CACHE = 'public, max-age=300'

const EXPERIMENT_KEYS = Object.keys(Experiment.shape)

/**
 * Whitelists the published keys: `toExperiment` spreads the stored JSON, so this is what
 * guarantees that nothing else (a private field written by mistake) ever leaves.
 */
export function publicRecord(e: Experiment): Experiment {
  const out: Record<string, unknown> = {}
  for (const key of EXPERIMENT_KEYS) {
    const value = (e as Record<string, unknown>)[key]
    if (value !== undefined) out[key] = value
  }
  return out as Experiment
}

interface StreamShape {
  head: string
  tail: string
  /** Text of one page of records; `first` is true for the very first record of the file. */
  page: (records: Experiment[], first: boolean) => Promise<string> | string
}

/** The published catalogue, page by page, pulled only as fast as the client reads. */
export function catalogueStream(
  db: Db,
  filters: CatalogueFilters,
  shape: StreamShape,
  pageSize = EXPORT_PAGE_SIZE
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let cursor: ListCursor | null = null
  let first = true
  let started = false
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          let text = ''
          if (!started) {
            started = true
            text += shape.head
          }
          const rows = await listPublishedExperiments(db, filters, cursor, pageSize)
          if (rows.length > 0) {
            text += await shape.page(rows.map(toExperiment).map(publicRecord), first)
            first = false
            const last = rows.at(-1)!
            cursor = { publishedAt: last.published_at ?? '', id: last.id }
          }
          const done = rows.length < pageSize
          if (done) text += shape.tail
          if (text) controller.enqueue(encoder.encode(text))
          if (done) controller.close()
        } catch (err) {
          console.error('export stream failed', err)
          controller.error(err)
        }
      },
    },
    { highWaterMark: 0 }
  )
}

function fileName(ext: string): string {
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '')
  return `${day}_experimentations-numeriques.${ext}`
}

function streamed(
  c: Context<AppEnv>,
  contentType: string,
  ext: string,
  shape: StreamShape
): Response {
  return new Response(catalogueStream(c.var.db, catalogueFilters(c), shape), {
    headers: {
      'content-type': contentType,
      'content-disposition': `attachment; filename="${fileName(ext)}"`,
      'cache-control': PUBLIC_CACHE,
      'access-control-allow-origin': '*',
    },
  })
}

// ── GeoJSON points ───────────────────────────────────────────────────────────

/**
 * Where a record sits on a map: the centroid of its first declared territory that has
 * one, else of its first département, else of its first région; null (an unlocated
 * feature, RFC 7946 §3.2) when the centroid table holds none of them.
 */
function locate(e: Experiment, centroids: Map<string, Centroid>) {
  const candidates = [
    ...e.territories,
    ...e.derived.departments.map((d) => d.code),
    ...e.derived.regions.map((r) => r.code),
  ]
  for (const code of candidates) {
    const point = centroids.get(code)
    if (point) return { code, point }
  }
  return null
}

async function geojsonPage(db: Db, records: Experiment[], first: boolean): Promise<string> {
  const codes = new Set<string>()
  for (const e of records) {
    for (const code of e.territories) codes.add(code)
    for (const t of [...e.derived.departments, ...e.derived.regions]) codes.add(t.code)
  }
  const centroids = await findCentroids(db, [...codes])
  return records
    .map((e, i) => {
      const found = locate(e, centroids)
      const feature = {
        type: 'Feature',
        id: e.id,
        geometry: found
          ? { type: 'Point', coordinates: [round(found.point.lon), round(found.point.lat)] }
          : null,
        properties: e,
        // Foreign member (RFC 7946 §6.1): which territory the point stands for.
        locatedBy: found?.code ?? null,
      }
      return (first && i === 0 ? '' : ',\n') + JSON.stringify(feature)
    })
    .join('')
}

/** Six decimals (~10 cm), as RFC 7946 §11.2 recommends. */
const round = (n: number) => Math.round(n * 1e6) / 1e6

// ── Route definitions (documentation) ────────────────────────────────────────

const exportRoute = (path: string, summary: string, contentType: string, schema: z.ZodType) =>
  createRoute({
    method: 'get',
    path,
    tags: [TAG],
    summary,
    description:
      'Toutes les fiches publiées correspondant aux filtres (mêmes paramètres que la liste), en flux continu, sans pagination. Licence Ouverte 2.0. Les coordonnées privées ne figurent jamais dans les exports.',
    request: { query: CatalogueFilterQuery },
    responses: {
      200: { description: 'Le fichier', content: { [contentType]: { schema } } },
      400: problems[400],
    },
  })

const csvRoute = exportRoute(
  '/exports/experiments.csv',
  'Exporter en CSV (conventions schema.data.gouv.fr)',
  'text/csv',
  z.string().openapi({
    description:
      'UTF-8, séparateur virgule, valeurs multiples séparées par « ; », dates ISO 8601, une colonne par champ documenté dans le Table Schema.',
    example: `${EXPORT_COLUMNS.map((col) => col.name).join(',')}\r\n`,
  })
)
const jsonRoute = exportRoute(
  '/exports/experiments.json',
  'Exporter en JSON (tableau de fiches, forme de l’API)',
  'application/json',
  z.array(Experiment)
)
const ndjsonRoute = exportRoute(
  '/exports/experiments.ndjson',
  'Exporter en NDJSON (une fiche JSON par ligne)',
  'application/x-ndjson',
  z.string().openapi({ description: 'Une fiche `Experiment` en JSON par ligne.' })
)
const GeoFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z
          .object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) })
          .nullable()
          .openapi({
            description:
              'Centroïde du premier territoire déclaré qui en a un (sinon du département, de la région) ; null si aucun centroïde n’est connu.',
          }),
        properties: Experiment,
        locatedBy: z.string().nullable(),
      })
    ),
  })
  .openapi('ExperimentFeatureCollection')
const geojsonRoute = exportRoute(
  '/exports/experiments.geojson',
  'Exporter en GeoJSON (RFC 7946, un point par fiche)',
  'application/geo+json',
  GeoFeatureCollection
)

const JsonDocument = z.record(z.string(), z.unknown())

const jsonSchemaRoute = createRoute({
  method: 'get',
  path: '/schemas/v1/experiment.schema.json',
  tags: [TAG],
  summary: 'JSON Schema d’une fiche publiée (version 1)',
  description:
    'Généré depuis le schéma zod de l’API : c’est la forme des exports JSON, NDJSON et des propriétés GeoJSON.',
  responses: {
    200: {
      description: 'JSON Schema (draft 2020-12)',
      content: { 'application/schema+json': { schema: JsonDocument } },
    },
  },
})
const tableSchemaRoute = createRoute({
  method: 'get',
  path: '/schemas/v1/experiment.tableschema.json',
  tags: [TAG],
  summary: 'Table Schema (frictionless) de l’export CSV (version 1)',
  description: 'Un champ par colonne du CSV, avec titre, description, type et contraintes.',
  responses: {
    200: {
      description: 'Table Schema',
      content: { 'application/json': { schema: JsonDocument } },
    },
  },
})
const catalogRoute = createRoute({
  method: 'get',
  path: '/catalog.jsonld',
  tags: [TAG],
  summary: 'Catalogue DCAT (JSON-LD) pour le moissonnage par data.gouv.fr',
  responses: {
    200: {
      description: 'Catalogue DCAT-AP',
      content: { 'application/ld+json': { schema: JsonDocument } },
    },
  },
})

// ── DCAT ─────────────────────────────────────────────────────────────────────

async function dcatCatalog(db: Db, base: string) {
  const { count, issued, modified } = await catalogueDates(db)
  const distribution = (format: string, mediaType: string, title: string) => ({
    '@id': `${base}/api/exports/experiments.${format}`,
    '@type': 'dcat:Distribution',
    'dct:title': title,
    'dcat:accessURL': { '@id': `${base}/api/exports/experiments.${format}` },
    'dcat:downloadURL': { '@id': `${base}/api/exports/experiments.${format}` },
    'dcat:mediaType': mediaType,
    'dct:format': format.toUpperCase(),
    'dct:license': { '@id': LICENCE.url },
    ...(format === 'csv'
      ? { 'dct:conformsTo': { '@id': `${base}${SCHEMA_PATH}/experiment.tableschema.json` } }
      : { 'dct:conformsTo': { '@id': `${base}${SCHEMA_PATH}/experiment.schema.json` } }),
  })
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/api/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': 'Observatoire des expérimentations numériques locales',
    'dct:description':
      'Catalogue des jeux de données de l’Observatoire des expérimentations numériques locales.',
    'dct:language': 'fr',
    'foaf:homepage': { '@id': `${base}/` },
    'dct:license': { '@id': LICENCE.url },
    'dcat:dataset': [
      {
        '@id': `${base}/api/catalog.jsonld#experiments`,
        '@type': 'dcat:Dataset',
        'dct:identifier': 'experimentations-numeriques-locales',
        'dct:title': 'Expérimentations numériques des collectivités',
        'dct:description': `Fiches publiées des expérimentations numériques locales (${count} fiches) : porteur, territoires, thématiques, étape, moyens, résultats et enseignements. Données mises à jour en continu.`,
        'dcat:keyword': [
          'collectivités',
          'numérique',
          'inclusion numérique',
          'innovation publique',
          'expérimentation',
        ],
        'dct:language': 'fr',
        'dct:license': { '@id': LICENCE.url },
        'dct:rights': LICENCE.title,
        'dct:accrualPeriodicity': { '@id': 'http://purl.org/cld/freq/continuous' },
        'dct:spatial': { '@id': 'http://publications.europa.eu/resource/authority/country/FRA' },
        ...(issued ? { 'dct:issued': { '@value': issued, '@type': 'xsd:dateTime' } } : {}),
        ...(modified ? { 'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' } } : {}),
        'dcat:landingPage': { '@id': `${base}/` },
        'dcat:contactPoint': {
          '@type': 'vcard:Organization',
          'vcard:fn': 'Observatoire des expérimentations numériques locales',
          'vcard:hasURL': { '@id': `${base}/api/docs` },
        },
        'dct:conformsTo': { '@id': `${base}${SCHEMA_PATH}/experiment.tableschema.json` },
        'dcat:distribution': [
          distribution('csv', 'text/csv', 'Export CSV'),
          distribution('json', 'application/json', 'Export JSON'),
          distribution('ndjson', 'application/x-ndjson', 'Export NDJSON'),
          distribution('geojson', 'application/geo+json', 'Export GeoJSON'),
        ],
      },
    ],
  }
}

// ── Router ───────────────────────────────────────────────────────────────────

const router = createRouter()
for (const route of [
  csvRoute,
  jsonRoute,
  ndjsonRoute,
  geojsonRoute,
  jsonSchemaRoute,
  tableSchemaRoute,
  catalogRoute,
]) {
  router.openAPIRegistry.registerPath(route)
}

export const exportsApi = router
  .get(csvRoute.path, (c) =>
    streamed(c, 'text/csv; charset=utf-8; header=present', 'csv', {
      head: csvLine(EXPORT_COLUMNS.map((col) => col.name)),
      tail: '',
      page: (records) =>
        records.map((e) => csvLine(EXPORT_COLUMNS.map((col) => cellOf(e, col)))).join(''),
    })
  )
  .get(jsonRoute.path, (c) =>
    streamed(c, 'application/json; charset=utf-8', 'json', {
      head: '[\n',
      tail: '\n]\n',
      page: (records, first) =>
        records.map((e, i) => (first && i === 0 ? '' : ',\n') + JSON.stringify(e)).join(''),
    })
  )
  .get(ndjsonRoute.path, (c) =>
    streamed(c, 'application/x-ndjson; charset=utf-8', 'ndjson', {
      head: '',
      tail: '',
      page: (records) => records.map((e) => JSON.stringify(e) + '\n').join(''),
    })
  )
  .get(geojsonRoute.path, (c) =>
    streamed(c, 'application/geo+json; charset=utf-8', 'geojson', {
      head: '{"type":"FeatureCollection","features":[\n',
      tail: '\n]}\n',
      page: (records, first) => geojsonPage(c.var.db, records, first),
    })
  )
  .get(jsonSchemaRoute.path, (c) =>
    c.json(experimentJsonSchema(publicBase(c)), 200, {
      'content-type': 'application/schema+json; charset=utf-8',
      'cache-control': 'public, max-age=3600',
      'access-control-allow-origin': '*',
    })
  )
  .get(tableSchemaRoute.path, (c) =>
    c.json(experimentTableSchema(publicBase(c)), 200, {
      'cache-control': 'public, max-age=3600',
      'access-control-allow-origin': '*',
    })
  )
  .get(catalogRoute.path, async (c) =>
    c.json(await dcatCatalog(c.var.db, publicBase(c)), 200, {
      'content-type': 'application/ld+json; charset=utf-8',
      'cache-control': PUBLIC_CACHE,
      'access-control-allow-origin': '*',
    })
  )
