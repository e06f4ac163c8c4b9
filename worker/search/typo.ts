/**
 * Typo arithmetic for the embedded engine: the edit distance Meilisearch counts, and the
 * « Vouliez-vous dire » text built from the corrections applied.
 */
import { foldText } from '../domain/text'
import type { WordStatistics } from './common-words'
import { queryWords, type QueryWord } from './fts-query'

/** At most this many corrections per misspelt word. */
export const MAX_CORRECTIONS = 3

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, as
 * Meilisearch counts typos), giving up above `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, prev2[j - 2]! + 1)
      }
      row.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    prev2 = prev
    prev = row
  }
  return prev[b.length]!
}

/**
 * The query as the user typed it, each corrected word replaced by its first correction:
 * what « Vouliez-vous dire … » offers.
 */
export function suggestion(q: string, corrections: ReadonlyMap<string, readonly string[]>): string {
  return q.replace(/[\p{L}\p{N}]+/gu, (word) => corrections.get(foldText(word))?.[0] ?? word)
}

/**
 * What an index's vocabulary says about a query's words: how many records hold each (the
 * common words), and the corrections of the words no record holds. Read from the embedded
 * index for both engines (`EmbeddedStore.vocabulary`), so both correct the same words.
 */
export interface QueryVocabulary {
  statistics: WordStatistics
  corrections: ReadonlyMap<string, readonly string[]>
}

/** The words a query is searched with, once its misspelt words are corrected. */
export interface CorrectedQuery {
  words: readonly QueryWord[]
  /** The corrected query (« Vouliez-vous dire … »), null when nothing was corrected. */
  didYouMean: string | null
  /** Each corrected word → its other candidate corrections, searched as looser forms. */
  alternatives: Map<string, readonly string[]>
}

/**
 * A query with its misspelt words replaced by their best correction, read again into words:
 * a corrected word then meets the lexicon as if typed right, alone (« cyberatacque » →
 * « cyberattaque » and its synonyms) or with its neighbours (« smart citty » → the
 * expression « smart city »).
 */
export function correctedQuery(
  q: string,
  typed: readonly QueryWord[],
  corrections: ReadonlyMap<string, readonly string[]>
): CorrectedQuery {
  if (corrections.size === 0) return { words: typed, didYouMean: null, alternatives: new Map() }
  const didYouMean = suggestion(q, corrections)
  const alternatives = new Map<string, readonly string[]>()
  for (const [best, ...others] of corrections.values()) {
    if (best && others.length) alternatives.set(best, others)
  }
  return { words: queryWords(didYouMean), didYouMean, alternatives }
}
