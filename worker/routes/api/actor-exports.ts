/**
 * Open data of the network's actors: CSV (conventions of the national mediation-places
 * standard), JSON and GeoJSON (point: the centroid of the actor's first territory), and
 * the Atom feed of the latest published, with the same filters as `GET /api/actors`. Streamed like the experiments' exports, so they
 * are plain Hono routes registered in the OpenAPI document by hand.
 */
import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { Actor } from '../../domain/actor'
import type { AppEnv } from '../../env'
import { createRouter } from '../../http/router'
import { listPublishedActors, toActor } from '../../db/actors'
import { publicBase } from '../../http/public-base'
import { ACTOR_CSV_COLUMNS, actorCsvFile, publicActor } from '../../open-data/actors'
import { actorEntry, atomFeed } from '../../open-data/atom'
import { exportFileName, jsonFile, type StreamShape } from '../../open-data/files'
import { geojsonFile } from '../../open-data/geojson'
import { actorStream } from '../../services/exports'
import { actorFilters } from './catalogue-query'
import { ActorFilterQuery } from './params'
import { fileResponse, fileRoute } from './open-data-routes'

function streamed(
  c: Context<AppEnv>,
  contentType: string,
  ext: string,
  shape: StreamShape<Actor>
): Response {
  return fileResponse(
    actorStream(c.var.db, actorFilters(c), shape),
    contentType,
    exportFileName(ext, 'acteurs-du-reseau')
  )
}

const route = (path: string, summary: string, contentType: string, schema: z.ZodType) =>
  fileRoute({
    path,
    summary,
    description:
      'Tous les acteurs publiés correspondant aux filtres (mêmes paramètres que la liste), en flux continu. Licence Ouverte 2.0. Les coordonnées privées ne figurent jamais dans les exports.',
    query: ActorFilterQuery,
    contentType,
    schema,
  })

const csvRoute = route(
  '/exports/actors.csv',
  'Exporter les acteurs en CSV (conventions du standard des lieux de médiation numérique)',
  'text/csv',
  z.string().openapi({
    description:
      'UTF-8, séparateur virgule, valeurs multiples séparées par « ; », dates ISO 8601 ; colonnes du standard national (nom, pivot, code_insee, typologie, services…) puis celles du réseau.',
    example: `${ACTOR_CSV_COLUMNS.map(([name]) => name).join(',')}\r\n`,
  })
)
const jsonRoute = route(
  '/exports/actors.json',
  'Exporter les acteurs en JSON (forme de l’API)',
  'application/json',
  z.array(Actor)
)
const geojsonRoute = route(
  '/exports/actors.geojson',
  'Exporter les acteurs en GeoJSON (centroïde de leur premier territoire)',
  'application/geo+json',
  z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
)

const feedRoute = fileRoute({
  path: '/feeds/actors.atom',
  summary: 'Flux Atom des acteurs récemment publiés (50 au plus)',
  query: ActorFilterQuery,
  contentType: 'application/atom+xml',
  schema: z.string(),
})

const FEED_SIZE = 50

const router = createRouter()
for (const r of [csvRoute, jsonRoute, geojsonRoute, feedRoute])
  router.openAPIRegistry.registerPath(r)

export const actorExportsApi = router
  .get(csvRoute.path, (c) =>
    streamed(c, 'text/csv; charset=utf-8; header=present', 'csv', actorCsvFile)
  )
  .get(jsonRoute.path, (c) => streamed(c, 'application/json; charset=utf-8', 'json', jsonFile))
  .get(geojsonRoute.path, (c) =>
    streamed(c, 'application/geo+json; charset=utf-8', 'geojson', geojsonFile)
  )
  .get(feedRoute.path, async (c) => {
    const rows = await listPublishedActors(c.var.db, actorFilters(c), null, FEED_SIZE)
    const base = publicBase(c)
    const query = new URL(c.req.url).search
    const xml = atomFeed({
      self: `${base}/api${feedRoute.path}${query}`,
      alternate: `${base}/acteurs${query}`,
      title: 'Acteurs du réseau',
      base,
      entries: rows.map(toActor).map(publicActor).map(actorEntry),
    })
    return fileResponse(xml, 'application/atom+xml; charset=utf-8')
  })
