/**
 * Feedback API: anyone leaves experience feedback on a published record (pending
 * moderation) or reports a published one; readers get a record's published feedback with
 * the count of each « would recommend » answer. Moderators: below.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { getPublishedExperiment } from '../../db/experiments'
import { feedbackToModerate, publishedFeedbackOf } from '../../db/feedback'
import {
  Feedback,
  FeedbackInput,
  ModeratedFeedback,
  RECOMMEND_LEVELS,
  recommendCounts,
} from '../../domain/feedback'
import { cleanText } from '../../domain/text'
import { codesOf } from '../../domain/vocabularies'
import { jsonBody } from '../../http/body'
import { requireModerator } from '../../http/moderator-auth'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import {
  decideFeedbackAs,
  leaveFeedback,
  reportFeedbackById,
  toFeedback,
  toModeratedFeedback,
} from '../../services/feedback'
import { bearerAuth, decisionProblems, guarded, problems } from './responses'

const TAG = 'Retours d’expérience'
const IdParam = z.object({
  id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
})

const leave = createRoute({
  method: 'post',
  path: '/experiments/{id}/feedback',
  tags: [TAG],
  summary: 'Laisser un retour d’expérience',
  description: 'Sans compte ; publié après modération. Limité en débit par adresse IP.',
  middleware: jsonBody(16 * 1024),
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: FeedbackInput } } },
  },
  responses: {
    201: {
      description: 'Reçu, en attente de modération',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
    400: problems[400],
    404: problems[404],
    413: problems[413],
    415: problems[415],
    429: problems[429],
  },
})

const ofRecord = createRoute({
  method: 'get',
  path: '/experiments/{id}/feedback',
  tags: [TAG],
  summary: 'Retours d’expérience publiés d’une fiche',
  request: { params: IdParam },
  responses: {
    200: {
      description: 'Les retours et le nombre de réponses à « le recommanderiez-vous ? »',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(Feedback),
            recommend: z.array(
              z.object({ code: z.enum(codesOf(RECOMMEND_LEVELS)), count: z.number().int() })
            ),
          }),
        },
      },
    },
    404: problems[404],
  },
})

const report = createRoute({
  method: 'post',
  path: '/feedback/{id}/reports',
  tags: [TAG],
  summary: 'Signaler un retour publié',
  description: 'Le retour repasse devant un modérateur. Limité en débit par adresse IP.',
  request: { params: z.object({ id: z.string().min(1).max(40) }) },
  responses: { 204: { description: 'Signalé' }, 404: problems[404], 429: problems[429] },
})

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

export const feedbackApi = createRouter()
  .openapi(leave, async (c) => {
    const row = await getPublishedExperiment(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
    const id = await leaveFeedback(c.var.db, row, c.req.valid('json'))
    return c.json({ id }, 201, { 'cache-control': 'no-store' })
  })
  .openapi(ofRecord, async (c) => {
    const row = await getPublishedExperiment(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
    const items = (await publishedFeedbackOf(c.var.db, row.id)).map(toFeedback)
    return c.json({ items, recommend: recommendCounts(items) }, 200, {
      'cache-control': 'public, max-age=300',
    })
  })
  .openapi(report, async (c) => {
    await reportFeedbackById(c.var.db, c.req.valid('param').id)
    return c.body(null, 204)
  })
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
