/**
 * Moderators' side of replications: the declarations waiting, oldest first, and the
 * decision on one (approve or reject, with an audit row).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { listPendingReplications } from '../../../db/replications'
import { ModeratedReplication } from '../../../domain/replication'
import { cleanText } from '../../../domain/text'
import { jsonBody } from '../../../http/body'
import { requireModerator } from '../../../http/moderator-auth'
import { createRouter } from '../../../http/router'
import { decideReplicationAs, toModeratedReplication } from '../../../services/replications'
import { bearerAuth, decisionProblems, guarded } from '../responses'

const list = createRoute({
  method: 'get',
  path: '/moderation/replications',
  tags: ['Modération'],
  summary: 'Déclarations de reproduction en attente',
  security: bearerAuth,
  middleware: [requireModerator],
  responses: {
    200: {
      description: 'Les plus anciennes d’abord',
      content: {
        'application/json': { schema: z.object({ items: z.array(ModeratedReplication) }) },
      },
    },
    ...guarded,
  },
})

const decide = createRoute({
  method: 'post',
  path: '/moderation/replications/{id}/{decision}',
  tags: ['Modération'],
  summary: 'Approuver ou refuser une déclaration de reproduction',
  security: bearerAuth,
  middleware: [requireModerator, ...jsonBody(8 * 1024)],
  request: {
    params: z.object({
      id: z.string().min(1).max(40).openapi({ description: 'Identifiant (ULID)' }),
      decision: z.enum(['approve', 'reject']),
    }),
    body: {
      required: true,
      content: {
        'application/json': { schema: z.object({ reason: cleanText(2000).optional() }).strict() },
      },
    },
  },
  responses: { 204: { description: 'Décidée' }, ...decisionProblems },
})

export const moderationReplicationsApi = createRouter()
  .openapi(list, async (c) => {
    const items = (await listPendingReplications(c.var.db)).map(toModeratedReplication)
    return c.json({ items }, 200, { 'cache-control': 'no-store' })
  })
  .openapi(decide, async (c) => {
    const { id, decision } = c.req.valid('param')
    const { reason } = c.req.valid('json')
    await decideReplicationAs(
      c.var.db,
      id,
      decision === 'approve' ? 'approved' : 'rejected',
      c.var.moderator,
      reason || null
    )
    return c.body(null, 204)
  })
