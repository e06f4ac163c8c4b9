/**
 * The real catalogue: the 150 sourced records of `data/relevance/corpus.json` as
 * bulk-import rows. `npm start` loads them on an empty database and the search
 * evaluation measures on them, so both see the same records.
 *
 * The rule is "nothing invented": a field the corpus does not give stays empty, and a
 * value is derived only when the corpus data makes it certain. The mapping, field by field:
 *
 * - `sourceId` = corpus `id` (re-importing updates instead of duplicating);
 * - `title` as is; `summary` as is when it fits the record's 500 characters, otherwise
 *   the leading whole sentences that fit, the complete text then going to
 *   `narrative.description` so no word of the source summary is lost;
 * - `lead.name` = `porteur` as written (it may name several organisations: splitting it
 *   would mean guessing who leads); `lead.kind` from the form of the first organisation
 *   named (see `leadKindOf`), `other` when that form does not say;
 *   `lead.siren` only when the lead is the EPCI whose SIREN the corpus gives;
 * - scope: `country` ≠ FR → `abroad` (country, place = `territory_name`, ISO 3166-2
 *   subdivision only when the place IS a Belgian région or Swiss canton named exactly);
 *   `national` FR → `national`; otherwise the territory code from `insee_code`/`siren`;
 *   an `epci` record without SIREN is, per the corpus README, a grouping that is not an
 *   EPCI à fiscalité propre (a SIVU, a pays, a few communes): it has no code of its own,
 *   so it is placed at its région (`region_name`) and its own name kept as a keyword;
 * - `themes`: the corpus themes mapped to the top-level theme codes (no sub-theme: the
 *   corpus does not say which one);
 * - `stage` from `status`; `startDate` = `start_year` (absent when null);
 * - `sources[0]` = `{ url: source_url, publisher: the page's host }`;
 * - the private contact says "no one": the facts come from public pages, not from a
 *   contributor, and the address is in the reserved `.invalid` domain (RFC 2606).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { z } from '@hono/zod-openapi'
import type { ImportRow } from '../../worker/open-data/schema'

const require = createRequire(import.meta.url)

export const CORPUS_URL = new URL('../../data/relevance/corpus.json', import.meta.url)

/** One record of `data/relevance/corpus.json` (its README documents each field). */
export interface CorpusRecord {
  id: string
  title: string
  summary: string
  territory_name: string
  territory_level: 'commune' | 'epci' | 'departement' | 'region' | 'national'
  insee_code: string | null
  siren: string | null
  region_name: string | null
  country: string
  themes: string[]
  status: 'idee' | 'pilote' | 'deploye' | 'generalise' | 'arrete'
  start_year: number | null
  porteur: string
  source_url: string
}

/** A bulk-import row, typed by the import schema itself (`ImportRow`, API field names). */
export type RealCatalogueRow = z.input<typeof ImportRow>
type LeadKind = RealCatalogueRow['lead']['kind']

/** The private contact of records taken from public pages: nobody, by construction. */
export const NO_CONTACT_EMAIL = 'catalogue@observatoire.invalid'

const SUMMARY_MAX = 500

export const STAGE: Record<CorpusRecord['status'], RealCatalogueRow['stage']> = {
  idee: 'idea',
  pilote: 'pilot',
  deploye: 'rollout',
  generalise: 'sustained',
  arrete: 'stopped',
}

// The corpus has `inclusion` and `mediation` apart; the observatory's theme
// "Inclusion et médiation numérique" holds both.
export const THEME: Record<string, string> = {
  inclusion: 'mediation',
  mediation: 'mediation',
  participation: 'participation',
  'tiers-lieux': 'third-places',
  'services-publics': 'public-services',
  'open-data': 'open-data',
  sobriete: 'sobriety',
  'e-sante': 'e-health',
  education: 'education',
  'smart-city': 'smart-territory',
  cybersecurite: 'cybersecurity',
  infrastructures: 'connectivity',
  gouvernance: 'governance',
  economie: 'economy',
}

/** ISO 3166-2 codes of the foreign places the corpus names as a whole subdivision. */
const SUBDIVISION: Record<string, string> = {
  'BE|Wallonie': 'BE-WAL',
  'BE|Région de Bruxelles-Capitale': 'BE-BRU',
  'CH|Canton de Fribourg': 'CH-FR',
  'CH|Canton de Vaud': 'CH-VD',
}

/** Organisation name forms that say what the organisation is, as the corpus writes them. */
const LEAD_FORMS: [RegExp, LeadKind][] = (
  [
    [['Ville', 'Commune', 'Archives municipales'], 'commune'],
    [
      [
        'Communauté de communes',
        "Communauté d'agglomération",
        'Communauté urbaine',
        'CC',
        'CA',
        'CU',
        'Métropole',
      ],
      'epci',
    ],
    [['Département', 'Conseil général', 'Conseil départemental'], 'departement'],
    [
      [
        'Région',
        'Collectivité de Corse',
        'Collectivité territoriale de',
        'Canton de',
        'État de Vaud',
      ],
      'region',
    ],
    [['Syndicat', 'SIVU', 'SIEEEN', 'GIP'], 'syndicat'],
    [['Association', 'Adico (Association'], 'association'],
    [['Tiers-lieu'], 'third-place'],
    [
      [
        'État',
        'Ministère',
        'Préfecture',
        'Sous-préfecture',
        'Rectorat',
        'Agence régionale de santé',
        'ARS',
        'ANSSI',
        'ANCT',
        'SGPI',
        'Éducation nationale',
      ],
      'state',
    ],
  ] as [string[], LeadKind][]
).map(([forms, kind]) => [
  // A form counts as a whole word: `\\b` would not end one after "é".
  new RegExp(`^(?:${forms.map((f) => f.replace(/[()]/g, '\\$&')).join('|')})(?=[\\s,(]|$)`),
  kind,
])

/**
 * The lead kind, read from the form of the first organisation the `porteur` names
 * ("Département de l'Orne, association …" → `departement`). Only forms that say what the
 * organisation is count: "Ville de …", "Région …", "Communauté de communes …", "Syndicat
 * …", "Association …", a State service named as such. A name that does not say it
 * (Emmaüs Connect, La 27e Région, Cyber'Occ) gives `other` rather than a guess.
 */
export function leadKindOf(
  record: Pick<CorpusRecord, 'porteur' | 'territory_name' | 'territory_level'>
): LeadKind {
  const first = record.porteur.split(/,(?![^(]*\))/)[0]!.trim()
  const kind = LEAD_FORMS.find(([pattern]) => pattern.test(first))?.[1]
  if (kind) return kind
  // The Belgian and Luxembourg legal form of an association, written after the name.
  if (/ asbl$/i.test(first)) return 'association'
  // "Hautes Terres Communauté", "Dijon Métropole": the EPCI of the record, named as such.
  if (record.territory_level === 'epci' && first === record.territory_name) return 'epci'
  return 'other'
}

/** Leading whole sentences of `text` within `max` characters (the text itself if it fits). */
export function leadingSentences(text: string, max: number): string {
  if (text.length <= max) return text
  const sentences = text.split(/(?<=[.!?…])\s+(?=[A-ZÀ-ÖØ-Þ«"])/)
  let out = ''
  for (const s of sentences) {
    const next = out ? `${out} ${s}` : s
    if (next.length > max) break
    out = next
  }
  // A first sentence longer than the limit: cut at the last word boundary.
  return out || `${text.slice(0, max - 1).replace(/\s+\S*$/, '')}…`
}

function regionCodes(): Map<string, string> {
  const regions = require('@etalab/decoupage-administratif/data/regions.json') as {
    code: string
    nom: string
  }[]
  return new Map(regions.map((r) => [r.nom, r.code]))
}

function placeOf(
  record: CorpusRecord,
  regionCode: (name: string) => string
): Pick<RealCatalogueRow, 'scope' | 'territories' | 'abroad' | 'keywords'> {
  if (record.country !== 'FR') {
    const subdivision = SUBDIVISION[`${record.country}|${record.territory_name}`]
    return {
      scope: 'abroad',
      territories: [],
      abroad: {
        country: record.country,
        ...(subdivision ? { subdivision } : {}),
        place: record.territory_name,
      },
    }
  }
  switch (record.territory_level) {
    case 'national':
      return { scope: 'national', territories: [] }
    case 'commune':
      return { scope: 'territories', territories: [`com:${required(record, 'insee_code')}`] }
    case 'departement':
      return { scope: 'territories', territories: [`dep:${required(record, 'insee_code')}`] }
    case 'region':
      return { scope: 'territories', territories: [`reg:${required(record, 'insee_code')}`] }
    case 'epci':
      if (record.siren) return { scope: 'territories', territories: [`epci:${record.siren}`] }
      return {
        scope: 'territories',
        territories: [`reg:${regionCode(required(record, 'region_name'))}`],
        keywords: [record.territory_name],
      }
  }
}

function required(record: CorpusRecord, field: 'insee_code' | 'region_name'): string {
  const value = record[field]
  if (!value) throw new Error(`corpus record ${record.id}: ${field} is missing`)
  return value
}

/** The page's host, the one publisher fact a URL gives for certain. */
function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, '')
}

export function corpusRecords(): CorpusRecord[] {
  return JSON.parse(readFileSync(CORPUS_URL, 'utf8')) as CorpusRecord[]
}

export function toImportRow(
  record: CorpusRecord,
  regionCode: (name: string) => string
): RealCatalogueRow {
  const summary = leadingSentences(record.summary, SUMMARY_MAX)
  const kind = leadKindOf(record)
  const leadIsTheEpci = kind === 'epci' && record.territory_level === 'epci' && record.siren
  return {
    sourceId: record.id,
    title: record.title,
    summary,
    language: 'fr',
    lead: {
      name: record.porteur,
      kind,
      ...(leadIsTheEpci ? { siren: record.siren! } : {}),
    },
    ...placeOf(record, regionCode),
    themes: [...new Set(record.themes.map((t) => THEME[t] ?? unknownTheme(record, t)))],
    stage: STAGE[record.status],
    ...(record.start_year ? { startDate: String(record.start_year) } : {}),
    ...(summary !== record.summary ? { narrative: { description: record.summary } } : {}),
    sources: [{ url: record.source_url, publisher: hostOf(record.source_url) }],
    privateContact: { email: NO_CONTACT_EMAIL },
  }
}

function unknownTheme(record: CorpusRecord, theme: string): never {
  throw new Error(`corpus record ${record.id}: theme ${theme} has no equivalent`)
}

/** The 150 records of the real catalogue as bulk-import rows, in corpus order. */
export function realCatalogueRows(): RealCatalogueRow[] {
  const codes = regionCodes()
  const regionCode = (name: string) => {
    const code = codes.get(name)
    if (!code) throw new Error(`unknown région name in the corpus: ${name}`)
    return code
  }
  return corpusRecords().map((r) => toImportRow(r, regionCode))
}
