/**
 * The domain lexicon (`lexicon.json`, data reviewed by people, documented in README.md)
 * turned into what each engine takes: Meilisearch synonyms, the embedded engine's query
 * expansions, and the extra place labels of a document. One source for both engines.
 */
import { foldText } from '../domain/text'
import lexicon from './lexicon.json'

/** Stop words are dropped from queries (settings.ts); a key must also match without them. */
type StopWords = ReadonlySet<string>

/**
 * Every expression the lexicon knows → the other expressions it also finds. Mutual groups
 * give every member the others; expansions and the English glossary go one way only.
 */
function relations(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>()
  const relate = (from: string, to: readonly string[]) => {
    const set = out.get(from) ?? new Set<string>()
    for (const t of to) if (t !== from) set.add(t)
    out.set(from, set)
  }
  for (const { groups } of lexicon.equivalents) {
    for (const group of groups) for (const term of group) relate(term, group)
  }
  for (const { from, to } of lexicon.expansions) for (const term of from) relate(term, to)
  for (const [en, fr] of lexicon.english.terms as [string, string][]) relate(en, [fr])
  return out
}

// Meilisearch splits on the typographic apostrophe too; keep synonyms lower case.
const meiliTerm = (term: string) => term.toLowerCase().replaceAll('’', "'")

/**
 * Synonyms as Meilisearch takes them. The Worker strips stop words from the query before
 * sending it, so a key with stop words ("protection des données") is also given without
 * them ("protection données"); values keep them, to match the indexed text as a phrase.
 */
export function meilisearchSynonyms(stopWords: StopWords): Record<string, string[]> {
  const out = new Map<string, Set<string>>()
  for (const [from, to] of relations()) {
    const values = [...to].map(meiliTerm)
    const key = meiliTerm(from)
    const stripped = key
      .split(/[\s']+/)
      .filter((w) => !stopWords.has(w))
      .join(' ')
    for (const k of new Set([key, stripped])) {
      if (!k) continue
      const set = out.get(k) ?? new Set<string>()
      for (const v of values) if (v !== k) set.add(v)
      out.set(k, set)
    }
  }
  return Object.fromEntries([...out].map(([k, v]) => [k, [...v]]))
}

/** Folded expression (words joined by one space) → the folded expressions it also finds. */
export function foldedExpansions(): Map<string, string[]> {
  const out = new Map<string, Set<string>>()
  for (const [from, to] of relations()) {
    const key = foldText(from)
    const set = out.get(key) ?? new Set<string>()
    for (const t of to) {
      const folded = foldText(t)
      if (folded && folded !== key) set.add(folded)
    }
    out.set(key, set)
  }
  return new Map([...out].map(([k, v]) => [k, [...v]]))
}

/**
 * Extra place labels of a record in these régions (codes `53`, `04`…): the groups people
 * name ("Outre-mer", "Antilles") and the English names of régions ("Brittany").
 */
export function regionLabels(regionCodes: readonly string[]): string[] {
  const labels = new Set<string>()
  for (const group of lexicon.territoryGroups.groups) {
    if (group.regions.some((r) => regionCodes.includes(r))) {
      for (const label of group.labels) labels.add(label)
    }
  }
  const english: Record<string, string> = lexicon.territoryEnglish.names
  for (const code of regionCodes) if (english[code]) labels.add(english[code])
  return [...labels]
}
