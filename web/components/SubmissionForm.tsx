/**
 * The submission form, in sections that follow the record: identity, lead and
 * territory, classification, the story, results, means, sharing, private contact.
 * Every choice list is generated from the vocabularies, so the form cannot offer a
 * value the schema would refuse. It works without JavaScript; autocomplete.js only adds
 * a territory search on top of the plain code field.
 */
import {
  EVIDENCE_LEVELS,
  FUNDING_TYPES,
  LEAD_KINDS,
  LICENCES,
  OUTCOMES,
  PROGRAMMES,
  PUBLICS,
  RECORD_LANGUAGES,
  SCOPES,
  STAGES,
  THEME_TREE,
} from '../../worker/domain/vocabularies'
import type { TerritoryChoice } from '../../worker/domain/territory-names'
import { COUNTRIES, FRENCH_COUNTRY_CODES } from '../../worker/domain/countries'
import { useContext } from 'hono/jsx'
import { fieldIds, type FormValues } from '../form-input'
import { ErrorSummary } from './ErrorSummary'
import {
  DefaultSubmit,
  ErrorLabel,
  Honeypot,
  RowGroup,
  Section,
  TerritoryFeedback,
  TerritorySearch,
} from './SubmissionFormParts'
import { useT } from '../i18n'
import { NO_PICKS, RecordPicker, type PickerData } from './RecordPicker'
import {
  ChoiceGroup,
  fieldId,
  FormState,
  SelectField,
  TextField,
  useFieldText,
} from './form-fields'

export interface SubmissionFormProps {
  values: FormValues
  errors: ReadonlyMap<string, string>
  /** Names of the territory codes typed so far, to confirm them without JavaScript. */
  territoryNames: ReadonlyMap<string, string>
  /** Typed territory names that need a choice between candidates. */
  territoryChoices?: readonly TerritoryChoice[]
  /** Where the form posts (the edit form reuses it at /modifier). */
  action?: string
  /** Text of the submit button, when not the submission's. */
  submitLabel?: string
  /** The pickers' chosen records by name, and what a picker's search found. */
  pickers?: PickerData
  /** The record being edited, never offered as its own inspiration. */
  selfId?: string
  /** Offer a message to the moderation team (edit form; its text is `values.ownerMessage`). */
  ownerMessage?: boolean
}

/** A record picker of this form: its label, help, chosen ids and error from the form state. */
function FormPicker(props: {
  name: string
  kind: 'experiment' | 'actor'
  multiple?: boolean
  pickers: PickerData
  exclude?: string | undefined
}) {
  const { values, errors } = useContext(FormState)
  const [label, help] = useFieldText(props.name)
  return (
    <RecordPicker
      name={props.name}
      id={fieldId(props.name)}
      kind={props.kind}
      multiple={props.multiple}
      label={label}
      help={help}
      error={errors.get(props.name)}
      chosen={fieldIds(values, props.name)}
      data={props.pickers}
      exclude={props.exclude}
    />
  )
}

/** How many empty rows a repeatable group offers beyond the filled ones. */
function rowCount(values: FormValues, path: string, minimum: number): number {
  const [head, tail] = path.split('.') as [string, string | undefined]
  const node = tail ? (values[head] as Record<string, unknown> | undefined)?.[tail] : values[head]
  const filled = Array.isArray(node) ? node.length : 0
  return Math.max(minimum, filled + 1)
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i)

export function SubmissionForm({
  values,
  errors,
  territoryNames,
  territoryChoices = [],
  action = '/proposer',
  submitLabel,
  pickers = NO_PICKS,
  selfId,
  ownerMessage,
}: SubmissionFormProps) {
  const t = useT()
  const f = t.form
  return (
    <FormState.Provider value={{ values, errors }}>
      {errors.size > 0 && (
        <ErrorSummary
          errors={[...errors].map(([name, message]) => ({
            field: fieldId(name),
            label: <ErrorLabel name={name} />,
            message,
          }))}
        />
      )}
      <form method="post" action={action} novalidate class="submission" accept-charset="utf-8">
        <DefaultSubmit label={submitLabel ?? f.submit} />
        <p>{f.requiredNote}</p>

        <Section legend={f.sections.identity}>
          <TextField name="title" required maxlength={160} />
          <TextField name="summary" required multiline rows={4} maxlength={500} />
          <SelectField name="language" terms={RECORD_LANGUAGES} />
        </Section>

        <Section legend={f.sections.lead}>
          <TextField name="lead.name" required maxlength={200} autocomplete="organization" />
          <SelectField name="lead.kind" terms={LEAD_KINDS} required empty="" />
          <div class="row">
            <TextField name="lead.siren" inputmode="numeric" maxlength={9} />
            <TextField name="lead.rna" maxlength={10} />
          </div>
          <FormPicker name="lead.actorId" kind="actor" pickers={pickers} />
          <ChoiceGroup name="scope" terms={SCOPES} type="radio" defaultValue="territories" />
          {/* Required for the French-territories scope only: the schema says so, not the asterisk. */}
          <TextField
            name="territories"
            class="territory-field"
            after={<TerritoryFeedback names={territoryNames} choices={territoryChoices} />}
          />
          <template id="territory-search-template">
            <TerritorySearch />
          </template>
          <div class="row">
            <SelectField
              name="abroad.country"
              terms={COUNTRIES.filter((c) => !FRENCH_COUNTRY_CODES.has(c.code)).sort((a, b) =>
                a[t.lang].localeCompare(b[t.lang], t.lang)
              )}
              empty=""
            />
            <TextField name="abroad.subdivision" maxlength={6} class="short" />
          </div>
          <TextField name="abroad.place" maxlength={200} />
        </Section>

        <Section legend={f.sections.classification}>
          <ChoiceGroup name="themes" terms={THEME_TREE} required columns />
          <div class="row">
            <SelectField name="stage" terms={STAGES} required empty="" />
            <SelectField name="outcome" terms={OUTCOMES} empty={f.none} />
          </div>
          <div class="row">
            <TextField name="startDate" maxlength={10} />
            <TextField name="endDate" maxlength={10} />
          </div>
          <ChoiceGroup name="publics" terms={PUBLICS} columns />
          <ChoiceGroup name="programmes" terms={PROGRAMMES} columns />
          <TextField name="keywords" maxlength={500} />
        </Section>

        <Section legend={f.sections.narrative} help={f.sectionHelp.narrative}>
          {(
            [
              'context',
              'description',
              'novelty',
              'governance',
              'users',
              'difficulties',
              'successConditions',
              'advice',
            ] as const
          ).map((k) => (
            <TextField name={`narrative.${k}`} multiline rows={k === 'description' ? 8 : 5} />
          ))}
        </Section>

        <Section legend={f.sections.results} help={f.sectionHelp.results}>
          <TextField name="narrative.results" multiline rows={5} />
          <TextField name="results.peopleReached" inputmode="numeric" class="short" />
          {range(rowCount(values, 'results.indicators', 2)).map((i) => (
            <RowGroup legend={`${useFieldText('indicator')[0]} ${i + 1}`}>
              <TextField name={`results.indicators.${i}.label`} />
              <div class="row">
                <TextField name={`results.indicators.${i}.unit`} class="short" />
                <TextField
                  name={`results.indicators.${i}.baseline`}
                  inputmode="decimal"
                  class="short"
                />
                <TextField
                  name={`results.indicators.${i}.target`}
                  inputmode="decimal"
                  class="short"
                />
                <TextField
                  name={`results.indicators.${i}.value`}
                  inputmode="decimal"
                  class="short"
                />
              </div>
              <div class="row">
                <TextField name={`results.indicators.${i}.measuredAt`} class="short" />
                <TextField name={`results.indicators.${i}.method`} />
              </div>
            </RowGroup>
          ))}
          <ChoiceGroup name="evidenceLevel" terms={EVIDENCE_LEVELS} type="radio" showHelp />
          {range(rowCount(values, 'results.evaluationDocuments', 1)).map((i) => (
            <RowGroup legend={`${useFieldText('evaluationDocument')[0]} ${i + 1}`}>
              <div class="row">
                <TextField name={`results.evaluationDocuments.${i}.title`} maxlength={200} />
                <TextField
                  name={`results.evaluationDocuments.${i}.url`}
                  type="url"
                  maxlength={500}
                />
              </div>
            </RowGroup>
          ))}
        </Section>

        <Section legend={f.sections.means} help={f.sectionHelp.means}>
          <div class="row">
            <TextField name="means.budgetEur" inputmode="numeric" class="short" />
            <TextField name="means.staffFte" inputmode="decimal" class="short" />
          </div>
          {range(rowCount(values, 'means.fundingSources', 2)).map((i) => (
            <RowGroup legend={`${useFieldText('funding')[0]} ${i + 1}`}>
              <div class="row">
                <SelectField
                  name={`means.fundingSources.${i}.type`}
                  terms={FUNDING_TYPES}
                  empty=""
                />
                <TextField name={`means.fundingSources.${i}.programme`} />
                <TextField
                  name={`means.fundingSources.${i}.amountEur`}
                  inputmode="numeric"
                  class="short"
                />
              </div>
            </RowGroup>
          ))}
          {range(rowCount(values, 'partners', 2)).map((i) => (
            <RowGroup legend={`${useFieldText('partner')[0]} ${i + 1}`}>
              <div class="row">
                <TextField name={`partners.${i}.name`} />
                <TextField name={`partners.${i}.role`} />
              </div>
              <FormPicker name={`partners.${i}.actorId`} kind="actor" pickers={pickers} />
            </RowGroup>
          ))}
        </Section>

        <Section legend={f.sections.sharing}>
          <SelectField name="licence" terms={LICENCES} />
          <TextField name="website" type="url" maxlength={500} />
          {range(rowCount(values, 'sources', 1)).map((i) => (
            <RowGroup legend={`${useFieldText('source')[0]} ${i + 1}`}>
              <TextField name={`sources.${i}.url`} type="url" maxlength={500} />
              <div class="row">
                <TextField name={`sources.${i}.title`} maxlength={300} />
                <TextField name={`sources.${i}.publisher`} maxlength={200} />
                <TextField name={`sources.${i}.consultedAt`} maxlength={10} class="short" />
              </div>
            </RowGroup>
          ))}
          {range(rowCount(values, 'resources', 1)).map((i) => (
            <RowGroup legend={`${useFieldText('resource')[0]} ${i + 1}`}>
              <div class="row">
                <TextField name={`resources.${i}.title`} maxlength={200} />
                <TextField name={`resources.${i}.url`} type="url" maxlength={500} />
                <TextField name={`resources.${i}.licence`} maxlength={50} class="short" />
              </div>
            </RowGroup>
          ))}
          <FormPicker
            name="inspiredBy"
            kind="experiment"
            multiple
            pickers={pickers}
            exclude={selfId}
          />
          <div class="row">
            <TextField name="publicContact.role" />
            <TextField name="publicContact.email" type="email" />
          </div>
        </Section>

        <Section legend={f.sections.privateContact} help={f.sectionHelp.privateContact}>
          <TextField name="privateContact.name" autocomplete="name" />
          <TextField name="privateContact.email" type="email" required autocomplete="email" />
          <TextField name="privateContact.phone" type="tel" autocomplete="tel" />
        </Section>

        {ownerMessage && (
          <Section legend={useFieldText('ownerMessage')[0]}>
            <TextField name="ownerMessage" multiline rows={4} maxlength={2000} />
          </Section>
        )}

        <Honeypot />

        <p>
          <button type="submit" class="button primary">
            {submitLabel ?? f.submit}
          </button>
        </p>
      </form>
    </FormState.Provider>
  )
}
