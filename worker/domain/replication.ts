/**
 * Replication (« nous l'avons reproduite ») : a collectivité or an actor declares that its
 * territory reproduced a published practice: when, how faithfully, what it adapted, and
 * optionally its own record here or a page elsewhere. Declared without an account, public
 * once a moderator approves it; each approved one counts toward the source's « adoptée
 * par N territoires ». Vocabularies after network-peers.md §4.1 (relation, status).
 */
import { z } from '@hono/zod-openapi'
import { ExperimentId, httpUrl, PartialDate } from './experiment'
import { TerritoryCode } from './territory'
import { cleanText } from './text'
import { codesOf, LEAD_KINDS, type Term } from './vocabularies'

export const REPLICATION_RELATIONS = [
  { code: 'replicated', fr: 'Reproduite telle quelle', en: 'Replicated as is' },
  { code: 'adapted', fr: 'Adaptée', en: 'Adapted' },
  { code: 'inspired', fr: 'Inspirée de', en: 'Inspired by' },
] as const satisfies readonly Term[]

export const REPLICATION_PROGRESS = [
  { code: 'planned', fr: 'Prévue', en: 'Planned' },
  { code: 'in-progress', fr: 'En cours', en: 'In progress' },
  { code: 'done', fr: 'Réalisée', en: 'Done' },
  { code: 'abandoned', fr: 'Abandonnée', en: 'Abandoned' },
] as const satisfies readonly Term[]

export const REPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const
export type ReplicationStatus = (typeof REPLICATION_STATUSES)[number]

export const ADAPTATIONS_MAX = 2000

/** What a declarant sends (API body; the form maps onto it). */
export const ReplicationInput = z
  .strictObject({
    territory: TerritoryCode.openapi({ description: 'Territoire qui a reproduit la pratique' }),
    declarant: z.strictObject({
      name: cleanText(200).min(2, 'Indiquez le nom de la collectivité ou de la structure.'),
      kind: z.enum(codesOf(LEAD_KINDS)),
    }),
    actorId: z
      .string()
      .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Identifiant d’acteur invalide.')
      .optional()
      .openapi({ description: 'L’acteur du réseau qui déclare, quand il est connu' }),
    relation: z.enum(codesOf(REPLICATION_RELATIONS)).default('adapted'),
    progress: z.enum(codesOf(REPLICATION_PROGRESS)).default('done'),
    startDate: PartialDate.optional().openapi({ description: 'Quand la reproduction a commencé' }),
    adaptations: cleanText(ADAPTATIONS_MAX).default('').openapi({
      description: 'Ce qui a été adapté au territoire',
    }),
    adopterExperiment: z.string().trim().min(1).max(200).optional().openapi({
      description:
        'La fiche du territoire dans l’observatoire, si elle existe : identifiant, slug ou adresse',
    }),
    link: httpUrl.optional().openapi({ description: 'Sa page ailleurs' }),
  })
  .openapi('ReplicationInput')
export type ReplicationInput = z.infer<typeof ReplicationInput>

const RecordRef = z
  .object({ id: ExperimentId, slug: z.string(), title: z.string() })
  .openapi('RecordRef')
export type RecordRef = z.infer<typeof RecordRef>

/** An approved replication as the API, the pages and the exports show it. */
export const Replication = z
  .object({
    id: z.string(),
    source: RecordRef,
    adopter: RecordRef.nullable().openapi({ description: 'La fiche du territoire ici, si liée' }),
    territory: z.object({ code: z.string(), name: z.string() }),
    region: z.string().nullable().openapi({ description: 'Code INSEE de la région du territoire' }),
    declarant: z.object({ name: z.string(), kind: z.string() }),
    actorId: z.string().nullable(),
    actor: z
      .object({ id: z.string(), slug: z.string(), name: z.string() })
      .nullable()
      .openapi({ description: 'La structure du réseau qui déclare, si elle est publiée' }),
    relation: z.enum(codesOf(REPLICATION_RELATIONS)),
    progress: z.enum(codesOf(REPLICATION_PROGRESS)),
    startDate: z.string().nullable(),
    adaptations: z.string(),
    link: z.string().nullable(),
    approvedAt: z.string().nullable(),
  })
  .openapi('Replication')
export type Replication = z.infer<typeof Replication>

/** What moderators see: every status, and when it was declared. */
export const ModeratedReplication = Replication.extend({
  status: z.enum(REPLICATION_STATUSES),
  createdAt: z.string(),
}).openapi('ModeratedReplication')
export type ModeratedReplication = z.infer<typeof ModeratedReplication>

/** The record's slug or id in what a declarant pasted: an address of this site, a slug or an id. */
export function recordKeyOf(text: string): string {
  const trimmed = text.trim()
  const at = trimmed.indexOf('/experiences/')
  const tail = at >= 0 ? trimmed.slice(at + '/experiences/'.length) : trimmed
  const end = tail.search(/[/?#]/)
  return decodeURIComponent(end >= 0 ? tail.slice(0, end) : tail)
}
