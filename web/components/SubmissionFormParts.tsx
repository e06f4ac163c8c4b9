/**
 * The pieces the submission form is assembled from: sections, row groups, error labels,
 * the honeypot, the territory search and choice list, the « inspirée de » picker.
 */
import type { Child } from 'hono/jsx'
import { labelOf, TERRITORY_KINDS } from '../../worker/domain/vocabularies'
import type { TerritoryChoice } from '../../worker/domain/territory-names'
import { useT } from '../i18n'
import { useFieldText } from './form-fields'

/** A published experiment as the picker lists it. */
export interface ExperimentLink {
  id: string
  title: string
}

export interface InspiredPicker {
  chosen: readonly ExperimentLink[]
  /** The last search typed, and what it found (null: no search yet). */
  query: string
  found: readonly ExperimentLink[] | null
  /** The record being edited, never offered as its own inspiration. */
  selfId: string
}

export function Section({
  legend,
  help,
  children,
}: {
  legend: string
  help?: string
  children: Child
}) {
  return (
    <fieldset class="section">
      <legend>{legend}</legend>
      {help && <p class="help">{help}</p>}
      {children}
    </fieldset>
  )
}

export function RowGroup({ legend, children }: { legend: string; children: Child }) {
  return (
    <fieldset class="row-group">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  )
}

export function ErrorLabel({ name }: { name: string }) {
  const [label] = useFieldText(name)
  const row = /\.(\d+)\./.exec(name)
  return <>{row ? `${label} (${Number(row[1]) + 1})` : label}</>
}

/**
 * Bait for bots: off-screen, hidden from assistive technology and out of the tab
 * order, so no person fills it in. A filled one is accepted silently and dropped.
 */
export function Honeypot({ id = 'f-fax' }: { id?: string }) {
  const t = useT()
  return (
    <div class="hp" aria-hidden="true">
      <label for={id}>{t.form.honeypot}</label>
      <input type="text" id={id} name="fax" tabindex={-1} autocomplete="off" value="" />
    </div>
  )
}

/**
 * The territory search that autocomplete.js clones into the page (a <template> is inert
 * without JavaScript, so no-JS readers never meet a control that does nothing).
 */
export function TerritorySearch() {
  const t = useT()
  const [label, help] = useFieldText('territorySearch')
  return (
    <div class="field territory-search">
      <label for="f-territory-search">{label}</label>
      <p class="help" id="f-territory-search-aide">
        {help}
      </p>
      <div class="combobox">
        <input
          type="text"
          id="f-territory-search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded="false"
          aria-controls="f-territory-options"
          aria-describedby="f-territory-search-aide"
          autocomplete="off"
        />
        <ul id="f-territory-options" role="listbox" aria-label={label} hidden></ul>
      </div>
      <p
        class="visually-hidden"
        role="status"
        id="f-territory-status"
        data-none={t.form.autocompleteNoResult}
        data-some={t.form.autocompleteResults}
      ></p>
      <ul
        class="territory-chips"
        aria-label={t.form.selectedTerritories}
        data-remove={t.form.remove}
      ></ul>
    </div>
  )
}

/**
 * Under a territory field without JavaScript: the names of the codes recognised, and a
 * choice for each typed name that designates several territories (or none exactly).
 */
export function TerritoryFeedback({
  names,
  choices,
}: {
  names: ReadonlyMap<string, string>
  choices: readonly TerritoryChoice[]
}) {
  const t = useT()
  return (
    <>
      {names.size > 0 && (
        <ul class="territory-names" aria-label={t.form.selectedTerritories}>
          {[...names].map(([code, name]) => (
            <li data-code={code} data-name={name}>
              {name} <span class="code">({code})</span>
            </li>
          ))}
        </ul>
      )}
      {choices.map((choice, i) => (
        <TerritoryChoiceList choice={choice} index={i} />
      ))}
    </>
  )
}

/**
 * The candidates of one typed territory name, as radio buttons: what the page offers
 * without JavaScript when a name designates several territories, or none exactly. The
 * typed name travels with the choice, so the next POST knows which entry it settles.
 */
export function TerritoryChoiceList({ choice, index }: { choice: TerritoryChoice; index: number }) {
  const t = useT()
  const f = t.form
  const id = `f-territory-choice-${index}`
  return (
    <fieldset class="territory-choice" id={id}>
      <legend>
        {choice.reason === 'close'
          ? f.territoryChoiceClose(choice.text)
          : f.territoryChoiceSeveral(choice.text)}
      </legend>
      <input type="hidden" name={`territoryChoiceFor.${index}`} value={choice.text} />
      {choice.candidates.map((c) => (
        <div class="choice">
          <input
            type="radio"
            id={`${id}-${c.code.replace(':', '-')}`}
            name={`territoryChoice.${index}`}
            value={c.code}
          />
          <label for={`${id}-${c.code.replace(':', '-')}`}>
            {c.name} — {labelOf(TERRITORY_KINDS, c.kind, t.lang)}
            {c.departmentName && c.kind !== 'dep' ? `, ${c.departmentName}` : ''}{' '}
            <span class="code">({c.code})</span>
          </label>
        </div>
      ))}
    </fieldset>
  )
}

/**
 * « Inspirée de » without JavaScript: the chosen records as ticked boxes, a search box
 * whose button posts the form back with the published records found (nothing is saved),
 * offered as boxes to tick. inspired-by.js runs the same search in place.
 */
export function InspiredByPicker({ picker }: { picker: InspiredPicker }) {
  const t = useT()
  const [label, help] = useFieldText('inspiredBy')
  const [searchLabel, searchHelp] = useFieldText('inspiredBySearch')
  const chosen = new Set(picker.chosen.map((e) => e.id))
  const found = (picker.found ?? []).filter((e) => !chosen.has(e.id))
  const box = (e: ExperimentLink, checked: boolean) => (
    <div class="choice">
      <input
        type="checkbox"
        id={`f-inspiredBy-${e.id}`}
        name="inspiredBy"
        value={e.id}
        checked={checked}
      />
      <label for={`f-inspiredBy-${e.id}`}>{e.title}</label>
    </div>
  )
  return (
    <fieldset
      class="field choices inspired-by"
      id="f-inspiredBy"
      tabindex={-1}
      data-self={picker.selfId}
    >
      <legend>{label}</legend>
      <p class="help">{help}</p>
      <input type="hidden" name="inspiredBy" value="" />
      <div class="inspired-chosen">{picker.chosen.map((e) => box(e, true))}</div>
      <div class="field">
        <label for="f-inspiredBySearch">{searchLabel}</label>
        <p class="help" id="f-inspiredBySearch-aide">
          {searchHelp}
        </p>
        <input
          type="search"
          id="f-inspiredBySearch"
          name="inspiredBySearch"
          value={picker.query}
          aria-describedby="f-inspiredBySearch-aide"
        />{' '}
        <button type="submit" name="intent" value="inspired-search" class="button">
          {t.form.inspiredSearch}
        </button>
      </div>
      <div
        class="inspired-found"
        role="status"
        data-none={t.form.inspiredNoResult('%s')}
        data-some={t.form.inspiredFound('%s')}
      >
        {picker.found !== null && (
          <>
            <p>
              {found.length === 0 && picker.found.length === 0
                ? t.form.inspiredNoResult(picker.query)
                : t.form.inspiredFound(picker.query)}
            </p>
            {found.map((e) => box(e, false))}
          </>
        )}
      </div>
    </fieldset>
  )
}
