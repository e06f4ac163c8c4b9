/**
 * Form controls that carry their own accessible wiring: label, help text and error
 * message linked through `aria-describedby`, `aria-invalid` when in error, and the value
 * typed so far. The form state (values and errors) comes from `FormState` so each field
 * only needs its name.
 */
import { createContext, useContext, type Child } from 'hono/jsx'
import type { Term } from '../../worker/domain/vocabularies'
import { fieldList, fieldText, type FormValues } from '../form-input'
import { useT, type Messages } from '../i18n'

export interface FormStateValue {
  values: FormValues
  errors: ReadonlyMap<string, string>
}

export const FormState = createContext<FormStateValue>({ values: {}, errors: new Map() })

export const fieldId = (name: string) => `f-${name.replace(/\./g, '-')}`

type FieldKey = keyof Messages['form']['fields']

/** A field's own [label, help], for forms whose text lives outside `form.fields` (actors). */
export type FieldText = readonly string[]

/** Label and help of a field; rows (`results.indicators.0.label`) use their generic entry. */
export function useFieldText(name: string, key?: FieldKey, own?: FieldText): [string, string] {
  const t = useT()
  if (own) return [own[0] ?? name, own[1] ?? '']
  const generic = name
    .replace(/^results\.indicators\.\d+\./, 'indicator.')
    .replace(/^means\.fundingSources\.\d+\./, 'funding.')
    .replace(/^partners\.\d+\./, 'partner.')
    .replace(/^sources\.\d+\./, 'source.')
    .replace(/^results\.evaluationDocuments\.\d+\./, 'evaluationDocument.')
    .replace(/^resources\.\d+\./, 'resource.')
  const entry: readonly string[] | undefined = t.form.fields[(key ?? generic) as FieldKey]
  return entry ? [entry[0] ?? name, entry[1] ?? ''] : [name, '']
}

interface Described {
  id: string
  helpId?: string
  errorId?: string
  error?: string
  describedBy?: string
}

function useDescribed(name: string, help: string): Described {
  const { errors } = useContext(FormState)
  const id = fieldId(name)
  const error = errors.get(name)
  const helpId = help ? `${id}-aide` : undefined
  const errorId = error ? `${id}-erreur` : undefined
  const describedBy = [errorId, helpId].filter(Boolean).join(' ') || undefined
  return { id, helpId, errorId, error, describedBy }
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  const t = useT()
  return (
    <label for={id}>
      {label}
      {required && (
        <>
          {' '}
          <abbr title={t.form.required} class="req">
            *
          </abbr>
        </>
      )}
    </label>
  )
}

function HelpAndError({ d, help }: { d: Described; help: string }) {
  return (
    <>
      {help && (
        <p class="help" id={d.helpId}>
          {help}
        </p>
      )}
      {d.error && (
        <p class="field-error" id={d.errorId}>
          {d.error}
        </p>
      )}
    </>
  )
}

export interface TextFieldProps {
  name: string
  labelKey?: FieldKey
  text?: FieldText
  required?: boolean
  type?: 'text' | 'email' | 'url' | 'tel' | 'number' | 'datetime-local'
  inputmode?: 'numeric' | 'decimal'
  autocomplete?: string
  multiline?: boolean
  rows?: number
  maxlength?: number
  class?: string
  /** Extra content after the control (e.g. the territory names recognised). */
  after?: Child
}

export function TextField(props: TextFieldProps) {
  const { values } = useContext(FormState)
  const [label, help] = useFieldText(props.name, props.labelKey, props.text)
  const d = useDescribed(props.name, help)
  const common = {
    id: d.id,
    name: props.name,
    required: props.required,
    autocomplete: props.autocomplete,
    maxlength: props.maxlength,
    'aria-describedby': d.describedBy,
    'aria-invalid': d.error ? ('true' as const) : undefined,
  }
  return (
    <div class={`field${d.error ? ' has-error' : ''}${props.class ? ` ${props.class}` : ''}`}>
      <Label id={d.id} label={label} required={props.required} />
      <HelpAndError d={d} help={help} />
      {props.multiline ? (
        <textarea {...common} rows={props.rows ?? 5}>
          {fieldText(values, props.name)}
        </textarea>
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputmode={props.inputmode}
          value={fieldText(values, props.name)}
        />
      )}
      {props.after}
    </div>
  )
}

export function SelectField(props: {
  name: string
  labelKey?: FieldKey
  text?: FieldText
  terms: readonly (Term & { children?: readonly Term[] })[]
  required?: boolean
  /** Label of the empty first option; the field is left out when it is chosen. */
  empty?: string
}) {
  const t = useT()
  const { values } = useContext(FormState)
  const [label, help] = useFieldText(props.name, props.labelKey, props.text)
  const d = useDescribed(props.name, help)
  const current = fieldText(values, props.name)
  const option = (term: Term) => (
    <option value={term.code} selected={term.code === current}>
      {term[t.lang]}
    </option>
  )
  return (
    <div class={`field${d.error ? ' has-error' : ''}`}>
      <Label id={d.id} label={label} required={props.required} />
      <HelpAndError d={d} help={help} />
      <select
        id={d.id}
        name={props.name}
        required={props.required}
        aria-describedby={d.describedBy}
        aria-invalid={d.error ? 'true' : undefined}
      >
        {props.empty !== undefined && <option value="">{props.empty || t.form.choose}</option>}
        {props.terms.map((term) =>
          // Two-level vocabularies (skills) as option groups of their children.
          term.children?.length ? (
            <optgroup label={term[t.lang]}>{term.children.map(option)}</optgroup>
          ) : (
            option(term)
          )
        )}
      </select>
    </div>
  )
}

/**
 * A group of checkboxes (or radios) in a fieldset whose legend is the label. Terms may
 * have children (the two-level theme vocabulary), shown nested under their parent.
 */
export function ChoiceGroup(props: {
  name: string
  labelKey?: FieldKey
  text?: FieldText
  terms: readonly (Term & { children?: readonly Term[] })[]
  type?: 'checkbox' | 'radio'
  required?: boolean
  showHelp?: boolean
  columns?: boolean
  /** The radio checked when the record has no value yet (the schema's default). */
  defaultValue?: string
}) {
  const t = useT()
  const { values } = useContext(FormState)
  const [label, help] = useFieldText(props.name, props.labelKey, props.text)
  const d = useDescribed(props.name, help)
  const type = props.type ?? 'checkbox'
  const chosen = new Set(
    type === 'checkbox'
      ? fieldList(values, props.name)
      : [fieldText(values, props.name) || (props.defaultValue ?? '')]
  )
  const option = (term: Term) => {
    const id = `${d.id}-${term.code.replace(/[^a-z0-9-]/gi, '-')}`
    return (
      <div class="choice">
        <input
          type={type}
          id={id}
          name={props.name}
          value={term.code}
          checked={chosen.has(term.code)}
          aria-describedby={term.help && props.showHelp ? `${id}-aide` : undefined}
        />
        <label for={id}>{term[t.lang]}</label>
        {term.help && props.showHelp && (
          <p class="help" id={`${id}-aide`}>
            {term.help}
          </p>
        )}
      </div>
    )
  }
  return (
    <fieldset
      id={d.id}
      tabindex={-1}
      class={`field choices${props.columns ? ' columns' : ''}${d.error ? ' has-error' : ''}`}
      aria-describedby={d.describedBy}
      aria-invalid={d.error ? 'true' : undefined}
    >
      <legend>
        {label}
        {props.required && (
          <>
            {' '}
            <abbr title={t.form.required} class="req">
              *
            </abbr>
          </>
        )}
      </legend>
      <HelpAndError d={d} help={help} />
      {type === 'checkbox' && (
        // Says the form carries this list even when nothing is ticked, so an edit with every
        // box unticked clears it, and a form without the list leaves it alone.
        <input type="hidden" name={props.name} value="" />
      )}
      {props.terms.map((term) =>
        term.children?.length ? (
          <div class="choice-branch">
            {option(term)}
            <div class="choice-children">{term.children.map(option)}</div>
          </div>
        ) : (
          option(term)
        )
      )}
    </fieldset>
  )
}

/** A postal address on one row, its fields under `prefix` (`address`, `place.address`). */
export function AddressRow(props: { prefix: string; street: FieldText; postcode: FieldText }) {
  return (
    <div class="row">
      <TextField name={`${props.prefix}.street`} text={props.street} maxlength={300} />
      <TextField
        name={`${props.prefix}.postcode`}
        text={props.postcode}
        inputmode="numeric"
        maxlength={5}
      />
    </div>
  )
}
