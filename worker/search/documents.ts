/**
 * What the search indexes hold for one published experiment: public fields only, plus
 * the French labels of its themes and territories so that typing "tiers-lieux",
 * "Bretagne" or "Mayenne" finds it. One mapping for both engines.
 */
import type { Derived, ExperimentContent } from '../domain/experiment'
import { budgetBand, fundingProgrammesOf, fundingTypesOf } from '../domain/funding'
import {
  ALL_THEMES,
  labelOf,
  PROGRAMMES,
  PUBLICS,
  SCOPES,
  STAGES,
  THEMES,
  topTheme,
} from '../domain/vocabularies'
import type { ExperimentRow } from '../db/experiments'
import { stemsOfText } from './analysis'
import { regionLabels } from './lexicon'
import { UNKNOWN_YEAR, type SearchDocument } from './types'

/** Private-use characters the engines use as highlight sentinels; never indexed. */
export const MARK_START = '\uE000'
export const MARK_END = '\uE001'
const SENTINELS = /[\uE000\uE001]/g

/** Long narratives are cut: both engines rank on the first words and Meilisearch stops at 65 535 positions. */
const MAX_BODY_CHARS = 20_000

/** Builds the document of a published row; throws on a row whose JSON is not a record. */
export function toSearchDocument(row: ExperimentRow): SearchDocument {
  const content = JSON.parse(row.data) as Partial<ExperimentContent>
  const derived = JSON.parse(row.derived) as Partial<Derived>
  if (
    typeof content.title !== 'string' ||
    typeof content.summary !== 'string' ||
    !Array.isArray(content.themes) ||
    !Array.isArray(derived.territories) ||
    !Array.isArray(derived.regions) ||
    !Array.isArray(derived.departments)
  ) {
    throw new Error(`experiment ${row.id} revision ${row.revision}: malformed data or derived JSON`)
  }
  const themes = content.themes
  const topThemes = [...new Set(themes.map(topTheme))]
  const narrative = Object.values(content.narrative ?? {}).filter(
    (v): v is string => typeof v === 'string'
  )
  const body = [
    ...narrative,
    ...(content.keywords ?? []),
    ...(content.partners ?? []).map((p) => p.name),
    ...(content.programmes ?? []).map((code) => labelOf(PROGRAMMES, code)),
    ...(content.publics ?? []).map((code) => labelOf(PUBLICS, code)),
    // Sources: "Banque des Territoires" or "Labo Société Numérique" find what they reported.
    ...(content.sources ?? [])
      .flatMap((s) => [s.publisher, s.title])
      .filter((v) => v !== undefined),
  ]
    .join('\n')
    .slice(0, MAX_BODY_CHARS)

  const bilingual = (terms: Parameters<typeof labelOf>[0], code: string) => [
    labelOf(terms, code),
    labelOf(terms, code, 'en'),
  ]
  const themeLabels = [
    ...new Set([
      ...topThemes.flatMap((code) => bilingual(THEMES, code)),
      ...themes.filter((c) => c.includes('.')).flatMap((code) => bilingual(ALL_THEMES, code)),
    ]),
  ]
  const stageLabels = [...new Set(bilingual(STAGES, row.stage))]
  const regions = derived.regions.map((t) => codeDigits(t.code))
  const territoryLabels = [
    ...new Set([
      ...[...derived.territories, ...derived.departments, ...derived.regions].map((t) => t.name),
      ...regionLabels(regions),
      ...scopeLabels(content, derived),
    ]),
  ]
  const searchable = {
    title: clean(content.title),
    summary: clean(content.summary),
    body: clean(body),
    leadName: clean(content.lead?.name ?? ''),
  }
  return {
    id: row.id,
    slug: row.slug,
    revision: row.revision,
    ...searchable,
    themes,
    topThemes,
    themeLabels,
    stageLabels,
    territoryLabels,
    stems: stemsOfText(
      [...Object.values(searchable), ...themeLabels, ...stageLabels, ...territoryLabels].join(' ')
    ),
    territories: derived.territories,
    regions,
    departments: derived.departments.map((t) => codeDigits(t.code)),
    level: row.lead_kind,
    stage: row.stage,
    evidence: row.evidence_level,
    year: row.start_year ?? UNKNOWN_YEAR,
    scopeLevel: row.scope_level,
    country: row.country,
    abroadPlace: content.abroad?.place ?? null,
    // Absent from records derived before migration 0012 until the reference reload.
    point: derived.point ?? null,
    populationBand: derived.territorySize?.populationBand ?? null,
    densityClass: derived.territorySize?.densityClass ?? null,
    completeness: row.completeness,
    budgetBand: budgetBand(row.budget_eur),
    fundingTypes: fundingTypesOf(content),
    fundingProgrammes: fundingProgrammesOf(content),
    publishedAt: row.published_at ?? row.updated_at,
    lastVerifiedAt: row.last_verified_at,
    lastVerifiedTs: row.last_verified_at ? Date.parse(row.last_verified_at) || 0 : 0,
  }
}

/**
 * Where a record without French territory codes applies, as people type it: « France
 * entière » for a national programme; the place and the country in French and English
 * for a record abroad ("Namur", "Belgique", "Belgium").
 */
function scopeLabels(content: Partial<ExperimentContent>, derived: Partial<Derived>): string[] {
  if (content.scope === 'national') {
    return [labelOf(SCOPES, 'national'), labelOf(SCOPES, 'national', 'en')]
  }
  if (content.scope !== 'abroad') return []
  return [content.abroad?.place, derived.country?.fr, derived.country?.en].filter(
    (v): v is string => typeof v === 'string'
  )
}

/** Text without the engines' highlight sentinels (never indexed). */
export const clean = (text: string) => text.replace(SENTINELS, '')

/** `reg:53` → `53`: filters and facets use the INSEE code, as in the API. */
const codeDigits = (code: string) => code.slice(code.indexOf(':') + 1)

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/**
 * Escapes text for HTML, then turns the engine's sentinel marks into `<mark>` elements:
 * engines return stored text verbatim, so escaping must come first and the only markup
 * ever added is ours.
 */
export function escapeHighlight(text: string): string {
  let open = false
  let out = ''
  for (const ch of text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c)) {
    if (ch === MARK_START && !open) {
      out += '<mark>'
      open = true
    } else if (ch === MARK_END && open) {
      out += '</mark>'
      open = false
    } else if (ch !== MARK_START && ch !== MARK_END) {
      out += ch
    }
  }
  return open ? out + '</mark>' : out
}
