/**
 * Editing API: a submitter edits their own record with `Authorization: Bearer <edit token>`
 * (the private token returned at submission), anyone reads the public revision history,
 * and moderators re-issue edit links and decide on proposed revisions.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import { ExperimentContent, ExperimentId, ExperimentInput, STATUSES } from '../../domain/experiment'
import { getPublishedExperiment } from '../../db/experiments'
import { listPendingProposals } from '../../db/proposals'
import { jsonBody } from '../../http/body'
import { requireModerator } from '../../http/moderator-auth'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { diffContent } from '../../domain/revision-diff'
import {
  approveProposal,
  confirmStillAccurate,
  editableRecord,
  recordForBearer,
  reissueEditLink,
  rejectProposal,
  submitEdit,
} from '../../services/editing'
import { publicHistory } from '../../services/history'
import { bearerAuth, problems } from './responses'

const editAuth = [{ editToken: [] }]
const IdParam = z.object({ id: ExperimentId })
const ProposalParam = z.object({
  id: ExperimentId.openapi({ description: 'Identifiant de la proposition (ULID)' }),
})
const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/
const PRIVATE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }

/** The edit token from the Authorization header; 401 when absent or malformed. */
function editToken(c: Context<AppEnv>): string {
  const token = BEARER.exec(c.req.header('authorization') ?? '')?.[1]
  if (!token) {
    throw new ProblemError(
      401,
      'Le jeton privé de modification est requis (en-tête Authorization: Bearer).',
      undefined,
      { 'www-authenticate': 'Bearer realm="edit"' }
    )
  }
  return token
}

const FieldChange = z
  .object({ field: z.string(), before: z.unknown(), after: z.unknown() })
  .openapi('FieldChange')

const EditableRecord = z
  .object({
    id: ExperimentId,
    slug: z.string(),
    status: z.enum(STATUSES),
    revision: z.number().int(),
    input: ExperimentInput.openapi({
      description:
        'Contenu à modifier (la proposition en attente s’il y en a une), contact privé compris',
    }),
    pendingProposal: z.object({ id: z.string(), createdAt: z.string() }).nullable(),
    lastVerifiedAt: z.string().nullable(),
  })
  .openapi('EditableRecord')

const EditOutcome = z
  .object({
    outcome: z.enum(['applied', 'proposed', 'unchanged']).openapi({
      description:
        '`applied` : fiche en attente modifiée directement ; `proposed` : fiche publiée, modification soumise à la modération ; `unchanged` : contenu public identique',
    }),
    revision: z.number().int().optional(),
    proposalId: z.string().optional(),
  })
  .openapi('EditOutcome')

const editGuarded = { 401: problems[401], 403: problems[403], 409: problems[409] }

const readForEdit = createRoute({
  method: 'get',
  path: '/experiments/{id}/edit',
  tags: ['Modification par le porteur'],
  summary: 'Lire sa fiche pour la modifier (jeton privé)',
  security: editAuth,
  request: { params: IdParam },
  responses: {
    200: {
      description: 'La fiche à modifier',
      content: { 'application/json': { schema: EditableRecord } },
    },
    400: problems[400],
    ...editGuarded,
  },
})

const edit = createRoute({
  method: 'put',
  path: '/experiments/{id}/edit',
  tags: ['Modification par le porteur'],
  summary: 'Modifier sa fiche (jeton privé)',
  description:
    'Une fiche en attente est modifiée directement. Une fiche publiée reste en ligne telle quelle : la modification devient une proposition soumise à la modération. Le contact privé est mis à jour immédiatement.',
  security: editAuth,
  middleware: jsonBody(),
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: ExperimentInput } } },
  },
  responses: {
    200: {
      description: 'Modification enregistrée',
      content: { 'application/json': { schema: EditOutcome } },
    },
    400: problems[400],
    ...editGuarded,
    413: problems[413],
    415: problems[415],
  },
})

const verify = createRoute({
  method: 'post',
  path: '/experiments/{id}/verify',
  tags: ['Modification par le porteur'],
  summary: 'Confirmer que la fiche publiée est toujours exacte (jeton privé)',
  security: editAuth,
  request: { params: IdParam },
  responses: {
    200: {
      description: 'Date de vérification mise à jour',
      content: {
        'application/json': {
          schema: z.object({ revision: z.number().int(), lastVerifiedAt: z.string() }),
        },
      },
    },
    400: problems[400],
    ...editGuarded,
  },
})

const revisions = createRoute({
  method: 'get',
  path: '/experiments/{id}/revisions',
  tags: ['Expériences'],
  summary: 'Historique public des versions publiées',
  description:
    'Les versions publiées, de la plus récente à la plus ancienne, avec les champs modifiés par rapport à la version publiée précédente.',
  request: {
    params: z.object({
      id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
    }),
  },
  responses: {
    200: {
      description: 'Les versions publiées',
      content: {
        'application/json': {
          schema: z
            .object({
              items: z.array(
                z.object({
                  revision: z.number().int(),
                  action: z.string(),
                  createdAt: z.string(),
                  first: z.boolean(),
                  changes: z.array(FieldChange),
                })
              ),
            })
            .openapi('RevisionHistory'),
        },
      },
    },
    404: problems[404],
  },
})

const modGuarded = { 401: problems[401], 403: problems[403] }

const reissue = createRoute({
  method: 'post',
  path: '/moderation/experiments/{id}/edit-link',
  tags: ['Modération'],
  summary: 'Émettre un nouveau lien privé de modification',
  description:
    'L’ancien lien et les sessions ouvertes avec lui cessent de fonctionner. Le nouveau jeton n’est montré qu’une fois.',
  security: bearerAuth,
  middleware: [requireModerator],
  request: { params: IdParam },
  responses: {
    201: {
      description: 'Nouveau lien',
      content: {
        'application/json': {
          schema: z
            .object({ editToken: z.string(), editUrl: z.string(), expiresAt: z.string() })
            .openapi('EditLink'),
        },
      },
    },
    400: problems[400],
    ...modGuarded,
    404: problems[404],
  },
})

const PendingProposalSchema = z
  .object({
    id: z.string(),
    experimentId: ExperimentId,
    experimentSlug: z.string(),
    experimentTitle: z.string(),
    baseRevision: z.number().int(),
    currentRevision: z.number().int(),
    createdAt: z.string(),
    content: ExperimentContent,
    changes: z.array(FieldChange),
  })
  .openapi('PendingProposal')

const proposals = createRoute({
  method: 'get',
  path: '/moderation/proposals',
  tags: ['Modération'],
  summary: 'Modifications proposées en attente',
  description:
    'Les plus anciennes d’abord, avec les champs modifiés par rapport à la version publiée.',
  security: bearerAuth,
  middleware: [requireModerator],
  responses: {
    200: {
      description: 'Les propositions en attente',
      content: {
        'application/json': { schema: z.object({ items: z.array(PendingProposalSchema) }) },
      },
    },
    ...modGuarded,
  },
})

const approve = createRoute({
  method: 'post',
  path: '/moderation/proposals/{id}/approve',
  tags: ['Modération'],
  summary: 'Accepter une modification proposée (elle devient la version publiée)',
  security: bearerAuth,
  middleware: [requireModerator],
  request: { params: ProposalParam },
  responses: {
    200: {
      description: 'Appliquée',
      content: {
        'application/json': {
          schema: z.object({ experimentId: ExperimentId, revision: z.number().int() }),
        },
      },
    },
    400: problems[400],
    ...modGuarded,
    404: problems[404],
    409: problems[409],
  },
})

const reject = createRoute({
  method: 'post',
  path: '/moderation/proposals/{id}/reject',
  tags: ['Modération'],
  summary: 'Refuser une modification proposée, avec une raison',
  security: bearerAuth,
  middleware: [requireModerator, ...jsonBody(8 * 1024)],
  request: {
    params: ProposalParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              reason: z
                .string()
                .trim()
                .min(5, 'Indiquez la raison du refus (5 caractères au moins).')
                .max(2000),
            })
            .strict(),
        },
      },
    },
  },
  responses: {
    204: { description: 'Refusée' },
    400: problems[400],
    ...modGuarded,
    404: problems[404],
    409: problems[409],
    413: problems[413],
    415: problems[415],
  },
})

export const editingApi = createRouter()
  .openapi(readForEdit, async (c) => {
    const row = await recordForBearer(c.var.db, c.req.valid('param').id, editToken(c))
    return c.json(await editableRecord(c.var.db, row), 200, PRIVATE)
  })
  .openapi(edit, async (c) => {
    const row = await recordForBearer(c.var.db, c.req.valid('param').id, editToken(c))
    const result = await submitEdit(c.var.db, row, c.req.valid('json'))
    return c.json(result, 200, PRIVATE)
  })
  .openapi(verify, async (c) => {
    const now = new Date()
    const row = await recordForBearer(c.var.db, c.req.valid('param').id, editToken(c), now)
    const revision = await confirmStillAccurate(c.var.db, row, now)
    return c.json({ revision, lastVerifiedAt: now.toISOString() }, 200, PRIVATE)
  })
  .openapi(revisions, async (c) => {
    const row = await getPublishedExperiment(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
    return c.json({ items: await publicHistory(c.var.db, row) }, 200)
  })
  .openapi(reissue, async (c) => {
    const link = await reissueEditLink(c.var.db, c.req.valid('param').id, c.var.moderator)
    const base = (c.env.PUBLIC_BASE_URL || new URL(c.req.url).origin).replace(/\/$/, '')
    return c.json({ ...link, editUrl: `${base}/modifier/${link.editToken}` }, 201, PRIVATE)
  })
  .openapi(proposals, async (c) => {
    const rows = await listPendingProposals(c.var.db)
    const items = rows.map((p) => {
      const content = JSON.parse(p.data) as ExperimentContent
      return {
        id: p.id,
        experimentId: p.experiment_id,
        experimentSlug: p.experiment_slug,
        experimentTitle: p.experiment_title,
        baseRevision: p.base_revision,
        currentRevision: p.current_revision,
        createdAt: p.created_at,
        content,
        changes: diffContent(JSON.parse(p.current_data), content),
      }
    })
    return c.json({ items }, 200, { 'cache-control': 'no-store' })
  })
  .openapi(approve, async (c) => {
    const applied = await approveProposal(c.var.db, c.req.valid('param').id, c.var.moderator)
    return c.json(applied, 200)
  })
  .openapi(reject, async (c) => {
    await rejectProposal(
      c.var.db,
      c.req.valid('param').id,
      c.var.moderator,
      c.req.valid('json').reason
    )
    return c.body(null, 204)
  })
