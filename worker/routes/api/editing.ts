/**
 * Editing API: a submitter edits their own record with `Authorization: Bearer <edit token>`
 * (the private token returned at submission) and anyone reads the public revision history.
 * Moderators' decisions on proposals: routes/api/moderation/proposals.ts.
 */
import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import { EditableRecord } from '../../domain/editing'
import { ExperimentId, ExperimentInput } from '../../domain/experiment'
import { getPublishedExperiment } from '../../db/experiments'
import { jsonBody } from '../../http/body'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import {
  confirmStillAccurate,
  editableRecord,
  recordForBearer,
  submitInputEdit,
  EditOutcome,
} from '../../services/editing'
import { EXPERIMENT_EDITING } from '../../services/records'
import { publicHistory } from '../../services/history'
import { problems } from './responses'

const editAuth = [{ editToken: [] }]
const IdParam = z.object({ id: ExperimentId })
const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/
export const PRIVATE = { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' }

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

export const FieldChange = z
  .object({
    field: z.string().openapi({ description: 'Chemin du champ', example: 'means.budgetEur' }),
    label: z.object({ fr: z.string(), en: z.string() }).openapi({
      description: 'Nom du champ',
      example: { fr: 'Budget total (€)', en: 'Total budget (€)' },
    }),
    before: z.unknown(),
    after: z.unknown(),
  })
  .openapi('FieldChange')

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
                  version: z.number().int().openapi({
                    description: 'Rang parmi les versions publiées, à partir de 1',
                  }),
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

export const editingApi = createRouter()
  .openapi(readForEdit, async (c) => {
    const row = await recordForBearer(c.var.db, c.req.valid('param').id, editToken(c))
    return c.json(await editableRecord(c.var.db, EXPERIMENT_EDITING, row), 200, PRIVATE)
  })
  .openapi(edit, async (c) => {
    const row = await recordForBearer(c.var.db, c.req.valid('param').id, editToken(c))
    const input = c.req.valid('json')
    const result = await submitInputEdit(c.var.db, EXPERIMENT_EDITING, ExperimentInput, row, input)
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
