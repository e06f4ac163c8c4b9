/** Public events API: submit an event (no account) and read a published one. */
import { createRoute, z } from '@hono/zod-openapi'
import { Event, EventId, EventInput } from '../../domain/event'
import { getPublishedEvent, toEvent } from '../../db/events'
import { jsonBody } from '../../http/body'
import { ProblemError } from '../../http/problem'
import { spendRateLimit, tooManyRequests } from '../../http/rate-limit'
import { createRouter } from '../../http/router'
import { submitEvent } from '../../services/events'
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
  .openapi(read, async (c) => {
    const row = await getPublishedEvent(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucun événement publié ne correspond.')
    return c.json(toEvent(row), 200)
  })
