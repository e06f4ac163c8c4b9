/**
 * Helpers for the search tests: experiments written straight through the catalogue
 * services (same statements, revisions and outbox rows as the API, without HTTP, rate
 * limits or the post-write nudge, so each test decides when the outbox drains).
 */
import { env } from 'cloudflare:workers'
import { ExperimentInput } from '../../worker/domain/experiment'
import { moderateExperiment, submitExperiment } from '../../worker/services/catalogue'
import { validInput } from './fixtures'

type Overrides = Parameters<typeof validInput>[0]

export async function submitDirect(overrides: Overrides = {}): Promise<string> {
  const input = ExperimentInput.parse(validInput(overrides))
  return (await submitExperiment(env.DB, input)).id
}

export async function approveDirect(id: string): Promise<void> {
  await moderateExperiment(env.DB, id, 'approve', 'search-tests')
}

export async function rejectDirect(id: string): Promise<void> {
  await moderateExperiment(env.DB, id, 'reject', 'search-tests', 'Hors du périmètre du catalogue.')
}

/** Submits and approves; returns the id. */
export async function publishDirect(overrides: Overrides = {}): Promise<string> {
  const id = await submitDirect(overrides)
  await approveDirect(id)
  return id
}
