/**
 * The experiment record: the single source of truth for validation, TypeScript
 * types, the OpenAPI document, exports and forms.
 *
 * Three shapes derive from one set of field schemas:
 * - `ExperimentInput`: what a collectivité submits (and later edits);
 * - `ExperimentContent`: the input without the private contact — what may be shown;
 * - `Experiment`: the published record as read from the API, with identity, dates
 *   and the fields derived from the territory reference.
 */
import { COST_PER_BENEFICIARY_FORMULA } from './cost'
import { z } from '@hono/zod-openapi'
import {
  ALL_THEMES,
  codesOf,
  EVIDENCE_LEVELS,
  FUNDING_TYPES,
  LEAD_KINDS,
  LICENCES,
  OUTCOMES,
  PROGRAMMES,
  PUBLICS,
  RECORD_LANGUAGES,
  SCOPE_LEVELS,
  SCOPES,
  STAGES,
} from './vocabularies'
import { COUNTRIES, FRENCH_COUNTRY_CODES } from './countries'
import { GeoPoint, TerritoryCode } from './territory'
import { TerritorySize } from './territory-size'
import { cleanText, refuseTextDefects } from './text'

z.config(z.locales.fr())

// ── Field helpers ────────────────────────────────────────────────────────────

// Every free text of the record is `cleanText`: NFC, no controls, no lone surrogates, visible.
const text = cleanText
const optionalText = (max: number) => text(max).optional()
export const httpUrl = z
  .url({
    protocol: /^https?$/,
    error: 'Adresse web invalide : elle doit commencer par https:// ou http://.',
  })
  .max(500)
  .superRefine(refuseTextDefects)

/** ISO 8601 date at year, month or day precision: `2021`, `2021-09`, `2021-09-15`. */
export const PartialDate = z
  .string()
  .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, {
    error: 'Date attendue au format AAAA, AAAA-MM ou AAAA-MM-JJ.',
  })
  .refine((d) => {
    const year = Number(d.slice(0, 4))
    return year >= 1980 && year <= 2100
  }, 'L’année doit être comprise entre 1980 et 2100.')
  .openapi({ example: '2021-09' })

/** SIREN (9 digits with the Luhn check that INSEE applies) or RNA (`W` + 9 characters). */
export const Siren = z
  .string()
  .regex(/^\d{9}$/, 'Le SIREN comporte 9 chiffres.')
  .refine(luhnValid, 'Ce SIREN n’est pas valide (clé de contrôle).')
  .openapi({ example: '220200026' })
export const Rna = z
  .string()
  .regex(/^W[0-9A-Z]{9}$/, 'Le numéro RNA commence par W suivi de 9 caractères.')
  .openapi({ example: 'W543012345' })

/** The Luhn key INSEE applies to SIREN and SIRET numbers. */
export function luhnValid(digits: string): boolean {
  // La Poste's SIREN is the one documented exception to the Luhn key.
  if (digits === '356000000') return true
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i])
    if (i % 2 === 1) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
  }
  return sum % 10 === 0
}

export const ExperimentId = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Identifiant d’expérience invalide.')
  .openapi({ example: '01JD8Z6M4S4X7R2Q9F3K5V1B0C' })

export const codeList = <T extends [string, ...string[]]>(codes: T, max: number) =>
  z.array(z.enum(codes)).max(max).refine(unique, 'Une même valeur est répétée.')

function unique(values: readonly unknown[]): boolean {
  return new Set(values).size === values.length
}

/**
 * The id of an actor of the network (worker/domain/actor.ts) that the porteur or a partner
 * is: the link the experiment page and the actor's page show both ways. Only the id is
 * stored; the name written here stays what the record says.
 */
export const ActorRef = z
  .string()
  .trim()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Identifiant d’acteur invalide.')
  .openapi({
    description: 'Identifiant de la fiche acteur (réseau)',
    example: '01JD8Z6M4S4X7R2Q9F3K5V1B0C',
  })

// ── Parts of the record ──────────────────────────────────────────────────────

export const Lead = z
  .strictObject({
    name: text(200).min(2, 'Indiquez le nom du porteur.'),
    kind: z.enum(codesOf(LEAD_KINDS)),
    siren: Siren.optional(),
    rna: Rna.optional(),
    actorId: ActorRef.optional(),
  })
  .openapi('Lead')

export const Partner = z.strictObject({
  name: text(200).min(2),
  role: optionalText(200),
  actorId: ActorRef.optional(),
})

export const Narrative = z
  .strictObject({
    context: optionalText(5000).openapi({ description: 'Contexte et problème de départ' }),
    description: optionalText(8000).openapi({ description: 'Ce qui a été fait' }),
    novelty: optionalText(3000).openapi({ description: 'Ce qui est nouveau' }),
    governance: optionalText(3000).openapi({ description: 'Gouvernance et partenaires' }),
    users: optionalText(3000).openapi({ description: 'Usagers et place faite aux usagers' }),
    results: optionalText(5000).openapi({ description: 'Résultats' }),
    difficulties: optionalText(3000).openapi({ description: 'Difficultés rencontrées' }),
    successConditions: optionalText(3000).openapi({ description: 'Conditions de réussite' }),
    advice: optionalText(3000).openapi({ description: 'Conseils pour reproduire' }),
  })
  .openapi('Narrative')

/** The narrative sections, in the schema's order: forms, field lists and tests read them here. */
export const NARRATIVE_SECTIONS = Object.keys(Narrative.shape) as (keyof typeof Narrative.shape)[]

export const FundingSource = z.strictObject({
  type: z.enum(codesOf(FUNDING_TYPES)),
  programme: optionalText(200),
  amountEur: z.number().int().min(0).max(10_000_000_000).optional(),
})

export const Means = z
  .strictObject({
    budgetEur: z.number().int().min(0).max(10_000_000_000).optional(),
    fundingSources: z.array(FundingSource).max(20).optional(),
    staffFte: z.number().min(0).max(10_000).optional(),
  })
  .openapi('Means')

export const Indicator = z.strictObject({
  label: text(200).min(2),
  unit: optionalText(50),
  baseline: z.number().optional(),
  target: z.number().optional(),
  value: z.number().optional(),
  measuredAt: PartialDate.optional(),
  method: optionalText(500),
})

export const Results = z
  .strictObject({
    indicators: z.array(Indicator).max(30).optional(),
    peopleReached: z.number().int().min(0).max(100_000_000).optional(),
    evaluationDocuments: z
      .array(z.strictObject({ title: text(200).min(2), url: httpUrl }))
      .max(20)
      .optional(),
  })
  .openapi('Results')

export const Resource = z.strictObject({
  title: text(200).min(2),
  url: httpUrl,
  licence: optionalText(50),
})

/**
 * Where a record abroad takes place: an ISO 3166-1 country (France and its overseas
 * territories are in the French reference, so they are declared as territory codes),
 * optionally an ISO 3166-2 subdivision of it, and the place as people name it.
 */
export const Abroad = z
  .strictObject({
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine((code) => COUNTRIES.some((c) => c.code === code), {
        error: 'Pays inconnu : attendu un code ISO 3166-1 à deux lettres (BE, CH, CA…).',
      })
      .refine((code) => !FRENCH_COUNTRY_CODES.has(code), {
        error:
          'Territoire français : choisissez la portée « territoires » et indiquez son code (com:, epci:, dep:, reg:).',
      })
      .openapi({ example: 'BE', description: 'Pays (ISO 3166-1 alpha-2), hors France' }),
    subdivision: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, {
        error: 'Subdivision attendue au format ISO 3166-2 : BE-WAL, CH-VD, CA-QC…',
      })
      .optional()
      .openapi({ example: 'BE-WAL', description: 'Subdivision du pays (ISO 3166-2)' }),
    place: text(200)
      .min(2, 'Indiquez le lieu (ville, région…).')
      .openapi({ example: 'Namur', description: 'Lieu, tel qu’on le nomme' }),
  })
  .refine((a) => !a.subdivision || a.subdivision.startsWith(`${a.country}-`), {
    path: ['subdivision'],
    error: 'La subdivision doit appartenir au pays indiqué (BE-WAL pour BE).',
  })
  .openapi('Abroad')
export type Abroad = z.infer<typeof Abroad>

/** Where a fact of the record comes from: a public page or document. */
export const Source = z
  .strictObject({
    url: httpUrl,
    title: optionalText(300),
    publisher: optionalText(200).openapi({ description: 'Éditeur du site ou du document' }),
    consultedAt: PartialDate.optional().openapi({ description: 'Date de consultation' }),
  })
  .openapi('Source')
export type Source = z.infer<typeof Source>

export const PublicContact = z
  .strictObject({ role: optionalText(200), email: z.email().max(254).optional() })
  .openapi('PublicContact')

/** Never shown, never exported, never indexed: only moderators read it. */
export const PrivateContact = z
  .strictObject({
    name: optionalText(200),
    email: z.email({ error: 'Adresse e-mail invalide.' }).max(254),
    phone: z
      .string()
      .regex(/^[+0-9 ().-]{6,25}$/, 'Numéro de téléphone invalide.')
      .optional(),
  })
  .openapi('PrivateContact')
export type PrivateContact = z.infer<typeof PrivateContact>

// ── The content shared by input and output ───────────────────────────────────

const contentShape = {
  title: text(160).min(5, 'Le titre doit faire au moins 5 caractères.'),
  summary: text(500).min(20, 'Le résumé doit faire au moins 20 caractères.'),
  language: z.enum(codesOf(RECORD_LANGUAGES)).default('fr'),
  licence: z.enum(codesOf(LICENCES)).default('etalab-2.0'),
  lead: Lead,
  partners: z.array(Partner).max(30).optional(),
  scope: z.enum(codesOf(SCOPES)).default('territories').openapi({
    description:
      'Portée : territoires français (codes typés), France entière (programme national) ou hors de France',
  }),
  // Required (≥ 1) for the `territories` scope and empty otherwise: see `scopeConsistent`.
  territories: z
    .array(TerritoryCode)
    .max(50, '50 territoires au maximum.')
    .refine(unique, 'Un même territoire est répété.')
    .default([]),
  abroad: Abroad.optional(),
  themes: codeList(codesOf(ALL_THEMES), 3).min(1, 'Choisissez au moins une thématique.'),
  publics: codeList(codesOf(PUBLICS), PUBLICS.length).optional(),
  programmes: codeList(codesOf(PROGRAMMES), PROGRAMMES.length).optional(),
  keywords: z.array(text(50).min(2)).max(15).optional(),
  stage: z.enum(codesOf(STAGES)),
  outcome: z.enum(codesOf(OUTCOMES)).optional(),
  startDate: PartialDate.optional().openapi({
    description:
      'Absente quand la source ne la donne pas : la fiche dit « date de démarrage inconnue »',
  }),
  endDate: PartialDate.optional(),
  narrative: Narrative.optional(),
  means: Means.optional(),
  results: Results.optional(),
  evidenceLevel: z
    .number()
    .int()
    .min(0)
    .max(EVIDENCE_LEVELS.length - 1)
    .default(0)
    .openapi({ description: 'Niveau de preuve : 0 déclaratif … 4 évaluation comparative' }),
  inspiredBy: z
    .array(ExperimentId)
    .max(10)
    .refine(unique, 'Une même expérience est répétée.')
    .optional(),
  resources: z.array(Resource).max(20).optional(),
  website: httpUrl.optional(),
  publicContact: PublicContact.optional(),
  sources: z.array(Source).max(20, '20 sources au maximum.').optional(),
}

export interface RuledFields {
  scope: (typeof SCOPES)[number]['code']
  territories: readonly string[]
  abroad?: unknown
  startDate?: string | undefined
  endDate?: string | undefined
}

/** The rules between fields of a record, each reported on the field to fix. */
function crossFieldRules(value: RuledFields, ctx: z.RefinementCtx) {
  scopeConsistent(value, ctx)
  datesInOrder(value, ctx)
}

/** Territory codes belong to the `territories` scope, a place abroad to `abroad`. */
export function scopeConsistent(value: RuledFields, ctx: z.RefinementCtx) {
  const issue = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message })
  if (value.scope === 'territories' && value.territories.length === 0)
    issue('territories', 'Indiquez au moins un territoire.')
  if (value.scope !== 'territories' && value.territories.length > 0)
    issue(
      'territories',
      value.scope === 'national'
        ? 'Une fiche « France entière » ne liste pas de territoires.'
        : 'Une fiche hors de France ne liste pas de territoires français.'
    )
  if (value.scope === 'abroad' && value.abroad === undefined)
    issue('abroad', 'Indiquez le pays et le lieu de l’expérience.')
  if (value.scope !== 'abroad' && value.abroad !== undefined)
    issue('abroad', 'Le lieu à l’étranger ne vaut que pour la portée « hors de France ».')
}

function datesInOrder(value: RuledFields, ctx: z.RefinementCtx) {
  if (value.endDate && value.startDate && value.endDate < value.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'La date de fin précède la date de début.',
    })
  }
}

/** What a collectivité submits. */
export const ExperimentInput = z
  .object({ ...contentShape, privateContact: PrivateContact })
  .strict()
  .superRefine(crossFieldRules)
  .openapi('ExperimentInput')
export type ExperimentInput = z.infer<typeof ExperimentInput>

/** The part of a record that may be shown: everything but the private contact. */
export const ExperimentContent = z.object(contentShape).openapi('ExperimentContent')
export type ExperimentContent = z.infer<typeof ExperimentContent>

export const TerritoryRef = z.object({ code: z.string(), name: z.string() }).openapi('TerritoryRef')
export type TerritoryRef = z.infer<typeof TerritoryRef>

/** Fields computed from the territory reference when a record is written. */
export const Derived = z
  .object({
    territories: z.array(TerritoryRef),
    regions: z.array(TerritoryRef),
    departments: z.array(TerritoryRef),
    populationCovered: z.number().int(),
    scopeLevel: z.enum(codesOf(SCOPE_LEVELS)).openapi({
      description:
        'Portée déduite : locale (communes, EPCI), départementale, régionale (le plus large territoire déclaré l’emporte), nationale ou hors de France',
    }),
    country: z
      .object({ code: z.string(), fr: z.string(), en: z.string() })
      .optional()
      .openapi({ description: 'Pays d’une fiche hors de France, nommé en français et en anglais' }),
    point: GeoPoint.nullable().openapi({
      description:
        'Où placer la fiche sur une carte : le centroïde de son premier territoire déclaré (WGS 84) ; null pour une fiche France entière ou hors de France (RFC 7946 §3.2)',
    }),
    territorySize: TerritorySize.nullable().openapi({
      description:
        'Taille du premier territoire déclaré (commune, EPCI ou département) : tranche de population et classe de densité, pour « des territoires comme le mien » ; null pour une région, une fiche France entière ou hors de France',
    }),
  })
  .openapi('Derived')
export type Derived = z.infer<typeof Derived>

// Only `published` is ever public; a soft-deleted record is never `published` (a CHECK in D1).
export const STATUSES = [
  'pending',
  'changes_requested',
  'published',
  'rejected',
  'unpublished',
  'merged',
] as const
export type Status = (typeof STATUSES)[number]

/**
 * What every kind of record with the lifecycle (experiments, actors) adds to its content
 * once stored: identity, dates and derived territory fields (its `id` is the kind's own).
 */
export const RECORD_FIELDS = {
  slug: z.string(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  lastVerifiedAt: z.string().nullable(),
  derived: Derived,
}

/** What moderators see of any kind of record besides the public fields. */
export const MODERATION_FIELDS = {
  status: z.enum(STATUSES),
  privateContact: PrivateContact,
  moderationNote: z.string().nullable(),
}

/** A record as the API returns it. */
export const Experiment = ExperimentContent.extend({
  id: ExperimentId,
  ...RECORD_FIELDS,
  completeness: z.number().int().min(0).max(100),
  costPerBeneficiaryEur: z
    .number()
    .int()
    .nullable()
    .openapi({
      description: `Coût par personne touchée, en euros : ${COST_PER_BENEFICIARY_FORMULA}`,
    }),
}).openapi('Experiment')
export type Experiment = z.infer<typeof Experiment>

/** What moderators see: the record plus its status and private contact. */
export const ModeratedExperiment =
  Experiment.extend(MODERATION_FIELDS).openapi('ModeratedExperiment')
export type ModeratedExperiment = z.infer<typeof ModeratedExperiment>
