/** Public actors API: submit a structure or place (no account), list and read published ones. */
import { createRoute, z } from '@hono/zod-openapi'
import { Actor, ActorId, ActorInput } from '../../domain/actor'
import { getPublishedActor, listPublishedActors, toActor } from '../../db/actors'
import { jsonBody } from '../../http/body'
import { ProblemError } from '../../http/problem'
import { spendRateLimit, tooManyRequests } from '../../http/rate-limit'
import { createRouter } from '../../http/router'
import { submitActor } from '../../services/actors'
import { ActorFilterQuery, decodeCursor, encodeCursor, PageQuery } from './params'
import { problems } from './responses'

const ActorSubmissionResponse = z
  .object({
    id: ActorId,
    slug: z.string(),
    status: z.literal('pending'),
    editToken: z.string().openapi({
      description: 'Jeton privé de modification, affiché une seule fois : conservez-le.',
    }),
  })
  .openapi('ActorSubmission')

const submit = createRoute({
  method: 'post',
  path: '/actors',
  tags: ['Acteurs'],
  summary: 'Entrer dans le réseau (sans compte)',
  description:
    'Une structure ou un lieu : un nom, un type, un territoire et un seul besoin suffisent. La fiche attend la modération ; la réponse contient un jeton privé de modification, montré une seule fois.',
  middleware: jsonBody(),
  request: {
    body: { required: true, content: { 'application/json': { schema: ActorInput } } },
  },
  responses: {
    201: {
      description: 'Fiche reçue, en attente de modération',
      content: { 'application/json': { schema: ActorSubmissionResponse } },
    },
    400: problems[400],
    413: problems[413],
    415: problems[415],
    429: problems[429],
  },
})

const ActorPage = z
  .object({
    items: z.array(Actor),
    nextCursor: z.string().nullable().openapi({
      description: 'À passer en `cursor` pour la page suivante ; null en fin de liste',
    }),
  })
  .openapi('ActorPage')

const list = createRoute({
  method: 'get',
  path: '/actors',
  tags: ['Acteurs'],
  summary: 'Lister les acteurs publiés',
  description: 'Les plus récemment publiés d’abord ; pagination par curseur.',
  request: { query: ActorFilterQuery.extend(PageQuery.shape) },
  responses: {
    200: {
      description: 'Une page d’acteurs',
      content: { 'application/json': { schema: ActorPage } },
    },
    400: problems[400],
  },
})

const read = createRoute({
  method: 'get',
  path: '/actors/{id}',
  tags: ['Acteurs'],
  summary: 'Lire un acteur publié',
  request: {
    params: z.object({
      id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
    }),
  },
  responses: {
    200: { description: 'La fiche publiée', content: { 'application/json': { schema: Actor } } },
    404: problems[404],
  },
})

export const actorsApi = createRouter()
  .openapi(submit, async (c) => {
    // Validated: only now does the request spend the submission budget.
    const wait = await spendRateLimit(c, 'submit')
    if (wait > 0) throw tooManyRequests(wait)
    const submission = await submitActor(c.var.db, c.req.valid('json'))
    return c.json({ ...submission, status: 'pending' as const }, 201, {
      'cache-control': 'no-store',
    })
  })
  .openapi(list, async (c) => {
    const { cursor, limit, ...filters } = c.req.valid('query')
    const after = decodeCursor(cursor, 2)
    const rows = await listPublishedActors(
      c.var.db,
      filters,
      after ? { publishedAt: after[0]!, id: after[1]! } : null,
      limit + 1
    )
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return c.json(
      {
        items: page.map(toActor),
        nextCursor:
          rows.length > limit && last ? encodeCursor([last.published_at ?? '', last.id]) : null,
      },
      200
    )
  })
  .openapi(read, async (c) => {
    const row = await getPublishedActor(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucun acteur publié ne correspond.')
    return c.json(toActor(row), 200)
  })
