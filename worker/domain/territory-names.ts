/**
 * Territories by name: how a typed name ("CC du Pays de Redon", "Saint-Denis (La Réunion)",
 * "Département du Finistère") becomes a lookup key, the same way for the names stored in
 * the reference (`name_key`) and for what people type, so the database answers with an
 * indexed equality or prefix match.
 */
import { foldText, trailingParenthesis } from './text'
import type { TerritoryKind } from './vocabularies'

// Intercommunality forms, long and short, as they begin a name: the reference writes
// "CC du Pays de …", "CA Redon Agglomération", "Métropole de Lyon"; people write either.
const EPCI_FORM =
  /^(communaute de communes|communaute d agglomeration|communaute urbaine|c c|c a|c u|cc|ca|cu|metropole)( |$)/
const ARTICLE = /^(de la|de l|du|des|de|d) /
// Forms that say the level but are not part of the reference's names.
const LEVEL_FORMS: [RegExp, TerritoryKind][] = [
  [/^(departement|conseil departemental|conseil general)( |$)/, 'dep'],
  [/^(region|conseil regional)( |$)/, 'reg'],
  [/^(ville|commune|mairie)( |$)/, 'com'],
]
// Abbreviations written both ways in the reference and by people.
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bst\b/g, 'saint'],
  [/\bste\b/g, 'sainte'],
  [/\bagglo\b/g, 'agglomeration'],
]

function expand(folded: string): string {
  return ABBREVIATIONS.reduce((s, [pattern, full]) => s.replace(pattern, full), folded)
}

function withoutArticle(folded: string): string {
  return folded.replace(ARTICLE, '')
}

/**
 * The lookup key of a territory name: folded (case, accents, hyphens, apostrophes),
 * without a trailing parenthesis, the intercommunality form or the article after it, with
 * "St"/"Agglo" spelt out. "CC du Pays de Redon" → "pays de redon"; "CA Redon
 * Agglomération" → "redon agglomeration"; "Saint-Denis" → "saint denis".
 */
export function territoryNameKey(name: string): string {
  const folded = expand(foldText(trailingParenthesis(name)?.before ?? name))
  const stripped = folded.replace(EPCI_FORM, '')
  return stripped === folded ? folded : withoutArticle(stripped)
}

/** What a typed territory name asks for. */
export interface TerritoryNameQuery {
  /** As typed, trimmed. */
  text: string
  /** The whole text folded, to recognise a reference name typed exactly. */
  folded: string
  /** The lookup key of the name, level form removed. */
  key: string
  /** The level the name says ("CC …" → epci, "Département du …" → dep), if any. */
  kind?: TerritoryKind
  /** A département or région named in trailing parentheses, to tell homonyms apart. */
  hint?: string
  /** Significant words, for a last-resort match on intercommunality names. */
  words: string[]
}

// Words too common in intercommunality names to tell one from another.
const COMMON_WORDS = new Set(
  'de du des la le les l d et en sur sous aux au pays communaute communes agglomeration metropole cc ca cu'.split(
    ' '
  )
)

export function parseTerritoryName(text: string, hint?: string): TerritoryNameQuery {
  const trimmed = text.trim()
  // A trailing parenthesised part: "(La Réunion)", "(35)", or the reference's "(CCTV)".
  const parenthesis = trailingParenthesis(trimmed)
  const name = parenthesis ? parenthesis.before : trimmed
  const folded = expand(foldText(name))
  let key = territoryNameKey(name)
  let kind: TerritoryKind | undefined = key !== folded ? 'epci' : undefined
  for (const [form, level] of LEVEL_FORMS) {
    if (kind || !form.test(folded)) continue
    kind = level
    key = withoutArticle(folded.replace(form, ''))
  }
  const hintText = hint?.trim() || parenthesis?.inside.trim()
  return {
    text: trimmed,
    folded: foldText(trimmed),
    key,
    ...(kind ? { kind } : {}),
    ...(hintText ? { hint: hintText } : {}),
    words: key.split(' ').filter((w) => w.length >= 3 && !COMMON_WORDS.has(w)),
  }
}

/** A territory offered for a typed name, with what tells it from its homonyms. */
export interface TerritoryCandidate {
  code: string
  kind: TerritoryKind
  name: string
  departmentName: string | null
}

/** A typed name that designates no territory for certain, and the ones it may mean. */
export interface TerritoryChoice {
  text: string
  /** `several`: homonyms; `close`: no exact name, only near ones. */
  reason: 'several' | 'close'
  candidates: TerritoryCandidate[]
}
