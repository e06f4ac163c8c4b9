/**
 * The engines built from the Worker's configuration. Meilisearch is configured when
 * MEILI_HOST is non-empty; the embedded engine always exists (SEARCH_DB). Each kind of
 * record has its index in both: experiments (MEILI_INDEX), actors (MEILI_ACTORS_INDEX) and events
 * (MEILI_EVENTS_INDEX).
 */
import { EmbeddedActorEngine } from './actors-embedded'
import { MeilisearchActorEngine } from './actors-meilisearch'
import { EmbeddedEngine } from './embedded'
import { EmbeddedEventEngine } from './events-embedded'
import { MeilisearchEventEngine } from './events-meilisearch'
import { MeilisearchEngine } from './meilisearch'

const meilisearchHost = (env: Env) => env.MEILI_HOST?.trim() || null

export function meilisearchEngine(env: Env): MeilisearchEngine | null {
  const host = meilisearchHost(env)
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

export function meilisearchActorEngine(env: Env): MeilisearchActorEngine | null {
  const host = meilisearchHost(env)
  if (!host) return null
  return new MeilisearchActorEngine({
    host,
    apiKey: env.MEILI_KEY ?? '',
    indexUid: env.MEILI_ACTORS_INDEX || 'actors',
  })
}

export function embeddedActorEngine(env: Env): EmbeddedActorEngine {
  return new EmbeddedActorEngine(env.SEARCH_DB)
}

export function meilisearchEventEngine(env: Env): MeilisearchEventEngine | null {
  const host = meilisearchHost(env)
  if (!host) return null
  return new MeilisearchEventEngine({
    host,
    apiKey: env.MEILI_KEY ?? '',
    indexUid: env.MEILI_EVENTS_INDEX || 'events',
  })
}

export function embeddedEventEngine(env: Env): EmbeddedEventEngine {
  return new EmbeddedEventEngine(env.SEARCH_DB)
}
