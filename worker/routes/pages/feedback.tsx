/**
 * `/experiences/{slug-or-id}/retour`: experience feedback left without an account and
 * without JavaScript, and the button that reports a published answer. The same layered
 * controls as the other anonymous forms on a record: same-origin check, body cap, rate
 * limit (app-wide middleware), a honeypot answered like a success, Turnstile when
 * configured; then pre-moderation on the desk. The structure answered for is picked
 * with the record picker (a search round trip without JavaScript).
 */
import { Hono, type Context } from 'hono'
import { csrf } from 'hono/csrf'
import type { AppEnv } from '../../env'
import type { ExperimentRow } from '../../db/experiments'
import { FeedbackInput } from '../../domain/feedback'
import type { PickerKind } from '../../domain/picker'
import { formBody } from '../../http/form'
import { ProblemError } from '../../http/problem'
import { leaveFeedback, reportFeedbackById } from '../../services/feedback'
import {
  FEEDBACK_FIELDS,
  FeedbackForm,
  type FeedbackField,
  type FeedbackFormProps,
} from '../../../web/components/FeedbackForm'
import {
  pickerData,
  pickerErrors,
  pickerSearchOf,
  type PickedFields,
  type PickerSearch,
} from './picker'
import { ROBOT_CHECK } from '../../../web/components/contribution-form'
import { messagesFor } from './render'
import {
  contributionDone,
  passesTurnstile,
  postedForm,
  publishedRecord,
  recordFormPage,
  recordNotFound,
  recordPath,
  typedTerritory,
} from './contribution'

/** The form's one picker: « au nom de quelle structure ? ». */
const pickerKind = (field: string): PickerKind | null => (field === 'actorId' ? 'actor' : null)

const picksOf = (values: Partial<Record<FeedbackField, string>>): PickedFields => [
  { field: 'actorId', kind: 'actor', ids: values.actorId ? [values.actorId] : [] },
]

async function showForm(
  c: Context<AppEnv>,
  row: ExperimentRow,
  state: Pick<FeedbackFormProps, 'values' | 'errors' | 'choices'>,
  status: 200 | 400 = 200,
  search: PickerSearch | null = null
) {
  const text = messagesFor(c).feedback.form
  const pickers = await pickerData(c.env, c.var.db, picksOf(state.values), search)
  return recordFormPage(
    c,
    row,
    {
      suffix: 'retour',
      text,
      Form: FeedbackForm,
      scripts: ['/static/combobox.js', '/static/picker.js'],
    },
    { ...state, pickers },
    status
  )
}

/** The confirmation after leaving feedback, or after reporting one. */
function confirmation(c: Context<AppEnv>, row: ExperimentRow, reported: boolean) {
  const f = messagesFor(c).feedback.form
  return contributionDone(c, {
    title: reported ? f.reportedTitle : f.thanksTitle,
    text: reported ? f.reportedText : f.thanksText,
    back: f.back,
    backHref: `${recordPath(row)}#s-feedback`,
  })
}

/** The form's field an input issue belongs to (`/argumentsFor/2` → `argumentsFor`). */
function fieldOf(path: readonly PropertyKey[]): FeedbackField {
  const first = String(path[0] ?? '')
  return FEEDBACK_FIELDS.find((f) => f === first) ?? 'tried'
}

/** One argument per line; blank lines are not arguments. */
const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')

export const feedbackPage = new Hono<AppEnv>()
  .get('/experiences/:idOrSlug/retour', async (c) => {
    const row = await publishedRecord(c)
    if (!row) return recordNotFound(c)
    if (c.req.query('merci') !== undefined) return confirmation(c, row, false)
    if (c.req.query('signale') !== undefined) return confirmation(c, row, true)
    return showForm(c, row, { values: {}, errors: new Map(), choices: null })
  })
  .post('/experiences/:idOrSlug/retour', csrf(), ...formBody(32 * 1024), async (c) => {
    const row = await publishedRecord(c)
    if (!row) return recordNotFound(c)
    const f = messagesFor(c).feedback.form
    const form = await postedForm(c)
    const done = c.redirect(`${recordPath(row)}/retour?merci`, 303)
    // A filled honeypot is a bot: the same answer as a success, nothing stored.
    if (form.isBot) return done

    const values = Object.fromEntries(FEEDBACK_FIELDS.map((n) => [n, form.field(n)])) as Record<
      FeedbackField,
      string
    >
    // A picker's search without JavaScript: the form comes back as typed, with what was found.
    const search = pickerSearchOf(form.pairs, pickerKind)
    if (search) return showForm(c, row, { values, errors: new Map(), choices: null }, 200, search)

    const errors = new Map<FeedbackField, string>()
    let choices: FeedbackFormProps['choices'] = null

    // The territory is optional: a choice among the names offered, else the typed one.
    let territory: string | undefined
    if (values.territory.trim() !== '' || values.territoryChoice !== '') {
      const typed = await typedTerritory(c, values.territory, values.territoryChoice)
      if (typed.status === 'found') territory = typed.code
      else if (typed.status === 'ambiguous') {
        choices = typed.choices
        errors.set('territoryChoice', f.errors.territoryChoice)
      } else errors.set('territory', f.errors.territory)
    }

    const parsed = FeedbackInput.safeParse({
      role: values.role || undefined,
      territory,
      actorId: values.actorId.trim() === '' ? undefined : values.actorId,
      authorName: values.authorName,
      tried: values.tried,
      worked: values.worked,
      didNotWork: values.didNotWork,
      recommend: values.recommend || undefined,
      argumentsFor: lines(values.argumentsFor),
      argumentsAgainst: lines(values.argumentsAgainst),
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = fieldOf(issue.path)
        if (!errors.has(name)) errors.set(name, f.errors[name])
      }
    }
    // The picker's id must name a published actor.
    const picks = picksOf(values)
    if (pickerErrors(messagesFor(c), picks, await pickerData(c.env, c.var.db, picks, null)).size) {
      errors.set('actorId', f.errors.actorId)
    }
    // Errors in the form's order, so the summary reads top to bottom.
    const ordered = new Map(
      FEEDBACK_FIELDS.flatMap((n) => (errors.has(n) ? [[n, errors.get(n)!] as const] : []))
    )
    if (!parsed.success || ordered.size > 0)
      return showForm(c, row, { values, errors: ordered, choices }, 400)
    if (!(await passesTurnstile(c, form, 'feedback'))) {
      const robot = new Map([[ROBOT_CHECK, f.errors.robot]] as const)
      return showForm(c, row, { values, errors: robot, choices }, 400)
    }
    try {
      await leaveFeedback(c.var.db, row, parsed.data)
    } catch (err) {
      // The territory or the actor went away between the check and the write.
      if (!(err instanceof ProblemError) || err.status !== 400) throw err
      const failed = new Map(
        (err.errors ?? []).map((e) =>
          e.pointer === '/actorId'
            ? (['actorId', f.errors.actorId] as const)
            : (['territory', f.errors.territory] as const)
        )
      )
      return showForm(c, row, { values, errors: failed, choices }, 400)
    }
    return done
  })
  .post('/experiences/:idOrSlug/retours/:fid/signaler', csrf(), ...formBody(1024), async (c) => {
    const row = await publishedRecord(c)
    if (!row) return recordNotFound(c)
    try {
      await reportFeedbackById(c.var.db, c.req.param('fid').slice(0, 40), row.id)
    } catch (err) {
      if (err instanceof ProblemError && err.status === 404) return recordNotFound(c)
      throw err
    }
    return c.redirect(`${recordPath(row)}/retour?signale`, 303)
  })
