/**
 * French morphology for both engines: the Snowball French stemmer (`@orama/stemmers`, a
 * maintained port of the reference algorithm) reduces « inclusif », « inclusion » and
 * « inclusive » to one stem. Stems live in a dedicated field of each document (`stems`),
 * searched after the exact words, so a record using the very words of a query still ranks
 * first. Measured in workerd (the vitest pool, on the busy 2-core machine): about 17 µs a
 * word, 1.5 ms for a record's title and summary at indexing time, well under 1 ms for a
 * 10-word query.
 */
import { stemmer } from '@orama/stemmers/french'
import { foldText } from '../domain/text'

/** Words shorter than this are left alone: acronyms and codes (« TNE », « 2A ») stay whole. */
const MIN_STEM_LENGTH = 4

/**
 * Stems already computed in this isolate. Records repeat the same few thousand words, so
 * indexing a batch (stems of every word of long narratives) mostly reads this cache.
 */
const STEMS = new Map<string, string | null>()
const MAX_CACHED_STEMS = 50_000

/** The folded stem of one word, or null when stemming would not change it. */
export function stemOf(word: string): string | null {
  const lower = word.toLowerCase()
  const cached = STEMS.get(lower)
  if (cached !== undefined) return cached
  const stem = computeStem(lower)
  if (STEMS.size >= MAX_CACHED_STEMS) STEMS.clear()
  STEMS.set(lower, stem)
  return stem
}

function computeStem(lower: string): string | null {
  if (lower.length < MIN_STEM_LENGTH || /\d/.test(lower)) return null
  // The algorithm reads accents (« -é », « -ière »): stem first, fold afterwards.
  const stem = foldText(stemmer(lower))
  return stem && stem !== foldText(lower) ? stem : null
}

/** The stems of a text, each once, in first-seen order: the `stems` field of a document. */
export function stemsOfText(text: string): string {
  const words = new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u))
  words.delete('')
  const seen = new Set<string>()
  for (const word of words) seen.add(stemOf(word) ?? foldText(word))
  return [...seen].join(' ')
}
