/**
 * Helpers for the search tests: experiments written straight through the catalogue
 * services (same statements, revisions and outbox rows as the API, without HTTP, rate
 * limits or the post-write nudge, so each test decides when the outbox drains).
 */
import { env } from 'cloudflare:workers'
import { ExperimentInput } from '../../worker/domain/experiment'
import { submitExperiment } from '../../worker/services/catalogue'
import { moderate } from '../../worker/services/moderation/decisions'
import { validInput } from './fixtures'

type Overrides = Parameters<typeof validInput>[0]

const TESTS = { name: 'search-tests', via: 'api' } as const

export async function submitDirect(overrides: Overrides = {}): Promise<string> {
  const input = ExperimentInput.parse(validInput(overrides))
  return (await submitExperiment(env.DB, input)).id
}

export async function approveDirect(id: string): Promise<void> {
  await moderate(env.DB, id, { action: 'approve' }, TESTS)
}

export async function rejectDirect(id: string): Promise<void> {
  await moderate(env.DB, id, { action: 'reject', reason: 'Hors du périmètre du catalogue.' }, TESTS)
}

/** Submits and approves; returns the id. */
export async function publishDirect(overrides: Overrides = {}): Promise<string> {
  const id = await submitDirect(overrides)
  await approveDirect(id)
  return id
}
