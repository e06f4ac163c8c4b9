/**
 * The record pickers of a posted form, server side: which picker asked for a search (its
 * button, or text left in its search box — Enter in that box submits the form), the
 * names of every chosen id, and an error next to each picker holding an id that names no
 * published record of its kind.
 */
import type { Db } from '../../db/session'
import { PICKER_QUERY_MAX, type PickerKind } from '../../domain/picker'
import type { AppEnv } from '../../env'
import { findPickable, namePicked } from '../../services/picker'
import {
  PICKER_BUTTON,
  pickerQueryName,
  type PickerData,
} from '../../../web/components/RecordPicker'
import type { Messages } from '../../../web/i18n'
import { fieldIds, type FormValues } from '../../../web/form-input'

/** A form's picker fields with the ids each holds. */
export type PickedFields = readonly { field: string; kind: PickerKind; ids: readonly string[] }[]

export interface PickerSearch {
  field: string
  kind: PickerKind
  query: string
}

/**
 * The search a posted form asks for, if any: the picker whose button was pressed, else the
 * first picker whose search box still holds text (the search box is emptied after each
 * search, so a final submit never carries one).
 */
export function pickerSearchOf(
  pairs: readonly (readonly [string, string])[],
  kindOf: (field: string) => PickerKind | null
): PickerSearch | null {
  const posted = (name: string) => pairs.find(([key]) => key === name)?.[1]
  const button = posted(PICKER_BUTTON)
  const typed = pairs.find(
    ([key, value]) => key.startsWith(pickerQueryName('')) && value.trim() !== ''
  )
  const field = button ?? typed?.[0].slice(pickerQueryName('').length)
  const kind = field ? kindOf(field) : null
  if (!field || !kind) return null
  const query = (posted(pickerQueryName(field)) ?? '').trim().slice(0, PICKER_QUERY_MAX)
  return { field, kind, query }
}

/** Every chosen id named, and the search run when one was asked. */
export async function pickerData(
  env: AppEnv['Bindings'],
  db: Db,
  fields: PickedFields,
  search: PickerSearch | null,
  exclude: readonly string[] = []
): Promise<PickerData> {
  const idsOf = (kind: PickerKind) => [
    ...new Set(fields.filter((f) => f.kind === kind).flatMap((f) => f.ids)),
  ]
  const [experiments, actors, found] = await Promise.all([
    namePicked(db, 'experiment', idsOf('experiment')),
    namePicked(db, 'actor', idsOf('actor')),
    search ? findPickable(env, db, search.kind, search.query, exclude) : [],
  ])
  return {
    named: { experiment: experiments, actor: actors },
    search: search ? { field: search.field, query: search.query, found } : null,
  }
}

/** One error per picker holding an id that names no published record of its kind. */
export function pickerErrors(
  t: Messages,
  fields: PickedFields,
  data: PickerData,
  exclude: readonly string[] = []
): Map<string, string> {
  const errors = new Map<string, string>()
  for (const { field, kind, ids } of fields) {
    if (ids.some((id) => !data.named[kind].has(id) || exclude.includes(id)))
      errors.set(field, t.picker.errors[kind])
  }
  return errors
}

/** The experiment form's pickers: « inspirée de », the porteur's and partners' structures. */
export function experimentPickerKind(field: string): PickerKind | null {
  if (field === 'inspiredBy') return 'experiment'
  if (field === 'lead.actorId' || /^partners\.\d{1,2}\.actorId$/.test(field)) return 'actor'
  return null
}

/** The ids the experiment form's pickers hold. */
export function experimentPicks(values: FormValues): PickedFields {
  const partners = Array.isArray(values.partners) ? values.partners.length : 0
  return [
    'inspiredBy',
    'lead.actorId',
    ...Array.from({ length: partners }, (_, i) => `partners.${i}.actorId`),
  ].map((field) => ({ field, kind: experimentPickerKind(field)!, ids: fieldIds(values, field) }))
}

/** The event forms' pickers: the organisers, and each experiment of the restitution. */
export function eventPickerKind(field: string): PickerKind | null {
  if (field === 'organisers') return 'actor'
  if (/^experiments\.\d{1,2}\.experimentId$/.test(field)) return 'experiment'
  return null
}

/** The ids the event form (organisers) or the restitution form (experiments) holds. */
export function eventPicks(values: FormValues): PickedFields {
  const rows = Array.isArray(values.experiments) ? values.experiments.length : 0
  return [
    ...('organisers' in values ? ['organisers'] : []),
    ...Array.from({ length: rows }, (_, i) => `experiments.${i}.experimentId`),
  ].map((field) => ({ field, kind: eventPickerKind(field)!, ids: fieldIds(values, field) }))
}
