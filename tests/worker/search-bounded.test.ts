/**
 * The bounds on a text search's work (issue 14, latency at 10k records), on catalogues
 * large enough to reach them: a word held by most records no longer selects records on
 * its own, in both engines alike, and the embedded engine ranks a bounded candidate set
 * without losing a record that holds every query word, nor any record past the set.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { stemsOfText } from '../../worker/search/analysis'
import { MIN_COMMON_DOCUMENTS } from '../../worker/search/common-words'
import { EmbeddedEngine } from '../../worker/search/embedded'
import { RANKED_CANDIDATES } from '../../worker/search/embedded-sql'
import { MeilisearchEngine } from '../../worker/search/meilisearch'
import { MAX_TOTAL_HITS } from '../../worker/search/settings'
import type { SearchDocument, SearchQuery } from '../../worker/search/types'

function doc(n: number, title: string, summary: string, body = ''): SearchDocument {
  const id = `bounded-${String(n).padStart(5, '0')}`
  return {
    id,
    slug: id,
    revision: 1,
    title,
    summary,
    body,
    leadName: 'Commune d’Exemple',
    themes: ['mediation.competences'],
    topThemes: ['mediation'],
    themeLabels: [],
    stageLabels: [],
    territoryLabels: [],
    stems: stemsOfText([title, summary, body].join(' ')),
    territories: [],
    regions: [],
    departments: [],
    level: 'commune',
    stage: 'pilot',
    evidence: n % 5,
    year: 2020 + (n % 5),
    scopeLevel: 'local',
    country: null,
    abroadPlace: null,
    point: null,
    populationBand: null,
    densityClass: null,
    completeness: 50,
    budgetBand: null,
    fundingTypes: [],
    fundingProgrammes: [],
    publishedAt: `2025-01-01T00:00:${String(n % 60).padStart(2, '0')}Z`,
    lastVerifiedAt: null,
    lastVerifiedTs: 0,
  }
}

const query = (q: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({
  q,
  filters: {},
  sort: 'relevance',
  page: 1,
  hitsPerPage: 20,
  ...extra,
})

describe('a word held by most records (embedded statistics, both engines)', () => {
  // Every record says « kaolin »: past MIN_COMMON_DOCUMENTS and half the index, it is common.
  const size = MIN_COMMON_DOCUMENTS + 100
  const embedded = new EmbeddedEngine(env.SEARCH_DB)
  const meili = new MeilisearchEngine(
    {
      host: env.TEST_MEILI_HOST,
      apiKey: env.TEST_MEILI_KEY,
      indexUid: `test-bounded-${crypto.randomUUID().slice(0, 8)}`,
      timeoutMs: 10_000,
    },
    (words) => embedded.vocabulary(words)
  )
  const skip = !env.TEST_MEILI_HOST

  beforeAll(async () => {
    const docs = Array.from({ length: size }, (_, n) =>
      doc(n, `Atelier ${n} kaolin`, 'Une poterie de village.')
    )
    // Three records hold the rare word, one of them the common one too.
    docs[7] = doc(7, 'Atelier vernissé', 'Le zirconium des émaux.')
    docs[8] = doc(8, 'Atelier 8 kaolin et zirconium', 'Une poterie de village.')
    docs[9] = doc(9, 'Four collectif', 'Cuisson au zirconium.')
    await embedded.upsert(docs)
    if (!skip) {
      await meili.applySettings()
      await meili.upsert(docs)
    }
  }, 120_000)

  it('selects no record by the common word when the query has another', async () => {
    for (const engine of skip ? [embedded] : [embedded, meili]) {
      const result = await engine.search(query('kaolin zirconium'))
      expect(result.total, engine.name).toBe(3)
      // Still a query word: the record holding both ranks first.
      expect(result.hits[0]?.id, engine.name).toBe('bounded-00008')
      expect(result.hits.map((h) => h.id).sort(), engine.name).toEqual(
        ['bounded-00007', 'bounded-00008', 'bounded-00009'].sort()
      )
      // and it is still highlighted where shown.
      expect(result.hits[0]?.highlight.title, engine.name).toContain('<mark>kaolin</mark>')
    }
  })

  it('matches the common word when the query has nothing else', async () => {
    for (const engine of skip ? [embedded] : [embedded, meili]) {
      const result = await engine.search(query('kaolin'))
      // Every record but the two without it, as far as totals count (MAX_TOTAL_HITS).
      expect(result.total, engine.name).toBe(Math.min(size - 2, MAX_TOTAL_HITS))
    }
  })
})

describe('embedded engine: a bounded candidate set', () => {
  const engine = new EmbeddedEngine(env.SEARCH_DB)
  // More records than the candidates, each saying « gravure » in its title (high bm25);
  // fewer than MIN_COMMON_DOCUMENTS, so every word selects.
  const size = RANKED_CANDIDATES + 40
  const rare = 'bounded-09999'

  beforeAll(async () => {
    const docs = Array.from({ length: size }, (_, n) =>
      doc(10_000 + n, `Gravure gravure ${n}`, 'Gravure sur bois en atelier.')
    )
    // The only record holding both words holds them deep in its narrative (low bm25).
    const filler = 'Un long récit des ateliers de la commune. '.repeat(40)
    docs.push(doc(9_999, 'Une fête locale', 'Rien de plus.', `${filler} gravure et sérigraphie`))
    await engine.upsert(docs)
  }, 60_000)

  it('still ranks first the one record holding every query word', async () => {
    const result = await engine.search(query('gravure sérigraphie'))
    expect(result.total).toBe(size + 1)
    expect(result.hits[0]?.id).toBe(rare)
  })

  it('pages past the candidates with every record once', async () => {
    const seen: string[] = []
    const hitsPerPage = 100
    for (let page = 1; page <= Math.ceil((size + 1) / hitsPerPage); page++) {
      const result = await engine.search(query('gravure sérigraphie', { page, hitsPerPage }))
      seen.push(...result.hits.map((h) => h.id))
    }
    expect(seen).toHaveLength(size + 1)
    expect(new Set(seen).size).toBe(size + 1)
  })

  it('keeps the best records of a narrow filter', async () => {
    // evidence 4: one record in five, most of them outside the 300 best by bm25.
    const result = await engine.search(
      query('gravure', { filters: { evidence: ['4'] }, hitsPerPage: 100 })
    )
    const numbers = [9_999, ...Array.from({ length: size }, (_, n) => 10_000 + n)]
    const expected = numbers.filter((n) => n % 5 === 4)
    expect(result.total).toBe(expected.length)
    expect(result.hits).toHaveLength(expected.length)
  })
})

describe('embedded engine: what the isolate keeps of the vocabulary', () => {
  const engine = new EmbeddedEngine(env.SEARCH_DB)

  it('forgets a correction once a write brings the typed word into the index', async () => {
    await engine.upsert([doc(20_000, 'Céramique émaillée', 'Un atelier de poterie.')])
    const before = await engine.search(query('céramiqe'))
    expect(before.didYouMean).toBe('ceramique')
    // The word as typed now exists (a workshop's name): it is no longer a typo to correct,
    // although the same query was corrected a moment ago in this isolate (which keeps word
    // frequencies a while, never corrections).
    await engine.upsert([doc(20_001, 'Atelier Céramiqe', 'Une marque de poterie locale.')])
    const after = await engine.search(query('céramiqe'))
    expect(after.didYouMean).toBeNull()
    expect(after.hits[0]?.id).toBe('bounded-20001')
  })
})
