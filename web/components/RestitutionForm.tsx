/**
 * « Ce qui en est sorti »: the organiser's restitution form on the private page, once the
 * event is over — participants and publics, a summary, ideas, proposals and disagreements
 * (one per line), documents, and the experiments of the observatory it presented or
 * inspired. Works without JavaScript.
 */
import { EVENT_EXPERIMENT_RELATIONS } from '../../worker/domain/event-vocabularies'
import { PUBLICS } from '../../worker/domain/vocabularies'
import { fieldIds, type FormValues } from '../form-input'
import { useT, type Messages } from '../i18n'
import { FormErrors } from './EventForm'
import { ChoiceGroup, fieldId, FormState, SelectField, TextField } from './form-fields'
import { NO_PICKS, RecordPicker, type PickerData } from './RecordPicker'
import { RowGroup, Section } from './SubmissionFormParts'

type PrivateText = Messages['events']['private']

function rowCount(values: FormValues, group: string): number[] {
  const filled = Array.isArray(values[group]) ? (values[group] as unknown[]).length : 0
  return Array.from({ length: Math.max(2, filled + 1) }, (_, i) => i)
}

export function restitutionFieldLabel(p: PrivateText, name: string): string {
  const row = /^(documents|experiments)\.(\d+)\.(\w+)$/.exec(name)
  if (row) {
    const n = Number(row[2]) + 1
    const labels: Record<string, readonly string[]> = {
      title: p.documentTitle,
      url: p.documentUrl,
      experimentId: p.experimentId,
      relation: p.relation,
    }
    const group = row[1] === 'documents' ? p.documentRow(n) : p.experimentRow(n)
    return `${group} — ${labels[row[3]!]?.[0] ?? row[3]}`
  }
  const fields: Record<string, readonly string[]> = {
    participants: p.participants,
    publics: p.publics,
    summary: p.summary,
    ideas: p.ideas,
    proposals: p.proposals,
    disagreements: p.disagreements,
    restitutionMessage: p.message,
  }
  return fields[name]?.[0] ?? name
}

export function RestitutionForm(props: {
  values: FormValues
  errors: ReadonlyMap<string, string>
  action: string
  /** The experiments' titles, and what a picker's search found. */
  pickers?: PickerData
}) {
  const t = useT()
  const p = t.events.private
  // One idea per line: lists come back as lines, not as the comma-joined text of fieldText.
  const lines = (name: string) =>
    Array.isArray(props.values[name]) ? (props.values[name] as string[]).join('\n') : undefined
  const values: FormValues = {
    ...props.values,
    ...Object.fromEntries(
      ['ideas', 'proposals', 'disagreements'].flatMap((k) => {
        const v = lines(k)
        return v === undefined ? [] : [[k, v]]
      })
    ),
  }
  return (
    <FormState.Provider value={{ values, errors: props.errors }}>
      <FormErrors errors={props.errors} label={(name) => restitutionFieldLabel(p, name)} />
      <form
        method="post"
        action={props.action}
        novalidate
        class="submission"
        accept-charset="utf-8"
      >
        <TextField name="participants" text={p.participants} inputmode="numeric" maxlength={7} />
        <ChoiceGroup name="publics" text={p.publics} terms={PUBLICS} columns />
        <TextField name="summary" text={p.summary} multiline rows={5} maxlength={3000} />
        <TextField name="ideas" text={p.ideas} multiline rows={5} />
        <TextField name="proposals" text={p.proposals} multiline rows={4} />
        <TextField name="disagreements" text={p.disagreements} multiline rows={3} />
        <Section legend={p.documentsTitle}>
          {rowCount(values, 'documents').map((i) => (
            <RowGroup legend={p.documentRow(i + 1)}>
              <div class="row">
                <TextField name={`documents.${i}.title`} text={p.documentTitle} maxlength={200} />
                <TextField name={`documents.${i}.url`} text={p.documentUrl} type="url" />
              </div>
            </RowGroup>
          ))}
        </Section>
        <Section legend={p.experimentsTitle} help={p.experimentsHelp}>
          {rowCount(values, 'experiments').map((i) => (
            <RowGroup legend={p.experimentRow(i + 1)}>
              <div class="row">
                <RecordPicker
                  name={`experiments.${i}.experimentId`}
                  id={fieldId(`experiments.${i}.experimentId`)}
                  kind="experiment"
                  label={p.experimentId[0] ?? ''}
                  help={p.experimentId[1] ?? ''}
                  error={props.errors.get(`experiments.${i}.experimentId`)}
                  chosen={fieldIds(values, `experiments.${i}.experimentId`)}
                  data={props.pickers ?? NO_PICKS}
                />
                <SelectField
                  name={`experiments.${i}.relation`}
                  text={p.relation}
                  terms={EVENT_EXPERIMENT_RELATIONS}
                  empty={p.relationNone}
                />
              </div>
            </RowGroup>
          ))}
        </Section>
        <TextField name="restitutionMessage" text={p.message} multiline rows={3} maxlength={2000} />
        <p>
          <button type="submit" class="button primary">
            {p.saveRestitution}
          </button>
        </p>
      </form>
    </FormState.Provider>
  )
}
