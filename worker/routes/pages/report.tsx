/**
 * `/experiences|acteurs|evenements/{slug-or-id}/signaler`: a small form to report a
 * published experiment, actor or event (outdated, wrong, duplicate, inappropriate + a
 * short message). Layered controls as on
 * the submission form: same-origin check, body cap, rate limit (app-wide middleware), a
 * honeypot answered like a success, and Turnstile when configured.
 */
import { Hono, type Context } from 'hono'
import { csrf } from 'hono/csrf'
import type { AppEnv } from '../../env'
import { getPublishedActor, type ActorRow } from '../../db/actors'
import { getPublishedEvent, type EventRow } from '../../db/events'
import type { ExperimentRow } from '../../db/experiments'
import type { EditableKind } from '../../db/record-kinds'
import { notFoundPage } from './not-found'
import { REPORT_REASONS } from '../../db/reports'
import { formBody } from '../../http/form'
import { fileReport, REPORT_MESSAGE_MAX } from '../../services/moderation/reports'
import { Honeypot } from '../../../web/components/SubmissionFormParts'
import { TurnstileWidget } from '../../../web/components/TurnstileWidget'
import { ROBOT_CHECK } from '../../../web/components/contribution-form'
import { ReportInput } from '../api/reports'
import { messagesFor, renderPage } from './render'
import { TRUST_MESSAGES } from './trust-messages'
import {
  contributionDone,
  contributionFormPage,
  passesTurnstile,
  postedForm,
  publishedRecord,
  recordNotFound,
} from './contribution'

interface ReportForm {
  reason: string
  message: string
}

/** What is reported: a published experiment, actor or event, by its name and public page. */
interface Reported {
  kind: EditableKind
  id: string
  name: string
  path: string
}

const experimentTarget = (row: ExperimentRow): Reported => ({
  kind: 'experiment',
  id: row.id,
  name: row.title,
  path: `/experiences/${encodeURIComponent(row.slug)}`,
})

const actorTarget = (row: ActorRow): Reported => ({
  kind: 'actor',
  id: row.id,
  name: row.name,
  path: `/acteurs/${encodeURIComponent(row.slug)}`,
})

const eventTarget = (row: EventRow): Reported => ({
  kind: 'event',
  id: row.id,
  name: row.title,
  path: `/evenements/${encodeURIComponent(row.slug)}`,
})

function showForm(
  c: Context<AppEnv>,
  row: Reported,
  values: ReportForm,
  errors: ReadonlyMap<string, string>,
  status: 200 | 400 = 200
) {
  const r = TRUST_MESSAGES[messagesFor(c).lang].report
  const action = `${row.path}/signaler`
  const title = r.title(row.name)
  return contributionFormPage(
    c,
    { title, errorsTitle: errors.size > 0 ? r.errorsTitle : null, path: action },
    (siteKey) => (
      <>
        <h1>{title}</h1>
        <p class="lead">{r.intro}</p>
        {errors.size > 0 && (
          <div class="error-summary" role="alert" tabindex={-1}>
            <h2>{r.errorsTitle}</h2>
            <ul>
              {[...errors].map(([field, message]) => (
                <li>
                  <a href={`#r-${field}`}>{message}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action={action} accept-charset="utf-8" novalidate>
          <fieldset
            id="r-reason"
            aria-describedby={errors.has('reason') ? 'r-reason-erreur' : undefined}
          >
            <legend>{r.reasonLegend}</legend>
            {errors.has('reason') && (
              <p class="field-error" id="r-reason-erreur">
                {errors.get('reason')}
              </p>
            )}
            {REPORT_REASONS.map((reason) => (
              <div class="choice">
                <input
                  type="radio"
                  name="reason"
                  id={`r-reason-${reason}`}
                  value={reason}
                  checked={values.reason === reason}
                  required
                />
                <label for={`r-reason-${reason}`}>{r.reasons[reason]}</label>
              </div>
            ))}
          </fieldset>
          <div class="field">
            <label for="r-message">{r.message}</label>
            {errors.has('message') && (
              <p class="field-error" id="r-message-erreur">
                {errors.get('message')}
              </p>
            )}
            <textarea
              id="r-message"
              name="message"
              rows={4}
              maxlength={REPORT_MESSAGE_MAX}
              aria-invalid={errors.has('message') ? 'true' : undefined}
              aria-describedby={errors.has('message') ? 'r-message-erreur' : undefined}
            >
              {values.message}
            </textarea>
          </div>
          <Honeypot id="r-fax" />
          <TurnstileWidget
            siteKey={siteKey}
            action="report"
            id={`r-${ROBOT_CHECK}`}
            error={errors.get(ROBOT_CHECK)}
          />
          <p>
            <button type="submit" class="button primary">
              {r.submit}
            </button>
          </p>
        </form>
        <p>
          <a href={row.path}>{r.back}</a>
        </p>
      </>
    ),
    status
  )
}

function thanks(c: Context<AppEnv>, row: Reported) {
  const r = TRUST_MESSAGES[messagesFor(c).lang].report
  return contributionDone(c, {
    title: r.thanksTitle,
    text: r.thanksText,
    back: r.back,
    backHref: row.path,
  })
}

/** The form on GET (or its thanks after a report). */
function reportForm(c: Context<AppEnv>, row: Reported) {
  if (c.req.query('merci') !== undefined) return thanks(c, row)
  return showForm(c, row, { reason: '', message: '' }, new Map())
}

/** A posted report: a bot gets a success and nothing stored, errors come back by their fields. */
async function fileFromForm(c: Context<AppEnv>, row: Reported) {
  const r = TRUST_MESSAGES[messagesFor(c).lang].report
  const form = await postedForm(c)
  const done = c.redirect(`${row.path}/signaler?merci`, 303)
  // A filled honeypot is a bot: the same answer as a success, nothing stored.
  if (form.isBot) return done

  const values = { reason: form.field('reason'), message: form.field('message') }
  const parsed = ReportInput.safeParse(values)
  const errors = new Map<string, string>()
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = String(issue.path[0] ?? 'reason')
      if (!errors.has(name)) errors.set(name, name === 'message' ? r.errorMessage : r.errorReason)
    }
  }
  if (errors.size === 0 && !(await passesTurnstile(c, form, 'report'))) {
    errors.set(ROBOT_CHECK, r.errorRobot)
  }
  if (!parsed.success || errors.size > 0) return showForm(c, row, values, errors, 400)
  await fileReport(c.var.db, row.id, parsed.data.reason, parsed.data.message, new Date(), row.kind)
  return done
}

/** The `idOrSlug` route parameter, when it can name a record. */
const idOrSlugOf = (c: Context<AppEnv>): string | null => {
  const idOrSlug = c.req.param('idOrSlug') ?? ''
  return idOrSlug.length <= 120 ? idOrSlug : null
}

/** The form and its POST at `{base}/{idOrSlug}/signaler`, for one kind of record. */
function reportRoutes(
  base: string,
  find: (c: Context<AppEnv>) => Promise<Reported | null>,
  notFound: (c: Context<AppEnv>) => Response | Promise<Response>
) {
  const path = `${base}/:idOrSlug/signaler`
  return new Hono<AppEnv>()
    .get(path, async (c) => {
      const row = await find(c)
      return row ? reportForm(c, row) : notFound(c)
    })
    .post(path, csrf(), ...formBody(16 * 1024), async (c) => {
      const row = await find(c)
      return row ? fileFromForm(c, row) : notFound(c)
    })
}

const findActor = async (c: Context<AppEnv>) => {
  const idOrSlug = idOrSlugOf(c)
  const row = idOrSlug ? await getPublishedActor(c.var.db, idOrSlug) : null
  return row && actorTarget(row)
}

const findEvent = async (c: Context<AppEnv>) => {
  const idOrSlug = idOrSlugOf(c)
  const row = idOrSlug ? await getPublishedEvent(c.var.db, idOrSlug) : null
  return row && eventTarget(row)
}

export const reportPage = new Hono<AppEnv>()
  .route(
    '/',
    reportRoutes(
      '/experiences',
      async (c) => {
        const row = await publishedRecord(c)
        return row && experimentTarget(row)
      },
      recordNotFound
    )
  )
  .route(
    '/',
    reportRoutes('/acteurs', findActor, (c) => notFoundPage(c, (t) => t.actors))
  )
  .route(
    '/',
    reportRoutes('/evenements', findEvent, (c) => notFoundPage(c, (t) => t.events))
  )
