/**
 * Territory by name, for the form without JavaScript and the bulk import: a name
 * ("Redon Agglomération", "Rennes", "Finistère", "CC du Pays de Redon") or a code
 * becomes exactly one territory, a short list to choose from, or nothing.
 *
 * A name is taken only when it designates one territory for certain: its exact name or
 * lookup key, narrowed by a département or région hint when it has one ("Saint-Denis
 * (La Réunion)"). A match that is only close (a prefix, some words of an intercommunality's
 * name) is always offered as a choice, even when it is alone: never a silent guess.
 */
import { territoriesByName, type NameCandidate } from '../db/territories'
import type { Db } from '../db/session'
import { parseTerritoryName } from '../domain/territory-names'

export type NameResolution =
  | { status: 'found'; text: string; territory: NameCandidate }
  | {
      status: 'ambiguous'
      text: string
      /** No exact name: only near ones (a prefix, some words of an EPCI's name). */
      close: boolean
      candidates: NameCandidate[]
    }
  | { status: 'unknown'; text: string }

/** Candidates listed for one ambiguous name: enough to choose, short enough to read. */
export const CHOICES_MAX = 8

/**
 * Resolves each typed name, in one database round trip for all of them. `hint` (a
 * département or région, by name or code) applies to names that carry none of their own.
 */
export async function resolveTerritoryNames(
  db: Db,
  texts: readonly string[],
  hint?: string
): Promise<NameResolution[]> {
  const lookups = texts.map((text) => {
    const query = parseTerritoryName(text, undefined)
    return { ...query, hint: query.hint ?? hint }
  })
  const found = await territoriesByName(db, lookups)
  return lookups.map((lookup, i): NameResolution => {
    const { match, candidates, inHint } = found[i]!
    const text = lookup.text
    // A hint that names nothing known, or excludes every candidate, narrows nothing.
    const inside = candidates.filter((c) => inHint.has(c.code))
    const narrowed = inside.length > 0 ? inside : candidates
    if (narrowed.length === 0) return { status: 'unknown', text }
    if (match === 'exact') {
      if (narrowed.length === 1) return { status: 'found', text, territory: narrowed[0]! }
      // "Lyon": the commune is named exactly so; the Métropole de Lyon only by its key.
      const named = narrowed.filter((c) => c.sameName)
      if (named.length === 1) return { status: 'found', text, territory: named[0]! }
    }
    return {
      status: 'ambiguous',
      text,
      close: match === 'close',
      candidates: narrowed.slice(0, CHOICES_MAX),
    }
  })
}
