/**
 * What the search, the list filters and the exports read from a record's means: its budget
 * band and the types and programmes of its funding entries. One definition, so a band or a
 * programme means the same in both engines, the D1 list and the documentation.
 */
import type { ExperimentContent } from './experiment'
import type { Term } from './vocabularies'

/** A budget band: total budget in euros, `min` included, `max` excluded (none: no ceiling). */
export interface BudgetBand extends Term {
  readonly min: number
  readonly max: number | null
}

/**
 * Bands of the total budget. Chosen from the real catalogue (data/relevance/corpus.json):
 * the 27 of its 150 records that state an amount run from 1.3 k€ to 703 M€, spread about
 * evenly on a log scale (1 under 10 k€, 4 from 10 to 50 k€, 4 from 50 to 200 k€, 3 from
 * 200 k€ to 1 M€, 5 from 1 to 10 M€, 9 above 10 M€, a few naming two amounts). One band
 * above 1 M€ would have put a 1.4 M€ cyber-response centre with a 703 M€ collège plan, so
 * the top splits at 10 M€: local projects, regional programmes, national ones.
 */
export const BUDGET_BANDS = [
  { code: 'lt-10k', fr: 'Moins de 10 k€', en: 'Under €10k', min: 0, max: 10_000 },
  { code: '10k-50k', fr: 'De 10 à 50 k€', en: '€10k to €50k', min: 10_000, max: 50_000 },
  { code: '50k-200k', fr: 'De 50 à 200 k€', en: '€50k to €200k', min: 50_000, max: 200_000 },
  { code: '200k-1m', fr: 'De 200 k€ à 1 M€', en: '€200k to €1M', min: 200_000, max: 1_000_000 },
  { code: '1m-10m', fr: 'De 1 à 10 M€', en: '€1M to €10M', min: 1_000_000, max: 10_000_000 },
  { code: 'gt-10m', fr: '10 M€ et plus', en: '€10M and more', min: 10_000_000, max: null },
] as const satisfies readonly BudgetBand[]

export type BudgetBandCode = (typeof BUDGET_BANDS)[number]['code']

/** The band of a total budget; null when the budget is unknown. */
export function budgetBand(budgetEur: number | null | undefined): BudgetBandCode | null {
  if (budgetEur === null || budgetEur === undefined) return null
  const band = BUDGET_BANDS.find((b) => budgetEur >= b.min && (b.max === null || budgetEur < b.max))
  return band?.code ?? null
}

type Means = Pick<ExperimentContent, 'means'>

/** The funding types a record names (`state`, `eu`…), each once. */
export function fundingTypesOf(content: Partial<Means>): string[] {
  return [...new Set((content.means?.fundingSources ?? []).map((f) => f.type))]
}

/**
 * The programmes its funding entries name, as written (the field is free text, trimmed at
 * the edge), each once: « FEDER », « Fonds d’appui aux tiers-lieux ruraux ».
 */
export function fundingProgrammesOf(content: Partial<Means>): string[] {
  return [
    ...new Set(
      (content.means?.fundingSources ?? [])
        .map((f) => f.programme)
        .filter((p): p is string => typeof p === 'string' && p !== '')
    ),
  ]
}
