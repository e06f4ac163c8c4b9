/**
 * Completeness score of a fiche (0–100): required fields are few, so the score tells
 * readers how much of the optional, comparison-friendly material was filled in.
 * Each entry is one thing a reader would miss; weights favour what makes an
 * experiment reusable (results, means, advice).
 */
import type { ExperimentContent } from './experiment'

type Check = readonly [weight: number, filled: (e: ExperimentContent) => boolean]

const has = (s: string | undefined) => s !== undefined && s.trim().length > 0
const some = (a: readonly unknown[] | undefined) => a !== undefined && a.length > 0

const CHECKS: readonly Check[] = [
  [3, (e) => has(e.narrative?.context)],
  [3, (e) => has(e.narrative?.description)],
  [2, (e) => has(e.narrative?.novelty)],
  [2, (e) => has(e.narrative?.governance) || some(e.partners)],
  [2, (e) => has(e.narrative?.users) || some(e.publics)],
  [4, (e) => has(e.narrative?.results)],
  [2, (e) => has(e.narrative?.difficulties)],
  [2, (e) => has(e.narrative?.successConditions)],
  [3, (e) => has(e.narrative?.advice)],
  [3, (e) => e.means?.budgetEur !== undefined],
  [2, (e) => some(e.means?.fundingSources)],
  [3, (e) => some(e.results?.indicators)],
  [2, (e) => e.results?.peopleReached !== undefined],
  [2, (e) => e.evidenceLevel > 0],
  [1, (e) => e.outcome !== undefined],
  [1, (e) => has(e.lead.siren) || has(e.lead.rna)],
  [1, (e) => some(e.resources) || some(e.results?.evaluationDocuments)],
  [1, (e) => has(e.website)],
  [1, (e) => has(e.publicContact?.email)],
]

const TOTAL = CHECKS.reduce((sum, [w]) => sum + w, 0)

export function completeness(content: ExperimentContent): number {
  const got = CHECKS.reduce((sum, [w, filled]) => sum + (filled(content) ? w : 0), 0)
  return Math.round((100 * got) / TOTAL)
}
