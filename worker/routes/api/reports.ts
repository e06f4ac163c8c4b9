/**
 * Reports API: anyone reports a published experiment; moderators list the open reports
 * and close them.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ExperimentId } from '../../domain/experiment'
import { listOpenReports, REPORT_REASONS } from '../../db/reports'
import { getPublishedExperiment } from '../../db/experiments'
import { jsonBody } from '../../http/body'
import { requireModerator } from '../../http/moderator-auth'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { closeReportAs, fileReport, REPORT_MESSAGE_MAX } from '../../services/reports'
import { bearerAuth, problems } from './responses'

export const ReportInput = z
  .object({
    reason: z.enum(REPORT_REASONS).openapi({
      description:
        'outdated : plus à jour ; wrong : erroné ; duplicate : doublon ; inappropriate : inapproprié',
    }),
    message: z
      .string()
      .trim()
      .max(REPORT_MESSAGE_MAX, `${REPORT_MESSAGE_MAX} caractères au maximum.`)
      .default(''),
  })
  .strict()
  .openapi('ReportInput')

const Report = z
  .object({
    id: z.string(),
    experimentId: ExperimentId,
    experimentSlug: z.string(),
    experimentTitle: z.string(),
    reason: z.enum(REPORT_REASONS),
    message: z.string(),
    createdAt: z.string(),
  })
  .openapi('Report')

const file = createRoute({
  method: 'post',
  path: '/experiments/{id}/reports',
  tags: ['Expériences'],
  summary: 'Signaler une expérience publiée',
  description: 'Le signalement rejoint la file de modération. Limité en débit par adresse IP.',
  middleware: jsonBody(8 * 1024),
  request: {
    params: z.object({
      id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
    }),
    body: { required: true, content: { 'application/json': { schema: ReportInput } } },
  },
  responses: {
    201: {
      description: 'Signalement reçu',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
    400: problems[400],
    404: problems[404],
    413: problems[413],
    415: problems[415],
  },
})

const guarded = { 401: problems[401], 403: problems[403] }

const list = createRoute({
  method: 'get',
  path: '/moderation/reports',
  tags: ['Modération'],
  summary: 'Signalements ouverts',
  security: bearerAuth,
  middleware: [requireModerator],
  responses: {
    200: {
      description: 'Les plus anciens d’abord',
      content: { 'application/json': { schema: z.object({ items: z.array(Report) }) } },
    },
    ...guarded,
  },
})

const close = createRoute({
  method: 'post',
  path: '/moderation/reports/{id}/close',
  tags: ['Modération'],
  summary: 'Clore un signalement',
  security: bearerAuth,
  middleware: [requireModerator, ...jsonBody(8 * 1024)],
  request: {
    params: z.object({
      id: ExperimentId.openapi({ description: 'Identifiant du signalement (ULID)' }),
    }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ resolution: z.string().trim().max(2000).optional() }).strict(),
        },
      },
    },
  },
  responses: {
    204: { description: 'Clos' },
    400: problems[400],
    ...guarded,
    404: problems[404],
    409: problems[409],
    413: problems[413],
    415: problems[415],
  },
})

export const reportsApi = createRouter()
  .openapi(file, async (c) => {
    const row = await getPublishedExperiment(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
    const { reason, message } = c.req.valid('json')
    const id = await fileReport(c.var.db, row.id, reason, message)
    return c.json({ id }, 201, { 'cache-control': 'no-store' })
  })
  .openapi(list, async (c) => {
    const items = (await listOpenReports(c.var.db)).map((r) => ({
      id: r.id,
      experimentId: r.experiment_id,
      experimentSlug: r.experiment_slug,
      experimentTitle: r.experiment_title,
      reason: r.reason,
      message: r.message,
      createdAt: r.created_at,
    }))
    return c.json({ items }, 200, { 'cache-control': 'no-store' })
  })
  .openapi(close, async (c) => {
    const { resolution } = c.req.valid('json')
    await closeReportAs(c.var.db, c.req.valid('param').id, c.var.moderator, resolution || null)
    return c.body(null, 204)
  })
