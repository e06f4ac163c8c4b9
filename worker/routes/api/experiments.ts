/** Public catalogue API: submit an experiment, list and read published ones. */
import { createRoute, z } from '@hono/zod-openapi'
import { Experiment, ExperimentId, ExperimentInput } from '../../domain/experiment'
import {
  getPublishedExperiment,
  listPublishedExperiments,
  toExperiment,
} from '../../db/experiments'
import { findMergeTarget } from '../../db/moderation'
import { jsonBody } from '../../http/body'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { submitExperiment } from '../../services/catalogue'
import { spendRateLimit, tooManyRequests } from '../../http/rate-limit'
import {
  CatalogueFilterQuery,
  decodeCursor,
  encodeCursor,
  PageQuery,
  resolveEvidence,
} from './params'
import { problems } from './responses'

const SubmissionResponse = z
  .object({
    id: ExperimentId,
    slug: z.string(),
    status: z.literal('pending'),
    editToken: z.string().openapi({
      description: 'Jeton privé de modification, affiché une seule fois : conservez-le.',
    }),
  })
  .openapi('Submission')

const submit = createRoute({
  method: 'post',
  path: '/experiments',
  tags: ['Expériences'],
  summary: 'Proposer une expérience (sans compte)',
  description:
    'La fiche est enregistrée en attente de modération. La réponse contient un jeton privé de modification, montré une seule fois.',
  middleware: jsonBody(),
  request: {
    body: { required: true, content: { 'application/json': { schema: ExperimentInput } } },
  },
  responses: {
    201: {
      description: 'Fiche reçue, en attente de modération',
      content: { 'application/json': { schema: SubmissionResponse } },
    },
    400: problems[400],
    413: problems[413],
    415: problems[415],
    429: problems[429],
  },
})

const ExperimentPage = z
  .object({
    items: z.array(Experiment),
    nextCursor: z.string().nullable().openapi({
      description: 'À passer en `cursor` pour la page suivante ; null en fin de liste',
    }),
  })
  .openapi('ExperimentPage')

const list = createRoute({
  method: 'get',
  path: '/experiments',
  tags: ['Expériences'],
  summary: 'Lister les expériences publiées',
  description:
    'Les plus récemment publiées d’abord ; pagination par curseur, stable même si des fiches sont publiées entre deux pages.',
  request: { query: CatalogueFilterQuery.extend(PageQuery.shape) },
  responses: {
    200: {
      description: 'Une page d’expériences',
      content: { 'application/json': { schema: ExperimentPage } },
    },
    400: problems[400],
  },
})

const read = createRoute({
  method: 'get',
  path: '/experiments/{id}',
  tags: ['Expériences'],
  summary: 'Lire une expérience publiée',
  request: {
    params: z.object({
      id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
    }),
  },
  responses: {
    200: {
      description: 'La fiche publiée',
      content: { 'application/json': { schema: Experiment } },
    },
    308: { description: 'Doublon fusionné dans une autre fiche : suivre `Location`' },
    404: problems[404],
  },
})

export const experimentsApi = createRouter()
  .openapi(submit, async (c) => {
    // Validated: only now does the request spend the submission budget (an invalid body
    // spent only the higher `attempt` ceiling, in the middleware).
    const wait = await spendRateLimit(c, 'submit')
    if (wait > 0) throw tooManyRequests(wait)
    const submission = await submitExperiment(c.var.db, c.req.valid('json'))
    return c.json({ ...submission, status: 'pending' as const }, 201, {
      'cache-control': 'no-store',
    })
  })
  .openapi(list, async (c) => {
    const { cursor, limit, ...filters } = c.req.valid('query')
    const after = decodeCursor(cursor, 2)
    const rows = await listPublishedExperiments(
      c.var.db,
      resolveEvidence(filters),
      after ? { publishedAt: after[0]!, id: after[1]! } : null,
      limit + 1
    )
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return c.json(
      {
        items: page.map(toExperiment),
        nextCursor:
          rows.length > limit && last ? encodeCursor([last.published_at ?? '', last.id]) : null,
      },
      200
    )
  })
  .openapi(read, async (c) => {
    const { id } = c.req.valid('param')
    const row = await getPublishedExperiment(c.var.db, id)
    if (!row) {
      // A merged duplicate keeps working links: permanent redirect to the record that stays.
      const target = await findMergeTarget(c.var.db, id)
      if (target) return c.redirect(`/api/experiments/${target.id}`, 308)
      throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
    }
    return c.json(toExperiment(row), 200)
  })
