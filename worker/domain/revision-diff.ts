/**
 * Field-level differences between two versions of an experiment's public content, for the
 * public history and the moderation desk. Revisions hold `ExperimentContent` only, so a
 * private field cannot show up here; the allow-list below makes that explicit anyway.
 *
 * Granularity: top-level fields, and one level inside the grouped ones (`lead.name`,
 * `narrative.context`, `means.budgetEur`, …). Lists (themes, territories, indicators…) are
 * compared as a whole, which is what a reader can follow.
 */
import type { ExperimentContent } from './experiment'

export interface FieldChange {
  /** Dotted path of the field, e.g. `narrative.results`. */
  field: string
  before: unknown
  after: unknown
}

/** Public content fields, in the order of the record. */
const TOP_LEVEL = [
  'title',
  'summary',
  'language',
  'licence',
  'lead',
  'partners',
  'territories',
  'themes',
  'publics',
  'programmes',
  'keywords',
  'stage',
  'outcome',
  'startDate',
  'endDate',
  'narrative',
  'means',
  'results',
  'evidenceLevel',
  'inspiredBy',
  'resources',
  'website',
  'publicContact',
] as const satisfies readonly (keyof ExperimentContent)[]

const GROUPED = new Set(['lead', 'narrative', 'means', 'results', 'publicContact'])

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** What changed from `before` to `after` (both public content, possibly loose JSON). */
export function diffContent(before: unknown, after: unknown): FieldChange[] {
  const a = isRecord(before) ? before : {}
  const b = isRecord(after) ? after : {}
  const changes: FieldChange[] = []
  for (const key of TOP_LEVEL) {
    const x = a[key]
    const y = b[key]
    if (canonical(x) === canonical(y)) continue
    if (GROUPED.has(key) && (isRecord(x) || x === undefined) && (isRecord(y) || y === undefined)) {
      const inner = [...new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])]
      for (const sub of inner) {
        const xs = (x as Record<string, unknown> | undefined)?.[sub]
        const ys = (y as Record<string, unknown> | undefined)?.[sub]
        if (canonical(xs) !== canonical(ys))
          changes.push({ field: `${key}.${sub}`, before: xs, after: ys })
      }
      continue
    }
    changes.push({ field: key, before: x, after: y })
  }
  return changes
}
