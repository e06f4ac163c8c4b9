/**
 * « Laisser un retour d'expérience »: the form, server-rendered and complete without
 * JavaScript, built from the shared accessible fields (label, help and error wired to
 * each control). A territory typed by name that matches several comes back as radios;
 * the structure answered for is chosen with the record picker; the summary at the top
 * names each field in error and links to it.
 */
import {
  ARGUMENT_MAX,
  ARGUMENTS_MAX,
  FEEDBACK_ROLES,
  FEEDBACK_TEXT_MAX,
  RECOMMEND_LEVELS,
} from '../../worker/domain/feedback'
import { useT } from '../i18n'
import { ROBOT_CHECK, type ContributionFormProps } from './contribution-form'
import { ErrorSummary } from './ErrorSummary'
import { ChoiceGroup, fieldId, FormState, TextField } from './form-fields'
import { RecordPicker, type PickerData } from './RecordPicker'
import { DefaultSubmit, Honeypot } from './SubmissionFormParts'
import { TurnstileWidget } from './TurnstileWidget'

export const FEEDBACK_FIELDS = [
  'role',
  'territory',
  'territoryChoice',
  'authorName',
  'actorId',
  'tried',
  'worked',
  'didNotWork',
  'recommend',
  'argumentsFor',
  'argumentsAgainst',
] as const
export type FeedbackField = (typeof FEEDBACK_FIELDS)[number]

export type FeedbackFormProps = ContributionFormProps<FeedbackField> & {
  /** The « au nom de quelle structure ? » picker: the chosen name, a search's results. */
  pickers: PickerData
}

/** One argument per line, as the form sends them. */
export const ARGUMENT_LINES = ARGUMENTS_MAX * (ARGUMENT_MAX + 2)

export function FeedbackForm(props: FeedbackFormProps) {
  const t = useT()
  const f = t.feedback.form
  const { values, errors } = props
  const label: Record<FeedbackField, string> = {
    role: f.role,
    territory: f.territory,
    territoryChoice: f.territoryChoose(values.territory ?? ''),
    authorName: f.authorName,
    actorId: f.actor,
    tried: f.tried,
    worked: f.worked,
    didNotWork: f.didNotWork,
    recommend: f.recommend,
    argumentsFor: f.argumentsFor,
    argumentsAgainst: f.argumentsAgainst,
  }
  return (
    <FormState.Provider value={{ values, errors }}>
      <h1>{f.title(props.recordTitle)}</h1>
      <p class="lead">{f.intro}</p>
      {errors.size > 0 && (
        <ErrorSummary
          errors={[...errors].map(([name, message]) => ({
            field: fieldId(name),
            ...(name === ROBOT_CHECK ? {} : { label: label[name] }),
            message,
          }))}
        />
      )}
      <form method="post" action={props.action} accept-charset="utf-8" novalidate>
        <DefaultSubmit label={f.submit} />
        <p>{t.form.requiredNote}</p>
        <ChoiceGroup name="role" text={[f.role]} terms={FEEDBACK_ROLES} type="radio" required />
        <TextField name="territory" text={[f.territory, f.territoryHelp]} maxlength={200} />
        {props.choices && (
          <ChoiceGroup
            name="territoryChoice"
            text={[label.territoryChoice]}
            terms={props.choices.map((c) => ({ code: c.code, fr: c.label, en: c.label }))}
            type="radio"
          />
        )}
        <TextField
          name="authorName"
          text={[f.authorName, f.authorNameHelp]}
          required
          maxlength={200}
          autocomplete="organization"
        />
        <RecordPicker
          name="actorId"
          id={fieldId('actorId')}
          kind="actor"
          label={f.actor}
          help={f.actorHelp}
          error={errors.get('actorId')}
          chosen={values.actorId ? [values.actorId] : []}
          data={props.pickers}
        />
        <TextField
          name="tried"
          text={[f.tried, f.triedHelp]}
          required
          multiline
          maxlength={FEEDBACK_TEXT_MAX}
        />
        <TextField
          name="worked"
          text={[f.worked, f.textHelp]}
          multiline
          rows={4}
          maxlength={FEEDBACK_TEXT_MAX}
        />
        <TextField
          name="didNotWork"
          text={[f.didNotWork, f.textHelp]}
          multiline
          rows={4}
          maxlength={FEEDBACK_TEXT_MAX}
        />
        <ChoiceGroup
          name="recommend"
          text={[f.recommend]}
          terms={RECOMMEND_LEVELS}
          type="radio"
          required
        />
        <TextField
          name="argumentsFor"
          text={[f.argumentsFor, f.argumentsHelp]}
          multiline
          rows={3}
          maxlength={ARGUMENT_LINES}
        />
        <TextField
          name="argumentsAgainst"
          text={[f.argumentsAgainst, f.argumentsHelp]}
          multiline
          rows={3}
          maxlength={ARGUMENT_LINES}
        />
        <Honeypot />
        <TurnstileWidget
          siteKey={props.turnstileSiteKey}
          action="feedback"
          id={fieldId(ROBOT_CHECK)}
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
    </FormState.Provider>
  )
}
