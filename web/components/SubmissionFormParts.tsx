/**
 * The pieces the submission form is assembled from: sections, row groups, error labels,
 * the honeypot, the default submit button, the territory search and choice list.
 */
import type { Child } from 'hono/jsx'
import { labelOf, TERRITORY_KINDS } from '../../worker/domain/vocabularies'
import type { TerritoryChoice } from '../../worker/domain/territory-names'
import { useT } from '../i18n'
import { TextField, useFieldText } from './form-fields'

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
 * The button Enter submits with: the first submit button of a form is its default, and
 * without this one it would be a picker's « Rechercher ». Off-screen and out of the tab
 * order like the honeypot; sighted and keyboard users use the visible submit button.
 */
export function DefaultSubmit({ label }: { label: string }) {
  return (
    <div class="hp" aria-hidden="true">
      <button type="submit" tabindex={-1}>
        {label}
      </button>
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

/** The words of the contact sections, from the form's own dictionary (actors, events). */
export interface ContactText {
  publicTitle: string
  publicHelp: string
  publicRole: readonly string[]
  publicEmail: readonly string[]
  privateTitle: string
  privateHelp: string
  privateName: readonly string[]
  privateEmail: readonly string[]
  privatePhone: readonly string[]
}

/** The public contact (shown on the page), then the private one (moderators only). */
export function PublicContactSection({ text }: { text: ContactText }) {
  return (
    <Section legend={text.publicTitle} help={text.publicHelp}>
      <TextField name="publicContact.role" text={text.publicRole} maxlength={200} />
      <TextField name="publicContact.email" text={text.publicEmail} type="email" />
    </Section>
  )
}

export function PrivateContactSection({ text }: { text: ContactText }) {
  return (
    <Section legend={text.privateTitle} help={text.privateHelp}>
      <TextField name="privateContact.name" text={text.privateName} autocomplete="name" />
      <TextField
        name="privateContact.email"
        text={text.privateEmail}
        type="email"
        required
        autocomplete="email"
      />
      <TextField
        name="privateContact.phone"
        text={text.privatePhone}
        type="tel"
        autocomplete="tel"
      />
    </Section>
  )
}
