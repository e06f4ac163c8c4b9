/**
 * The moderation API beyond approve/reject: request changes, unpublish, soft delete,
 * restore, merge, one full record (private contact, revisions, audit trail) and the
 * audit log. Mounted by index.ts; every route sits behind `requireModerator`, so
 * the generated 401/403 test covers each of them.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ExperimentId, ModeratedExperiment, STATUSES } from '../../../domain/experiment'
import { cleanText } from '../../../domain/text'
import { listAudit, type AuditRow } from '../../../db/audit'
import { getExperiment, toModeratedExperiment, type ExperimentRow } from '../../../db/experiments'
import { listRevisions } from '../../../db/revisions'
import type { AppEnv } from '../../../env'
import { jsonBody } from '../../../http/body'
import { requireModerator } from '../../../http/moderator-auth'
import { clientIpHash } from '../../../http/moderator-session'
import { ProblemError } from '../../../http/problem'
import { createRouter } from '../../../http/router'
import { REASON_MAX, REASON_MIN, type ModerationAction } from '../../../domain/moderation'
import { moderate, type ModerationCommand } from '../../../services/moderation/decisions'
import { decisionEvent } from '../../../services/notifications'
import { notifierFor } from '../../notify'
import { decodeCursor, encodeCursor, PageQuery } from '../params'
import { bearerAuth, decisionProblems, guarded, problems } from '../responses'

const IdParam = z.object({ id: ExperimentId })

/** The record as moderators see it, with its soft-delete and merge state. */
const ModerationRecord = ModeratedExperiment.extend({
  status: z.enum(STATUSES),
  deletedAt: z.string().nullable(),
  deletedBy: z.string().nullable(),
  mergedInto: ExperimentId.nullable(),
}).openapi('ModerationRecord')

function toModerationRecord(row: ExperimentRow): z.infer<typeof ModerationRecord> {
  return {
    ...toModeratedExperiment(row),
    deletedAt: row.deleted_at,
    deletedBy: row.deleted_by,
    mergedInto: row.merged_into,
  }
}

const AuditEntrySchema = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    reason: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditEntry')

function toAuditEntry(row: AuditRow): z.infer<typeof AuditEntrySchema> {
  // The IP hash stays in D1: investigators query it there, it has no use in the UI.
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    action: row.action,
    target: row.target,
    reason: row.reason,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
  }
}

const Reason = cleanText(REASON_MAX)
const RequiredReason = Reason.min(
  REASON_MIN,
  `Indiquez la raison (${REASON_MIN} caractères au moins).`
)

/** The body of a refusal, of a submission or of a proposed edit. */
export const Rejection = z
  .object({
    reason: Reason.min(
      REASON_MIN,
      `Indiquez la raison du refus (${REASON_MIN} caractères au moins).`
    ),
  })
  .strict()
  .openapi('Rejection')

const bodies = {
  'request-changes': z
    .object({ reason: RequiredReason.openapi({ description: 'Message au porteur' }) })
    .strict()
    .openapi('ChangeRequest'),
  unpublish: z.object({ reason: RequiredReason }).strict().openapi('Unpublication'),
  delete: z.object({ reason: RequiredReason }).strict().openapi('Deletion'),
  restore: z.object({ reason: Reason.optional() }).strict().openapi('Restoration'),
  merge: z
    .object({
      into: ExperimentId.openapi({ description: 'L’expérience qui absorbe ce doublon' }),
      reason: Reason.optional(),
    })
    .strict()
    .openapi('Merge'),
} as const

const SUMMARIES: Record<keyof typeof bodies, [summary: string, description: string]> = {
  'request-changes': [
    'Demander des modifications au porteur',
    'Depuis « en attente » ; le message est conservé avec la fiche.',
  ],
  unpublish: ['Dépublier une fiche, avec une raison', 'Depuis « publiée » ; réversible.'],
  delete: [
    'Supprimer une fiche (suppression douce), avec une raison',
    'La fiche disparaît du site et de l’index ; elle reste restaurable avec son historique.',
  ],
  restore: ['Restaurer une fiche supprimée', 'Elle retrouve le statut qu’elle avait avant.'],
  merge: [
    'Fusionner un doublon dans une autre fiche',
    'L’ancienne adresse redirige (308) vers la fiche qui reste, si elle est publiée.',
  ],
}

function actionRoute<A extends keyof typeof bodies>(action: A) {
  const [summary, description] = SUMMARIES[action]
  return createRoute({
    method: 'post',
    path: `/moderation/experiments/{id}/${action}`,
    tags: ['Modération'],
    summary,
    description,
    security: bearerAuth,
    middleware: [requireModerator, ...jsonBody(8 * 1024)],
    request: {
      params: IdParam,
      body: { required: true, content: { 'application/json': { schema: bodies[action] } } },
    },
    responses: {
      200: {
        description: 'Fait',
        content: { 'application/json': { schema: ModerationRecord } },
      },
      ...decisionProblems,
    },
  })
}

const Revision = z
  .object({
    revision: z.number().int(),
    action: z.string(),
    status: z.string(),
    actor: z.string(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('Revision')

const read = createRoute({
  method: 'get',
  path: '/moderation/experiments/{id}',
  tags: ['Modération'],
  summary: 'Lire une fiche complète (tout statut)',
  description:
    'Contact privé, état de modération, toutes les révisions et le journal d’audit de la fiche.',
  security: bearerAuth,
  middleware: [requireModerator],
  request: { params: IdParam },
  responses: {
    200: {
      description: 'La fiche',
      content: {
        'application/json': {
          schema: ModerationRecord.extend({
            revisions: z.array(Revision),
            audit: z.array(AuditEntrySchema),
          }).openapi('ModerationRecordDetail'),
        },
      },
    },
    400: problems[400],
    ...guarded,
    404: problems[404],
  },
})

const audit = createRoute({
  method: 'get',
  path: '/moderation/audit',
  tags: ['Modération'],
  summary: 'Journal d’audit',
  description:
    'Décisions de modération, connexions et échecs de connexion ; les plus récents d’abord.',
  security: bearerAuth,
  middleware: [requireModerator],
  request: { query: PageQuery },
  responses: {
    200: {
      description: 'Une page du journal',
      content: {
        'application/json': {
          schema: z
            .object({ items: z.array(AuditEntrySchema), nextCursor: z.string().nullable() })
            .openapi('AuditPage'),
        },
      },
    },
    400: problems[400],
    ...guarded,
  },
})

async function decide(
  c: Context<AppEnv>,
  id: string,
  action: ModerationAction,
  body: { reason?: string | undefined; into?: string | undefined }
) {
  const command: ModerationCommand = { action, reason: body.reason, into: body.into }
  const row = await moderate(c.var.db, id, command, {
    name: c.var.moderator,
    via: 'api',
    ipHash: await clientIpHash(c),
  })
  const event = decisionEvent(action, body.reason)
  if (event) await notifierFor(c).notify(id, event)
  // The index follows without waiting for the cron (unpublish, delete, merge remove it).
  return toModerationRecord(row)
}

const NO_STORE = { 'cache-control': 'no-store' }

export const moderationActionsApi = createRouter()
  .openapi(actionRoute('request-changes'), async (c) =>
    c.json(await decide(c, c.req.valid('param').id, 'request-changes', c.req.valid('json')), 200)
  )
  .openapi(actionRoute('unpublish'), async (c) =>
    c.json(await decide(c, c.req.valid('param').id, 'unpublish', c.req.valid('json')), 200)
  )
  .openapi(actionRoute('delete'), async (c) =>
    c.json(await decide(c, c.req.valid('param').id, 'delete', c.req.valid('json')), 200)
  )
  .openapi(actionRoute('restore'), async (c) =>
    c.json(await decide(c, c.req.valid('param').id, 'restore', c.req.valid('json')), 200)
  )
  .openapi(actionRoute('merge'), async (c) =>
    c.json(await decide(c, c.req.valid('param').id, 'merge', c.req.valid('json')), 200)
  )
  .openapi(read, async (c) => {
    const id = c.req.valid('param').id
    const row = await getExperiment(c.var.db, id)
    if (!row) throw new ProblemError(404, 'Aucune expérience ne porte cet identifiant.')
    const [revisions, trail] = await Promise.all([
      listRevisions(c.var.db, id),
      listAudit(c.var.db, { target: `experiment:${id}`, limit: 100 }),
    ])
    return c.json(
      {
        ...toModerationRecord(row),
        revisions: revisions.map((r) => ({
          revision: r.revision,
          action: r.action,
          status: r.status,
          actor: r.actor,
          reason: r.reason,
          createdAt: r.created_at,
          data: JSON.parse(r.data) as Record<string, unknown>,
        })),
        audit: trail.map(toAuditEntry),
      },
      200,
      NO_STORE
    )
  })
  .openapi(audit, async (c) => {
    const { cursor, limit } = c.req.valid('query')
    const after = decodeCursor(cursor, 1)
    const beforeSeq = after ? Number(after[0]) : null
    if (beforeSeq !== null && !Number.isSafeInteger(beforeSeq)) decodeCursor('!', 1)
    const rows = await listAudit(c.var.db, { beforeSeq, limit: limit + 1 })
    const page = rows.slice(0, limit)
    const last = page.at(-1)
    return c.json(
      {
        items: page.map(toAuditEntry),
        nextCursor: rows.length > limit && last ? encodeCursor([String(last.seq)]) : null,
      },
      200,
      NO_STORE
    )
  })
