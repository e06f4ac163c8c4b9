/**
 * Feedback API: anyone leaves experience feedback on a published record (pending
 * moderation) or reports a published one; readers get a record's published feedback with
 * the count of each « would recommend » answer. Moderators' routes:
 * routes/api/moderation/feedback.ts.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { getPublishedExperiment } from '../../db/experiments'
import { publishedFeedbackOf } from '../../db/feedback'
import { Feedback, FeedbackInput, RECOMMEND_LEVELS, feedbackSummary } from '../../domain/feedback'
import { codesOf } from '../../domain/vocabularies'
import { jsonBody } from '../../http/body'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { leaveFeedback, reportFeedbackById, toFeedback } from '../../services/feedback'
import { problems } from './responses'

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
      description:
        'Les retours, le nombre de réponses à « le recommanderiez-vous ? » et d’arguments pour et contre',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(Feedback),
            recommend: z.array(
              z.object({ code: z.enum(codesOf(RECOMMEND_LEVELS)), count: z.number().int() })
            ),
            wouldRecommend: z.number().int().openapi({ description: '« oui » et « plutôt oui »' }),
            wouldNot: z.number().int().openapi({ description: '« non » et « plutôt non »' }),
            argumentsFor: z.number().int(),
            argumentsAgainst: z.number().int(),
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
    return c.json({ items, ...feedbackSummary(items) }, 200, {
      'cache-control': 'public, max-age=300',
    })
  })
  .openapi(report, async (c) => {
    await reportFeedbackById(c.var.db, c.req.valid('param').id)
    return c.body(null, 204)
  })
