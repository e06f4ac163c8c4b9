/**
 * What a search asks and answers, shared by both engines, the API and the pages: facets,
 * sorts, the query, and the hit and result shapes as zod schemas (the API's OpenAPI
 * document and the TypeScript types both derive from them). The index side (documents,
 * the engine interface) is in worker/search/types.ts.
 */
import { z } from '@hono/zod-openapi'
import { TerritoryRef } from './experiment'
import { GeoPoint } from './territory'
import type { TerritorySize } from './territory-size'
import { topTheme } from './vocabularies'

export const ENGINES = ['meilisearch', 'embedded'] as const
export type EngineName = (typeof ENGINES)[number]

/** Facets offered on search; each is also a filter. */
export const FACETS = [
  'theme',
  'region',
  'department',
  'level',
  'stage',
  'evidence',
  'year',
  'scope',
  'country',
  'budget',
  'fundingType',
  'programme',
  'size',
  'density',
] as const
export type FacetName = (typeof FACETS)[number]

/** Evidence levels, lowest first: « au moins N » selects N and every level above it. */
export const MAX_EVIDENCE_LEVEL = 4

/** The `evidence` filter values of « au moins `min` ». */
export function evidenceAtLeast(min: number): string[] {
  const from = Math.max(0, Math.min(MAX_EVIDENCE_LEVEL, Math.trunc(min)))
  return Array.from({ length: MAX_EVIDENCE_LEVEL - from + 1 }, (_, i) => String(from + i))
}

/** The N of an `evidence` selection that is exactly « au moins N »; null otherwise. */
export function evidenceMinimum(values: readonly string[] | undefined): number | null {
  if (!values?.length) return null
  const min = Math.min(...values.map(Number))
  const wanted = evidenceAtLeast(min)
  const given = new Set(values)
  return given.size === wanted.length && wanted.every((v) => given.has(v)) ? min : null
}

/** The `year` facet value of a record whose start date is unknown (never a placeholder year). */
export const UNKNOWN_YEAR = 'unknown'

export const SORTS = ['relevance', 'recent', 'evidence', 'completeness'] as const
export type SortOrder = (typeof SORTS)[number]

/** Filters: OR within a facet, AND across facets. Codes as in the record (region `53`, department `2A`). */
export type SearchFilters = Partial<Record<FacetName, readonly string[]>>

/**
 * « Dans des territoires comme celui-ci »: experiments whose first territory has the same
 * population band and density class (the class left out when unknown), on any of these
 * themes (any theme when none is given). The pages search with it and link to the same
 * search, so the list and « see them all » always agree.
 */
export function territoriesLikeFilters(
  size: TerritorySize,
  themes: readonly string[]
): SearchFilters {
  const topThemes = [...new Set(themes.map(topTheme))]
  return {
    size: [size.populationBand],
    ...(size.densityClass ? { density: [size.densityClass] } : {}),
    ...(topThemes.length ? { theme: topThemes } : {}),
  }
}

export interface SearchQuery {
  /** Free text; empty means "everything matching the filters". */
  q: string
  filters: SearchFilters
  /**
   * Only records « à vérifier »: never verified, or last verified before the cutoff of
   * domain/freshness.ts. A range on a date that moves every day, not a facet value.
   */
  toVerify?: boolean
  sort: SortOrder
  /** 1-based page number. */
  page: number
  hitsPerPage: number
  /** Ids left out of the results (the experiment a similarity search starts from). */
  excludeIds?: readonly string[]
  /**
   * `false`: hits and total only, every facet count left empty. Similarity searches need
   * no counts, and on the embedded engine at 100k the counts are most of the cost.
   */
  facets?: boolean
}

/** One published experiment in a result list. */
export const SearchHit = z
  .object({
    id: z.string(),
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    territories: z.array(TerritoryRef),
    themes: z.array(z.string()),
    stage: z.string(),
    evidenceLevel: z.number().int(),
    leadName: z.string(),
    year: z.number().int().nullable().openapi({ description: 'Null : date de démarrage inconnue' }),
    scopeLevel: z.string().openapi({
      description: 'Portée : local, departemental, regional, national (France entière) ou abroad',
    }),
    country: z
      .string()
      .nullable()
      .openapi({ description: 'Pays (ISO 3166-1) d’une fiche hors de France' }),
    abroadPlace: z.string().nullable().openapi({ description: 'Lieu d’une fiche hors de France' }),
    point: GeoPoint.nullable().openapi({
      description:
        'Centroïde du premier territoire de la fiche (le même que `derived.point` de la fiche) ; null pour une fiche France entière ou hors de France',
    }),
    lastVerifiedAt: z.string().nullable().optional().openapi({
      description:
        'Dernière confirmation de la fiche (null : jamais) ; absent tant que l’index n’a pas été reconstruit',
    }),
    highlight: z.object({ title: z.string(), summary: z.string() }).openapi({
      description: 'HTML sûr : texte échappé, correspondances entre <mark> et </mark>',
    }),
  })
  .openapi('SearchHit')

/** One page of results; both engines answer this shape. */
export const SearchResult = z
  .object({
    hits: z.array(SearchHit),
    total: z
      .number()
      .int()
      .openapi({ description: 'Nombre de résultats (plafonné par le moteur de recherche)' }),
    page: z.number().int(),
    hitsPerPage: z.number().int(),
    facets: z.record(z.enum(FACETS), z.record(z.string(), z.number().int())).openapi({
      description:
        'Comptes par valeur de chaque filtre ; ceux d’un filtre ignorent sa propre sélection (facettes disjonctives)',
    }),
    engine: z.enum(ENGINES).openapi({ description: 'Moteur qui a répondu' }),
    didYouMean: z.string().nullable().openapi({
      description:
        'La requête aux mots corrigés d’après le vocabulaire de l’index, quand un mot inconnu de l’index a été corrigé (« Vouliez-vous dire … »), par l’un ou l’autre moteur ; null sinon',
    }),
  })
  .openapi('SearchResult')

export type SearchHit = z.infer<typeof SearchHit>
/** `facets`: disjunctive counts, a facet's counts ignore that facet's own selection. */
export type SearchResult = z.infer<typeof SearchResult>
