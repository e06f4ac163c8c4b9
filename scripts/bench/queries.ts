/**
 * The fixed search workload: what public innovators actually type — natural phrases of
 * four to eight words (most of them sharing only some words with the right fiche), missing
 * accents, typos, English, acronyms, hyphen variants, place names — and how they narrow
 * (région, theme, stage, evidence, empty query + filters). Fixed so two runs measure the
 * same thing.
 */
import type { SearchFilters } from '../../worker/search/types'

export interface BenchQuery {
  q: string
  filters: SearchFilters
  sort?: 'relevance' | 'recent' | 'evidence'
  page?: number
}

export const SEARCH_QUERIES: readonly BenchQuery[] = [
  { q: 'bus numérique itinérant pour aller vers les habitants des villages', filters: {} },
  { q: 'médiation numérique pour les seniors isolés', filters: { region: ['53'] } },
  { q: 'formation aux métiers du numérique pour les jeunes du territoire', filters: {} },
  { q: 'tiers lieux ruraux', filters: { stage: ['pilot', 'rollout'] } },
  { q: 'EPN', filters: {} },
  { q: 'fibre optique dans les hameaux isolés', filters: { theme: ['connectivity'] } },
  { q: 'budjet participatif collégiens', filters: {} },
  { q: 'teleconsultation desert medical', filters: {} },
  { q: 'mediatoin numerique', filters: {} },
  { q: 'participatory budgeting online vote', filters: {} },
  { q: 'digital inclusion for older people', filters: {} },
  { q: 'cybersecurite rancongiciel petites communes', filters: { evidence: ['2', '3', '4'] } },
  { q: 'conseillers numeriques France Services', filters: {} },
  { q: 'open data', filters: { department: ['69'] } },
  { q: 'fablab', filters: { region: ['84', '11'] } },
  { q: 'réduire l’empreinte environnementale du numérique', filters: {}, sort: 'evidence' },
  { q: 'ecole numerique', filters: {}, sort: 'recent' },
  { q: 'aidants connect', filters: { level: ['commune'] } },
  { q: 'illectronisme seniors', filters: {}, page: 2 },
  { q: '', filters: { theme: ['mediation'] } },
  { q: '', filters: { region: ['53'], stage: ['pilot'] } },
  { q: '', filters: { region: ['84'], theme: ['third-places'], year: ['2022'] } },
  { q: 'smart city street lighting', filters: { theme: ['smart-territory'] } },
  { q: 'ateliers', filters: { department: ['35'] } },
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
