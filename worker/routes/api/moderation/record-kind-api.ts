/**
 * The moderation API of a kind of record other than experiments (actors, events): its
 * queue, one full record (any status), and every decision (approve, reject, request
 * changes, unpublish, delete, restore, merge) through the shared lifecycle
 * (`moderateRecord(kind, …)`). Each kind says its path, schemas, reads and words.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { MODERATION_ACTIONS, REASON_MAX } from '../../../domain/moderation'
import { cleanText } from '../../../domain/text'
import type { LifecycleRow } from '../../../db/moderation'
import type { RecordKind } from '../../../db/record-kinds'
import type { Db } from '../../../db/session'
import { jsonBody } from '../../../http/body'
import { requireModerator } from '../../../http/moderator-auth'
import { clientIpHash } from '../../../http/moderator-session'
import { ProblemError } from '../../../http/problem'
import { createRouter } from '../../../http/router'
import { moderateRecord } from '../../../services/moderation/decisions'
import { decisionEvent } from '../../../services/notifications'
import { notifierFor } from '../../notify'
import { bearerAuth, decisionProblems, guarded, problems } from '../responses'

const NO_STORE = { 'cache-control': 'no-store' }

export interface RecordKindModeration<Row extends LifecycleRow, Moderated extends object> {
  kind: RecordKind
  /** The path segment: `/moderation/{segment}/…`. */
  segment: string
  /** Names of the OpenAPI components (`Actor` → `ActorModerationQueue`, `ActorDecision`). */
  component: string
  Id: z.ZodString
  Moderated: z.ZodType<Moderated>
  words: { plural: string; one: string; unknown: string; into: string }
  listAwaiting: (db: Db, limit: number) => Promise<Row[]>
  get: (db: Db, id: string) => Promise<Row | null>
  toModerated: (row: Row) => Moderated
  /** Whether a decision e-mails the record's private contact (publication, refusal…). */
  notifies: boolean
}

export function recordKindModerationApi<Row extends LifecycleRow, Moderated extends object>(
  spec: RecordKindModeration<Row, Moderated>
) {
  const json = (schema: z.ZodType) => ({ 'application/json': { schema } })
  const queue = createRoute({
    method: 'get',
    path: `/moderation/${spec.segment}`,
    tags: ['Modération'],
    summary: `${spec.words.plural} en attente de modération`,
    description: 'Les plus anciens d’abord (100 au plus). Contient les coordonnées privées.',
    security: bearerAuth,
    middleware: [requireModerator],
    responses: {
      200: {
        description: 'La file',
        content: json(
          z.object({ items: z.array(spec.Moderated) }).openapi(`${spec.component}ModerationQueue`)
        ),
      },
      ...guarded,
    },
  })

  const read = createRoute({
    method: 'get',
    path: `/moderation/${spec.segment}/{id}`,
    tags: ['Modération'],
    summary: `Lire la fiche complète ${spec.words.one} (tout statut)`,
    security: bearerAuth,
    middleware: [requireModerator],
    request: { params: z.object({ id: spec.Id }) },
    responses: {
      200: { description: 'La fiche', content: json(spec.Moderated) },
      400: problems[400],
      ...guarded,
      404: problems[404],
    },
  })

  const decide = createRoute({
    method: 'post',
    path: `/moderation/${spec.segment}/{id}/{action}`,
    tags: ['Modération'],
    summary: `Décider ${spec.words.one} : publier, refuser, demander des modifications…`,
    description:
      'Mêmes règles que pour les expériences : refuser, demander des modifications, dépublier et supprimer demandent une raison ; fusionner demande `into`.',
    security: bearerAuth,
    middleware: [requireModerator, ...jsonBody(8 * 1024)],
    request: {
      params: z.object({ id: spec.Id, action: z.enum(MODERATION_ACTIONS) }),
      body: {
        required: true,
        content: json(
          z
            .object({
              reason: cleanText(REASON_MAX).optional(),
              into: spec.Id.optional().openapi({ description: spec.words.into }),
            })
            .strict()
            .openapi(`${spec.component}Decision`)
        ),
      },
    },
    responses: {
      200: { description: 'Fait', content: json(spec.Moderated) },
      ...decisionProblems,
    },
  })

  return createRouter()
    .openapi(queue, async (c) => {
      const rows = await spec.listAwaiting(c.var.db, 100)
      return c.json({ items: rows.map(spec.toModerated) }, 200, NO_STORE)
    })
    .openapi(read, async (c) => {
      const row = await spec.get(c.var.db, c.req.valid('param').id)
      if (!row) throw new ProblemError(404, spec.words.unknown)
      return c.json(spec.toModerated(row), 200, NO_STORE)
    })
    .openapi(decide, async (c) => {
      const { id, action } = c.req.valid('param')
      const body = c.req.valid('json') as { reason?: string; into?: string }
      const row = await moderateRecord<Row>(
        c.var.db,
        spec.kind,
        id,
        { action, ...body },
        { name: c.var.moderator, via: 'api', ipHash: await clientIpHash(c) }
      )
      const event = spec.notifies ? decisionEvent(action, body.reason) : null
      if (event) await notifierFor(c).notify(row.id, event, spec.kind)
      return c.json(spec.toModerated(row), 200, NO_STORE)
    })
}
