/**
 * Reports API: anyone reports a published experiment. Moderators list and close reports
 * through routes/api/moderation/reports.ts.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { REPORT_REASONS } from '../../db/reports'
import { getPublishedExperiment } from '../../db/experiments'
import { cleanText } from '../../domain/text'
import { jsonBody } from '../../http/body'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { fileReport, REPORT_MESSAGE_MAX } from '../../services/moderation/reports'
import { problems } from './responses'

export const ReportInput = z
  .object({
    reason: z.enum(REPORT_REASONS).openapi({
      description:
        'outdated : plus à jour ; wrong : erroné ; duplicate : doublon ; inappropriate : inapproprié',
    }),
    message: cleanText(REPORT_MESSAGE_MAX).default(''),
  })
  .strict()
  .openapi('ReportInput')

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

export const reportsApi = createRouter().openapi(file, async (c) => {
  const row = await getPublishedExperiment(c.var.db, c.req.valid('param').id)
  if (!row) throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
  const { reason, message } = c.req.valid('json')
  const id = await fileReport(c.var.db, row.id, reason, message)
  return c.json({ id }, 201, { 'cache-control': 'no-store' })
})
