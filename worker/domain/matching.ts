/**
 * "Qui peut m'aider ?": matching a need with the actors who offer it (and the reverse,
 * "Qui a besoin de ce que j'apporte ?"), nearest first.
 *
 * How it ranks (both engines, same results):
 * 1. only actors whose offers (or needs, for the reverse) hold the asked skill, or any
 *    skill of the asked family;
 * 2. by proximity to the asker's place, from its ancestry of typed codes: same commune,
 *    same EPCI, same département, same région, then actors working across France;
 *    actors elsewhere do not match (they are not "near");
 * 3. within a proximity, by slug (the folded name, then the end of the id), then id, so
 *    the order is the same in both engines.
 * An actor's proximity is the closest level its own places share with the asker's:
 * a Département de l'Orne actor is "same département" for any commune of the Orne.
 */
import { z } from '@hono/zod-openapi'
import { skillFamily, SkillQuery, type SkillCode, type SkillEntry } from './skills'
import { TerritoryCode } from './territory'
import { TOP_THEME_CODES, type Term } from './vocabularies'

/** How near a matching actor is, closest first (the order of the results). */
export const PROXIMITIES = [
  { code: 'commune', fr: 'même commune', en: 'same municipality' },
  { code: 'epci', fr: 'même intercommunalité', en: 'same inter-municipality' },
  { code: 'departement', fr: 'même département', en: 'same département' },
  { code: 'region', fr: 'même région', en: 'same region' },
  { code: 'national', fr: 'agit dans toute la France', en: 'works across France' },
] as const satisfies readonly Term[]
export type Proximity = (typeof PROXIMITIES)[number]['code']
const PROXIMITY_CODES = PROXIMITIES.map((p) => p.code) as [Proximity, ...Proximity[]]

/** The code prefix each local proximity compares. */
const LEVEL_PREFIX: Record<Exclude<Proximity, 'national'>, string> = {
  commune: 'com:',
  epci: 'epci:',
  departement: 'dep:',
  region: 'reg:',
}

/**
 * A place and every territory above it, as typed codes (`com:61001`, `epci:…`, `dep:61`,
 * `reg:28`): what the asker's place and each actor's places are compared on.
 */
export type Ancestry = readonly string[]

/**
 * The levels to look at for an asker at `place`, closest first: each with the one code
 * an actor must share (its ancestry holds it), then France entière.
 */
export function proximityLevels(place: Ancestry): { proximity: Proximity; code: string | null }[] {
  const local = (Object.keys(LEVEL_PREFIX) as Exclude<Proximity, 'national'>[]).flatMap(
    (proximity) => {
      const code = place.find((c) => c.startsWith(LEVEL_PREFIX[proximity]))
      return code ? [{ proximity, code }] : []
    }
  )
  return [...local, { proximity: 'national', code: null }]
}

/** The proximity of an actor (its places' ancestry, whether it works across France) to a place. */
export function proximityOf(
  place: Ancestry,
  actor: { places: Ancestry; national: boolean }
): Proximity | null {
  for (const level of proximityLevels(place)) {
    if (level.code === null ? actor.national : actor.places.includes(level.code))
      return level.proximity
  }
  return null
}

/** Which way a match looks: actors offering the skill, or actors needing it. */
export const MATCH_DIRECTIONS = ['offers', 'needs'] as const
export type MatchDirection = (typeof MATCH_DIRECTIONS)[number]

/** What someone asks: a skill (or family), where, optionally a theme, and which way. */
export const MatchQuery = z
  .object({
    skill: SkillQuery,
    territory: TerritoryCode,
    theme: z.enum(TOP_THEME_CODES).optional().openapi({
      description: 'Thématique : seuls les acteurs porteurs d’une expérience de ce thème',
    }),
    direction: z.enum(MATCH_DIRECTIONS).default('offers').openapi({
      description: 'offers : qui propose la compétence ; needs : qui en a besoin',
    }),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .openapi('MatchQuery')
export type MatchQuery = z.infer<typeof MatchQuery>

/** The skill entries of an actor that answer a skill or family code. */
export function entriesMatching(
  entries: readonly SkillEntry[],
  asked: SkillCode | ReturnType<typeof skillFamily>
): SkillEntry[] {
  return entries.filter((e) => e.skill === asked || skillFamily(e.skill) === asked)
}

/** One matching actor, with why it matches. */
export const Match = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    kind: z.string(),
    proximity: z.enum(PROXIMITY_CODES),
    /** Its offers (or needs) that answer the asked skill: the "propose : …" of the reason. */
    entries: z.array(
      z.object({
        skill: z.string(),
        text: z.string().optional(),
        horizon: z.enum(['ponctuel', 'durable']).optional(),
      })
    ),
    territories: z.array(z.object({ code: z.string(), name: z.string() })),
  })
  .openapi('Match')
export type Match = z.infer<typeof Match>

export const MatchResult = z
  .object({
    query: z.object({
      skill: z.string(),
      territory: z.object({ code: z.string(), name: z.string() }),
      theme: z.string().optional(),
      direction: z.enum(MATCH_DIRECTIONS),
    }),
    items: z.array(Match),
    engine: z.enum(['meilisearch', 'embedded']),
  })
  .openapi('MatchResult')
export type MatchResult = z.infer<typeof MatchResult>

/** The fields the search engines filter and sort matches on, derived from an actor. */
export interface MatchFields {
  /** Offered skill codes and their families (a family asks for any of its skills). */
  offerSkills: string[]
  needSkills: string[]
  /** Its places and every territory above them (typed codes). */
  places: string[]
  national: boolean
  /** Top themes of the published experiments it leads or partners. */
  themes: string[]
}

/** Skill codes and their families, each once, for a `…Skills` filter field. */
export function skillFilterValues(entries: readonly SkillEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => [e.skill, skillFamily(e.skill)]))]
}
