/**
 * « Nous l'avons reproduite » : the declaration form, server-rendered and complete
 * without JavaScript. A territory typed by name that matches several is offered back as
 * a short list of radios; every error sits next to its field and in the summary.
 */
import type { Child } from 'hono/jsx'
import {
  REPLICATION_PROGRESS,
  REPLICATION_RELATIONS,
  ADAPTATIONS_MAX,
} from '../../worker/domain/replication'
import type { PickerKind } from '../../worker/domain/picker'
import { LEAD_KINDS, type Term } from '../../worker/domain/vocabularies'
import { useT } from '../i18n'
import { ROBOT_CHECK, type ContributionFormProps } from './contribution-form'
import { ErrorSummary } from './ErrorSummary'
import { RecordPicker, type PickerData } from './RecordPicker'
import { DefaultSubmit, Honeypot } from './SubmissionFormParts'
import { TurnstileWidget } from './TurnstileWidget'

export const REPLICATION_FIELDS = [
  'territory',
  'territoryChoice',
  'declarantName',
  'declarantKind',
  'relation',
  'progress',
  'startDate',
  'adaptations',
  'actorId',
  'adopterExperiment',
  'link',
] as const
export type ReplicationField = (typeof REPLICATION_FIELDS)[number]

export interface ReplicationPickers {
  /** The « votre structure » and « votre fiche » pickers: chosen names, a search's results. */
  pickers: PickerData
  /** The record declared on, never offered as its own replication. */
  recordId: string
}

export type ReplicationFormProps = ContributionFormProps<ReplicationField> & ReplicationPickers

const id = (name: string) => `r-${name}`

function Described({
  name,
  help,
  error,
}: {
  name: string
  help?: string | undefined
  error?: string | undefined
}) {
  return (
    <>
      {help && (
        <p class="help" id={`${id(name)}-aide`}>
          {help}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id(name)}-erreur`}>
          {error}
        </p>
      )}
    </>
  )
}

const describedBy = (name: string, help: boolean, error: boolean) =>
  [error && `${id(name)}-erreur`, help && `${id(name)}-aide`].filter(Boolean).join(' ') || undefined

export function ReplicationForm(props: ReplicationFormProps) {
  const t = useT()
  const f = t.spread.form
  const { values, errors } = props

  const text = (
    name: ReplicationField,
    label: string,
    help: string,
    opts: { required?: boolean; multiline?: boolean; type?: string; maxlength?: number } = {}
  ): Child => {
    const error = errors.get(name)
    const common = {
      id: id(name),
      name,
      required: opts.required,
      maxlength: opts.maxlength,
      'aria-describedby': describedBy(name, help !== '', error !== undefined),
      'aria-invalid': error ? ('true' as const) : undefined,
    }
    return (
      <div class={`field${error ? ' has-error' : ''}`}>
        <label for={id(name)}>{label}</label>
        <Described name={name} help={help} error={error} />
        {opts.multiline ? (
          <textarea {...common} rows={5}>
            {values[name] ?? ''}
          </textarea>
        ) : (
          <input {...common} type={opts.type ?? 'text'} value={values[name] ?? ''} />
        )}
      </div>
    )
  }

  const radios = (
    name: ReplicationField,
    legend: string,
    terms: readonly Pick<Term, 'code' | 'fr' | 'en'>[]
  ): Child => {
    const error = errors.get(name)
    return (
      <fieldset
        id={id(name)}
        tabindex={-1}
        class={`field choices${error ? ' has-error' : ''}`}
        aria-describedby={describedBy(name, false, error !== undefined)}
      >
        <legend>{legend}</legend>
        <Described name={name} error={error} />
        {terms.map((term) => (
          <div class="choice">
            <input
              type="radio"
              id={`${id(name)}-${term.code}`}
              name={name}
              value={term.code}
              checked={values[name] === term.code}
            />
            <label for={`${id(name)}-${term.code}`}>{term[t.lang]}</label>
          </div>
        ))}
      </fieldset>
    )
  }

  const picker = (
    name: 'actorId' | 'adopterExperiment',
    kind: PickerKind,
    label: string,
    help: string
  ): Child => (
    <RecordPicker
      name={name}
      id={id(name)}
      kind={kind}
      label={label}
      help={help}
      error={errors.get(name)}
      chosen={values[name] ? [values[name]] : []}
      data={props.pickers}
      exclude={props.recordId}
    />
  )

  const kindError = errors.get('declarantKind')
  return (
    <>
      <h1>{f.title(props.recordTitle)}</h1>
      <p class="lead">{f.intro}</p>
      {errors.size > 0 && (
        <ErrorSummary
          errors={[...errors].map(([name, message]) => ({ field: id(name), message }))}
        />
      )}
      <form method="post" action={props.action} accept-charset="utf-8" novalidate>
        <DefaultSubmit label={f.submit} />
        {text('territory', f.territory, f.territoryHelp, { required: true, maxlength: 200 })}
        {props.choices &&
          radios(
            'territoryChoice',
            f.territoryChoose(values.territory ?? ''),
            props.choices.map((c) => ({ code: c.code, fr: c.label, en: c.label }))
          )}
        {text('declarantName', f.declarantName, f.declarantNameHelp, {
          required: true,
          maxlength: 200,
        })}
        <div class={`field${kindError ? ' has-error' : ''}`}>
          <label for={id('declarantKind')}>{f.declarantKind}</label>
          <Described name="declarantKind" error={kindError} />
          <select
            id={id('declarantKind')}
            name="declarantKind"
            aria-describedby={describedBy('declarantKind', false, kindError !== undefined)}
            aria-invalid={kindError ? 'true' : undefined}
          >
            {LEAD_KINDS.map((k) => (
              <option value={k.code} selected={values.declarantKind === k.code}>
                {k[t.lang]}
              </option>
            ))}
          </select>
        </div>
        {radios('relation', f.relation, REPLICATION_RELATIONS)}
        {radios('progress', f.progress, REPLICATION_PROGRESS)}
        {text('startDate', f.startDate, f.startDateHelp, { maxlength: 10 })}
        {text('adaptations', f.adaptations, f.adaptationsHelp, {
          multiline: true,
          maxlength: ADAPTATIONS_MAX,
        })}
        {picker('actorId', 'actor', f.actor, f.actorHelp)}
        {picker('adopterExperiment', 'experiment', f.adopterRecord, f.adopterRecordHelp)}
        {text('link', f.link, f.linkHelp, { type: 'url', maxlength: 500 })}
        <Honeypot id="r-fax" />
        <TurnstileWidget
          siteKey={props.turnstileSiteKey}
          action="replication"
          id={id(ROBOT_CHECK)}
          error={errors.get(ROBOT_CHECK)}
        />
        <p>
          <button type="submit" class="button primary">
            {f.submit}
          </button>
        </p>
      </form>
      <p>
        <a href={props.recordPath}>{f.back}</a>
      </p>
    </>
  )
}
