/**
 * What the rest of the Worker calls to search: engine selection with automatic fallback
 * (experiments, actors, matching), similar experiments. (The post-write nudge of the outbox drain is HTTP middleware:
 * worker/http/search-sync.ts.)
 */
import { territoriesLikeFilters } from '../domain/search'
import type { TerritorySize } from '../domain/territory-size'
import { topTheme } from '../domain/vocabularies'
import type { ActorSearchQuery, ActorSearchResult } from '../domain/actor-search'
import type { EventSearchQuery, EventSearchResult } from '../domain/event-search'
import {
  embeddedActorEngine,
  embeddedEngine,
  embeddedEventEngine,
  meilisearchActorEngine,
  meilisearchEngine,
  meilisearchEventEngine,
} from './engines'
import { isMeilisearchTimeout, SEARCH_TIMEOUT_MS } from './meilisearch-index'
import type {
  EngineName,
  MatchHit,
  MatchSearch,
  SearchHit,
  SearchQuery,
  SearchResult,
} from './types'

/**
 * After a Meilisearch timeout, this isolate goes straight to the embedded engine for a
 * while instead of making every visitor wait for the timeout again. Fast failures
 * (connection refused, API errors) cost nothing and do not trip it.
 */
const TIMEOUT_COOL_DOWN_MS = 10_000
const coolDownUntil = new Map<string, number>()

/**
 * Asks Meilisearch when it is configured and answers, otherwise the embedded engine:
 * every search of every kind of record goes through here, so a Meilisearch outage
 * degrades all of them the same way (the answer says which engine gave it).
 */
async function answer<T>(
  env: Env,
  meilisearch: (() => Promise<T>) | null,
  embedded: () => Promise<T>
): Promise<T> {
  const host = env.MEILI_HOST
  if (meilisearch && (coolDownUntil.get(host) ?? 0) <= Date.now()) {
    const started = Date.now()
    try {
      return await meilisearch()
    } catch (error) {
      // Measured rather than read from the error: in workerd the client's timeout reaches
      // us as a generic request error (the abort reason is not passed through as is).
      if (isMeilisearchTimeout(error) || Date.now() - started >= SEARCH_TIMEOUT_MS) {
        coolDownUntil.set(host, Date.now() + TIMEOUT_COOL_DOWN_MS)
      }
      const reason = error instanceof Error ? error.message : String(error)
      console.warn(`Meilisearch unavailable (${reason}); answering from the embedded engine`)
    }
  }
  return embedded()
}

/** Searches experiments; `result.engine` says which engine answered. */
export function runSearch(env: Env, query: SearchQuery): Promise<SearchResult> {
  const meili = meilisearchEngine(env)
  return answer(env, meili && (() => meili.search(query)), () => embeddedEngine(env).search(query))
}

/** Searches the network's actors (the list and its facets); `engine` says which answered. */
export function runActorSearch(env: Env, query: ActorSearchQuery): Promise<ActorSearchResult> {
  const meili = meilisearchActorEngine(env)
  return answer(env, meili && (() => meili.search(query)), () =>
    embeddedActorEngine(env).search(query)
  )
}

/** Searches events (the agenda's text, « la parole recueillie »); `engine` says which answered. */
export function runEventSearch(env: Env, query: EventSearchQuery): Promise<EventSearchResult> {
  const meili = meilisearchEventEngine(env)
  return answer(env, meili && (() => meili.search(query)), () =>
    embeddedEventEngine(env).search(query)
  )
}

/** « Qui peut m'aider ? » and its reverse, computed by the engines (domain/matching.ts). */
export function runMatch(
  env: Env,
  s: MatchSearch
): Promise<{ hits: MatchHit[]; engine: EngineName }> {
  const meili = meilisearchActorEngine(env)
  return answer<{ hits: MatchHit[]; engine: EngineName }>(
    env,
    meili && (async () => ({ hits: await meili.match(s), engine: 'meilisearch' })),
    async () => ({ hits: await embeddedActorEngine(env).match(s), engine: 'embedded' })
  )
}

export interface SimilarityProbe {
  id?: string
  text: string
  themes: string[]
  territories: string[]
}

/**
 * Experiments close to a probe (an experiment page, or a submission being typed):
 * candidates come from a loose text search and from the same themes and territories,
 * then are scored — shared themes weigh most, then text rank, then shared territory
 * (same code, same département or région, same kind of territory).
 */
export async function similarExperiments(
  env: Env,
  probe: SimilarityProbe,
  limit: number
): Promise<SearchHit[]> {
  const themes = [...new Set(probe.themes.map(topTheme))]
  const area = territoryArea(probe.territories)
  const base = {
    q: '',
    sort: 'relevance' as const,
    page: 1,
    hitsPerPage: Math.min(limit * 4, 100),
    excludeIds: probe.id ? [probe.id] : [],
    facets: false,
  }
  const [byText, byTheme, byArea] = await Promise.all([
    probe.text.trim() ? runSearch(env, { ...base, q: probe.text, filters: {} }) : null,
    themes.length ? runSearch(env, { ...base, filters: { theme: themes } }) : null,
    area ? runSearch(env, { ...base, filters: area }) : null,
  ])

  const candidates = new Map<string, { hit: SearchHit; score: number }>()
  const add = (hits: readonly SearchHit[] = [], score: (i: number) => number) =>
    hits.forEach((hit, i) => {
      const entry = candidates.get(hit.id) ?? { hit, score: 0 }
      entry.score += score(i)
      candidates.set(hit.id, entry)
    })
  const textCount = byText?.hits.length ?? 0
  add(byText?.hits, (i) => 3 * (1 - i / Math.max(textCount, 1)))
  add(byArea?.hits, () => 1.5)
  add(byTheme?.hits, () => 0)
  const declared = new Set(probe.territories)
  const kinds = new Set(probe.territories.map((c) => c.slice(0, c.indexOf(':'))))
  for (const entry of candidates.values()) {
    entry.score += sharedScore(entry.hit, themes, declared, kinds)
  }
  if (probe.id) candidates.delete(probe.id)
  return [...candidates.values()]
    .sort((a, b) => b.score - a.score || a.hit.id.localeCompare(b.hit.id))
    .slice(0, limit)
    .map((c) => c.hit)
}

export interface TerritoriesLikeProbe {
  size: TerritorySize
  themes: readonly string[]
  /** The territory the page is about: its own experiments are not « like » it. */
  territory: string
  /** The experiment the page is about. */
  id?: string
}

/**
 * Experiments from territories like a given one (same population band and density class,
 * a shared theme), through the engines' filters: a few more are asked for, so that
 * those of the territory itself can be left out.
 */
export async function experimentsInTerritoriesLike(
  env: Env,
  probe: TerritoriesLikeProbe,
  limit: number
): Promise<SearchHit[]> {
  const result = await runSearch(env, {
    q: '',
    filters: territoriesLikeFilters(probe.size, probe.themes),
    sort: 'relevance',
    page: 1,
    hitsPerPage: limit + 10,
    excludeIds: probe.id ? [probe.id] : [],
    facets: false,
  })
  return result.hits.filter((hit) => hit.territories[0]?.code !== probe.territory).slice(0, limit)
}

function sharedScore(
  hit: SearchHit,
  themes: readonly string[],
  declared: ReadonlySet<string>,
  kinds: ReadonlySet<string>
): number {
  const hitThemes = new Set<string>(hit.themes.map(topTheme))
  const sharedThemes = themes.filter((t) => hitThemes.has(t)).length
  const sharedCodes = hit.territories.filter((t) => declared.has(t.code)).length
  const sameKind = hit.territories.some((t) => kinds.has(t.code.slice(0, t.code.indexOf(':'))))
  return 2 * sharedThemes + (sharedCodes > 0 ? 1 : 0) + (sameKind ? 0.5 : 0)
}

/**
 * The département or région filter implied by declared territory codes, when it can be
 * read from the codes alone (commune codes start with their département).
 */
function territoryArea(codes: readonly string[]): SearchQuery['filters'] | null {
  const departments = new Set<string>()
  const regions = new Set<string>()
  for (const code of codes) {
    const [kind, insee = ''] = code.split(':')
    if (kind === 'dep') departments.add(insee)
    else if (kind === 'reg') regions.add(insee)
    else if (kind === 'com')
      departments.add(insee.startsWith('97') ? insee.slice(0, 3) : insee.slice(0, 2))
  }
  if (departments.size) return { department: [...departments] }
  if (regions.size) return { region: [...regions] }
  return null
}
