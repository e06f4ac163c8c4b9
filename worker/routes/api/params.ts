/**
 * Query-parameter schemas shared by the list, search, stats and export routes, so a
 * filter means the same thing everywhere. Multi-valued filters are repeated
 * parameters (`?theme=mediation&theme=open-data`), as HTML forms send them.
 */
import { z } from '@hono/zod-openapi'
import { ACTOR_KINDS, ACTOR_PROGRAMMES } from '../../domain/actor-vocabularies'
import { AGENDA_ATTENDANCE, AGENDA_WHEN } from '../../domain/agenda'
import { countryOf } from '../../domain/countries'
import { EVENT_KINDS } from '../../domain/event-vocabularies'
import { VERIFY_AFTER_MONTHS } from '../../domain/freshness'
import { BUDGET_BANDS } from '../../domain/funding'
import { evidenceAtLeast, MAX_EVIDENCE_LEVEL } from '../../domain/search'
import { SkillQuery } from '../../domain/skills'
import { inseeCode, TerritoryCode, territoryCodePattern } from '../../domain/territory'
import { DENSITY_CLASSES, POPULATION_BANDS } from '../../domain/territory-size'
import {
  codesOf,
  FUNDING_TYPES,
  LEAD_KINDS,
  SCOPE_LEVELS,
  STAGES,
  TOP_THEME_CODES,
} from '../../domain/vocabularies'
import { ProblemError } from '../../http/problem'
import { MAX_TOTAL_HITS } from '../../search/settings'

/** One value or several: always an array after parsing. */
export function repeated<T extends z.ZodType>(item: T) {
  return z
    .union([item, z.array(item).max(120)])
    .optional()
    .transform((v): z.output<T>[] | undefined =>
      v === undefined ? undefined : Array.isArray(v) ? v : [v]
    )
}

const regionCode = z
  .string()
  .regex(territoryCodePattern(['reg'], 'optional'), 'Code de région INSEE attendu (ex. 53).')
  .transform(inseeCode)
const departmentCode = z
  .string()
  .regex(
    territoryCodePattern(['dep'], 'optional'),
    'Code de département INSEE attendu (ex. 35, 2A, 974).'
  )
  .transform(inseeCode)

const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => countryOf(code) !== undefined, 'Code de pays ISO 3166-1 attendu (ex. BE).')

/** A yes/no parameter; the streamed routes read every parameter as a list (`c.req.queries()`). */
const BOOLEAN_TEXT = z.enum(['true', 'false', '1', '0'])

/** A yes/no parameter of a route that reads its query once: `true` or `1`, else false. */
export const QueryFlag = BOOLEAN_TEXT.default('false').transform((v) => v === 'true' || v === '1')

export const CatalogueFilterQuery = z.object({
  theme: repeated(z.enum(TOP_THEME_CODES)).openapi({
    description: 'Thématique (premier niveau), répétable',
  }),
  region: repeated(regionCode).openapi({ description: 'Code INSEE de région, répétable' }),
  department: repeated(departmentCode).openapi({
    description: 'Code INSEE de département, répétable',
  }),
  level: repeated(z.enum(codesOf(LEAD_KINDS))).openapi({
    description: 'Type de porteur, répétable',
  }),
  stage: repeated(z.enum(codesOf(STAGES))).openapi({ description: 'Étape, répétable' }),
  evidence: repeated(z.coerce.number().int().min(0).max(MAX_EVIDENCE_LEVEL)).openapi({
    description: 'Niveau de preuve 0–4, répétable',
  }),
  evidenceMin: z.coerce.number().int().min(0).max(MAX_EVIDENCE_LEVEL).optional().openapi({
    description:
      'Niveau de preuve au moins égal à (0–4) : `evidenceMin=2` vaut `evidence=2&evidence=3&evidence=4` ; avec `evidence`, les deux s’appliquent',
  }),
  scope: repeated(z.enum(codesOf(SCOPE_LEVELS))).openapi({
    description:
      'Portée : local (communes, EPCI), departemental, regional, national (France entière), abroad (hors de France), répétable',
  }),
  country: repeated(countryCode).openapi({
    description: 'Pays d’une fiche hors de France (ISO 3166-1 alpha-2, ex. BE), répétable',
  }),
  budget: repeated(z.enum(codesOf(BUDGET_BANDS))).openapi({
    description: `Tranche du budget total, répétable : ${BUDGET_BANDS.map((b) => `\`${b.code}\` (${b.fr})`).join(', ')} ; bornes basses incluses, hautes exclues`,
  }),
  fundingType: repeated(z.enum(codesOf(FUNDING_TYPES))).openapi({
    description: `Type de financeur d’au moins une ligne de financement, répétable : ${FUNDING_TYPES.map((f) => `\`${f.code}\``).join(', ')}`,
  }),
  programme: repeated(z.string().trim().min(1).max(200)).openapi({
    description:
      'Programme d’une ligne de financement, tel que la fiche le nomme (valeurs des facettes de `GET /api/search`), répétable',
  }),
  size: repeated(z.enum(codesOf(POPULATION_BANDS))).openapi({
    description:
      'Taille du territoire (premier territoire déclaré : commune, EPCI ou département), par tranche de population : under-2k (moins de 2 000 habitants), 2k-10k, 10k-50k, 50k-200k, over-200k (200 000 et plus) ; répétable',
  }),
  density: repeated(z.enum(codesOf(DENSITY_CLASSES))).openapi({
    description:
      'Densité du territoire (population / superficie, seuils de la grille communale de densité de l’INSEE appliqués au territoire entier) : very-sparse (moins de 25 hab./km²), sparse (25 à 300), intermediate (300 à 1 500), dense (1 500 et plus) ; répétable',
  }),
  toVerify: z
    .union([BOOLEAN_TEXT, z.array(BOOLEAN_TEXT).max(1)])
    .optional()
    .transform((v) => ['true', '1'].includes(String(v)))
    .openapi({
      description: `« À vérifier » : \`true\` ne garde que les fiches jamais confirmées ou dont la dernière vérification date de plus de ${VERIFY_AFTER_MONTHS} mois (\`lastVerifiedAt\`), la règle du badge`,
    }),
})

/**
 * The filters with « au moins N » resolved into evidence levels: `evidenceMin` and
 * `evidence` both apply (their intersection), so a filter never widens another.
 */
export function resolveEvidence<
  T extends { evidence?: number[] | undefined; evidenceMin?: number | undefined },
>(filters: T): Omit<T, 'evidenceMin'> {
  const { evidenceMin, ...rest } = filters
  if (evidenceMin === undefined) return rest
  const atLeast = evidenceAtLeast(evidenceMin).map(Number)
  const evidence = rest.evidence?.length
    ? rest.evidence.filter((level) => atLeast.includes(level))
    : atLeast
  // An empty intersection must still select nothing, not everything: -1 is no level.
  return { ...rest, evidence: evidence.length ? evidence : [-1] }
}

/** Inclusive range of start years; used by the statistics (and any route that needs it). */
export const YearRangeQuery = z.object({
  yearFrom: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2100)
    .optional()
    .openapi({ description: 'Année de démarrage minimale (incluse)', example: 2018 }),
  yearTo: z.coerce
    .number()
    .int()
    .min(1900)
    .max(2100)
    .optional()
    .openapi({ description: 'Année de démarrage maximale (incluse)', example: 2024 }),
})

export const PageQuery = z.object({
  cursor: z
    .string()
    .max(200)
    .optional()
    .openapi({ description: 'Curseur opaque renvoyé par la page précédente' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
})

/** Opaque keyset cursors: base64url of a JSON array of the sort keys. */
export function encodeCursor(keys: readonly string[]): string {
  return btoa(JSON.stringify(keys)).replaceAll('+', '-').replaceAll('/', '_').replaceAll('=', '')
}

export function decodeCursor(cursor: string | undefined, arity: number): string[] | null {
  if (cursor === undefined) return null
  try {
    const keys: unknown = JSON.parse(atob(cursor.replaceAll('-', '+').replaceAll('_', '/')))
    if (Array.isArray(keys) && keys.length === arity && keys.every((k) => typeof k === 'string'))
      return keys
  } catch {
    // fall through to the 400 below
  }
  throw invalidCursor()
}

const invalidCursor = () =>
  new ProblemError(400, 'Curseur de pagination invalide.', [
    {
      parameter: 'cursor',
      message: 'Curseur invalide : reprenez la pagination depuis la première page.',
    },
  ])

/** The page a search cursor stands for (1 without one); a cursor not of this shape is a 400. */
export function pageOfCursor(cursor: string | undefined): number {
  const [page] = decodeCursor(cursor, 1) ?? ['1']
  const n = Number(page)
  if (Number.isInteger(n) && n >= 1 && n <= MAX_TOTAL_HITS) return n
  throw invalidCursor()
}

/** Filters of the actors' list, search and exports (OR within a filter, AND across). */
export const ActorFilterQuery = z.object({
  kind: repeated(z.enum(codesOf(ACTOR_KINDS))).openapi({
    description: 'Type de structure, répétable',
  }),
  offers: repeated(SkillQuery).openapi({
    description: 'Compétence (ou famille) offerte, répétable',
  }),
  needs: repeated(SkillQuery).openapi({
    description: 'Compétence (ou famille) recherchée, répétable',
  }),
  territory: repeated(TerritoryCode).openapi({
    description: 'Territoire déclaré ou couvert (com:, epci:, dep:, reg:), répétable',
  }),
  programme: repeated(z.enum(codesOf(ACTOR_PROGRAMMES))).openapi({
    description: 'Programme ou label national, répétable',
  }),
})

const localDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Date attendue au format AAAA-MM-JJ.')

/**
 * Filters of the agenda, its API, feeds and exports (OR within a filter, AND across). The
 * page, the calendar and the feed of one query share these parameters (web/agenda-query.ts
 * writes them back).
 */
export const EventFilterQuery = z.object({
  when: single(z.enum(AGENDA_WHEN)).openapi({
    description:
      '`upcoming` : pas encore terminés, les plus proches d’abord (par défaut de la liste et des flux) ; `past` : terminés, les plus récents d’abord ; `all` : tous, par date de début (par défaut des exports)',
  }),
  theme: repeated(z.enum(TOP_THEME_CODES)).openapi({
    description: 'Thématique (premier niveau, ses sous-thématiques comprises), répétable',
  }),
  territory: repeated(TerritoryCode).openapi({
    description:
      'Territoire (com:, epci:, dep:, reg:) : les événements dont le lieu ou le territoire y est, répétable',
  }),
  kind: repeated(z.enum(codesOf(EVENT_KINDS))).openapi({
    description: 'Type d’événement, répétable',
  }),
  from: single(localDate).openapi({
    description: 'Commence à partir de ce jour (date locale du lieu, incluse)',
    example: '2027-03-01',
  }),
  to: single(localDate).openapi({
    description: 'Commence au plus tard ce jour (date locale du lieu, incluse)',
    example: '2027-06-30',
  }),
  attendance: single(z.enum(AGENDA_ATTENDANCE)).openapi({
    description:
      '`on-site` : sur place (hybrides compris) ; `online` : en ligne (hybrides compris)',
  }),
  free: z
    .union([BOOLEAN_TEXT, z.array(BOOLEAN_TEXT).max(1)])
    .optional()
    .transform((v) => ['true', '1'].includes(String(v)))
    .openapi({ description: '`true` : les événements gratuits seulement' }),
  q: single(z.string().trim().max(200, '200 caractères au maximum.')).openapi({
    description:
      'Texte : les événements qui contiennent tous ces mots (titre, description, lieu, organisateurs, restitution : idées, propositions, désaccords), sans accents ni majuscules, formes et synonymes compris ; trouvés par le moteur de recherche (Meilisearch, ou le moteur embarqué s’il ne répond pas)',
    example: 'médiathèque dimanche',
  }),
})
export type EventFilterQuery = z.output<typeof EventFilterQuery>

/** One value, given once (the streamed routes read every parameter as a list). */
function single<T extends z.ZodType>(item: T) {
  return z
    .union([item, z.array(item).max(1)])
    .optional()
    .transform((v): z.output<T> | undefined => (Array.isArray(v) ? v[0] : v))
}

/** The actors' list and search: the filters and free text (the list's form and `GET /api/actors`). */
export const ActorSearchQuerySchema = ActorFilterQuery.extend({
  q: z.string().trim().max(200, '200 caractères au maximum.').default('').openapi({
    description:
      'Texte libre : nom, type, compétences, programmes, lieux (accents et majuscules indifférents) ; un acteur contient tous les mots',
  }),
})
