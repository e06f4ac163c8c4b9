/**
 * What the embedded engine makes of a user query: FTS5 expressions built from folded
 * words only (every term is a quoted string, so no operator a user types is interpreted).
 *
 * A query is a list of *words*: a plain word, or an expression of the domain lexicon
 * (« protection des données », « RGPD »). Each word has its exact forms (itself as a prefix
 * once a trailing plural is dropped, or the lexicon's expressions) and looser forms: its
 * French stem in the `stems` column, and spelling corrections from the index vocabulary.
 * A document matches when it has at least one word; it ranks by how many words it has,
 * then by how many of them in their exact form, then bm25 (see embedded.ts).
 */
import { foldText } from '../domain/text'
import { stemOf } from './analysis'
import { foldedExpansions } from './lexicon'
import { STOP_WORDS } from './settings'

/** Meilisearch reads the first 10 query words; so do we. */
export const MAX_QUERY_WORDS = 10

const FOLDED_STOP_WORDS = new Set(STOP_WORDS.map(foldText))
const EXPANSIONS = foldedExpansions()
const LONGEST_EXPRESSION = Math.max(...[...EXPANSIONS.keys()].map((k) => k.split(' ').length))

export interface QueryWord {
  /** As folded from the query (« mediatoin », « protection des donnees »). */
  text: string
  /** As typed (« médiatoin », « protection des données »). */
  typed: string
  /** From the lexicon: the expressions it stands for (itself included). */
  expressions: string[] | null
}

/** The query's words, lexicon expressions first (longest match), stop words dropped. */
export function queryWords(q: string): QueryWord[] {
  // Folding maps each typed word to one folded word, so both lists stay aligned.
  const typed = q
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((t) => foldText(t) !== '')
  const folded = typed.map(foldText)
  const words: QueryWord[] = []
  for (let i = 0; i < folded.length;) {
    const expression = longestExpressionAt(folded, i)
    const length = expression?.length ?? 1
    words.push({
      text: expression?.key ?? folded[i]!,
      typed: typed.slice(i, i + length).join(' '),
      expressions: expression ? [expression.key, ...expression.related] : null,
    })
    i += length
  }
  const meaningful = words.filter((w) => w.expressions || !FOLDED_STOP_WORDS.has(w.text))
  // A query made only of stop words (« à la ») still searches them.
  return (meaningful.length ? meaningful : words).slice(0, MAX_QUERY_WORDS)
}

/** Typed words without the stop words among them (« administration en ligne » → « administration ligne »). */
export function withoutStopWords(typed: string): string {
  const kept = typed.split(' ').filter((t) => !FOLDED_STOP_WORDS.has(foldText(t)))
  return kept.length ? kept.join(' ') : typed
}

function longestExpressionAt(words: readonly string[], at: number) {
  for (let length = Math.min(LONGEST_EXPRESSION, words.length - at); length >= 1; length--) {
    const key = words.slice(at, at + length).join(' ')
    const related = EXPANSIONS.get(key)
    if (related) return { key, related, length }
  }
  return null
}

/** Words worth checking against the vocabulary for a typo: plain, alphabetic, ≥ 5 letters. */
export const mayHaveTypo = (w: QueryWord) =>
  w.expressions === null && w.text.length >= 5 && /^\p{L}+$/u.test(w.text)

/** Meilisearch's thresholds: 1 typo from 5 letters, 2 from 9. */
export const allowedTypos = (word: string) => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0)

export interface TextMatch {
  /**
   * Every form of every word that decides (not `common`): the documents the query matches.
   * A query made only of common words matches them all.
   */
  any: string
  /** Every word, in any of its forms (AND): the records holding all the query's words. */
  every: string
  /** Per word: all its forms, and its exact forms when they differ (null: the same). */
  words: { all: string; exact: string | null }[]
}

/**
 * The FTS5 expressions of a query. `corrections` maps a word missing from the index to the
 * indexed words one or two typos away (see embedded.ts), which become looser forms;
 * `common` holds the words too frequent to select records (common-words.ts), which still
 * count in the ranking.
 */
export function toTextMatch(
  words: readonly QueryWord[],
  corrections: ReadonlyMap<string, readonly string[]> = new Map(),
  common: ReadonlySet<string> = new Set()
): TextMatch | null {
  if (words.length === 0) return null
  const out = words.map((word) => {
    // The stems column holds every word of the document in stemmed form: kept out of the
    // exact forms, so a word found only through its stem never counts as exact.
    const exact = [exactForms(word)]
    const loose: string[] = []
    if (!word.expressions) {
      const stem = stemOf(word.text)
      if (stem) loose.push(`stems : ${quote(stem)}`)
      // A corrected word brings its lexicon expressions too (« cyberatacque » → « cyberattaque »
      // → « attaque informatique »…), as it would have typed correctly.
      for (const corrected of corrections.get(word.text) ?? []) {
        loose.push(quote(corrected), ...(EXPANSIONS.get(corrected) ?? []).map((e) => quote(e)))
      }
    }
    const all = group([...exact, ...loose])
    return { all, exact: loose.length ? group(exact) : null }
  })
  const deciding = out.filter((_, i) => !common.has(words[i]!.text))
  return {
    any: (deciding.length ? deciding : out).map((w) => w.all).join(' OR '),
    every: out.map((w) => w.all).join(' AND '),
    words: out,
  }
}

/** A word's exact forms as one FTS5 expression: what its document frequency is read on. */
export function exactForms(word: QueryWord): string {
  const forms = word.expressions ? word.expressions.map((e) => quote(e)) : [prefixTerm(word.text)]
  return `${TEXT_COLUMNS} : ${group(forms)}`
}

/** The FTS5 columns of the text as written (all but `stems`). */
export const TEXT_COLUMNS = '{title summary labels body}'

const group = (terms: readonly string[]) =>
  terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`

/** A word as a prefix, its trailing plural dropped (« numériques » finds « numérique »). */
function prefixTerm(word: string): string {
  if (word.length < 3 || /^\d+$/.test(word)) return quote(word)
  const stem = word.length >= 5 && /[sx]$/.test(word) ? word.slice(0, -1) : word
  return `${quote(stem)}*`
}

const quote = (text: string) => `"${text.replaceAll('"', '""')}"`
