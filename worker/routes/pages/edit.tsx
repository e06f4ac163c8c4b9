/**
 * `/modifier`: the submitter's private edit form (capability URL, perf-security.md §4.5).
 *
 * - GET `/modifier/{token}` only shows a confirmation page with a POST button: no lookup,
 *   no side effect, not cached, no Referer, not indexed, nothing from another host.
 * - POST `/modifier/ouvrir` exchanges the token for a short-lived `__Host-` session cookie
 *   bound to the record and that token, then redirects to the clean URL `/modifier`.
 * - `/modifier` shows the submission form prefilled (private contact included: it is
 *   theirs), saves edits (in place when pending, as a proposal when published), and
 *   offers "still accurate" and closing the session.
 */
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { csrf } from 'hono/csrf'
import type { AppEnv } from '../../env'
import { STILL_ACCURATE_ANCHOR } from '../../../web/components/ExperimentAside'
import type { TerritoryChoice } from '../../domain/territory-names'
import { formBody } from '../../http/form'
import { ProblemError } from '../../http/problem'
import {
  confirmStillAccurate,
  EDIT_SESSION_MINUTES,
  editableRecord,
  endEditSession,
  openEditSession,
  recordForSession,
  submitInputEdit,
} from '../../services/editing'
import { EXPERIMENT_EDITING } from '../../services/records'
import type { EditableRecord } from '../../domain/editing'
import { ExperimentInput } from '../../domain/experiment'
import { Layout } from '../../../web/components/Layout'
import { SubmissionForm } from '../../../web/components/SubmissionForm'
import { formatDate } from '../../../web/format'
import type { Messages } from '../../../web/i18n'
import { carriedFields, fieldOfPath, formToValues, type FormValues } from '../../../web/form-input'
import { postedPairs, PRIVATE_HEADERS, territoryNamesOf } from './form-post'
import { messagesFor, renderPage } from './render'
import {
  experimentPickerKind,
  experimentPicks,
  pickerData,
  pickerErrors,
  pickerSearchOf,
  type PickerSearch,
} from './picker'
import { checkForm } from './territory-input'
import { TRUST_MESSAGES, type TrustMessages } from './trust-messages'

/** Cookie `__Host-edit`: Secure, host-only, path /. */
const COOKIE = 'edit'

export const DONE = ['applied', 'proposed', 'unchanged', 'verified', 'finished'] as const
export type Done = (typeof DONE)[number]

/** A private page with one message (link invalid, expired, closed, session ended). */
export function messagePage(
  c: Context<AppEnv>,
  title: string,
  text: string,
  status: 200 | 403 | 404 | 409,
  path = '/modifier'
): Promise<Response> {
  const t = messagesFor(c)
  return renderPage(
    c,
    t,
    <Layout title={title} path={path} noindex>
      <h1>{title}</h1>
      <p>{text}</p>
      <p>
        <a href="/">{t.experiment.backToSearch}</a>
      </p>
    </Layout>,
    { status, headers: PRIVATE_HEADERS }
  )
}

const sessionCookie = (c: Context<AppEnv>) => getCookie(c, COOKIE, 'host')

export const editPages = new Hono<AppEnv>()
  .get('/modifier/:token', (c) => {
    const t = messagesFor(c)
    const m = TRUST_MESSAGES[t.lang].edit
    // The token is carried into the form as-is; JSX escapes it, and it is only used by the POST.
    const token = c.req.param('token').slice(0, 200)
    return renderPage(
      c,
      t,
      <Layout title={m.openTitle} path="/modifier" noindex>
        <h1>{m.openTitle}</h1>
        <p>{m.openIntro}</p>
        <form method="post" action="/modifier/ouvrir">
          <input type="hidden" name="token" value={token} />
          <button type="submit" class="button primary">
            {m.openButton}
          </button>
        </form>
      </Layout>,
      { headers: PRIVATE_HEADERS }
    )
  })
  .post('/modifier/ouvrir', csrf(), ...formBody(4 * 1024), async (c) => {
    const m = TRUST_MESSAGES[messagesFor(c).lang].edit
    const token = (await postedPairs(c)).find(([name]) => name === 'token')?.[1] ?? ''
    try {
      const session = await openEditSession(c.var.db, token.trim())
      setCookie(c, COOKIE, session.sessionId, {
        prefix: 'host',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
        maxAge: EDIT_SESSION_MINUTES * 60,
      })
      return c.redirect('/modifier', 303)
    } catch (err) {
      if (err instanceof ProblemError && err.status === 404)
        return messagePage(c, m.invalidTitle, m.invalidText, 404)
      if (err instanceof ProblemError && err.status === 409)
        return messagePage(c, m.closedTitle, err.message, 409)
      throw err
    }
  })
  .get('/modifier', async (c) => {
    const m = TRUST_MESSAGES[messagesFor(c).lang].edit
    const row = await recordForSession(c.var.db, sessionCookie(c))
    if (!row) {
      const done = c.req.query('fait')
      if (done === 'finished') return messagePage(c, m.finished, m.expiredText, 200)
      return messagePage(c, m.expiredTitle, m.expiredText, 403)
    }
    const record = await editableRecord(c.var.db, EXPERIMENT_EDITING, row)
    const done = DONE.find((d) => d === c.req.query('fait'))
    return showEditForm(c, record, record.input as FormValues, new Map(), 200, done)
  })
  .post('/modifier', csrf(), ...formBody(), async (c) => {
    const m = TRUST_MESSAGES[messagesFor(c).lang].edit
    const row = await recordForSession(c.var.db, sessionCookie(c))
    if (!row) return messagePage(c, m.expiredTitle, m.expiredText, 403)
    const pairs = await postedPairs(c)
    const record = await editableRecord(c.var.db, EXPERIMENT_EDITING, row)
    const posted = (name: string) => pairs.find(([key]) => key === name)?.[1] ?? ''
    const message = posted('ownerMessage').replace(/\r\n?/g, '\n').trim()
    const withMessage = (values: FormValues) => ({ ...values, ownerMessage: message })
    const search = pickerSearchOf(pairs, experimentPickerKind)
    if (search) {
      // A picker's search without JavaScript: the form comes back as typed, with what was found.
      const values = withMessage(formToValues(pairs))
      return showEditForm(c, record, values, new Map(), 200, undefined, [], search)
    }
    // Territory names become codes (or a choice to make) before the schema judges.
    const checked = await checkForm(c.var.db, messagesFor(c), formToValues(pairs), pairs)
    const values = withMessage(checked.values)
    const errors = checked.ok ? new Map<string, string>() : checked.errors
    if (message.length > OWNER_MESSAGE_MAX) errors.set('ownerMessage', m.messageTooLong)
    const picks = experimentPicks(values)
    const named = await pickerData(c.env, c.var.db, picks, null)
    for (const [field, error] of pickerErrors(messagesFor(c), picks, named, [row.id]))
      if (!errors.has(field)) errors.set(field, error)
    if (!checked.ok || errors.size > 0) {
      const choices = checked.ok ? [] : checked.choices
      return showEditForm(c, record, values, errors, 400, undefined, choices)
    }
    try {
      const carried = carriedFields(pairs)
      const result = await submitInputEdit(
        c.var.db,
        EXPERIMENT_EDITING,
        ExperimentInput,
        row,
        checked.input,
        { carried: (field) => carried.has(field), message }
      )
      return c.redirect(`/modifier?fait=${result.outcome}`, 303)
    } catch (err) {
      if (err instanceof ProblemError && err.errors?.length) {
        const errors = new Map<string, string>()
        for (const e of err.errors) {
          const field = fieldOfPath((e.pointer ?? '').split('/').slice(1))
          if (!errors.has(field)) errors.set(field, e.message)
        }
        return showEditForm(c, record, values, errors, 400)
      }
      if (err instanceof ProblemError && err.status === 409)
        return messagePage(c, m.closedTitle, err.message, 409)
      throw err
    }
  })
  .post('/modifier/verifier', csrf(), ...formBody(4 * 1024), async (c) => {
    const m = TRUST_MESSAGES[messagesFor(c).lang].edit
    const row = await recordForSession(c.var.db, sessionCookie(c))
    if (!row) return messagePage(c, m.expiredTitle, m.expiredText, 403)
    try {
      await confirmStillAccurate(c.var.db, row)
    } catch (err) {
      if (err instanceof ProblemError && err.status === 409)
        return messagePage(c, m.closedTitle, err.message, 409)
      throw err
    }
    return c.redirect('/modifier?fait=verified', 303)
  })
  .post('/modifier/fin', csrf(), ...formBody(4 * 1024), async (c) => {
    await endEditSession(c.var.db, sessionCookie(c))
    deleteCookie(c, COOKIE, { prefix: 'host', path: '/', secure: true })
    return c.redirect('/modifier?fait=finished', 303)
  })

/** What the owner may write to the moderators with an edit. */
const OWNER_MESSAGE_MAX = 2000

async function showEditForm(
  c: Context<AppEnv>,
  record: EditableRecord,
  values: FormValues,
  errors: ReadonlyMap<string, string>,
  status: 200 | 400,
  done?: Done,
  territoryChoices: readonly TerritoryChoice[] = [],
  search: PickerSearch | null = null
): Promise<Response> {
  const t = messagesFor(c)
  const m = TRUST_MESSAGES[t.lang].edit
  const [territoryNames, pickers] = await Promise.all([
    territoryNamesOf(c.var.db, values),
    pickerData(c.env, c.var.db, experimentPicks(values), search, [record.id]),
  ])
  const title = m.formTitle(record.input.title)
  return renderPage(
    c,
    t,
    <Layout
      title={title}
      path="/modifier"
      noindex
      scripts={['/static/combobox.js', '/static/autocomplete.js', '/static/picker.js']}
    >
      <h1>{title}</h1>
      {done && done !== 'finished' && (
        <p class="notice success" role="status">
          {m.done[done]}
        </p>
      )}
      <EditStatus
        record={record}
        m={m}
        t={t}
        paths={{
          public: `/experiences/${encodeURIComponent(record.slug)}`,
          resubmit: '/proposer',
          verify: '/modifier/verifier',
        }}
      />
      {record.editable && (
        <SubmissionForm
          values={values}
          errors={errors}
          territoryNames={territoryNames}
          territoryChoices={territoryChoices}
          action="/modifier"
          submitLabel={m.save}
          pickers={pickers}
          selfId={record.id}
          ownerMessage
        />
      )}
      <form method="post" action="/modifier/fin">
        <button type="submit" class="button">
          {m.finish}
        </button>
      </form>
    </Layout>,
    { status, headers: PRIVATE_HEADERS }
  )
}

/** What the owner's private page says of where the record stands, for any kind of record. */
export function EditStatus({
  record,
  m,
  t,
  paths,
}: {
  record: Pick<
    EditableRecord,
    'status' | 'decision' | 'reply' | 'rejectedProposal' | 'pendingProposal' | 'lastVerifiedAt'
  >
  m: TrustMessages['edit']
  t: Messages
  /** The public page, the form to submit anew, the « still accurate » action. */
  paths: { public: string; resubmit: string; verify: string }
}) {
  const published = record.status === 'published'
  const decision = record.decision
  // The moderators' words that still apply to the current status.
  const explains =
    decision &&
    decision.reason &&
    ((record.status === 'changes_requested' && decision.action === 'request-changes') ||
      (record.status === 'rejected' && decision.action === 'reject') ||
      (record.status === 'unpublished' && decision.action === 'unpublish'))
  const answered = record.reply && record.status === 'pending'
  const refusedEdit =
    published && !record.pendingProposal && record.rejectedProposal ? record.rejectedProposal : null
  return (
    <section class="box edit-status" aria-labelledby="edit-status-title">
      <h2 id="edit-status-title">{m.statusTitle}</h2>
      <p class={`status status-${record.status}`}>
        <strong>{m.status[record.status]}</strong>
      </p>
      {explains && (
        <figure class="moderator-words">
          <figcaption>
            {record.status === 'changes_requested'
              ? m.requestOn(formatDate(decision.at, t.lang))
              : m.decisionOn(formatDate(decision.at, t.lang))}
          </figcaption>
          <blockquote>
            <p>{decision.reason}</p>
          </blockquote>
        </figure>
      )}
      {refusedEdit && (
        <figure class="moderator-words">
          <figcaption>{m.proposalRejected(formatDate(refusedEdit.at, t.lang))}</figcaption>
          <blockquote>
            <p>{refusedEdit.reason}</p>
          </blockquote>
        </figure>
      )}
      {answered && record.reply && (
        <figure class="owner-reply">
          <figcaption>{m.replySent(formatDate(record.reply.at, t.lang))}</figcaption>
          <blockquote>
            <p>{record.reply.message}</p>
          </blockquote>
        </figure>
      )}
      <h3>{m.nextTitle}</h3>
      <p>{m.next[record.status]}</p>
      {record.status === 'rejected' && (
        <p>
          <a href={paths.resubmit} class="button">
            {m.resubmit}
          </a>
        </p>
      )}
      {record.pendingProposal && (
        <p>{m.proposalWaiting(formatDate(record.pendingProposal.createdAt, t.lang))}</p>
      )}
      {published && (
        <>
          <h3 id={STILL_ACCURATE_ANCHOR}>{m.verifyTitle}</h3>
          <p>
            {m.verifyText(
              record.lastVerifiedAt ? formatDate(record.lastVerifiedAt, t.lang) : m.verifyNever
            )}
          </p>
          <form method="post" action={paths.verify}>
            <button type="submit" class="button">
              {m.verifyButton}
            </button>
          </form>
          <p>
            <a href={paths.public}>{m.viewPublic}</a>
          </p>
        </>
      )}
    </section>
  )
}
