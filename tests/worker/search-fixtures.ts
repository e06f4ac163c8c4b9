/**
 * Helpers for the search tests: experiments written straight through the catalogue
 * services (same statements, revisions and outbox rows as the API, without HTTP, rate
 * limits or the post-write nudge, so each test decides when the outbox drains).
 */
import { env } from 'cloudflare:workers'
import { getExperimentsByIds } from '../../worker/db/experiments'
import { ExperimentInput } from '../../worker/domain/experiment'
import { submitExperiment } from '../../worker/services/catalogue'
import { moderate } from '../../worker/services/moderation/decisions'
import { toSearchDocument } from '../../worker/search/documents'
import { EmbeddedEngine } from '../../worker/search/embedded'
import { MeilisearchEngine } from '../../worker/search/meilisearch'
import type { SearchEngine } from '../../worker/search/types'
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

/**
 * The engines a contract suite runs on: the embedded one, and a fresh index on the test
 * Meilisearch, which reads its query vocabulary (common words, corrections) from the
 * embedded index, as in the Worker (engines.ts).
 */
export function contractEngines(indexPrefix: string): [string, () => SearchEngine][] {
  const embedded = () => new EmbeddedEngine(env.SEARCH_DB)
  return [
    ['embedded', embedded],
    [
      'meilisearch',
      () =>
        new MeilisearchEngine(
          {
            host: env.TEST_MEILI_HOST,
            apiKey: env.TEST_MEILI_KEY,
            indexUid: `${indexPrefix}-${crypto.randomUUID().slice(0, 8)}`,
          },
          (words) => embedded().vocabulary(words)
        ),
    ],
  ]
}

/** A new engine holding these experiments' documents (Meilisearch gets its settings first). */
export async function loadedEngine(
  make: () => SearchEngine,
  ids: readonly string[]
): Promise<SearchEngine> {
  const engine = make()
  const documents = (await getExperimentsByIds(env.DB, ids)).map(toSearchDocument)
  if (engine instanceof MeilisearchEngine) {
    await engine.applySettings()
    // Its vocabulary is the embedded index's, which the outbox keeps equal in the Worker.
    await new EmbeddedEngine(env.SEARCH_DB).upsert(documents)
  }
  await engine.upsert(documents)
  return engine
}
