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

/** The folded stem of one word, or null when stemming would not change it. */
export function stemOf(word: string): string | null {
  const lower = word.toLowerCase()
  if (lower.length < MIN_STEM_LENGTH || /\d/.test(lower)) return null
  // The algorithm reads accents (« -é », « -ière »): stem first, fold afterwards.
  const stem = foldText(stemmer(lower))
  return stem && stem !== foldText(lower) ? stem : null
}

/** The stems of a text, each once, in first-seen order: the `stems` field of a document. */
export function stemsOfText(text: string): string {
  const seen = new Set<string>()
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!word) continue
    seen.add(stemOf(word) ?? foldText(word))
  }
  return [...seen].join(' ')
}
