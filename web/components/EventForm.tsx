/**
 * The form to announce an event (`/evenements/proposer`) and to edit it from the
 * organiser's private page: what, when (the place's time), where, who organises it,
 * practical information, then the contacts. Every choice list comes from the
 * vocabularies; it works without JavaScript (dates through `datetime-local` inputs, which
 * send exactly the record's `AAAA-MM-JJTHH:MM`).
 */
import {
  EVENT_ACCESS,
  EVENT_ATTENDANCE,
  EVENT_KINDS,
  EVENT_PRICES,
  FRENCH_TIME_ZONES,
} from '../../worker/domain/event-vocabularies'
import type { Child } from 'hono/jsx'
import type { TerritoryChoice } from '../../worker/domain/territory-names'
import { PUBLICS, THEME_TREE } from '../../worker/domain/vocabularies'
import { fieldIds, type FormValues } from '../form-input'
import { useT, type Messages } from '../i18n'
import { ROBOT_CHECK } from './contribution-form'
import { ErrorSummary } from './ErrorSummary'
import { NO_PICKS, RecordPicker, type PickerData } from './RecordPicker'
import { AddressRow, ChoiceGroup, fieldId, FormState, SelectField, TextField } from './form-fields'
import {
  Honeypot,
  PrivateContactSection,
  PublicContactSection,
  Section,
  TerritoryFeedback,
} from './SubmissionFormParts'

export interface EventFormProps {
  values: FormValues
  errors: ReadonlyMap<string, string>
  territoryNames: ReadonlyMap<string, string>
  territoryChoices?: readonly TerritoryChoice[]
  /** Where the form posts; the organiser's page edits (no contact section, a message). */
  action: string
  mode: 'submit' | 'edit'
  /** What goes just before the submit button (the Turnstile widget when configured). */
  beforeSubmit?: Child
  /** The organisers' names, and what their picker's search found. */
  pickers?: PickerData
}

type EventFormText = Messages['events']['form']

/** The label of each field, for the error summary. */
export function eventFieldLabel(f: EventFormText, name: string): string {
  const fields: Record<string, readonly string[]> = {
    title: f.name,
    kind: f.kind,
    description: f.description,
    themes: f.themes,
    audiences: f.audiences,
    startsAt: f.startsAt,
    endsAt: f.endsAt,
    timeZone: f.timeZone,
    attendance: f.attendance,
    place: f.commune,
    'place.commune': f.commune,
    'place.venue': f.venue,
    'place.address.street': f.street,
    'place.address.postcode': f.postcode,
    onlineUrl: f.onlineUrl,
    territory: f.territory,
    organiserName: f.organiserName,
    organisers: f.organisers,
    price: f.price,
    priceNote: f.priceNote,
    registrationUrl: f.registrationUrl,
    access: f.access,
    accessNote: f.accessNote,
    'publicContact.role': f.publicRole,
    'publicContact.email': f.publicEmail,
    'privateContact.name': f.privateName,
    'privateContact.email': f.privateEmail,
    'privateContact.phone': f.privatePhone,
  }
  return fields[name]?.[0] ?? name
}

/** The summary of a form's errors, each linked to its field. */
export function FormErrors({
  errors,
  label,
}: {
  errors: ReadonlyMap<string, string>
  label: (name: string) => string
}) {
  if (errors.size === 0) return null
  return (
    <ErrorSummary
      errors={[...errors].map(([name, message]) => ({
        field: fieldId(name),
        ...(name === ROBOT_CHECK ? {} : { label: label(name) }),
        message,
      }))}
    />
  )
}

export function EventForm(props: EventFormProps) {
  const t = useT()
  const f = t.events.form
  const { values, errors } = props
  return (
    <FormState.Provider value={{ values, errors }}>
      <FormErrors errors={errors} label={(name) => eventFieldLabel(f, name)} />
      <form
        method="post"
        action={props.action}
        novalidate
        class="submission"
        accept-charset="utf-8"
      >
        <p>{t.form.requiredNote}</p>

        <Section legend={f.what}>
          <TextField name="title" text={f.name} required maxlength={160} />
          <SelectField name="kind" text={f.kind} terms={EVENT_KINDS} required empty="" />
          <TextField
            name="description"
            text={f.description}
            required
            multiline
            rows={5}
            maxlength={3000}
          />
          <ChoiceGroup name="themes" text={f.themes} terms={THEME_TREE} required columns />
          <ChoiceGroup name="audiences" text={f.audiences} terms={PUBLICS} columns />
        </Section>

        <Section legend={f.whenTitle}>
          <div class="row">
            <TextField name="startsAt" text={f.startsAt} type="datetime-local" required />
            <TextField name="endsAt" text={f.endsAt} type="datetime-local" required />
          </div>
          <SelectField
            name="timeZone"
            text={f.timeZone}
            terms={FRENCH_TIME_ZONES}
            empty={f.timeZoneDefault}
          />
        </Section>

        <Section legend={f.whereTitle}>
          <ChoiceGroup
            name="attendance"
            text={f.attendance}
            terms={EVENT_ATTENDANCE}
            type="radio"
            defaultValue="on-site"
          />
          <TextField
            name="place.commune"
            text={f.commune}
            class="territory-field"
            after={
              <TerritoryFeedback
                names={props.territoryNames}
                choices={props.territoryChoices ?? []}
              />
            }
          />
          <TextField name="place.venue" text={f.venue} maxlength={200} />
          <AddressRow prefix="place.address" street={f.street} postcode={f.postcode} />
          <TextField name="onlineUrl" text={f.onlineUrl} type="url" maxlength={500} />
          <TextField name="territory" text={f.territory} />
        </Section>

        <Section legend={f.whoTitle}>
          <TextField
            name="organiserName"
            text={f.organiserName}
            required
            maxlength={200}
            autocomplete="organization"
          />
          <RecordPicker
            name="organisers"
            id={fieldId('organisers')}
            kind="actor"
            multiple
            label={f.organisers[0] ?? ''}
            help={f.organisers[1] ?? ''}
            error={errors.get('organisers')}
            chosen={fieldIds(values, 'organisers')}
            data={props.pickers ?? NO_PICKS}
          />
        </Section>

        <Section legend={f.practicalTitle}>
          <ChoiceGroup
            name="price"
            text={f.price}
            terms={EVENT_PRICES}
            type="radio"
            defaultValue="free"
          />
          <TextField name="priceNote" text={f.priceNote} maxlength={200} />
          <TextField name="registrationUrl" text={f.registrationUrl} type="url" maxlength={500} />
          <ChoiceGroup name="access" text={f.access} terms={EVENT_ACCESS} columns />
          <TextField name="accessNote" text={f.accessNote} multiline rows={2} maxlength={500} />
        </Section>

        <PublicContactSection text={f} />

        {props.mode === 'submit' ? (
          <>
            <PrivateContactSection text={f} />
            <Honeypot />
          </>
        ) : (
          <TextField
            name="message"
            text={t.events.private.message}
            multiline
            rows={3}
            maxlength={2000}
          />
        )}
        {props.beforeSubmit}
        <p>
          <button type="submit" class="button primary">
            {props.mode === 'submit' ? f.submit : f.save}
          </button>
        </p>
      </form>
    </FormState.Provider>
  )
}
