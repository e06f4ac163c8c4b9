/**
 * The actor record: a structure or place of the network (association, tiers-lieu,
 * médiathèque, France Services, collectivité service…), what it offers and what it needs.
 * The single source of truth for validation, types, the OpenAPI document, exports and
 * forms, shaped like the experiment record:
 * - `ActorInput`: what someone submits (and later edits), private contact included;
 * - `ActorContent`: the input without the private contact — what may be shown;
 * - `Actor`: the published record, with identity, dates and derived territory fields.
 *
 * Entering the network takes little: a name, a kind, a territory (or France entière) and
 * one stated need is a complete record; everything else is optional.
 */
import { z } from '@hono/zod-openapi'
import {
  ACTOR_KINDS,
  ACTOR_PROGRAMMES,
  LMN_PUBLICS,
  LMN_SERVICES,
  LMN_TYPOLOGIES,
} from './actor-vocabularies'
import {
  codeList,
  httpUrl,
  luhnValid,
  MODERATION_FIELDS,
  PrivateContact,
  PublicContact,
  RECORD_FIELDS,
  Rna,
  scopeConsistent,
  Siren,
  Source,
} from './experiment'
import { SkillEntries } from './skills'
import { TerritoryCode } from './territory'
import { cleanText } from './text'
import { codesOf } from './vocabularies'

const text = cleanText
const optionalText = (max: number) => text(max).optional()

export const ActorId = z
  .string()
  .regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Identifiant d’acteur invalide.')
  .openapi({ example: '01JD8Z6M4S4X7R2Q9F3K5V1B0C' })

/** SIRET: the SIREN and a 5-digit establishment number, 14 digits with the Luhn key. */
export const Siret = z
  .string()
  .regex(/^\d{14}$/, 'Le SIRET comporte 14 chiffres.')
  .refine(siretValid, 'Ce SIRET n’est pas valide (clé de contrôle).')
  .openapi({ example: '22350001800013' })

function siretValid(digits: string): boolean {
  // La Poste's establishments share SIREN 356000000 and follow another rule: digit sum ÷ 5.
  if (digits.startsWith('356000000'))
    return [...digits].reduce((sum, d) => sum + Number(d), 0) % 5 === 0
  return luhnValid(digits)
}

/** Street and postcode of a place; the commune is its `com:` territory. */
export const Address = z
  .strictObject({
    street: text(300).min(3, 'Indiquez le numéro et la voie.'),
    postcode: z.string().regex(/^\d{5}$/, 'Le code postal comporte 5 chiffres.'),
  })
  .openapi('Address')

/**
 * The fields of the national mediation-places standard (schema.json 0.2.0) that apply to
 * a place of digital mediation: what kind of place, which of the nine services, which
 * publics it specifically welcomes.
 */
export const MediationPlace = z
  .strictObject({
    typologies: codeList(codesOf(LMN_TYPOLOGIES), LMN_TYPOLOGIES.length).optional(),
    services: codeList(codesOf(LMN_SERVICES), LMN_SERVICES.length).optional(),
    publics: codeList(codesOf(LMN_PUBLICS), LMN_PUBLICS.length).optional(),
  })
  .openapi('MediationPlace')

/** Where an actor acts: French territories (typed codes, the first being where it is) or France entière. */
export const ACTOR_SCOPES = ['territories', 'national'] as const

const contentShape = {
  name: text(200).min(2, 'Indiquez le nom de la structure.'),
  kind: z.enum(codesOf(ACTOR_KINDS)),
  siren: Siren.optional(),
  siret: Siret.optional(),
  rna: Rna.optional(),
  scope: z.enum(ACTOR_SCOPES).default('territories').openapi({
    description:
      'Territoires français (codes typés, le premier est celui du lieu) ou France entière',
  }),
  territories: z
    .array(TerritoryCode)
    .max(20, '20 territoires au maximum.')
    .refine((codes) => new Set(codes).size === codes.length, 'Un même territoire est répété.')
    .default([]),
  address: Address.optional(),
  website: httpUrl.optional(),
  description: optionalText(3000),
  programmes: codeList(codesOf(ACTOR_PROGRAMMES), ACTOR_PROGRAMMES.length).optional(),
  mediation: MediationPlace.optional(),
  offers: SkillEntries.default([]).openapi({
    description: 'Ce que la structure apporte au réseau',
  }),
  needs: SkillEntries.default([]).openapi({ description: 'Ce dont la structure a besoin' }),
  publicContact: PublicContact.optional(),
  sources: z.array(Source).max(20, '20 sources au maximum.').optional(),
}

/** What someone submits for a structure or place (no account needed). */
export const ActorInput = z
  .object({ ...contentShape, privateContact: PrivateContact })
  .strict()
  .superRefine((value, ctx) => scopeConsistent(value, ctx))
  .openapi('ActorInput')
export type ActorInput = z.infer<typeof ActorInput>

/** Everything of an actor that may be shown: the input without its private contact. */
export const ActorContent = z.object(contentShape).openapi('ActorContent')
export type ActorContent = z.infer<typeof ActorContent>

/** An actor as the API returns it. */
export const Actor = ActorContent.extend({ id: ActorId, ...RECORD_FIELDS }).openapi('Actor')
export type Actor = z.infer<typeof Actor>

/** What moderators see: the record plus its status and private contact. */
export const ModeratedActor = Actor.extend(MODERATION_FIELDS).openapi('ModeratedActor')
export type ModeratedActor = z.infer<typeof ModeratedActor>
