/**
 * Search for the pages. The index is derived and may be down or lagging; a page must
 * still render, so a failure here becomes null ("search unavailable", "no suggestion")
 * instead of an error page.
 */
import { runSearch, similarExperiments } from '../../search/service'
import type { SearchHit, SearchQuery, SearchResult } from '../../domain/search'

export interface SimilarProbe {
  id?: string
  text: string
  themes: string[]
  territories: string[]
}

export async function findSimilar(
  env: Env,
  probe: SimilarProbe,
  limit: number
): Promise<SearchHit[] | null> {
  try {
    return await similarExperiments(env, probe, limit)
  } catch (err) {
    console.error('similar experiments unavailable', err)
    return null
  }
}

export async function search(env: Env, query: SearchQuery): Promise<SearchResult | null> {
  try {
    return await runSearch(env, query)
  } catch (err) {
    console.error('search unavailable', err)
    return null
  }
}
