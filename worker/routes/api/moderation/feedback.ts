/**
 * Moderators' side of experience feedback: what waits for a decision (new answers, and
 * published ones readers reported), oldest first, and the decision on one (publish or
 * keep, or reject; audit row in the same batch).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { feedbackToModerate } from '../../../db/feedback'
import { ModeratedFeedback } from '../../../domain/feedback'
import { cleanText } from '../../../domain/text'
import { jsonBody } from '../../../http/body'
import { requireModerator } from '../../../http/moderator-auth'
import { createRouter } from '../../../http/router'
import { decideFeedbackAs, toModeratedFeedback } from '../../../services/feedback'
import { bearerAuth, decisionProblems, guarded } from '../responses'

const queue = createRoute({
  method: 'get',
  path: '/moderation/feedback',
  tags: ['Modération'],
  summary: 'Retours d’expérience à examiner (nouveaux et signalés)',
  security: bearerAuth,
  middleware: [requireModerator],
  responses: {
    200: {
      description: 'Les plus anciens d’abord',
      content: { 'application/json': { schema: z.object({ items: z.array(ModeratedFeedback) }) } },
    },
    ...guarded,
  },
})

const decide = createRoute({
  method: 'post',
  path: '/moderation/feedback/{id}/{decision}',
  tags: ['Modération'],
  summary: 'Publier (ou garder malgré un signalement) ou refuser un retour',
  security: bearerAuth,
  middleware: [requireModerator, ...jsonBody(8 * 1024)],
  request: {
    params: z.object({ id: z.string().min(1).max(40), decision: z.enum(['approve', 'reject']) }),
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ reason: cleanText(2000).optional() }).strict() },
      },
    },
  },
  responses: { 204: { description: 'Décidé' }, ...decisionProblems },
})

export const moderationFeedbackApi = createRouter()
  .openapi(queue, async (c) => {
    const items = (await feedbackToModerate(c.var.db)).map(toModeratedFeedback)
    return c.json({ items }, 200, { 'cache-control': 'no-store' })
  })
  .openapi(decide, async (c) => {
    const { id, decision } = c.req.valid('param')
    const { reason } = c.req.valid('json')
    await decideFeedbackAs(
      c.var.db,
      id,
      decision === 'approve' ? 'published' : 'rejected',
      c.var.moderator,
      reason || null
    )
    return c.body(null, 204)
  })
