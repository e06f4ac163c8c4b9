/** Public events API: submit an event (no account), list the agenda and read a published one. */
import { createRoute, z } from '@hono/zod-openapi'
import { Event, EventId, EventInput } from '../../domain/event'
import { getPublishedEvent, toEvent } from '../../db/events'
import { jsonBody } from '../../http/body'
import { ProblemError } from '../../http/problem'
import { spendRateLimit, tooManyRequests } from '../../http/rate-limit'
import { createRouter } from '../../http/router'
import { agendaPage, withTextMatches } from '../../services/agenda'
import { submitEvent } from '../../services/events'
import { decodeCursor, encodeCursor, EventFilterQuery, PageQuery } from './params'
import { problems } from './responses'

const EventSubmissionResponse = z
  .object({
    id: EventId,
    slug: z.string(),
    status: z.literal('pending'),
    editToken: z.string().openapi({
      description:
        'Jeton privé de modification (et, après l’événement, de restitution), affiché une seule fois : conservez-le.',
    }),
  })
  .openapi('EventSubmission')

const submit = createRoute({
  method: 'post',
  path: '/events',
  tags: ['Événements'],
  summary: 'Annoncer un événement (sans compte)',
  description:
    'Débat citoyen, atelier, forum… Les heures sont celles du lieu (fuseau de sa commune, outre-mer compris). Un événement passé peut être documenté. La fiche attend la modération ; la réponse contient un jeton privé, montré une seule fois.',
  middleware: jsonBody(),
  request: {
    body: { required: true, content: { 'application/json': { schema: EventInput } } },
  },
  responses: {
    201: {
      description: 'Événement reçu, en attente de modération',
      content: { 'application/json': { schema: EventSubmissionResponse } },
    },
    400: problems[400],
    413: problems[413],
    415: problems[415],
    429: problems[429],
  },
})

const EventPage = z
  .object({
    items: z.array(Event),
    total: z
      .number()
      .int()
      .openapi({ description: 'Événements correspondants, toutes pages comprises' }),
    nextCursor: z.string().nullable().openapi({
      description: 'À passer en `cursor` pour la page suivante ; null en fin de liste',
    }),
  })
  .openapi('EventPage')

const list = createRoute({
  method: 'get',
  path: '/events',
  tags: ['Événements'],
  summary: 'L’agenda : lister les événements publiés',
  description:
    'À venir (par défaut, les plus proches d’abord), passés (`when=past`, les plus récents d’abord) ou tous (`when=all`, par date de début) ; filtres par thématique, territoire (lieu ou territoire concerné : commune, EPCI, département, région), type, dates locales, participation, gratuité ; pagination par curseur. Mêmes paramètres que les flux (iCalendar, Atom) et les exports.',
  request: { query: EventFilterQuery.extend(PageQuery.shape) },
  responses: {
    200: {
      description: 'Une page d’événements',
      content: { 'application/json': { schema: EventPage } },
    },
    400: problems[400],
  },
})

const read = createRoute({
  method: 'get',
  path: '/events/{id}',
  tags: ['Événements'],
  summary: 'Lire un événement publié',
  request: {
    params: z.object({
      id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
    }),
  },
  responses: {
    200: { description: 'La fiche publiée', content: { 'application/json': { schema: Event } } },
    404: problems[404],
  },
})

export const eventsApi = createRouter()
  .openapi(submit, async (c) => {
    // Validated: only now does the request spend the submission budget.
    const wait = await spendRateLimit(c, 'submit')
    if (wait > 0) throw tooManyRequests(wait)
    const submission = await submitEvent(c.var.db, c.req.valid('json'))
    return c.json({ ...submission, status: 'pending' as const }, 201, {
      'cache-control': 'no-store',
    })
  })
  .openapi(list, async (c) => {
    const { cursor, limit, when, ...query } = c.req.valid('query')
    const after = decodeCursor(cursor, 2)
    const { filters } = await withTextMatches(c.env, { ...query, when: when ?? 'upcoming' })
    const page = await agendaPage(
      c.var.db,
      filters,
      new Date(),
      after ? { startsAtUtc: after[0]!, id: after[1]! } : null,
      limit
    )
    return c.json(
      {
        items: page.events,
        total: page.total,
        nextCursor: page.next ? encodeCursor([page.next.startsAtUtc, page.next.id]) : null,
      },
      200
    )
  })
  .openapi(read, async (c) => {
    const row = await getPublishedEvent(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucun événement publié ne correspond.')
    return c.json(toEvent(row), 200)
  })
