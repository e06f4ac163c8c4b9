/**
 * Formatting of the statistics in the page's language, and the "strong / weak" reading of
 * a territory against the national reference, shared by the comparison and territory pages.
 */
import type { TerritoryStats } from '../../../worker/domain/statistics'
import { labelOf, THEMES } from '../../../worker/domain/vocabularies'
import { useT } from '../../i18n'
import { LOCALE, type Lang } from '../../i18n/lang'

export interface StatsFormat {
  count: (n: number) => string
  rate: (n: number) => string
  share: (n: number) => string
  eur: (n: number) => string
  /** A ratio to the national value: « 1,4 » (fois la moyenne). */
  ratio: (n: number) => string
}

export function statsFormat(lang: Lang): StatsFormat {
  const locale = LOCALE[lang]
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })
  return {
    count: (n) => n.toLocaleString(locale),
    rate: (n) => n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    share: (n) => percent.format(n),
    eur: (n) =>
      n.toLocaleString(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
    ratio: (n) => n.toLocaleString(locale, { maximumFractionDigits: 1 }),
  }
}

/** The formatters of the page being rendered. */
export function useStatsFormat(): StatsFormat {
  return statsFormat(useT().lang)
}

/** Measures a map or a ranking can show, by URL value (labels: `territories.measures`). */
export const MAP_MEASURES = [
  { code: 'habitants', format: 'rate' },
  { code: 'collectivites', format: 'rate' },
  { code: 'nombre', format: 'count' },
] as const satisfies readonly { code: string; format: keyof StatsFormat }[]
export type MapMeasure = (typeof MAP_MEASURES)[number]['code']

export function measureValue(t: TerritoryStats, measure: MapMeasure): number | null {
  if (measure === 'habitants') return t.per100kInhabitants
  if (measure === 'collectivites') return t.per100Collectivites
  return t.experiments
}

export interface ProfileLine {
  label: string
  territory: number
  national: number
}

export interface Profile {
  /** Themes clearly more frequent than nationally (at least 2 experiments). */
  strong: ProfileLine[]
  /** Themes that weigh at least 5 % nationally but clearly less here (or are absent). */
  weak: ProfileLine[]
}

/**
 * Where a territory stands out: a theme is "strong" when its share of the territory's
 * experiments is at least 1.25 times the national share (and at least two experiments
 * back it), "weak" when it is at most 0.75 times a national share of 5 % or more. Shares,
 * not counts, so a small territory is compared on what it does, not on its size.
 */
export function themeProfile(t: TerritoryStats, national: TerritoryStats, lang: Lang): Profile {
  const strong: ProfileLine[] = []
  const weak: ProfileLine[] = []
  if (t.experiments === 0) return { strong, weak }
  t.themes.forEach((theme, i) => {
    const here = theme.share ?? 0
    const there = national.themes[i]?.share ?? 0
    const line = { label: labelOf(THEMES, theme.code, lang), territory: here, national: there }
    if (theme.count >= 2 && here >= there * 1.25 && here > 0) strong.push(line)
    else if (there >= 0.05 && here <= there * 0.75) weak.push(line)
  })
  strong.sort((a, b) => b.territory / (b.national || 1) - a.territory / (a.national || 1))
  weak.sort((a, b) => b.national - a.national)
  return { strong, weak }
}

/** Share of experiments evaluated (evidence level 2 or more). */
export function evaluatedShare(t: TerritoryStats): number | null {
  if (t.experiments === 0) return null
  return (
    t.evidenceLevels.filter((e) => Number(e.code) >= 2).reduce((s, e) => s + e.count, 0) /
    t.experiments
  )
}

/** Share of experiments that reached roll-out or were sustained. */
export function matureShare(t: TerritoryStats): number | null {
  if (t.experiments === 0) return null
  return (
    t.stages
      .filter((s) => s.code === 'rollout' || s.code === 'sustained')
      .reduce((sum, s) => sum + s.count, 0) / t.experiments
  )
}

/**
 * A value against the national one: `near` within ±10 %, else the ratio (1.4 reads "1,4 fois
 * la moyenne nationale"); null when either side is missing.
 */
export function versusNational(
  value: number | null,
  national: number | null
): number | 'near' | null {
  if (value === null || national === null || national === 0) return null
  const ratio = value / national
  return ratio >= 0.9 && ratio <= 1.1 ? 'near' : ratio
}
