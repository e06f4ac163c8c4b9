/**
 * Deterministic synthetic catalogue for the benchmark: N experiments in plausible French,
 * spread over the real territory reference with the skew real submissions have (more in
 * populous régions and big communes, but every région and département represented), every
 * theme, stage and evidence level, log-normal budgets, indicators. Same seed → same records.
 *
 * CLI: `tsx scripts/bench/generate.ts --size 10000 --seed 42 --out catalogue.ndjson`
 */
import { createWriteStream } from 'node:fs'
import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { ExperimentInput } from '../../worker/domain/experiment'
import {
  FUNDING_TYPES,
  LICENCES,
  OUTCOMES,
  PROGRAMMES,
  PUBLICS,
  THEME_TREE,
  type TopThemeCode,
} from '../../worker/domain/vocabularies'
import { buildTerritoryReference, type TerritoryRow } from '../lib/territory-reference'
import { COMMON, THEME_BANKS } from './phrases'
import { createRng, WeightedTable, type Rng } from './prng'

export const DEFAULT_SEED = 20261122

type Input = ExperimentInput
type Kind = TerritoryRow['kind']

/** Share of fiches by the level of the territory they cover (communes submit most). */
const KIND_MIX: readonly [Kind, number][] = [
  ['com', 0.55],
  ['epci', 0.25],
  ['dep', 0.13],
  ['reg', 0.07],
]
const LEAD_FOR_KIND: Record<Kind, Input['lead']['kind']> = {
  com: 'commune',
  epci: 'epci',
  dep: 'departement',
  reg: 'region',
}
const OTHER_LEADS: readonly Input['lead']['kind'][] = [
  'association',
  'third-place',
  'syndicat',
  'company',
  'state',
]
const STAGE_MIX: readonly [Input['stage'], number][] = [
  ['idea', 0.05],
  ['design', 0.1],
  ['pilot', 0.3],
  ['rollout', 0.3],
  ['sustained', 0.17],
  ['stopped', 0.08],
]
/** Most fiches are declarative; comparative evaluations are rare, as in real catalogues. */
const EVIDENCE_MIX: readonly [number, number][] = [
  [0, 0.35],
  [1, 0.3],
  [2, 0.2],
  [3, 0.1],
  [4, 0.05],
]
/** Some themes are far more common (médiation, services publics) than others (e-santé). */
const THEME_WEIGHT: Record<TopThemeCode, number> = {
  mediation: 5,
  participation: 3,
  'third-places': 3,
  'public-services': 4,
  'open-data': 2,
  sobriety: 1.5,
  'e-health': 1,
  education: 2.5,
  cybersecurity: 1.5,
  'smart-territory': 2,
  connectivity: 2,
  economy: 1.5,
  governance: 2,
}

function weighted<T>(rng: Rng, mix: readonly [T, number][]): T {
  let r = rng.next() * mix.reduce((s, [, w]) => s + w, 0)
  for (const [value, w] of mix) {
    r -= w
    if (r < 0) return value
  }
  return mix.at(-1)![0]
}

/** A SIREN with a valid Luhn key (what the schema checks), never a real one by design. */
function fakeSiren(rng: Rng): string {
  const digits = Array.from({ length: 8 }, () => rng.int(0, 9))
  // The check digit sits at an even position from the right, so it is not doubled.
  let sum = 0
  for (let i = 0; i < 8; i++) {
    let n = digits[7 - i]!
    if (i % 2 === 0) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
  }
  return digits.join('') + String((10 - (sum % 10)) % 10)
}

interface Territories {
  byKind: Record<Kind, WeightedTable<TerritoryRow>>
  communesByDep: Map<string, WeightedTable<TerritoryRow>>
  all: readonly TerritoryRow[]
}

function territoryTables(rows: readonly TerritoryRow[]): Territories {
  // Square root of population: big cities get more fiches, without one Paris fiche in ten.
  const weight = (r: TerritoryRow) => Math.sqrt(r.population ?? 0)
  const ofKind = (kind: Kind) => rows.filter((r) => r.kind === kind && (r.population ?? 0) > 0)
  const communes = ofKind('com')
  const byDep = new Map<string, TerritoryRow[]>()
  for (const c of communes)
    if (c.department) byDep.set(c.department, [...(byDep.get(c.department) ?? []), c])
  return {
    byKind: {
      com: new WeightedTable(communes, weight),
      epci: new WeightedTable(ofKind('epci'), weight),
      dep: new WeightedTable(ofKind('dep'), (r) => r.population ?? 0),
      reg: new WeightedTable(ofKind('reg'), (r) => r.population ?? 0),
    },
    communesByDep: new Map([...byDep].map(([dep, list]) => [dep, new WeightedTable(list, weight)])),
    all: rows,
  }
}

interface ThemeEntry {
  code: TopThemeCode
  children: readonly { code: string }[]
}
const THEME_MIX: readonly [ThemeEntry, number][] = THEME_TREE.map((t): [ThemeEntry, number] => [
  t,
  THEME_WEIGHT[t.code],
])

function pickThemes(rng: Rng): { top: TopThemeCode; codes: string[] } {
  const mix = THEME_MIX
  const main = weighted(rng, mix)
  const codes: string[] = [rng.chance(0.7) ? rng.pick(main.children).code : main.code]
  if (rng.chance(0.35)) {
    const second = weighted(rng, mix)
    const code = rng.chance(0.5) ? second.code : rng.pick(second.children).code
    if (!codes.includes(code) && !codes.includes(second.code)) codes.push(code)
  }
  return { top: main.code, codes }
}

function partialDate(rng: Rng, year: number): string {
  const month = String(rng.int(1, 12)).padStart(2, '0')
  if (rng.chance(0.3)) return String(year)
  if (rng.chance(0.5)) return `${year}-${month}`
  return `${year}-${month}-${String(rng.int(1, 28)).padStart(2, '0')}`
}

/** Log-normal around 40 k€: most projects are small, a few cost millions (fibre, FttH). */
function budget(rng: Rng, top: TopThemeCode): number {
  const median = top === 'connectivity' ? 2_000_000 : top === 'smart-territory' ? 150_000 : 40_000
  const value = Math.exp(Math.log(median) + 1.2 * rng.normal())
  return Math.min(2_000_000_000, Math.max(500, Math.round(value / 100) * 100))
}

function sentence(rng: Rng, list: readonly string[], count: number): string {
  return rng.sample(list, count).join(' ')
}

/** One experiment; `index` only makes identifiers (e-mails) unique. */
function generateOne(rng: Rng, t: Territories, index: number): Input {
  const kind = weighted(rng, KIND_MIX)
  const main = t.byKind[kind].pick(rng)
  const territories = [main]
  if (kind === 'com' && main.department && rng.chance(0.15)) {
    // A few fiches cover neighbouring communes of the same département.
    const pool = t.communesByDep.get(main.department)
    for (let i = rng.int(1, 3); pool && i > 0; i--) {
      const other = pool.pick(rng)
      if (!territories.includes(other)) territories.push(other)
    }
  }
  const { top, codes } = pickThemes(rng)
  const bank = THEME_BANKS[top]
  const stage = weighted(rng, STAGE_MIX)
  const evidenceLevel = weighted(rng, EVIDENCE_MIX)
  const year = rng.int(2014, 2025)
  const startDate = partialDate(rng, year)
  const ended = stage === 'stopped' || (stage === 'sustained' && rng.chance(0.3))
  const endDate = ended ? String(Math.min(2026, year + rng.int(1, 4))) : undefined

  const place = main.name
  const action = rng.pick(bank.actions)
  const object = rng.pick(bank.objects)
  const title = (rng.chance(0.6) ? `${action} ${object} à ${place}` : `${action} ${object}`).slice(
    0,
    160
  )
  const leadKind = rng.chance(0.8) ? LEAD_FOR_KIND[kind] : rng.pick(OTHER_LEADS)
  const leadName =
    leadKind === 'commune'
      ? `Mairie de ${place}`
      : leadKind === 'epci' || leadKind === 'departement' || leadKind === 'region'
        ? place
        : `${rng.pick(['Association', 'Collectif', 'Coopérative', 'Syndicat mixte'])} ${rng.pick(bank.keywords)} ${place}`
  const problem = rng.pick(bank.problems)
  const summary =
    `${action} ${object}, porté par ${leadKind === 'commune' ? `la mairie de ${place}` : leadName}. ${problem}`.slice(
      0,
      480
    ) + (evidenceLevel >= 2 ? ' Une évaluation est disponible.' : '')

  const peopleReached = rng.chance(0.6) ? Math.round(Math.exp(5 + 1.5 * rng.normal())) : undefined
  const indicators = rng
    .sample(bank.indicators, evidenceLevel === 0 ? rng.int(0, 1) : rng.int(1, 3))
    .map((ind) => {
      const value = Math.round(ind.scale * (0.2 + rng.next()))
      return {
        label: ind.label,
        unit: ind.unit,
        ...(rng.chance(0.5) ? { baseline: Math.round(value * rng.next() * 0.5) } : {}),
        ...(rng.chance(0.5) ? { target: Math.round(value * (1 + rng.next())) } : {}),
        value,
        measuredAt: String(Math.min(2026, year + rng.int(0, 2))),
      }
    })
  const total = budget(rng, top)
  const fundingTypes = rng.sample(FUNDING_TYPES, rng.int(1, 3))
  const siren = rng.chance(0.7) ? fakeSiren(rng) : undefined

  const input: Input = {
    title,
    summary: summary.slice(0, 500),
    language: 'fr',
    licence: rng.chance(0.9) ? 'etalab-2.0' : rng.pick(LICENCES).code,
    lead: { name: leadName.slice(0, 200), kind: leadKind, ...(siren ? { siren } : {}) },
    partners: rng
      .sample(COMMON.partners, rng.int(0, 3))
      .map((name) => ({ name, role: rng.pick(COMMON.roles) })),
    scope: 'territories',
    territories: territories.map((r) => r.code),
    themes: codes,
    publics: rng.sample(PUBLICS, rng.int(1, 3)).map((p) => p.code),
    programmes: rng.chance(0.5) ? rng.sample(PROGRAMMES, rng.int(1, 2)).map((p) => p.code) : [],
    keywords: rng.sample(bank.keywords, rng.int(1, 4)),
    stage,
    ...(stage === 'stopped' || stage === 'sustained' || stage === 'rollout'
      ? { outcome: rng.pick(OUTCOMES).code }
      : {}),
    startDate,
    ...(endDate && endDate >= startDate ? { endDate } : {}),
    narrative: {
      context: `${problem} ${rng.pick(bank.problems)}`,
      description: `${action} ${object}. ${sentence(rng, COMMON.novelty, 1)} Le projet couvre ${territories.map((r) => r.name).join(', ')}.`,
      ...(rng.chance(0.6) ? { novelty: sentence(rng, COMMON.novelty, 2) } : {}),
      ...(rng.chance(0.5) ? { governance: rng.pick(COMMON.governance) } : {}),
      ...(rng.chance(0.5) ? { users: rng.pick(COMMON.users) } : {}),
      ...(evidenceLevel > 0
        ? {
            results: `Résultats suivis : ${indicators.map((i) => `${i.label.toLowerCase()} ${i.value} ${i.unit}`).join(', ')}.`,
          }
        : {}),
      ...(rng.chance(0.5) ? { difficulties: sentence(rng, COMMON.difficulties, 2) } : {}),
      ...(rng.chance(0.4) ? { successConditions: sentence(rng, COMMON.successConditions, 2) } : {}),
      ...(rng.chance(0.4) ? { advice: sentence(rng, COMMON.advice, 2) } : {}),
    },
    means: {
      budgetEur: total,
      fundingSources: fundingTypes.map((f, i) => ({
        type: f.code,
        ...(i === 0 ? { amountEur: Math.round(total / fundingTypes.length) } : {}),
      })),
      ...(rng.chance(0.6) ? { staffFte: Math.round(rng.next() * 40) / 10 } : {}),
    },
    results: {
      indicators,
      ...(peopleReached !== undefined ? { peopleReached: Math.min(peopleReached, 5_000_000) } : {}),
      ...(evidenceLevel >= 2
        ? {
            evaluationDocuments: [
              {
                title: `Rapport d’évaluation ${year + 1}`,
                url: `https://example.org/evaluations/${index}.pdf`,
              },
            ],
          }
        : {}),
    },
    evidenceLevel,
    ...(rng.chance(0.3)
      ? { publicContact: { role: 'Référent numérique', email: `numerique.${index}@example.org` } }
      : {}),
    privateContact: { name: 'Chargé de mission', email: `bench.${index}@example.org` },
  }
  return input
}

export interface GenerateOptions {
  size: number
  seed?: number
  /** Validate every record with the `ExperimentInput` schema (default true). */
  validate?: boolean
}

/**
 * Yields `size` experiments. Each record is validated with the same zod schema the API
 * uses, so a failure here is a generator bug, not a rejected import later.
 */
export function* generateCatalogue(opts: GenerateOptions): Generator<Input> {
  const rng = createRng(opts.seed ?? DEFAULT_SEED)
  const territories = territoryTables(buildTerritoryReference().rows)
  for (let i = 0; i < opts.size; i++) {
    const record = generateOne(rng, territories, i)
    if (opts.validate !== false) {
      const parsed = ExperimentInput.safeParse(record)
      if (!parsed.success) {
        throw new Error(
          `generated record ${i} does not validate: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`
        )
      }
    }
    yield record
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '10000' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string' },
    },
  })
  const out = values.out ? createWriteStream(values.out) : process.stdout
  let n = 0
  for (const record of generateCatalogue({
    size: Number(values.size),
    seed: Number(values.seed),
  })) {
    if (!out.write(JSON.stringify(record) + '\n'))
      await new Promise<void>((r) => out.once('drain', () => r()))
    n++
  }
  if (values.out) {
    await new Promise<void>((r) => out.end(() => r()))
    console.error(`${n} expériences écrites dans ${values.out}`)
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
