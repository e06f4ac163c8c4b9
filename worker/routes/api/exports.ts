/**
 * Open-data routes: exports of the published catalogue (CSV, JSON, NDJSON, GeoJSON), the
 * schemas that describe them (JSON Schema, Table Schema) and the DCAT catalogue entry.
 * The formats are written by worker/open-data/; the stream that pages D1 as the client
 * reads is services/exports.ts. Exports take the same filters as the list.
 *
 * These are plain Hono routes registered in the OpenAPI document by hand, because their
 * bodies are streams that the typed `openapi()` handlers cannot express.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { Experiment } from '../../domain/experiment'
import { catalogueDates } from '../../db/open-data'
import type { AppEnv } from '../../env'
import { dcatCatalog } from '../../open-data/dcat'
import {
  csvFile,
  exportFileName,
  jsonFile,
  ndjsonFile,
  type StreamShape,
} from '../../open-data/files'
import { GeoFeatureCollection, geojsonFile } from '../../open-data/geojson'
import { EXPORT_COLUMNS, experimentJsonSchema, experimentTableSchema } from '../../open-data/schema'
import { catalogueStream } from '../../services/exports'
import { createRouter } from '../../http/router'
import { publicBase } from '../../http/public-base'
import { catalogueFilters } from './catalogue-query'
import { CatalogueFilterQuery } from './params'
import { fileResponse, fileRoute, OPEN_DATA_TAG, PUBLIC_CACHE } from './open-data-routes'

const TAG = OPEN_DATA_TAG

function streamed(
  c: Context<AppEnv>,
  contentType: string,
  ext: string,
  shape: StreamShape
): Response {
  return fileResponse(
    catalogueStream(c.var.db, catalogueFilters(c), shape),
    contentType,
    exportFileName(ext)
  )
}

// ── Route definitions (documentation) ────────────────────────────────────────

const exportRoute = (path: string, summary: string, contentType: string, schema: z.ZodType) =>
  fileRoute({
    path,
    summary,
    description:
      'Toutes les fiches publiées correspondant aux filtres (mêmes paramètres que la liste), en flux continu, sans pagination. Licence Ouverte 2.0. Les coordonnées privées ne figurent jamais dans les exports.',
    query: CatalogueFilterQuery,
    contentType,
    schema,
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
  .get(csvRoute.path, (c) => streamed(c, 'text/csv; charset=utf-8; header=present', 'csv', csvFile))
  .get(jsonRoute.path, (c) => streamed(c, 'application/json; charset=utf-8', 'json', jsonFile))
  .get(ndjsonRoute.path, (c) =>
    streamed(c, 'application/x-ndjson; charset=utf-8', 'ndjson', ndjsonFile)
  )
  .get(geojsonRoute.path, (c) =>
    streamed(c, 'application/geo+json; charset=utf-8', 'geojson', geojsonFile)
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
    c.json(
      dcatCatalog(
        publicBase(c),
        await catalogueDates(c.var.db),
        await catalogueDates(c.var.db, 'events')
      ),
      200,
      {
        'content-type': 'application/ld+json; charset=utf-8',
        'cache-control': PUBLIC_CACHE,
        'access-control-allow-origin': '*',
      }
    )
  )
