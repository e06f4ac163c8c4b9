/**
 * The fixed search workload: what public innovators actually type — accents missing,
 * typos, acronyms, hyphen variants, place names — and how they narrow (région, theme,
 * stage, evidence, empty query + filters). Fixed so two runs measure the same thing.
 */
import type { SearchFilters } from '../../worker/search/types'

export interface BenchQuery {
  q: string
  filters: SearchFilters
  sort?: 'relevance' | 'recent' | 'evidence'
  page?: number
}

export const SEARCH_QUERIES: readonly BenchQuery[] = [
  { q: 'mediation numerique', filters: {} },
  { q: 'médiation numérique', filters: { region: ['53'] } },
  { q: 'tiers lieux', filters: {} },
  { q: 'tiers-lieux ruraux', filters: { stage: ['pilot', 'rollout'] } },
  { q: 'EPN', filters: {} },
  { q: 'FttH', filters: { theme: ['connectivity'] } },
  { q: 'budjet participatif', filters: {} },
  { q: 'teleconsultation desert medical', filters: {} },
  { q: 'Bretagne', filters: {} },
  { q: 'Marseille', filters: {} },
  { q: 'cybersecurite rancongiciel', filters: { evidence: ['2', '3', '4'] } },
  { q: 'conseillers numeriques France Services', filters: {} },
  { q: 'open data', filters: { department: ['69'] } },
  { q: 'fablab', filters: { region: ['84', '11'] } },
  { q: 'sobriete numerique', filters: {}, sort: 'evidence' },
  { q: 'ecole numerique', filters: {}, sort: 'recent' },
  { q: 'aidants connect', filters: { level: ['commune'] } },
  { q: 'illectronisme seniors', filters: {}, page: 2 },
  { q: '', filters: { theme: ['mediation'] } },
  { q: '', filters: { region: ['53'], stage: ['pilot'] } },
  { q: '', filters: { region: ['84'], theme: ['third-places'], year: ['2022'] } },
  { q: '', filters: { evidence: ['4'] }, sort: 'recent' },
  { q: 'ateliers', filters: { department: ['35'] } },
  { q: 'eclairage public intelligent', filters: { theme: ['smart-territory'] } },
]

/** `/api/search?…` with repeated parameters, as the public API takes them. */
export function searchPath(query: BenchQuery): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  for (const [facet, values] of Object.entries(query.filters)) {
    for (const value of values ?? []) params.append(facet, value)
  }
  if (query.sort) params.set('sort', query.sort)
  if (query.page) params.set('page', String(query.page))
  return `/api/search?${params}`
}
