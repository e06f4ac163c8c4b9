/**
 * The spread of a practice (« essaimée à »): who took it up, generation by generation.
 * Generation 1 holds the records that cite it (`inspiredBy`) and the approved
 * replications declared on it; a generation-1 adopter that has its own record passes the
 * practice on in turn (generation 2), and so on. Bounded so a page stays small.
 */
import { z } from '@hono/zod-openapi'
import { REPLICATION_RELATIONS, type Replication } from './replication'
import { codesOf } from './vocabularies'

/** At most this many generations and links are followed (the graph's rendering budget). */
export const SPREAD_MAX_GENERATIONS = 3
export const SPREAD_MAX_LINKS = 40

const Ref = z.object({ id: z.string(), slug: z.string(), title: z.string() })

export const SpreadLink = z
  .object({
    generation: z.number().int().min(1).max(SPREAD_MAX_GENERATIONS),
    /** Id of the record this link starts from (the practice itself for generation 1). */
    from: z.string(),
    kind: z.enum(['inspired-by', 'replication']),
    relation: z.enum(codesOf(REPLICATION_RELATIONS)).nullable(),
    /** The adopter's record here, when it has one. */
    record: Ref.nullable(),
    /** Territories of the adopter (its declared ones, or the replication's territory). */
    territories: z.array(z.object({ code: z.string(), name: z.string() })),
    /** INSEE codes of the régions those territories lie in. */
    regions: z.array(z.string()),
  })
  .openapi('SpreadLink')
export type SpreadLink = z.infer<typeof SpreadLink>

export const Spread = z
  .object({
    source: Ref,
    /** Distinct territories that adopted the practice directly (generation 1). */
    adoptedBy: z.number().int().min(0),
    links: z.array(SpreadLink),
    /** True when the budget cut links off. */
    truncated: z.boolean(),
  })
  .openapi('Spread')
export type Spread = z.infer<typeof Spread>

/** Distinct territory codes of generation-1 links: the « adoptée par N territoires » figure. */
export function adoptedBy(links: readonly SpreadLink[]): number {
  return new Set(
    links.filter((l) => l.generation === 1).flatMap((l) => l.territories.map((t) => t.code))
  ).size
}

/** Links per région (INSEE code), each link counting once in each région it covers. */
export function linksPerRegion(links: readonly SpreadLink[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const l of links) for (const r of new Set(l.regions)) counts[r] = (counts[r] ?? 0) + 1
  return counts
}

/** A record named by a link: its title when it is published, nothing to link otherwise. */
export interface LinkedRecord {
  id: string
  slug: string | null
  title: string | null
}

/** Everything a record's page shows about lineage, both ways. */
export interface Lineage {
  /** The records it says it was inspired by, named by title. */
  inspiredBy: LinkedRecord[]
  /** Approved replications that name this record as the adopter's own. */
  reproduces: Replication[]
  /** Approved replications declared on this record. */
  received: Replication[]
  spread: Spread
}

// ── Statistics ───────────────────────────────────────────────────────────────

const rate = z.number().nullable()

/** Take-ups received and given by a région or département, with rates like the other measures. */
export const AreaSpread = z
  .object({
    code: z.string().openapi({ example: 'reg:53' }),
    name: z.string(),
    received: z.number().int(),
    given: z.number().int(),
    receivedPer100kInhabitants: rate,
    givenPer100kInhabitants: rate,
    receivedPer100Collectivites: rate,
    givenPer100Collectivites: rate,
  })
  .openapi('AreaSpread')
export type AreaSpread = z.infer<typeof AreaSpread>

export const MostReplicated = z
  .object({ record: Ref, takeUps: z.number().int() })
  .openapi('MostReplicated')
export type MostReplicated = z.infer<typeof MostReplicated>

export const SpreadStats = z
  .object({
    /** All take-ups in the catalogue, each once. */
    total: z.number().int(),
    mostReplicated: z.array(MostReplicated),
    areas: z.array(AreaSpread),
  })
  .openapi('SpreadStats')
export type SpreadStats = z.infer<typeof SpreadStats>

const per = (n: number, base: number | null, unit: number) =>
  base && base > 0 ? Math.round((n / base) * unit * 10_000) / 10_000 : null

/** Counts with their rates: per 100,000 inhabitants and per 100 collectivités. */
export function areaSpread(row: {
  code: string
  name: string
  population: number | null
  collectivites: number
  received: number
  given: number
}): AreaSpread {
  return {
    code: row.code,
    name: row.name,
    received: row.received,
    given: row.given,
    receivedPer100kInhabitants: per(row.received, row.population, 100_000),
    givenPer100kInhabitants: per(row.given, row.population, 100_000),
    receivedPer100Collectivites: per(row.received, row.collectivites, 100),
    givenPer100Collectivites: per(row.given, row.collectivites, 100),
  }
}
