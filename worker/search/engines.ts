/**
 * The two engines built from the Worker's configuration. Meilisearch is configured when
 * MEILI_HOST is non-empty; the embedded engine always exists (SEARCH_DB).
 */
import { EmbeddedEngine } from './embedded'
import { MeilisearchEngine } from './meilisearch'

export function meilisearchEngine(env: Env): MeilisearchEngine | null {
  const host = env.MEILI_HOST?.trim()
  if (!host) return null
  // Both engines skip the same common words and correct the same misspelt ones: the
  // frequencies and the vocabulary come from the embedded index, which the outbox keeps
  // equal to Meilisearch's.
  const embedded = embeddedEngine(env)
  return new MeilisearchEngine(
    { host, apiKey: env.MEILI_KEY ?? '', indexUid: env.MEILI_INDEX || 'experiments' },
    (words) => embedded.vocabulary(words)
  )
}

export function embeddedEngine(env: Env): EmbeddedEngine {
  return new EmbeddedEngine(env.SEARCH_DB)
}
