/**
 * Moderation API, behind a moderator bearer token. This file: the queue of pending
 * submissions, approve and reject; it mounts the rest of the folder: the other decisions,
 * one full record and the audit log (actions.ts), proposals and edit links (proposals.ts),
 * reader reports (reports.ts), actors (actors.ts) and events (events.ts) and their bulk entry (actor-import.ts), declared replications (replications.ts), experience feedback (feedback.ts), bulk import (import.ts), the index rebuild (reindex.ts) and the outbox drain (outbox.ts).
 * Every decision writes a revision, outbox rows and an audit row
 * (services/moderation/, shared with the desk pages).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { ExperimentId, ModeratedExperiment } from '../../../domain/experiment'
import { listPendingExperiments, toModeratedExperiment } from '../../../db/experiments'
import { jsonBody } from '../../../http/body'
import { requireModerator } from '../../../http/moderator-auth'
import { createRouter } from '../../../http/router'
import { moderate } from '../../../services/moderation/decisions'
import { notifierFor } from '../../notify'
import { decodeCursor, encodeCursor, PageQuery } from '../params'
import { bearerAuth, decisionProblems, guarded, problems } from '../responses'
import { moderationActionsApi, Rejection } from './actions'
import { actorImportApi } from './actor-import'
import { moderationActorsApi } from './actors'
import { moderationEventsApi } from './events'
import { moderationFeedbackApi } from './feedback'
import { importApi } from './import'
import { outboxApi } from './outbox'
import { proposalsApi } from './proposals'
import { reindexApi } from './reindex'
import { moderationReplicationsApi } from './replications'
import { moderationReportsApi } from './reports'

const queue = createRoute({
  method: 'get',
  path: '/moderation/queue',
  tags: ['Modération'],
  summary: 'File des propositions en attente',
  description:
    'Les plus anciennes d’abord. Contient les coordonnées privées : réservé aux modérateurs.',
  security: bearerAuth,
  middleware: [requireModerator],
  request: { query: PageQuery },
  responses: {
    200: {
      description: 'Une page de la file',
      content: {
        'application/json': {
          schema: z
            .object({ items: z.array(ModeratedExperiment), nextCursor: z.string().nullable() })
            .openapi('ModerationQueue'),
        },
      },
    },
    400: problems[400],
    ...guarded,
  },
})

const IdParam = z.object({ id: ExperimentId })

const approve = createRoute({
  method: 'post',
  path: '/moderation/experiments/{id}/approve',
  tags: ['Modération'],
  summary: 'Publier une proposition',
  security: bearerAuth,
  middleware: [requireModerator],
  request: { params: IdParam },
  responses: {
    200: {
      description: 'Publiée',
      content: { 'application/json': { schema: ModeratedExperiment } },
    },
    400: problems[400],
    ...guarded,
    404: problems[404],
    409: problems[409],
  },
})

const reject = createRoute({
  method: 'post',
  path: '/moderation/experiments/{id}/reject',
  tags: ['Modération'],
  summary: 'Refuser une proposition, avec une raison',
  security: bearerAuth,
  middleware: [requireModerator, ...jsonBody(8 * 1024)],
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: Rejection } } },
  },
  responses: {
    200: {
      description: 'Refusée',
      content: { 'application/json': { schema: ModeratedExperiment } },
    },
    ...decisionProblems,
  },
})

export const moderationApi = createRouter()
  .openapi(queue, async (c) => {
    const { cursor, limit } = c.req.valid('query')
    const after = decodeCursor(cursor, 2)
    const rows = await listPendingExperiments(
      c.var.db,
      after ? { createdAt: after[0]!, id: after[1]! } : null,
      limit + 1
    )
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return c.json(
      {
        items: page.map(toModeratedExperiment),
        nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null,
      },
      200,
      { 'cache-control': 'no-store' }
    )
  })
  .openapi(approve, async (c) => {
    const row = await moderate(
      c.var.db,
      c.req.valid('param').id,
      { action: 'approve' },
      { name: c.var.moderator, via: 'api' }
    )
    await notifierFor(c).notify(row.id, { kind: 'approve' })
    return c.json(toModeratedExperiment(row), 200)
  })
  .openapi(reject, async (c) => {
    const { reason } = c.req.valid('json')
    const row = await moderate(
      c.var.db,
      c.req.valid('param').id,
      { action: 'reject', reason },
      { name: c.var.moderator, via: 'api' }
    )
    await notifierFor(c).notify(row.id, { kind: 'reject', reason: reason.trim() })
    return c.json(toModeratedExperiment(row), 200)
  })
  .route('/', moderationActionsApi)
  .route('/', moderationActorsApi)
  .route('/', moderationEventsApi)
  .route('/', actorImportApi)
  .route('/', proposalsApi)
  .route('/', moderationReportsApi)
  .route('/', moderationReplicationsApi)
  .route('/', moderationFeedbackApi)
  .route('/', importApi)
  .route('/', reindexApi)
  .route('/', outboxApi)
