/**
 * « Territoires comme le mien » : the size of a commune, EPCI or département as a
 * population band and a density class, so a small rural commune finds what worked in
 * places like it.
 *
 * Population bands follow the thresholds INSEE's publications commonly use for
 * communes (2 000 inhabitants is also the urban/rural threshold of the old INSEE
 * definition). Density classes approximate the four levels of INSEE's grille communale
 * de densité (dense, intermédiaire, peu dense, très peu dense): the grille classifies
 * 1 km² cells (≥ 1 500, ≥ 300, ≥ 25 inhabitants per km²) and then communes by where
 * most of their population lives; with one figure per territory we apply the same
 * thresholds to population / area. A commune with a dense centre and a large rural
 * area therefore comes out one class lower than in the grille: close, not official.
 */
import { z } from '@hono/zod-openapi'
import { codesOf, type Term } from './vocabularies'

export const POPULATION_BANDS = [
  { code: 'under-2k', fr: 'Moins de 2 000 habitants', en: 'Under 2,000 inhabitants', min: 0 },
  { code: '2k-10k', fr: '2 000 à 10 000 habitants', en: '2,000 to 10,000 inhabitants', min: 2_000 },
  {
    code: '10k-50k',
    fr: '10 000 à 50 000 habitants',
    en: '10,000 to 50,000 inhabitants',
    min: 10_000,
  },
  {
    code: '50k-200k',
    fr: '50 000 à 200 000 habitants',
    en: '50,000 to 200,000 inhabitants',
    min: 50_000,
  },
  {
    code: 'over-200k',
    fr: 'Plus de 200 000 habitants',
    en: 'Over 200,000 inhabitants',
    min: 200_000,
  },
] as const satisfies readonly (Term & { min: number })[]
export type PopulationBand = (typeof POPULATION_BANDS)[number]['code']

/** Inhabitants per km² from which each class starts. */
export const DENSITY_CLASSES = [
  {
    code: 'very-sparse',
    fr: 'Très peu dense',
    en: 'Very sparsely populated',
    help: 'moins de 25 habitants par km²',
    min: 0,
  },
  {
    code: 'sparse',
    fr: 'Peu dense',
    en: 'Sparsely populated',
    help: '25 à 300 habitants par km²',
    min: 25,
  },
  {
    code: 'intermediate',
    fr: 'Densité intermédiaire',
    en: 'Intermediate density',
    help: '300 à 1 500 habitants par km²',
    min: 300,
  },
  {
    code: 'dense',
    fr: 'Dense',
    en: 'Densely populated',
    help: '1 500 habitants par km² ou plus',
    min: 1_500,
  },
] as const satisfies readonly (Term & { min: number })[]
export type DensityClass = (typeof DENSITY_CLASSES)[number]['code']

/** The last entry whose lower bound the value reaches (lists are in increasing order). */
function classify<T extends { min: number }>(classes: readonly T[], value: number): T {
  let found = classes[0]!
  for (const c of classes) if (value >= c.min) found = c
  return found
}

export function populationBand(population: number): PopulationBand {
  return classify(POPULATION_BANDS, population).code
}

/** Null when the area is unknown (a commune created after the area source). */
export function densityClass(population: number, areaKm2: number | null): DensityClass | null {
  if (areaKm2 === null || areaKm2 <= 0) return null
  return classify(DENSITY_CLASSES, population / areaKm2).code
}

/** The size of a territory, or null for a région or a territory without population. */
export function territorySize(t: {
  kind: string
  population: number | null
  areaKm2: number | null
}): TerritorySize | null {
  if (t.kind === 'reg' || t.population === null) return null
  return {
    populationBand: populationBand(t.population),
    densityClass: densityClass(t.population, t.areaKm2),
  }
}

export const TerritorySize = z
  .object({
    populationBand: z.enum(codesOf(POPULATION_BANDS)).openapi({
      description:
        'Tranche de population : under-2k (< 2 000 habitants), 2k-10k, 10k-50k, 50k-200k, over-200k (≥ 200 000)',
    }),
    densityClass: z.enum(codesOf(DENSITY_CLASSES)).nullable().openapi({
      description:
        'Classe de densité (population / superficie), proche de la grille communale de densité de l’INSEE : very-sparse (< 25 hab./km²), sparse (25–300), intermediate (300–1 500), dense (≥ 1 500) ; null si la superficie est inconnue',
    }),
  })
  .openapi('TerritorySize')
export type TerritorySize = z.infer<typeof TerritorySize>
