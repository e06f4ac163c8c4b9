/**
 * Moderators' side of editing: the proposals waiting on published records (with their
 * field-level changes), approving or rejecting one, and re-issuing a private edit link.
 */
import { proposalOutcome } from '../../../domain/change-set'
import { createRoute, z } from '@hono/zod-openapi'
import { ExperimentContent, ExperimentId } from '../../../domain/experiment'
import { listPendingProposals } from '../../../db/proposals'
import { jsonBody } from '../../../http/body'
import { requireModerator } from '../../../http/moderator-auth'
import { publicBase } from '../../../http/public-base'
import { createRouter } from '../../../http/router'
import {
  approveProposal,
  reissueEditLink,
  rejectProposal,
} from '../../../services/moderation/proposals'
import { FieldChange, PRIVATE } from '../editing'
import { Rejection } from './actions'
import { bearerAuth, decisionProblems, guarded, problems } from '../responses'
import { notifierFor } from '../../notify'

const IdParam = z.object({ id: ExperimentId })
const ProposalParam = z.object({
  id: ExperimentId.openapi({ description: 'Identifiant de la proposition (ULID)' }),
})

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
    ...guarded,
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
    changes: z.array(FieldChange).openapi({
      description:
        'Les seuls champs que le porteur a modifiés, tels qu’ils s’appliqueraient à la version publiée actuelle',
    }),
    message: z
      .string()
      .nullable()
      .openapi({ description: 'Message du porteur à l’équipe de modération (jamais publié)' }),
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
    ...guarded,
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
    ...guarded,
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
          schema: Rejection,
        },
      },
    },
  },
  responses: {
    204: { description: 'Refusée' },
    ...decisionProblems,
  },
})

export const proposalsApi = createRouter()
  .openapi(reissue, async (c) => {
    const link = await reissueEditLink(c.var.db, c.req.valid('param').id, c.var.moderator)
    const base = publicBase(c)
    return c.json({ ...link, editUrl: `${base}/modifier/${link.editToken}` }, 201, PRIVATE)
  })
  .openapi(proposals, async (c) => {
    const rows = await listPendingProposals(c.var.db)
    const items = rows.map((p) => {
      const { content, changes } = proposalOutcome(p.current_data, p)
      return {
        id: p.id,
        experimentId: p.experiment_id,
        experimentSlug: p.experiment_slug,
        experimentTitle: p.experiment_title,
        baseRevision: p.base_revision,
        currentRevision: p.current_revision,
        createdAt: p.created_at,
        content: content as ExperimentContent,
        changes,
        message: p.message,
      }
    })
    return c.json({ items }, 200, { 'cache-control': 'no-store' })
  })
  .openapi(approve, async (c) => {
    const { recordId, revision } = await approveProposal(
      c.var.db,
      c.req.valid('param').id,
      c.var.moderator
    )
    await notifierFor(c).notify(recordId, { kind: 'proposal-approved' })
    return c.json({ experimentId: recordId, revision }, 200)
  })
  .openapi(reject, async (c) => {
    const { reason } = c.req.valid('json')
    const { recordId } = await rejectProposal(
      c.var.db,
      c.req.valid('param').id,
      c.var.moderator,
      reason
    )
    await notifierFor(c).notify(recordId, { kind: 'proposal-rejected', reason })
    return c.body(null, 204)
  })
