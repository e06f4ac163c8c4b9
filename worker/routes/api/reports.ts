/**
 * Reports API: anyone reports a published experiment or event. Moderators list and close reports
 * through routes/api/moderation/reports.ts.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { REPORT_REASONS } from '../../db/reports'
import { getPublishedEvent } from '../../db/events'
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

/** `POST /{segment}/{id}/reports` on a published record of `kind`. */
function fileRoute(segment: string, tag: string, summary: string) {
  return createRoute({
    method: 'post',
    path: `/${segment}/{id}/reports`,
    tags: [tag],
    summary,
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
}

export const reportsApi = createRouter()
  .openapi(
    fileRoute('experiments', 'Expériences', 'Signaler une expérience publiée'),
    async (c) => {
      const row = await getPublishedExperiment(c.var.db, c.req.valid('param').id)
      if (!row) throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
      const { reason, message } = c.req.valid('json')
      const id = await fileReport(c.var.db, row.id, reason, message)
      return c.json({ id }, 201, { 'cache-control': 'no-store' })
    }
  )
  .openapi(fileRoute('events', 'Événements', 'Signaler un événement publié'), async (c) => {
    const row = await getPublishedEvent(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucun événement publié ne correspond.')
    const { reason, message } = c.req.valid('json')
    const id = await fileReport(c.var.db, row.id, reason, message, new Date(), 'event')
    return c.json({ id }, 201, { 'cache-control': 'no-store' })
  })
