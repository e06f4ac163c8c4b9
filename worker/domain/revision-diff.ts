/**
 * The one field-level diff between two versions of a record's public content (an
 * experiment, an actor, an event), used by the API, the moderation desk and the public history alike.
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
import { ActorContent } from './actor'
import { EventContent, Restitution } from './event'
import { ExperimentContent } from './experiment'
import { actorFieldLabel, eventFieldLabel, fieldLabel, type FieldLabel } from './field-labels'

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

/**
 * The diff of one kind of content (experiment, actor): its fields in the schema's order,
 * which of them are groups diffed one level inside, and what each path is called.
 */
export interface ContentDiff {
  /** Every path the diff can emit, in the record's order: what needs a label. */
  fields: readonly string[]
  /** Top-level fields that are groups (`lead`, `narrative`…), diffed one level inside. */
  grouped: ReadonlySet<string>
  /** The finest paths the diff compares: plain top-level fields and the members of groups. */
  leaves: readonly string[]
  diff(before: unknown, after: unknown): FieldChange[]
}

function contentDiff(
  shape: Record<string, z.ZodType>,
  label: (field: string) => FieldLabel
): ContentDiff {
  const top = Object.keys(shape)
  const fields = Object.entries(shape).flatMap(([key, schema]) => {
    const inner = objectShape(schema)
    return [key, ...(inner ? Object.keys(inner).map((sub) => `${key}.${sub}`) : [])]
  })
  const grouped = new Set(top.filter((key) => objectShape(shape[key]!)))
  return {
    fields,
    grouped,
    leaves: fields.filter((field) => field.includes('.') || !grouped.has(field)),
    diff: (before, after) => diffOf(top, grouped, label, before, after),
  }
}

export const EXPERIMENT_DIFF = contentDiff(
  ExperimentContent.shape as Record<string, z.ZodType>,
  fieldLabel
)
export const ACTOR_DIFF = contentDiff(
  ActorContent.shape as Record<string, z.ZodType>,
  actorFieldLabel
)

/** An event's revisions hold its content and, once added, its restitution. */
export const EVENT_DIFF = contentDiff(
  { ...(EventContent.shape as Record<string, z.ZodType>), restitution: Restitution },
  eventFieldLabel
)

/** The experiment's paths (the diff of other kinds: `ACTOR_DIFF`). */
export const DIFF_FIELDS = EXPERIMENT_DIFF.fields
export const GROUPED_FIELDS = EXPERIMENT_DIFF.grouped
export const LEAF_FIELDS = EXPERIMENT_DIFF.leaves

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

/** What changed from `before` to `after` (both an experiment's public content, possibly loose JSON). */
export function diffContent(before: unknown, after: unknown): FieldChange[] {
  return EXPERIMENT_DIFF.diff(before, after)
}

function diffOf(
  top: readonly string[],
  grouped: ReadonlySet<string>,
  label: (field: string) => FieldLabel,
  before: unknown,
  after: unknown
): FieldChange[] {
  const a = isRecord(before) ? before : {}
  const b = isRecord(after) ? after : {}
  const changes: FieldChange[] = []
  const push = (field: string, x: unknown, y: unknown) =>
    changes.push({ field, label: label(field), before: x, after: y })
  for (const key of top) {
    const x = a[key]
    const y = b[key]
    if (canonical(x) === canonical(y)) continue
    if (grouped.has(key) && (isRecord(x) || x === undefined) && (isRecord(y) || y === undefined)) {
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
