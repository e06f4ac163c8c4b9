/**
 * The form to enter the network (`/acteurs/proposer`), need first: the structure (name,
 * kind, territory), what it needs, what it offers, then what it may add. Every choice
 * list comes from the vocabularies; it works without JavaScript.
 */
import {
  ACTOR_KINDS,
  ACTOR_PROGRAMMES,
  LMN_PUBLICS,
  LMN_SERVICES,
  LMN_TYPOLOGIES,
} from '../../worker/domain/actor-vocabularies'
import { HORIZONS, SKILL_TREE } from '../../worker/domain/skills'
import type { TerritoryChoice } from '../../worker/domain/territory-names'
import type { FormValues } from '../form-input'
import { useT, type Messages } from '../i18n'
import { ErrorSummary } from './ErrorSummary'
import { AddressRow, ChoiceGroup, fieldId, FormState, SelectField, TextField } from './form-fields'
import {
  Honeypot,
  PrivateContactSection,
  PublicContactSection,
  RowGroup,
  Section,
  TerritoryFeedback,
} from './SubmissionFormParts'

export interface ActorFormProps {
  values: FormValues
  errors: ReadonlyMap<string, string>
  territoryNames: ReadonlyMap<string, string>
  territoryChoices?: readonly TerritoryChoice[]
  /** Where the form posts: entering the network, or the owner's private edit page. */
  action?: string
  submitLabel?: string
}

/** Rows offered for offers and needs: the filled ones and at least `minimum`, one spare. */
function rows(values: FormValues, group: string, minimum: number): number[] {
  const filled = Array.isArray(values[group]) ? (values[group] as unknown[]).length : 0
  return Array.from({ length: Math.max(minimum, filled + 1) }, (_, i) => i)
}

/** One line of offers or needs: a skill (grouped by family), a few words, a horizon. */
function SkillRow({ group, index }: { group: 'offers' | 'needs'; index: number }) {
  const f = useT().actors.form
  return (
    <RowGroup legend={f.row(index + 1)}>
      <div class="row">
        <SelectField
          name={`${group}.${index}.skill`}
          text={f.skill}
          terms={SKILL_TREE}
          empty={f.skillNone}
        />
        <SelectField
          name={`${group}.${index}.horizon`}
          text={f.horizon}
          terms={HORIZONS}
          empty={f.horizonNone}
        />
      </div>
      <TextField name={`${group}.${index}.text`} text={f.text} maxlength={300} />
    </RowGroup>
  )
}

/** The label of a field in the error summary: « Ce dont vous avez besoin (1) — Compétence ». */
function fieldLabel(f: Messages['actors']['form'], name: string): string {
  const row = /^(offers|needs)\.(\d+)\.(skill|text|horizon)$/.exec(name)
  if (row) {
    const group = row[1] === 'needs' ? f.needsTitle : f.offersTitle
    return `${group} (${Number(row[2]) + 1}) — ${f[row[3] as 'skill' | 'text' | 'horizon'][0]}`
  }
  const fields: Record<string, readonly string[]> = {
    name: f.name,
    kind: f.kind,
    territories: f.territories,
    description: f.description,
    website: f.website,
    'address.street': f.street,
    'address.postcode': f.postcode,
    siren: f.siren,
    siret: f.siret,
    rna: f.rna,
    programmes: f.programmes,
    'mediation.typologies': f.typologies,
    'mediation.services': f.services,
    'mediation.publics': f.publics,
    'publicContact.role': f.publicRole,
    'publicContact.email': f.publicEmail,
    'privateContact.name': f.privateName,
    'privateContact.email': f.privateEmail,
    'privateContact.phone': f.privatePhone,
  }
  return fields[name]?.[0] ?? name
}

export function ActorForm({
  values,
  errors,
  territoryNames,
  territoryChoices = [],
  action = '/acteurs/proposer',
  submitLabel,
}: ActorFormProps) {
  const t = useT()
  const f = t.actors.form
  return (
    <FormState.Provider value={{ values, errors }}>
      {errors.size > 0 && (
        <ErrorSummary
          errors={[...errors].map(([name, message]) => ({
            field: fieldId(name),
            label: fieldLabel(f, name),
            message,
          }))}
        />
      )}
      <form method="post" action={action} novalidate class="submission" accept-charset="utf-8">
        <p>{t.form.requiredNote}</p>

        <Section legend={f.identity}>
          <TextField
            name="name"
            text={f.name}
            required
            maxlength={200}
            autocomplete="organization"
          />
          <SelectField name="kind" text={f.kind} terms={ACTOR_KINDS} required empty="" />
          <TextField
            name="territories"
            text={f.territories}
            required
            class="territory-field"
            after={<TerritoryFeedback names={territoryNames} choices={territoryChoices} />}
          />
        </Section>

        <Section legend={f.needsTitle} help={f.needsHelp}>
          {rows(values, 'needs', 1).map((i) => (
            <SkillRow group="needs" index={i} />
          ))}
        </Section>

        <Section legend={f.offersTitle}>
          {rows(values, 'offers', 1).map((i) => (
            <SkillRow group="offers" index={i} />
          ))}
        </Section>

        <Section legend={f.moreTitle}>
          <TextField name="description" text={f.description} multiline rows={4} maxlength={3000} />
          <TextField name="website" text={f.website} type="url" maxlength={500} />
          <AddressRow prefix="address" street={f.street} postcode={f.postcode} />
          <div class="row">
            <TextField name="siren" text={f.siren} inputmode="numeric" maxlength={9} />
            <TextField name="siret" text={f.siret} inputmode="numeric" maxlength={14} />
            <TextField name="rna" text={f.rna} maxlength={10} />
          </div>
          <ChoiceGroup name="programmes" text={f.programmes} terms={ACTOR_PROGRAMMES} columns />
        </Section>

        <Section legend={f.mediationTitle} help={f.mediationHelp}>
          <ChoiceGroup
            name="mediation.typologies"
            text={f.typologies}
            terms={LMN_TYPOLOGIES}
            columns
          />
          <ChoiceGroup name="mediation.services" text={f.services} terms={LMN_SERVICES} columns />
          <ChoiceGroup name="mediation.publics" text={f.publics} terms={LMN_PUBLICS} columns />
        </Section>

        <PublicContactSection text={f} />

        <PrivateContactSection text={f} />

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
