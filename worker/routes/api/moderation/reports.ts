/**
 * Moderators' side of reader reports: the open reports, oldest first, and closing one
 * (with an audit row).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ExperimentId } from '../../../domain/experiment'
import { cleanText } from '../../../domain/text'
import { listOpenReports, REPORT_REASONS } from '../../../db/reports'
import { jsonBody } from '../../../http/body'
import { requireModerator } from '../../../http/moderator-auth'
import { createRouter } from '../../../http/router'
import { closeReportAs } from '../../../services/moderation/reports'
import { bearerAuth, decisionProblems, guarded } from '../responses'

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
          schema: z.object({ resolution: cleanText(2000).optional() }).strict(),
        },
      },
    },
  },
  responses: {
    204: { description: 'Clos' },
    ...decisionProblems,
  },
})

export const moderationReportsApi = createRouter()
  .openapi(list, async (c) => {
    const items = (await listOpenReports(c.var.db, 200, ['experiment'])).map((r) => ({
      id: r.id,
      experimentId: r.record_id,
      experimentSlug: r.record_slug,
      experimentTitle: r.record_title,
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
