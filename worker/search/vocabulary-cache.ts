/**
 * What the embedded indexes' vocabularies said about query words (each kind's, keyed by
 * its documents table), kept a short while in the isolate: each word's document frequency
 * (common-words.ts). Both engines read them before every multi-word or long-word query,
 * and the same words come back query after query (« numérique », « habitants »…):
 * answered from here, a Meilisearch search of known words makes no D1 round trip at all.
 *
 * Staleness is bounded and harmless: a frequency moves by a few records a minute where the
 * rule compares it with half the catalogue, and a word counted 0 that has been indexed
 * since is only checked for typos, which reads the vocabulary afresh and finds it (so
 * corrections are never kept: a kept one would hide a newly indexed word for a minute).
 * Writes through this isolate (the outbox drain, the reindex, tests) forget it all.
 */

/** How long an answer is reused. */
const TTL_MS = 60_000
/** Entries kept per map; past that the oldest go first (Map keeps insertion order). */
const MAX_ENTRIES = 5_000

interface Entry<T> {
  value: T
  at: number
}

class Expiring<T> {
  private readonly entries = new Map<string, Entry<T>>()

  get(key: string, now: number): T | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (now - entry.at <= TTL_MS) return entry.value
    this.entries.delete(key)
    return undefined
  }

  set(key: string, value: T, now: number): void {
    this.entries.delete(key)
    this.entries.set(key, { value, at: now })
    if (this.entries.size > MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value
      if (oldest !== undefined) this.entries.delete(oldest)
    }
  }

  clear(): void {
    this.entries.clear()
  }
}

/**
 * Word frequencies keyed by the statement that counted them (the word's FTS5 expression and
 * the cap it was counted up to: a lone word is only checked for one record), and the
 * number of records they were counted among.
 */
export const wordCounts = new Expiring<number>()
export const documentCounts = new Expiring<number>()

/** The index changed under this isolate: nothing it said before holds. */
export function forgetVocabulary(): void {
  wordCounts.clear()
  documentCounts.clear()
}
