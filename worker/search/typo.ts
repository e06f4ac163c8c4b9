/**
 * Typo arithmetic for the embedded engine: the edit distance Meilisearch counts, and the
 * « Vouliez-vous dire » text built from the corrections applied.
 */
import { foldText } from '../domain/text'

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
