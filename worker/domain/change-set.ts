/**
 * Field-level change sets: what an owner's edit actually changed, as the paths of the one
 * diff (revision-diff.ts) with their new values. A proposal stores its change set, so
 * approving it later changes only those fields of the record as it then stands; and an
 * edit keeps every field its form did not carry, so a form that lacks a field can never
 * erase it.
 */
import {
  EXPERIMENT_DIFF,
  GROUPED_FIELDS,
  type ContentDiff,
  type FieldChange,
} from './revision-diff'

/** One changed field: its diff path (`title`, `narrative.advice`…) and its new value (absent = removed). */
export interface FieldEdit {
  field: string
  after?: unknown
}

export type ChangeSet = FieldEdit[]

type Loose = Record<string, unknown>

const isRecord = (v: unknown): v is Loose =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

/** The fields that differ from `before` to `after`, as reported by the one diff. */
export function changeSet(
  before: unknown,
  after: unknown,
  kind: ContentDiff = EXPERIMENT_DIFF
): ChangeSet {
  return kind
    .diff(before, after)
    .map(({ field, after: value }) => (value === undefined ? { field } : { field, after: value }))
}

function setField(target: Loose, field: string, value: unknown): void {
  const [head, sub] = field.split('.') as [string, string | undefined]
  if (sub === undefined) {
    if (value === undefined) delete target[head]
    else target[head] = value
    return
  }
  const group: Loose = isRecord(target[head]) ? { ...target[head] } : {}
  if (value === undefined) delete group[sub]
  else group[sub] = value
  // An optional group left with nothing in it is absent, as the form and schema have it.
  if (Object.keys(group).length === 0) delete target[head]
  else target[head] = group
}

function getField(source: Loose, field: string): unknown {
  const [head, sub] = field.split('.') as [string, string | undefined]
  const value = source[head]
  if (sub === undefined) return value
  return isRecord(value) ? value[sub] : undefined
}

/** `content` with the change set applied: only the listed fields move. */
export function applyChanges(content: unknown, changes: ChangeSet): Loose {
  const next: Loose = structuredClone(isRecord(content) ? content : {})
  for (const { field, after } of changes) setField(next, field, after)
  return next
}

/**
 * The edited content, except that every field the form did not carry keeps its stored
 * value. `carried` answers for the diff's leaf paths (`title`, `narrative.advice`,
 * `results.evaluationDocuments`…); a grouped field (`narrative`) is carried field by field.
 */
export function keepUncarried(
  stored: unknown,
  edited: unknown,
  carried: (field: string) => boolean,
  kind: ContentDiff = EXPERIMENT_DIFF
): Loose {
  const before = isRecord(stored) ? stored : {}
  const next: Loose = structuredClone(isRecord(edited) ? edited : {})
  for (const field of kind.leaves) {
    if (!carried(field)) setField(next, field, getField(before, field))
  }
  return next
}

/** The leaf path a form field name belongs to: `narrative.advice`, `resources`, `title`… */
export function leafFieldOf(name: string): string {
  const [head = '', sub] = name.split('.')
  return GROUPED_FIELDS.has(head) && sub !== undefined ? `${head}.${sub}` : head
}

/**
 * What approving a proposal would make of the record as it stands now: its change set
 * applied to the current content (older proposals without one replace the content whole),
 * and the field-level changes that amounts to, from the one diff.
 */
export function proposalOutcome(
  currentData: string,
  proposal: { changes: string | null; data: string },
  kind: ContentDiff = EXPERIMENT_DIFF
): { content: unknown; changes: FieldChange[] } {
  const current: unknown = JSON.parse(currentData)
  const content: unknown = proposal.changes
    ? applyChanges(current, JSON.parse(proposal.changes) as ChangeSet)
    : JSON.parse(proposal.data)
  return { content, changes: kind.diff(current, content) }
}
