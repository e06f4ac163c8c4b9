/**
 * A submission form's urlencoded fields ↔ its record shape (`ExperimentInput` by default,
 * `ActorInput` with `ACTOR_FORM`).
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

/** What a form sends: its list, scalar, number and row fields, and its optional groups. */
export interface FormShape {
  lists: ReadonlySet<string>
  split: Readonly<Record<string, (value: string) => string[]>>
  scalars: ReadonlySet<string>
  numbers: ReadonlySet<string>
  rowGroups: readonly string[]
  optionalGroups: readonly string[]
  /** Objects the schema requires, present (empty) so their fields' errors have a place. */
  required: readonly string[]
  /** Fields holding territory codes or names to resolve (`territories` when absent). */
  territoryFields?: readonly string[]
}

/** The experiment submission and edit form. */
export const EXPERIMENT_FORM: FormShape = {
  lists: LIST_FIELDS,
  split: SPLIT,
  scalars: SCALARS,
  numbers: NUMBER_FIELDS,
  rowGroups: ROW_GROUPS,
  optionalGroups: OPTIONAL_GROUPS,
  required: ['lead', 'privateContact'],
}

/** The actor submission form (`/acteurs/proposer`). */
export const ACTOR_FORM: FormShape = {
  lists: new Set([
    'territories',
    'programmes',
    'mediation.typologies',
    'mediation.services',
    'mediation.publics',
  ]),
  split: { territories: SPLIT.territories! },
  scalars: new Set([
    'name',
    'kind',
    'siren',
    'siret',
    'rna',
    'website',
    'description',
    'address.street',
    'address.postcode',
    ...['offers', 'needs'].flatMap((d) => ['skill', 'text', 'horizon'].map((k) => `${d}.*.${k}`)),
    'publicContact.role',
    'publicContact.email',
    'privateContact.name',
    'privateContact.email',
    'privateContact.phone',
  ]),
  numbers: new Set(),
  rowGroups: ['offers', 'needs'],
  optionalGroups: ['address', 'publicContact', 'mediation'],
  required: ['privateContact'],
}

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
export function formToValues(
  pairs: Iterable<readonly [string, string]>,
  form: FormShape = EXPERIMENT_FORM
): FormValues {
  const values: FormValues = Object.fromEntries(form.required.map((group) => [group, {}]))
  const lists = new Map<string, string[]>()
  for (const [name, rawValue] of pairs) {
    // Browsers send a textarea's line breaks as CRLF: the record keeps LF, so an untouched
    // text stays identical instead of showing up as changed.
    const value = rawValue.replace(/\r\n?/g, '\n').trim()
    if (form.lists.has(name)) {
      const parts = form.split[name]?.(value) ?? [value]
      const list = lists.get(name) ?? []
      list.push(...parts.map((p) => p.trim()).filter(Boolean))
      lists.set(name, list)
      continue
    }
    const shape = pattern(name)
    if (!form.scalars.has(shape) || value === '') continue
    setPath(values, name.split('.'), form.numbers.has(shape) ? toNumber(value) : value)
  }
  for (const [name, list] of lists)
    if (list.length > 0) setPath(values, name.split('.'), [...new Set(list)])

  // Rows arrive as objects keyed by index; keep the filled ones, in order, as arrays.
  for (const group of form.rowGroups) {
    const path = group.split('.')
    const rows = getPath(values, path)
    if (rows === undefined) continue
    const list = Object.entries(rows as Record<string, unknown>)
      .filter(([index]) => /^\d{1,2}$/.test(index))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, row]) => row)
    setPath(values, path, list.length > 0 ? list : undefined)
  }
  for (const group of form.optionalGroups) {
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

/**
 * The record fields (diff leaf paths) a form always renders, so always carries, even
 * empty: `address.street`, `offers`, `mediation.services`… Private fields are not content.
 */
export function shapeCarries(form: FormShape): (field: string) => boolean {
  const names = [...form.lists, ...form.scalars].filter((n) => !n.startsWith('privateContact.'))
  return (field) => names.some((n) => n === field || n.startsWith(`${field}.`))
}

/** The record (loose or valid) back into form pairs, e.g. to carry it through a confirmation step. */
export function valuesToPairs(
  values: unknown,
  prefix = '',
  form: FormShape = EXPERIMENT_FORM
): [string, string][] {
  if (values === undefined || values === null) return []
  if (Array.isArray(values)) {
    if (form.lists.has(prefix)) return values.map((v) => [prefix, String(v)])
    return values.flatMap((v, i) => valuesToPairs(v, `${prefix}.${i}`, form))
  }
  if (typeof values === 'object') {
    return Object.entries(values).flatMap(([k, v]) =>
      valuesToPairs(v, prefix ? `${prefix}.${k}` : k, form)
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
  const v = getPath(values, name.split('.'))
  return Array.isArray(v) ? v.map(String) : []
}

/** The ids a picker field holds: a list (`inspiredBy`) or one id (`lead.actorId`). */
export function fieldIds(values: FormValues, name: string): string[] {
  const v = getPath(values, name.split('.'))
  if (Array.isArray(v)) return v.map(String)
  return typeof v === 'string' && v !== '' ? [v] : []
}

/** Which form field an issue path belongs to: list fields own their items' errors. */
export function fieldOfPath(
  path: readonly PropertyKey[],
  form: FormShape = EXPERIMENT_FORM
): string {
  const names = path.map(String)
  for (let end = 1; end <= names.length; end++) {
    const prefix = names.slice(0, end).join('.')
    if (form.lists.has(prefix)) return prefix
  }
  return names.join('.')
}

/** Field name → French message, first error per field, from zod issues on the loose record. */
export function formErrors(
  issues: readonly z.core.$ZodIssue[],
  values: FormValues,
  form: FormShape = EXPERIMENT_FORM
): Map<string, string> {
  const errors = new Map<string, string>()
  for (const issue of issues) {
    const field = fieldOfPath(issue.path, form)
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

/** The event submission and edit form (`/evenements/proposer`, the organiser's private page). */
export const EVENT_FORM: FormShape = {
  lists: new Set(['themes', 'audiences', 'access', 'organisers']),
  split: { organisers: SPLIT.inspiredBy! },
  scalars: new Set([
    'title',
    'kind',
    'description',
    'startsAt',
    'endsAt',
    'timeZone',
    'attendance',
    'place.commune',
    'place.venue',
    'place.address.street',
    'place.address.postcode',
    'onlineUrl',
    'territory',
    'organiserName',
    'price',
    'priceNote',
    'registrationUrl',
    'accessNote',
    'publicContact.role',
    'publicContact.email',
    'privateContact.name',
    'privateContact.email',
    'privateContact.phone',
  ]),
  numbers: new Set(),
  rowGroups: [],
  optionalGroups: ['place', 'publicContact'],
  required: ['privateContact'],
  territoryFields: ['place.commune', 'territory'],
}

/** What came out of an event, one idea per line (the organiser's restitution form). */
export const RESTITUTION_FORM: FormShape = {
  lists: new Set(['publics', 'ideas', 'proposals', 'disagreements']),
  split: Object.fromEntries(
    ['ideas', 'proposals', 'disagreements'].map((k) => [k, (v: string) => v.split('\n')])
  ),
  scalars: new Set([
    'participants',
    'summary',
    'documents.*.title',
    'documents.*.url',
    'experiments.*.experimentId',
    'experiments.*.relation',
  ]),
  numbers: new Set(['participants']),
  rowGroups: ['documents', 'experiments'],
  optionalGroups: [],
  required: [],
}

/** The organiser's edit of an event: the same fields, its private contact left alone. */
export const EVENT_EDIT_FORM: FormShape = { ...EVENT_FORM, required: [] }
