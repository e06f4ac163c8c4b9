/**
 * The lower bound: the very request our Meilisearch engine sends, replayed straight to
 * Meilisearch. Rather than re-deriving the multi-search bodies and letting them drift from
 * the engine, the engine itself builds them here: `fetch` is swapped for a recorder while
 * `engine.search()` runs, so the raw run replays byte-identical bodies and the ratio
 * ours/raw isolates what the Worker adds (routing, validation, highlighting, JSON,
 * wrangler's proxy). A text search with a selected facet sends two requests in parallel
 * (the federated search, then the facet's own counts): each is replayed as one request.
 */
import type { SearchQuery } from '../../worker/search/types'
import type { BenchQuery } from './queries'

export interface RecordedRequest {
  method: string
  path: string
  body: string
}

export async function recordEngineRequests(
  queries: readonly BenchQuery[],
  indexUid: string
): Promise<RecordedRequest[] | null> {
  let Engine: typeof import('../../worker/search/meilisearch').MeilisearchEngine
  try {
    Engine = (await import('../../worker/search/meilisearch')).MeilisearchEngine
  } catch {
    return null
  }
  const engine = new Engine({ host: 'http://127.0.0.1:1', apiKey: 'recording', indexUid })
  const recorded: RecordedRequest[] = []
  const realFetch = globalThis.fetch
  globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    recorded.push({
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      body: typeof init?.body === 'string' ? init.body : '',
    })
    const result = { hits: [], facetDistribution: {}, totalHits: 0, page: 1, hitsPerPage: 20 }
    // One shape for both answers: `results` for a multi-search, the rest for a federated one.
    return new Response(JSON.stringify({ ...result, results: [result] }), {
      headers: { 'content-type': 'application/json' },
    })
  }
  try {
    for (const q of queries) {
      const query: SearchQuery = {
        q: q.q,
        filters: q.filters,
        sort: q.sort ?? 'relevance',
        page: q.page ?? 1,
        hitsPerPage: 20,
      }
      await engine.search(query).catch(() => undefined)
    }
  } finally {
    globalThis.fetch = realFetch
  }
  return recorded.length >= queries.length ? recorded : null
}
