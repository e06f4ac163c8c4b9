/**
 * The real actors: the porteurs of the real catalogue (`data/relevance/corpus.json`),
 * derived by `npm run derive:actors` into `data/network/actors.json` (reviewed, committed,
 * provenance in `data/network/PROVENANCE.md`) and loaded by `npm start` after the catalogue.
 *
 * "Nothing invented" (as for the catalogue): an actor carries only what its records say.
 * - **who**: the first organisation a `porteur` names ("Département de l'Orne, association
 *   La Boîte aux Lettres" → "Département de l'Orne"): the others are partners whose role the
 *   corpus does not give;
 * - **kind**: from the form of that name (`leadKindOf`); a name that does not say what the
 *   organisation is (`other`) gives no actor rather than a guessed kind;
 * - **territory**: the territory of its records, i.e. where it acts as the source says.
 *   A collectivité is kept only when its level is the record's level (a Région named as
 *   the porteur of an intercommunal record has no code the corpus gives); a national
 *   record gives France entière; records outside France give no actor (an actor's scope is
 *   French territories or France entière);
 * - **SIREN**: only an EPCI's, when the corpus gives it for that EPCI;
 * - **sources**: the public pages of its records; **experiments**: their corpus ids, the
 *   link "porteur of" between the actor and each of those records;
 * - no description, skills, needs, contact or website: the corpus does not give them.
 */
import { readFileSync } from 'node:fs'
import {
  corpusRecords,
  leadKindOf,
  NO_CONTACT_EMAIL,
  realCatalogueRows,
  type CorpusRecord,
} from './real-catalogue'

export const REAL_ACTORS_URL = new URL('../../data/network/actors.json', import.meta.url)

/** One real actor as stored in `data/network/actors.json`. */
export interface RealActor {
  /** Stable key of the actor in the seed: `porteur:` + the folded name. */
  sourceId: string
  name: string
  kind: 'collectivite' | 'association' | 'tiers-lieu' | 'etat'
  scope: 'territories' | 'national'
  territories: string[]
  siren?: string
  sources: { url: string; publisher: string }[]
  /** Corpus ids (= import `sourceId`) of the records this actor is the porteur of. */
  experiments: string[]
}

const ACTOR_KIND = {
  commune: 'collectivite',
  epci: 'collectivite',
  departement: 'collectivite',
  region: 'collectivite',
  syndicat: 'collectivite',
  association: 'association',
  'third-place': 'tiers-lieu',
  state: 'etat',
} as const satisfies Partial<Record<ReturnType<typeof leadKindOf>, RealActor['kind']>>

/** Collectivité kinds whose territory is a level of the corpus. */
const LEVEL_OF_KIND: Partial<
  Record<ReturnType<typeof leadKindOf>, CorpusRecord['territory_level']>
> = { commune: 'commune', epci: 'epci', departement: 'departement', region: 'region' }

const MAX_TERRITORIES = 20
const MAX_SOURCES = 20

/**
 * The first organisation a porteur names (commas inside parentheses do not split), without
 * the trailing "et partenaires" / "et acteurs locaux" that name no one.
 */
export function firstOrganisation(porteur: string): string {
  return porteur
    .split(/,(?![^(]*\))/)[0]!
    .replace(/ et (partenaires|acteurs locaux)$/, '')
    .trim()
}

/**
 * First names that are not one organisation: the State as a whole qualified by a
 * programme or a law ("État (loi n° 2021-1485)"), the Éducation nationale without the
 * service, and a GIP, whose members the corpus names but whose kind our vocabulary does not.
 */
const NOT_AN_ACTOR = [/^État \(/, /^Éducation nationale$/, /^GIP /]

/** Two names of one collectivité: "Région Sud" is the Région Provence-Alpes-Côte d'Azur's brand. */
const SAME_ACTOR: Record<string, string> = {
  'Région Sud': "Région Provence-Alpes-Côte d'Azur",
}

function foldKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/**
 * Derives the real actors from the corpus and the catalogue's own import rows (whose
 * territory codes are the ones the catalogue publishes). Deterministic: same corpus,
 * same file.
 */
export function deriveRealActors(): RealActor[] {
  const rows = new Map(realCatalogueRows().map((r) => [r.sourceId!, r]))
  const actors = new Map<string, RealActor>()
  for (const record of corpusRecords()) {
    if (record.country !== 'FR') continue
    const leadKind = leadKindOf(record)
    const kind = ACTOR_KIND[leadKind as keyof typeof ACTOR_KIND]
    if (!kind) continue
    const level = LEVEL_OF_KIND[leadKind]
    if (level && level !== record.territory_level) continue
    const row = rows.get(record.id)!
    const first = firstOrganisation(record.porteur)
    if (NOT_AN_ACTOR.some((pattern) => pattern.test(first))) continue
    const name = SAME_ACTOR[first] ?? first
    const sourceId = `porteur:${foldKey(name)}`
    const actor = actors.get(sourceId) ?? {
      sourceId,
      name,
      kind,
      scope: 'territories',
      territories: [],
      sources: [],
      experiments: [],
    }
    if (row.scope === 'national') actor.scope = 'national'
    for (const code of row.territories ?? []) {
      if (!actor.territories.includes(code) && actor.territories.length < MAX_TERRITORIES)
        actor.territories.push(code)
    }
    if (leadKind === 'epci' && row.lead.siren) actor.siren = row.lead.siren
    const host = new URL(record.source_url).hostname.replace(/^www\./, '')
    if (
      actor.sources.length < MAX_SOURCES &&
      !actor.sources.some((s) => s.url === record.source_url)
    )
      actor.sources.push({ url: record.source_url, publisher: host })
    actor.experiments.push(record.id)
    actors.set(sourceId, actor)
  }
  // France entière holds no territory codes (the actor schema refuses both at once).
  return [...actors.values()].map((a) => (a.scope === 'national' ? { ...a, territories: [] } : a))
}

/** The reviewed file `npm start` loads. */
export function realActors(): RealActor[] {
  return JSON.parse(readFileSync(REAL_ACTORS_URL, 'utf8')) as RealActor[]
}

/** An actor of the seed as the actor schema's input (private contact: nobody, as for the catalogue). */
export function realActorInput(actor: RealActor) {
  const { sourceId: _sourceId, experiments: _experiments, ...content } = actor
  return { ...content, offers: [], needs: [], privateContact: { email: NO_CONTACT_EMAIL } }
}
