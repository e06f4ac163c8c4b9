/**
 * What the owner's private link opens: the content to edit (the waiting proposal if any),
 * where the record stands in moderation and the owner's last answer. One schema for the
 * API's documentation and the edit page's data.
 */
import { z } from '@hono/zod-openapi'
import { ExperimentId, ExperimentInput, STATUSES } from './experiment'

export const EditableRecord = z
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
    editable: z.boolean(),
    decision: z
      .object({ action: z.string(), reason: z.string().nullable(), at: z.string() })
      .nullable()
      .openapi({ description: 'Dernière décision de modération, avec sa raison et sa date' }),
    rejectedProposal: z.object({ reason: z.string(), at: z.string() }).nullable(),
    reply: z
      .object({ message: z.string(), at: z.string(), revision: z.number().int() })
      .nullable()
      .openapi({ description: 'Dernière réponse du porteur à une demande de modifications' }),
  })
  .openapi('EditableRecord')
export type EditableRecord = z.infer<typeof EditableRecord>
