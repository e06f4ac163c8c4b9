/**
 * The one field-level diff between two versions of an experiment's public content, used
 * by the API, the moderation desk and the public history alike.
 *
 * - Only the fields of `ExperimentContent` are compared, in the schema's order, so a
 *   private field (never part of the content) cannot show up here.
 * - Granularity: top-level fields, and one level inside the grouped ones (`lead.name`,
 *   `narrative.context`, `means.budgetEur`…); each change carries its French and English
 *   label (field-labels.ts).
 * - Lists of plain values (themes, publics, programmes, keywords, territories,
 *   inspiredBy…) are sets: reordering them is not a change. Lists of objects (indicators,
 *   partners…) compare as a whole; object keys compare whatever their order.
 */
import { z } from '@hono/zod-openapi'
import { ExperimentContent } from './experiment'
import { fieldLabel, type FieldLabel } from './field-labels'

export interface FieldChange {
  /** Dotted path of the field, e.g. `narrative.results`. */
  field: string
  label: FieldLabel
  before: unknown
  after: unknown
}

function objectShape(schema: z.ZodType): Record<string, z.ZodType> | null {
  let inner: z.ZodType = schema
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault) {
    inner = inner.unwrap() as z.ZodType
  }
  return inner instanceof z.ZodObject ? (inner.shape as Record<string, z.ZodType>) : null
}

/** Every path the diff can emit, in the record's order: what needs a label. */
export const DIFF_FIELDS: readonly string[] = Object.entries(ExperimentContent.shape).flatMap(
  ([key, schema]) => {
    const shape = objectShape(schema as z.ZodType)
    return [key, ...(shape ? Object.keys(shape).map((sub) => `${key}.${sub}`) : [])]
  }
)

const TOP_LEVEL = Object.keys(ExperimentContent.shape)
/** Top-level fields that are groups (`lead`, `narrative`, `means`…), diffed one level inside. */
export const GROUPED_FIELDS: ReadonlySet<string> = new Set(
  TOP_LEVEL.filter((key) =>
    objectShape(ExperimentContent.shape[key as keyof typeof ExperimentContent.shape])
  )
)

/** The finest paths the diff compares: plain top-level fields and the members of groups. */
export const LEAF_FIELDS: readonly string[] = DIFF_FIELDS.filter(
  (field) => field.includes('.') || !GROUPED_FIELDS.has(field)
)

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object'

/**
 * Canonical text of a value: object keys sorted, undefined members dropped; with `sets`,
 * lists of plain values sorted too (what a reader sees as the same set).
 */
export function canonical(value: unknown, sets = true): string {
  if (value === undefined || value === null) return 'null'
  if (Array.isArray(value)) {
    const items = value.map((v) => canonical(v, sets))
    if (sets && value.every(isScalar)) items.sort()
    return `[${items.join(',')}]`
  }
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k], sets)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

/** What changed from `before` to `after` (both public content, possibly loose JSON). */
export function diffContent(before: unknown, after: unknown): FieldChange[] {
  const a = isRecord(before) ? before : {}
  const b = isRecord(after) ? after : {}
  const changes: FieldChange[] = []
  const push = (field: string, x: unknown, y: unknown) =>
    changes.push({ field, label: fieldLabel(field), before: x, after: y })
  for (const key of TOP_LEVEL) {
    const x = a[key]
    const y = b[key]
    if (canonical(x) === canonical(y)) continue
    if (
      GROUPED_FIELDS.has(key) &&
      (isRecord(x) || x === undefined) &&
      (isRecord(y) || y === undefined)
    ) {
      for (const sub of new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})])) {
        const xs = x?.[sub]
        const ys = y?.[sub]
        if (canonical(xs) !== canonical(ys)) push(`${key}.${sub}`, xs, ys)
      }
      continue
    }
    push(key, x, y)
  }
  return changes
}
