/** The formula, as the API, the open-data schemas and /donnees state it. */
export const COST_PER_BENEFICIARY_FORMULA =
  'budget total (means.budgetEur) ÷ personnes touchées (results.peopleReached), arrondi à l’euro, sur toute la durée de l’expérience ; null quand l’un des deux manque ou que personne n’a été touché'

/**
 * Cost per beneficiary: the total budget divided by the people reached, rounded to the
 * euro. Both figures are the record's own (`means.budgetEur`, `results.peopleReached`),
 * over the whole life of the experiment; none when either is unknown or nobody was reached.
 * It says what the experiment cost per person, not what reproducing it would cost.
 */
export function costPerBeneficiary(
  budgetEur: number | undefined,
  peopleReached: number | undefined
): number | null {
  if (budgetEur === undefined || peopleReached === undefined || peopleReached <= 0) return null
  return Math.round(budgetEur / peopleReached)
}
