/**
 * Labels of search filter values (a theme code, a région code…) in the reader's language,
 * for the active-filter chips, the open-data page and feed titles.
 */
import { countryOf } from '../worker/domain/countries'
import { BUDGET_BANDS } from '../worker/domain/funding'
import {
  evidenceMinimum,
  FACETS,
  UNKNOWN_YEAR,
  type FacetName,
  type SearchQuery,
} from '../worker/domain/search'
import {
  EVIDENCE_LEVELS,
  FUNDING_TYPES,
  LEAD_KINDS,
  SCOPE_LEVELS,
  STAGES,
  THEMES,
  type Term,
} from '../worker/domain/vocabularies'
import { DENSITY_CLASSES, POPULATION_BANDS } from '../worker/domain/territory-size'
import type { Messages } from './i18n'

/** The facets whose values come from a closed vocabulary, in its order. */
export const FACET_VOCABULARIES: Partial<Record<FacetName, readonly Term[]>> = {
  theme: THEMES,
  level: LEAD_KINDS,
  stage: STAGES,
  evidence: EVIDENCE_LEVELS,
  scope: SCOPE_LEVELS,
  budget: BUDGET_BANDS,
  fundingType: FUNDING_TYPES,
  size: POPULATION_BANDS,
  density: DENSITY_CLASSES,
}

/** Facets whose values are names by themselves (« Bretagne »), without the facet's name. */
const SELF_NAMED: readonly FacetName[] = ['region', 'department', 'country', 'budget']

export function valueLabel(
  t: Messages,
  names: ReadonlyMap<string, string>,
  facet: FacetName,
  code: string
): string {
  const vocab = FACET_VOCABULARIES[facet]
  if (vocab) return vocab.find((term) => term.code === code)?.[t.lang] ?? code
  if (facet === 'region') return names.get(`reg:${code}`) ?? code
  if (facet === 'department') return `${names.get(`dep:${code}`) ?? code} (${code})`
  if (facet === 'country') return countryOf(code)?.[t.lang] ?? code
  if (facet === 'year' && code === UNKNOWN_YEAR) return t.home.unknownYear
  return code
}

/**
 * A facet's selected values as chips show them: one label per value, except an evidence
 * selection that is « au moins N », which reads as that.
 */
export function selectionLabels(
  t: Messages,
  names: ReadonlyMap<string, string>,
  facet: FacetName,
  values: readonly string[]
): { codes: readonly string[]; label: string }[] {
  const min = facet === 'evidence' ? evidenceMinimum(values) : null
  if (min !== null && min > 0) {
    const label = t.home.evidenceAtLeast(valueLabel(t, names, facet, String(min)))
    return [{ codes: values, label }]
  }
  return values.map((code) => ({ codes: [code], label: valueLabel(t, names, facet, code) }))
}

/**
 * A query's filters and text in words, one part per facet: « thématique Inclusion et
 * médiation numérique », « Bretagne », « « tiers-lieux » ». Empty without text or filters.
 */
function queryParts(
  t: Messages,
  names: ReadonlyMap<string, string>,
  query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify'>
): string[] {
  const parts = FACETS.flatMap((facet) => {
    const values = query.filters[facet] ?? []
    if (values.length === 0) return []
    const text = selectionLabels(t, names, facet, values)
      .map((s) => s.label)
      .join(t.openData.feedOr)
    return [SELF_NAMED.includes(facet) ? text : `${t.home.facets[facet].toLowerCase()} ${text}`]
  })
  if (query.toVerify) parts.push(t.home.toVerifyFilter.toLowerCase())
  if (query.q) parts.push(t.openData.feedText(query.q))
  return parts
}

/**
 * What a feed follows, in words: « Expériences — thématique Inclusion et médiation
 * numérique, Bretagne, « tiers-lieux » ». Without text or filters, the latest publications.
 */
export function followedTitle(
  t: Messages,
  names: ReadonlyMap<string, string>,
  query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify'>
): string {
  const parts = queryParts(t, names, query)
  return parts.length ? t.openData.feedTitle(parts) : t.openData.feedTitleAll
}

/**
 * What the embeddable view shows, in words: its heading, the document's title and the
 * iframe's title in the « Intégrer sur votre site » code.
 */
export function embedTitle(
  t: Messages,
  names: ReadonlyMap<string, string>,
  query: Pick<SearchQuery, 'q' | 'filters' | 'toVerify'>
): string {
  const parts = queryParts(t, names, query)
  return parts.length ? t.embed.titleFor(parts) : t.embed.title
}
