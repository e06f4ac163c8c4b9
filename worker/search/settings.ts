/**
 * Search settings, in one place for both engines: which fields are searched, filtered
 * and sorted, and the French stop words; the synonyms come from the domain lexicon
 * (lexicon.json). The Meilisearch index settings are derived from these lists and applied
 * idempotently by `MeilisearchIndex.applySettings` (from the reindex endpoint and before
 * the first sync, never per request); the embedded engine uses the same stop words and lexicon.
 */
import type { Settings } from 'meilisearch'
import { meilisearchSynonyms } from './lexicon'
import type { ActorFacet } from '../domain/actor-search'
import type { EventFilter } from '../domain/event-search'
import type { FacetName } from './types'

/**
 * Short French function words ignored in queries, by both engines.
 * Deliberately NOT in it: `est` (Grand Est) and `pas` (Pas-de-Calais), which are parts of
 * place names — as stop words they would stop "Grand Est" from narrowing anything — nor
 * `sur`/`sous` (Boulogne-sur-Mer, Villers-sous-…). `a` is listed next to `à` because
 * queries are often typed without accents. The question words and « faire » (Lucene's
 * French list has the first; « que faire », « comment faire ») say how a query is phrased,
 * not what it is about: as query words they brought in every record saying « faire »
 * (« cyberatacque mairie que faire »: 0.08 → 0.26 nDCG@10 with Meilisearch).
 */
export const STOP_WORDS = [
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'des',
  'du',
  'de',
  'd',
  'et',
  'ou',
  'à',
  'a',
  'au',
  'aux',
  'en',
  'dans',
  'par',
  'pour',
  'avec',
  'ce',
  'cet',
  'cette',
  'ces',
  'qui',
  'que',
  'qu',
  'se',
  'sa',
  'son',
  'ses',
  'leur',
  'leurs',
  'comment',
  'pourquoi',
  'quoi',
  'quel',
  'quelle',
  'quels',
  'quelles',
  'où',
  'faire',
] as const

const STOP_WORD_SET = new Set<string>(STOP_WORDS)

// ── Fields ───────────────────────────────────────────────────────────────────

/** Document attribute behind each facet: the only names ever placed in a filter. */
export const FACET_ATTRIBUTES: Record<FacetName, string> = {
  theme: 'topThemes',
  region: 'regions',
  department: 'departments',
  level: 'level',
  stage: 'stage',
  evidence: 'evidence',
  year: 'year',
  scope: 'scopeLevel',
  country: 'country',
  budget: 'budgetBand',
  fundingType: 'fundingTypes',
  programme: 'fundingProgrammes',
  size: 'populationBand',
  density: 'densityClass',
}

/** In decreasing importance: the `attribute` ranking rule follows this order. */
export const SEARCHABLE_ATTRIBUTES = [
  'title',
  'themeLabels',
  'territoryLabels',
  'summary',
  'leadName',
  'body',
  'stageLabels',
  // Last: a word found only through its stem ranks below the same word found as typed.
  'stems',
] as const

export const DISPLAYED_ATTRIBUTES = [
  'id',
  'slug',
  'revision',
  'title',
  'summary',
  'leadName',
  'themes',
  'territories',
  'stage',
  'evidence',
  'year',
  'scopeLevel',
  'country',
  'abroadPlace',
  'lastVerifiedAt',
  'point',
] as const

/** Page size and depth limits shared by the API schema and both engines. */
export const MAX_HITS_PER_PAGE = 100
export const MAX_TOTAL_HITS = 1000

/** The index settings, derived from the lists above. */
export function indexSettings(): Settings {
  return {
    searchableAttributes: [...SEARCHABLE_ATTRIBUTES],
    displayedAttributes: [...DISPLAYED_ATTRIBUTES],
    filterableAttributes: [
      {
        // Codes: equality only, no facet search (few values, shown in full).
        attributePatterns: [
          'id',
          'topThemes',
          'regions',
          'departments',
          'level',
          'stage',
          'scopeLevel',
          'country',
          'budgetBand',
          'fundingTypes',
          'fundingProgrammes',
          'populationBand',
          'densityClass',
        ],
        features: { facetSearch: false, filter: { equality: true, comparison: false } },
      },
      {
        attributePatterns: ['evidence', 'year', 'lastVerifiedTs'],
        features: { facetSearch: false, filter: { equality: true, comparison: true } },
      },
    ],
    sortableAttributes: ['publishedAt', 'evidence', 'completeness'],
    // `words` first (records holding more query words first), then a picked sort, then
    // relevance, like the embedded engine; attribute before typo (a query word in the title
    // outweighs a one-letter difference: +0.012 nDCG@10 on the real set). No `proximity`:
    // the words of a natural phrase are rarely adjacent in a record, it changed no ranking
    // on the real set (0.781 either way) and it was the costliest rule (−13 % Meilisearch
    // CPU without it at 10k). Evidence and completeness break ties, so better-documented
    // fiches come first.
    rankingRules: [
      'words',
      'sort',
      'attribute',
      'typo',
      'exactness',
      'evidence:desc',
      'completeness:desc',
    ],
    ...frenchTextSettings(),
    // 101 départements must all fit in the facet counts.
    faceting: { maxValuesPerFacet: 110, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    searchCutoffMs: 500,
  }
}

/**
 * The French analysis every index shares: the Worker's stop words, the lexicon's
 * synonyms, typo tolerance from 7 letters and off for numbers and stems, French
 * tokenisation.
 */
function frenchTextSettings(): Settings {
  return {
    // Deliberately empty: Meilisearch 1.21 does not index stop words, and a multi-word
    // synonym is matched as a phrase, so "msap" → "maison de services au public" never
    // matched a fiche saying exactly that (measured). STOP_WORDS are stripped from the
    // query by the Worker instead (`queryWords`), for both engines.
    stopWords: [],
    synonyms: meilisearchSynonyms(STOP_WORD_SET),
    // Years and INSEE codes must not match their neighbours (2024 ≠ 2025, 35 ≠ 36). Typos
    // from 7 letters (2 from 11), not Meilisearch's 5 and 9: a misspelt word of 5 letters or
    // more is corrected by the Worker from the index's vocabulary before it is sent
    // (typo.ts), so Meilisearch's own tolerance mostly matched correct words to other words
    // (« mairie » → « Marie »); from 7 letters it still finds inflected forms. Measured on
    // the real set with the Worker's corrections: 5/9 0.786, 6/10 0.792, 7/9 0.801,
    // 7/11 0.805, 8/12 0.803 nDCG@10; off 0.789 (plurals of long words lost). Stems are
    // exact: a typo on a stem (« inclus ») matches unrelated words.
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 7, twoTypos: 11 },
      disableOnNumbers: true,
      disableOnAttributes: ['stems'],
    },
    localizedAttributes: [{ attributePatterns: ['*'], locales: ['fra'] }],
  }
}

// ── Actors (the network) ─────────────────────────────────────────────────────

/** Document attribute behind each facet of the actors' list. */
export const ACTOR_FACET_ATTRIBUTES: Record<ActorFacet, string> = {
  kind: 'kind',
  offers: 'offerSkills',
  needs: 'needSkills',
  territory: 'territories',
  programme: 'programmes',
}

/** The filter attributes of the actors index that matching reads (domain/matching.ts). */
export const MATCH_ATTRIBUTES = {
  offers: 'offerSkills',
  needs: 'needSkills',
  places: 'places',
  national: 'national',
  themes: 'themes',
} as const

/** In decreasing importance, as for experiments: the name, then labels, then the texts. */
export const ACTOR_SEARCHABLE_ATTRIBUTES = ['name', 'labels', 'description', 'body', 'stems']

/** The actors index: the same French analysis and lexicon as the experiments'. */
export function actorIndexSettings(): Settings {
  return {
    searchableAttributes: ACTOR_SEARCHABLE_ATTRIBUTES,
    displayedAttributes: ['id', 'slug', 'revision'],
    filterableAttributes: [
      {
        attributePatterns: [
          'id',
          ...new Set([
            ...Object.values(ACTOR_FACET_ATTRIBUTES),
            ...Object.values(MATCH_ATTRIBUTES),
          ]),
        ],
        features: { facetSearch: false, filter: { equality: true, comparison: false } },
      },
    ],
    // Browse: newest first; matching: by slug within a proximity level. Both with id last.
    sortableAttributes: ['publishedAt', 'slug', 'id'],
    // An actor holds every query word (`all`), so `words` has nothing to rank; relevance
    // first, then the sort, as the embedded engine (bm25, then its order).
    rankingRules: ['attribute', 'typo', 'exactness', 'sort'],
    ...frenchTextSettings(),
    faceting: { maxValuesPerFacet: 200, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    searchCutoffMs: 500,
  }
}

// ── Events (the agenda, « la parole recueillie ») ────────────────────────────

/** Document attribute behind each filter of the events' searches. */
export const EVENT_FILTER_ATTRIBUTES = {
  kind: 'kind',
  theme: 'themes',
  territory: 'territories',
  attendance: 'attendance',
} as const satisfies Record<EventFilter, string>

/** The events index: the same French analysis and lexicon as the experiments'. */
export function eventIndexSettings(): Settings {
  return {
    // Title first; the restitution's ideas are searched like the description.
    searchableAttributes: ['title', 'labels', 'description', 'organisers', 'restitution', 'stems'],
    displayedAttributes: ['id', 'slug', 'revision'],
    filterableAttributes: [
      {
        attributePatterns: ['id', 'restituted', ...Object.values(EVENT_FILTER_ATTRIBUTES)],
        features: { facetSearch: false, filter: { equality: true, comparison: false } },
      },
      {
        attributePatterns: ['startsAt', 'endsAt'],
        features: { facetSearch: false, filter: { equality: false, comparison: true } },
      },
    ],
    sortableAttributes: ['startsAt', 'id'],
    // An event holds every query word (`all`): a picked sort (by date) comes first, else
    // relevance as the embedded engine's bm25 (title, then labels, then the texts).
    rankingRules: ['sort', 'words', 'attribute', 'typo', 'exactness'],
    ...frenchTextSettings(),
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    searchCutoffMs: 500,
  }
}
