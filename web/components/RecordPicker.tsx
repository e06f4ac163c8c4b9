/**
 * The record picker: one field that stores the id of a published experiment or actor and
 * shows it by title and territory, never as a raw identifier.
 *
 * Without JavaScript it is a choice list: the chosen records as ticked boxes (radios when
 * one record at most), a search box whose « Rechercher » button posts the whole form back
 * (nothing is saved) and the records found offered as more boxes. picker.js turns the
 * search box into a combobox (WAI-ARIA APG pattern) asking GET /api/picker, and adds the
 * same boxes, so the server receives exactly what a no-JS choice would send.
 */
import type { PickerKind, PickerOption } from '../../worker/domain/picker'
import { useT } from '../i18n'

/** What the server knows for every picker of a form. */
export interface PickerData {
  /** Published records of each kind, by id. */
  named: Readonly<Record<PickerKind, ReadonlyMap<string, PickerOption>>>
  /** The search just run, for the picker named `field`. */
  search: { field: string; query: string; found: readonly PickerOption[] } | null
}

export const NO_PICKS: PickerData = {
  named: { experiment: new Map(), actor: new Map() },
  search: null,
}

/** The search box's name for a picker field (never a record field, so never stored). */
export const pickerQueryName = (field: string) => `pick:${field}`
/** The name and value of the button that asks a picker's search without JavaScript. */
export const PICKER_BUTTON = 'pick'

export interface RecordPickerProps {
  /** The form field storing the id(s): `inspiredBy`, `lead.actorId`, `actorId`… */
  name: string
  /** The fieldset's id, which the error summary links to. */
  id: string
  kind: PickerKind
  /** A list of records (checkboxes) rather than one at most (radios with « none »). */
  multiple?: boolean
  label: string
  help: string
  error?: string | undefined
  /** The ids chosen so far, in order. */
  chosen: readonly string[]
  data: PickerData
  /** A record never offered (the record being declared or edited). */
  exclude?: string | undefined
}

export function RecordPicker(props: RecordPickerProps) {
  const t = useT()
  const p = t.picker
  const { name, id, kind, data } = props
  const type = props.multiple ? 'checkbox' : 'radio'
  const chosen = new Set(props.chosen)
  const search = data.search?.field === name ? data.search : null
  const found = (search?.found ?? []).filter((o) => !chosen.has(o.id) && o.id !== props.exclude)
  const searchId = `${id}-search`
  const helpId = `${id}-aide`
  const errorId = props.error ? `${id}-erreur` : undefined
  const box = (option: PickerOption | { id: string; title: null }, checked: boolean) => {
    const boxId = `${id}-${option.id.replace(/[^\w-]/g, '')}`
    return (
      <div class="choice">
        <input type={type} id={boxId} name={name} value={option.id} checked={checked} />
        <label for={boxId}>
          {option.title ?? p.unknown[kind]}
          {'place' in option && option.place && <span class="picker-place"> — {option.place}</span>}
        </label>
      </div>
    )
  }
  return (
    <fieldset
      class={`field choices picker${props.error ? ' has-error' : ''}`}
      id={id}
      tabindex={-1}
      data-kind={kind}
      data-name={name}
      data-multiple={props.multiple ? 'true' : undefined}
      data-exclude={props.exclude}
      aria-describedby={[errorId, helpId].filter(Boolean).join(' ')}
    >
      <legend>{props.label}</legend>
      <p class="help" id={helpId}>
        {props.help}
      </p>
      {props.error && (
        <p class="field-error" id={errorId}>
          {props.error}
        </p>
      )}
      {/* Present even when nothing is ticked, so an edit can empty the field. */}
      {props.multiple && <input type="hidden" name={name} value="" />}
      <div class="picker-chosen">
        {!props.multiple && (
          <div class="choice">
            <input
              type="radio"
              id={`${id}-none`}
              name={name}
              value=""
              checked={chosen.size === 0}
            />
            <label for={`${id}-none`}>{p.none}</label>
          </div>
        )}
        {props.chosen.map((chosenId) =>
          box(data.named[kind].get(chosenId) ?? { id: chosenId, title: null }, true)
        )}
      </div>
      <div class="picker-search">
        <label for={searchId}>{p.searchLabel[kind](props.label)}</label>
        <p class="help" id={`${searchId}-aide`}>
          {p.searchHelp[kind]}
        </p>
        <input
          type="search"
          id={searchId}
          name={pickerQueryName(name)}
          value=""
          maxlength={200}
          autocomplete="off"
          aria-describedby={`${searchId}-aide`}
        />{' '}
        <button type="submit" name={PICKER_BUTTON} value={name} class="button">
          {p.search}
        </button>
      </div>
      <div class="picker-found" role="status">
        {search && (
          <>
            <p>
              {search.query === ''
                ? p.typeSomething
                : found.length === 0
                  ? p.noResult(search.query)
                  : p.found(search.query)}
            </p>
            {found.map((o) => box(o, false))}
          </>
        )}
      </div>
    </fieldset>
  )
}
