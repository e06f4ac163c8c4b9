/**
 * Search for the pages. The index is derived and may be down or lagging; a page must
 * still render, so a failure here becomes null ("search unavailable", "no suggestion")
 * instead of an error page.
 */
import {
  experimentsInTerritoriesLike,
  runSearch,
  similarExperiments,
  type TerritoriesLikeProbe,
} from '../../search/service'
import type { SearchHit, SearchQuery, SearchResult } from '../../domain/search'

export interface SimilarProbe {
  id?: string
  text: string
  themes: string[]
  territories: string[]
}

/** The answer of a search, or null (logged) when the engines could not give one. */
async function orNull<T>(what: string, run: () => Promise<T>): Promise<T | null> {
  try {
    return await run()
  } catch (err) {
    console.error(`${what} unavailable`, err)
    return null
  }
}

export function findSimilar(
  env: Env,
  probe: SimilarProbe,
  limit: number
): Promise<SearchHit[] | null> {
  return orNull('similar experiments', () => similarExperiments(env, probe, limit))
}

export function findInTerritoriesLike(
  env: Env,
  probe: TerritoriesLikeProbe,
  limit: number
): Promise<SearchHit[] | null> {
  return orNull('experiments in similar territories', () =>
    experimentsInTerritoriesLike(env, probe, limit)
  )
}

export function search(env: Env, query: SearchQuery): Promise<SearchResult | null> {
  return orNull('search', () => runSearch(env, query))
}
