/**
 * The submission form's urlencoded fields ↔ the `ExperimentInput` shape.
 *
 * Field names are dotted paths into the record (`lead.name`, `results.indicators.0.label`),
 * so one convention serves parsing, re-rendering and error placement. Parsing is lenient
 * on purpose: it only reshapes (drops empty strings and empty rows, gathers repeated
 * fields into arrays, turns French-formatted numbers into numbers) and leaves every
 * judgement to the zod schema, so the form and the JSON API validate identically. A value
 * that is not a number stays a string, so the page can show it back as typed.
 */
import type { z } from 'zod'
import { leafFieldOf } from '../worker/domain/change-set'
import { NARRATIVE_SECTIONS } from '../worker/domain/experiment'
import { splitTrimmed } from '../worker/domain/text'

/** The loose, pre-validation record: what was typed, reshaped. */
export type FormValues = Record<string, unknown>

/** Fields sent as repeated checkboxes or as one comma-separated text. */
const LIST_FIELDS = new Set([
  'themes',
  'publics',
  'programmes',
  'territories',
  'keywords',
  'inspiredBy',
])
const CODE = /^(com|epci|dep|reg):\S+$/

/**
 * Text lists split on commas (id lists also on spaces). Territories are names or codes:
 * split on commas, and an entry made only of codes also on spaces ("com:35238 dep:35"),
 * since a name has spaces of its own ("Redon Agglomération").
 */
const SPLIT: Record<string, (value: string) => string[]> = {
  keywords: (value) => splitTrimmed(value, ',;'),
  territories: (value) =>
    splitTrimmed(value, ',;\n').flatMap((entry) => {
      const words = entry.trim().split(/\s+/)
      return words.every((w) => CODE.test(w)) ? words : [entry.trim().replace(/\s+/g, ' ')]
    }),
  inspiredBy: (value) => value.split(/[\s,;]+/),
}

/** Repeatable groups of fields, one row per index. */
export const ROW_GROUPS = [
  'partners',
  'means.fundingSources',
  'results.indicators',
  'results.evaluationDocuments',
  'resources',
  'sources',
] as const

/** Every scalar field the form may send (row fields with `*` for the index). */
const SCALARS = new Set([
  'title',
  'summary',
  'licence',
  'language',
  'lead.name',
  'lead.kind',
  'lead.siren',
  'lead.rna',
  'lead.actorId',
  'scope',
  'abroad.country',
  'abroad.subdivision',
  'abroad.place',
  'stage',
  'outcome',
  'startDate',
  'endDate',
  'website',
  'evidenceLevel',
  ...NARRATIVE_SECTIONS.map((k) => `narrative.${k}`),
  'means.budgetEur',
  'means.staffFte',
  'means.fundingSources.*.type',
  'means.fundingSources.*.programme',
  'means.fundingSources.*.amountEur',
  'results.peopleReached',
  ...['label', 'unit', 'baseline', 'target', 'value', 'measuredAt', 'method'].map(
    (k) => `results.indicators.*.${k}`
  ),
  'results.evaluationDocuments.*.title',
  'results.evaluationDocuments.*.url',
  'partners.*.name',
  'partners.*.role',
  'partners.*.actorId',
  'resources.*.title',
  'resources.*.url',
  'resources.*.licence',
  'sources.*.url',
  'sources.*.title',
  'sources.*.publisher',
  'sources.*.consultedAt',
  'publicContact.role',
  'publicContact.email',
  'privateContact.name',
  'privateContact.email',
  'privateContact.phone',
])

/** Fields the schema wants as numbers. */
export const NUMBER_FIELDS = new Set([
  'evidenceLevel',
  'means.budgetEur',
  'means.staffFte',
  'means.fundingSources.*.amountEur',
  'results.peopleReached',
  'results.indicators.*.baseline',
  'results.indicators.*.target',
  'results.indicators.*.value',
])

/** Groups that are optional as a whole: left out when nothing in them was filled. */
const OPTIONAL_GROUPS = ['narrative', 'means', 'results', 'publicContact', 'abroad'] as const

const pattern = (name: string) => name.replace(/\.\d+\./g, '.*.')

/** "12 000", "1,5" or "1.5" → a number; anything else is returned unchanged. */
function toNumber(raw: string): number | string {
  const compact = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : raw
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      node[key] = value
      return
    }
    const next = node[key]
    if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>
    else {
      const created: Record<string, unknown> = {}
      node[key] = created
      node = created
    }
  }
}

function getPath(source: unknown, path: readonly string[]): unknown {
  let node = source
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

/**
 * Reshapes form pairs into the record shape. Unknown names (control fields, the
 * honeypot, anything forged) are ignored rather than passed to the strict schema.
 */
export function formToValues(pairs: Iterable<readonly [string, string]>): FormValues {
  const values: FormValues = { lead: {}, privateContact: {} }
  const lists = new Map<string, string[]>()
  for (const [name, rawValue] of pairs) {
    // Browsers send a textarea's line breaks as CRLF: the record keeps LF, so an untouched
    // text stays identical instead of showing up as changed.
    const value = rawValue.replace(/\r\n?/g, '\n').trim()
    if (LIST_FIELDS.has(name)) {
      const parts = SPLIT[name]?.(value) ?? [value]
      const list = lists.get(name) ?? []
      list.push(...parts.map((p) => p.trim()).filter(Boolean))
      lists.set(name, list)
      continue
    }
    const shape = pattern(name)
    if (!SCALARS.has(shape) || value === '') continue
    setPath(values, name.split('.'), NUMBER_FIELDS.has(shape) ? toNumber(value) : value)
  }
  for (const [name, list] of lists) if (list.length > 0) values[name] = [...new Set(list)]

  // Rows arrive as objects keyed by index; keep the filled ones, in order, as arrays.
  for (const group of ROW_GROUPS) {
    const path = group.split('.')
    const rows = getPath(values, path)
    if (rows === undefined) continue
    const list = Object.entries(rows as Record<string, unknown>)
      .filter(([index]) => /^\d{1,2}$/.test(index))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, row]) => row)
    setPath(values, path, list.length > 0 ? list : undefined)
  }
  for (const group of OPTIONAL_GROUPS) {
    const node = values[group] as Record<string, unknown> | undefined
    if (node && Object.values(node).every((v) => v === undefined)) delete values[group]
  }
  return JSON.parse(JSON.stringify(values)) as FormValues
}

/**
 * The record fields (the diff's leaf paths) a posted form carried, even empty: what an
 * edit may change. Checkbox lists carry a hidden empty input for this purpose.
 */
export function carriedFields(pairs: Iterable<readonly [string, string]>): Set<string> {
  const carried = new Set<string>()
  for (const [name] of pairs) {
    if (LIST_FIELDS.has(name) || SCALARS.has(pattern(name))) carried.add(leafFieldOf(name))
  }
  return carried
}

/** The record (loose or valid) back into form pairs, e.g. to carry it through a confirmation step. */
export function valuesToPairs(values: unknown, prefix = ''): [string, string][] {
  if (values === undefined || values === null) return []
  if (Array.isArray(values)) {
    if (LIST_FIELDS.has(prefix)) return values.map((v) => [prefix, String(v)])
    return values.flatMap((v, i) => valuesToPairs(v, `${prefix}.${i}`))
  }
  if (typeof values === 'object') {
    return Object.entries(values).flatMap(([k, v]) =>
      valuesToPairs(v, prefix ? `${prefix}.${k}` : k)
    )
  }
  return [[prefix, String(values)]]
}

/** A value of the loose record as the text an input should show. */
export function fieldText(values: FormValues, name: string): string {
  const v = getPath(values, name.split('.'))
  if (v === undefined || v === null) return ''
  if (Array.isArray(v)) return v.join(', ')
  return String(v)
}

export function fieldList(values: FormValues, name: string): string[] {
  const v = values[name]
  return Array.isArray(v) ? v.map(String) : []
}

/** Which form field an issue path belongs to: list fields own their items' errors. */
export function fieldOfPath(path: readonly PropertyKey[]): string {
  const first = String(path[0] ?? '')
  if (LIST_FIELDS.has(first)) return first
  return path.map(String).join('.')
}

/** Field name → French message, first error per field, from zod issues on the loose record. */
export function formErrors(
  issues: readonly z.core.$ZodIssue[],
  values: FormValues
): Map<string, string> {
  const errors = new Map<string, string>()
  for (const issue of issues) {
    const field = fieldOfPath(issue.path)
    if (errors.has(field)) continue
    errors.set(field, messageOf(issue, values, field))
  }
  return errors
}

/** The schema's own messages, except where zod's generic wording would puzzle a reader. */
function messageOf(issue: z.core.$ZodIssue, values: FormValues, field: string): string {
  const given = getPath(values, issue.path.map(String))
  if (issue.code === 'invalid_type' && given === undefined) return 'Ce champ est obligatoire.'
  if (issue.code === 'invalid_type' && issue.expected === 'number')
    return 'Saisissez un nombre, par exemple 1500 ou 1,5.'
  if (issue.code === 'invalid_value' && given === undefined) return 'Ce champ est obligatoire.'
  if (field === 'themes' && issue.code === 'too_big') return 'Choisissez 3 thématiques au maximum.'
  if (issue.code === 'invalid_format' && issue.format === 'email')
    return 'Adresse e-mail invalide. Exemple : prenom.nom@mairie.fr'
  return issue.message
}
