/**
 * Words too common to select records. A query word held by more than half the records
 * carries no evidence of relevance (its bm25 idf is zero or less), yet matching it brought
 * most of the catalogue into the count, the facets and the ranking of every query holding
 * it (« numérique » is in nine records of ten). Such a word still counts in the ranking
 * (records holding all the query's words come first) but no longer selects records on its
 * own, unless the query has no other word. Below MIN_DOCUMENTS records matching everything
 * costs little, so nothing is skipped: small catalogues keep the plain "any word" meaning.
 */

/** Share of the records above which a word no longer selects records. */
export const COMMON_SHARE = 0.5
/** A word held by fewer records than this always selects. */
export const MIN_COMMON_DOCUMENTS = 1000

/** How many records a word must be held by to be common, in an index of `documents`. */
export function commonThreshold(documents: number): number {
  return Math.max(Math.floor(documents * COMMON_SHARE), MIN_COMMON_DOCUMENTS)
}

/**
 * The words that do not select records, from each word's document frequency (counted up
 * to `commonThreshold(documents) + 1`, which is all the rule needs to know): those above
 * the threshold, unless every word is. Both engines read the frequencies from the
 * embedded index (`EmbeddedStore.wordStatistics`), so they skip the same words.
 */
export function commonWords({ documents, counts }: WordStatistics): Set<string> {
  const threshold = commonThreshold(documents)
  const common = [...counts].filter(([, n]) => n > threshold).map(([word]) => word)
  return common.length < counts.size ? new Set(common) : new Set()
}

/** What an index says about a query's words: its size and each word's (bounded) frequency. */
export interface WordStatistics {
  documents: number
  counts: ReadonlyMap<string, number>
}
