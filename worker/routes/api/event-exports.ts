/**
 * Open data and feeds of the agenda, with the same filters as `GET /api/events`: CSV
 * (documented by its Table Schema), JSON, GeoJSON (the place's commune), iCalendar (RFC
 * 5545) and Atom. Exports stream every matching event (all periods unless `when` says);
 * feeds follow what is coming (`when=past` for the latest past ones). The calendar is also
 * served at `/evenements.ics` and `/territoires/{code}/evenements.ics`, the addresses people
 * subscribe to (worker/routes/pages/agenda.tsx).
 *
 * Plain Hono routes registered in the OpenAPI document by hand: their bodies are streams,
 * XML or iCalendar text that typed `openapi()` handlers cannot express.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AgendaFilters } from '../../domain/agenda'
import { Event } from '../../domain/event'
import type { AppEnv } from '../../env'
import { createRouter } from '../../http/router'
import { publicBase } from '../../http/public-base'
import { atomFeed, eventEntry } from '../../open-data/atom'
import {
  EVENT_CSV_COLUMNS,
  EVENT_TABLE_SCHEMA_PATH,
  eventCsvFile,
  eventTableSchema,
} from '../../open-data/events'
import { exportFileName, jsonFile, type StreamShape } from '../../open-data/files'
import { geojsonShape } from '../../open-data/geojson'
import { eventCalendar } from '../../open-data/icalendar'
import { agendaCalendar, latestEvents, withTextMatches } from '../../services/agenda'
import { eventStream } from '../../services/exports'
import { MESSAGES } from '../../../web/i18n'
import { agendaHref, agendaTitle, AGENDA_PATHS } from '../../../web/agenda-query'
import { agendaFilters } from './catalogue-query'
import { EventFilterQuery } from './params'
import { fileResponse, fileRoute, OPEN_DATA_TAG } from './open-data-routes'

/** Entries of the Atom feed: readers poll for what is new or coming. */
const FEED_SIZE = 50

/** An event's point is its place's commune (or its territory when online). */
const eventGeojsonFile = geojsonShape<Event>((e) => e.place?.commune ?? e.territory ?? null)

/** The query's filters with its text (`q`) answered by the search engines. */
export async function textMatched(c: Context<AppEnv>, filters: AgendaFilters) {
  return (await withTextMatches(c.env, filters)).filters
}

async function streamed(
  c: Context<AppEnv>,
  contentType: string,
  ext: string,
  shape: StreamShape<Event>
): Promise<Response> {
  const filters = await textMatched(c, agendaFilters(c, 'all'))
  return fileResponse(
    eventStream(c.var.db, filters, new Date(), shape),
    contentType,
    exportFileName(ext, 'evenements')
  )
}

/**
 * The calendar of an agenda query, named after what it holds: the upcoming events (or the
 * latest past ones) and the withdrawn ones a subscriber must cancel.
 */
export async function calendarResponse(
  c: Context<AppEnv>,
  filters: AgendaFilters,
  download: boolean
): Promise<Response> {
  const base = publicBase(c)
  const { events, withdrawn, names } = await agendaCalendar(c.var.db, filters, new Date())
  const text = eventCalendar({
    name: agendaTitle(MESSAGES.fr, names, filters),
    alternate: `${base}${agendaHref(AGENDA_PATHS.page, filters)}`,
    base,
    events,
    withdrawn,
  })
  return fileResponse(
    text,
    'text/calendar; charset=utf-8',
    download ? exportFileName('ics', 'evenements') : undefined
  )
}

// ── Route definitions (documentation) ────────────────────────────────────────

const exportRoute = (path: string, summary: string, contentType: string, schema: z.ZodType) =>
  fileRoute({
    path,
    summary,
    description:
      'Tous les événements publiés correspondant aux filtres (mêmes paramètres que `GET /api/events` ; sans `when`, passés et à venir), en flux continu, par date de début. Licence Ouverte 2.0. Les coordonnées privées ne figurent jamais dans les exports.',
    query: EventFilterQuery,
    contentType,
    schema,
  })

const csvRoute = exportRoute(
  '/exports/events.csv',
  'Exporter les événements en CSV',
  'text/csv',
  z.string().openapi({
    description: `UTF-8, séparateur virgule, valeurs multiples séparées par « ; », listes de textes en tableau JSON, dates ISO 8601 ; colonnes documentées par le Table Schema (${EVENT_TABLE_SCHEMA_PATH}).`,
    example: `${EVENT_CSV_COLUMNS.map((col) => col.name).join(',')}\r\n`,
  })
)
const jsonRoute = exportRoute(
  '/exports/events.json',
  'Exporter les événements en JSON (forme de l’API)',
  'application/json',
  z.array(Event)
)
const geojsonRoute = exportRoute(
  '/exports/events.geojson',
  'Exporter les événements en GeoJSON (centroïde de la commune du lieu)',
  'application/geo+json',
  z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
)

const calendarDescription =
  'iCalendar (RFC 5545) : heures locales du lieu avec leur fuseau (VTIMEZONE, outre-mer compris), UID stable par événement, SEQUENCE = révision, URL de sa page ; un événement retiré après publication y reste annulé (STATUS:CANCELLED) tant qu’il n’est pas passé. Mêmes filtres que `GET /api/events` (par défaut : à venir). Aussi à `/evenements.ics?…` et `/territoires/{code}/evenements.ics`, les adresses à donner à un agenda.'
const calendarRoute = (path: string, summary: string) =>
  fileRoute({
    path,
    summary,
    description: calendarDescription,
    query: EventFilterQuery,
    contentType: 'text/calendar',
    schema: z.string(),
  })
const icsExportRoute = calendarRoute(
  '/exports/events.ics',
  'Exporter les événements en iCalendar (fichier à importer)'
)
const icsFeedRoute = calendarRoute(
  '/feeds/events.ics',
  'Calendrier des événements (iCalendar, à quoi s’abonner)'
)

const atomRoute = fileRoute({
  path: '/feeds/events.atom',
  summary: `Flux Atom des événements (${FEED_SIZE} au plus)`,
  description:
    'Les événements à venir (les plus proches d’abord ; `when=past` : les derniers passés) correspondant aux filtres, mêmes paramètres que `GET /api/events`.',
  query: EventFilterQuery,
  contentType: 'application/atom+xml',
  schema: z.string(),
})

const tableSchemaRoute = createRoute({
  method: 'get',
  path: '/schemas/v1/event.tableschema.json',
  tags: [OPEN_DATA_TAG],
  summary: 'Table Schema (frictionless) de l’export CSV des événements',
  responses: {
    200: {
      description: 'Table Schema',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
  },
})

// ── Router ───────────────────────────────────────────────────────────────────

const router = createRouter()
for (const route of [
  csvRoute,
  jsonRoute,
  geojsonRoute,
  icsExportRoute,
  icsFeedRoute,
  atomRoute,
  tableSchemaRoute,
])
  router.openAPIRegistry.registerPath(route)

export const eventExportsApi = router
  .get(csvRoute.path, (c) =>
    streamed(c, 'text/csv; charset=utf-8; header=present', 'csv', eventCsvFile)
  )
  .get(jsonRoute.path, (c) => streamed(c, 'application/json; charset=utf-8', 'json', jsonFile))
  .get(geojsonRoute.path, (c) =>
    streamed(c, 'application/geo+json; charset=utf-8', 'geojson', eventGeojsonFile)
  )
  .get(icsExportRoute.path, async (c) =>
    calendarResponse(c, await textMatched(c, agendaFilters(c, 'all')), true)
  )
  .get(icsFeedRoute.path, async (c) =>
    calendarResponse(c, await textMatched(c, agendaFilters(c, 'upcoming')), false)
  )
  .get(atomRoute.path, async (c) => {
    const filters = await textMatched(c, agendaFilters(c, 'upcoming'))
    const base = publicBase(c)
    const { events, names } = await latestEvents(c.var.db, filters, new Date(), FEED_SIZE)
    const xml = atomFeed({
      self: `${base}/api${agendaHref(atomRoute.path, filters)}`,
      alternate: `${base}${agendaHref(AGENDA_PATHS.page, filters)}`,
      title: agendaTitle(MESSAGES.fr, names, filters),
      base,
      entries: events.map(eventEntry),
    })
    return fileResponse(xml, 'application/atom+xml; charset=utf-8')
  })
  .get(tableSchemaRoute.path, (c) =>
    c.json(eventTableSchema(publicBase(c)), 200, {
      'cache-control': 'public, max-age=3600',
      'access-control-allow-origin': '*',
    })
  )
