/**
 * `/acteurs/modifier`: an actor's private edit page, the same capability-URL flow as
 * experiments' (`/modifier`, edit.tsx): GET `/acteurs/modifier/{token}` only shows a POST
 * button; POST `/acteurs/modifier/ouvrir` exchanges the token for a short-lived
 * `__Host-` cookie and redirects to the clean URL; `/acteurs/modifier` shows the actor's
 * form prefilled, saves edits (in place when pending, as a proposal a moderator reviews
 * when published), and offers « toujours exact » and closing the session.
 */
import { Hono, type Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { csrf } from 'hono/csrf'
import { ActorInput, type ActorContent } from '../../domain/actor'
import type { TerritoryChoice } from '../../domain/territory-names'
import type { ActorRow } from '../../db/actors'
import type { AppEnv } from '../../env'
import { MAX_JSON_BODY_BYTES } from '../../http/body'
import { formBody } from '../../http/form'
import { ProblemError } from '../../http/problem'
import { ACTOR_EDITING } from '../../services/actors'
import {
  confirmStillAccurate,
  EDIT_SESSION_MINUTES,
  editableRecord,
  endEditSession,
  openEditSession,
  recordForSession,
  submitInputEdit,
  type OwnerView,
} from '../../services/editing'
import { ActorForm } from '../../../web/components/ActorForm'
import { Layout } from '../../../web/components/Layout'
import { ACTOR_FORM, formToValues, shapeCarries, type FormValues } from '../../../web/form-input'
import { DONE, EditStatus, messagePage, type Done } from './edit'
import { postedPairs, PRIVATE_HEADERS, refusedFields, territoryNamesOf } from './form-post'
import { messagesFor, renderPage } from './render'
import { checkForm } from './territory-input'
import { TRUST_MESSAGES } from './trust-messages'

/** Cookie `__Host-actor-edit`: Secure, host-only, path /; its own sessions table. */
const COOKIE = 'actor-edit'
const PATH = '/acteurs/modifier'
const carried = shapeCarries(ACTOR_FORM)

const sessionCookie = (c: Context<AppEnv>) => getCookie(c, COOKIE, 'host')
const sessionActor = (c: Context<AppEnv>) =>
  recordForSession<ActorRow>(c.var.db, sessionCookie(c), new Date(), 'actor')

function closedOrThrow(c: Context<AppEnv>, err: unknown): Promise<Response> {
  const m = TRUST_MESSAGES[messagesFor(c).lang].edit
  if (err instanceof ProblemError && err.status === 409)
    return messagePage(c, m.closedTitle, err.message, 409, PATH)
  throw err
}

export const actorEditPages = new Hono<AppEnv>()
  .get(`${PATH}/:token`, (c) => {
    const t = messagesFor(c)
    const m = TRUST_MESSAGES[t.lang].edit
    // The token is carried into the form as-is; JSX escapes it, and only the POST uses it.
    const token = c.req.param('token').slice(0, 200)
    return renderPage(
      c,
      t,
      <Layout title={m.openTitle} path={PATH} noindex>
        <h1>{m.openTitle}</h1>
        <p>{m.openIntro}</p>
        <form method="post" action={`${PATH}/ouvrir`}>
          <input type="hidden" name="token" value={token} />
          <button type="submit" class="button primary">
            {m.openButton}
          </button>
        </form>
      </Layout>,
      { headers: PRIVATE_HEADERS }
    )
  })
  .post(`${PATH}/ouvrir`, csrf(), ...formBody(4 * 1024), async (c) => {
    const m = TRUST_MESSAGES[messagesFor(c).lang].edit
    const token = (await postedPairs(c)).find(([name]) => name === 'token')?.[1] ?? ''
    try {
      const session = await openEditSession(c.var.db, token.trim(), new Date(), 'actor')
      setCookie(c, COOKIE, session.sessionId, {
        prefix: 'host',
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'Strict',
        maxAge: EDIT_SESSION_MINUTES * 60,
      })
      return c.redirect(PATH, 303)
    } catch (err) {
      if (err instanceof ProblemError && err.status === 404)
        return messagePage(c, m.invalidTitle, m.invalidText, 404, PATH)
      return closedOrThrow(c, err)
    }
  })
  .get(PATH, async (c) => {
    const m = TRUST_MESSAGES[messagesFor(c).lang].edit
    const row = await sessionActor(c)
    if (!row) {
      if (c.req.query('fait') === 'finished')
        return messagePage(c, m.finished, m.expiredText, 200, PATH)
      return messagePage(c, m.expiredTitle, m.expiredText, 403, PATH)
    }
    const record = await editableRecord(c.var.db, ACTOR_EDITING, row)
    const done = DONE.find((d) => d === c.req.query('fait'))
    return showEditForm(c, record, record.input as FormValues, new Map(), 200, done)
  })
  .post(PATH, csrf(), ...formBody(MAX_JSON_BODY_BYTES), async (c) => {
    const t = messagesFor(c)
    const m = TRUST_MESSAGES[t.lang].edit
    const row = await sessionActor(c)
    if (!row) return messagePage(c, m.expiredTitle, m.expiredText, 403, PATH)
    const pairs = await postedPairs(c)
    const record = await editableRecord(c.var.db, ACTOR_EDITING, row)
    const checked = await checkForm(
      c.var.db,
      t,
      formToValues(pairs, ACTOR_FORM),
      pairs,
      ActorInput,
      ACTOR_FORM
    )
    if (!checked.ok)
      return showEditForm(
        c,
        record,
        checked.values,
        checked.errors,
        400,
        undefined,
        checked.choices
      )
    try {
      const result = await submitInputEdit(
        c.var.db,
        ACTOR_EDITING,
        ActorInput,
        row,
        checked.input,
        {
          carried,
        }
      )
      return c.redirect(`${PATH}?fait=${result.outcome}`, 303)
    } catch (err) {
      const errors = refusedFields(err, ACTOR_FORM)
      if (errors) return showEditForm(c, record, checked.values, errors, 400)
      return closedOrThrow(c, err)
    }
  })
  .post(`${PATH}/verifier`, csrf(), ...formBody(4 * 1024), async (c) => {
    const m = TRUST_MESSAGES[messagesFor(c).lang].edit
    const row = await sessionActor(c)
    if (!row) return messagePage(c, m.expiredTitle, m.expiredText, 403, PATH)
    try {
      await confirmStillAccurate(c.var.db, row, new Date(), 'submitter', 'actor')
    } catch (err) {
      return closedOrThrow(c, err)
    }
    return c.redirect(`${PATH}?fait=verified`, 303)
  })
  .post(`${PATH}/fin`, csrf(), ...formBody(4 * 1024), async (c) => {
    await endEditSession(c.var.db, sessionCookie(c), 'actor')
    deleteCookie(c, COOKIE, { prefix: 'host', path: '/', secure: true })
    return c.redirect(`${PATH}?fait=finished`, 303)
  })

async function showEditForm(
  c: Context<AppEnv>,
  record: OwnerView<ActorContent>,
  values: FormValues,
  errors: ReadonlyMap<string, string>,
  status: 200 | 400,
  done?: Done,
  territoryChoices: readonly TerritoryChoice[] = []
): Promise<Response> {
  const t = messagesFor(c)
  const m = TRUST_MESSAGES[t.lang].edit
  const title = m.formTitle(record.input.name)
  return renderPage(
    c,
    t,
    <Layout title={title} path={PATH} noindex>
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
          public: `/acteurs/${encodeURIComponent(record.slug)}`,
          resubmit: '/acteurs/proposer',
          verify: `${PATH}/verifier`,
        }}
      />
      {record.editable && (
        <ActorForm
          values={values}
          errors={errors}
          territoryNames={await territoryNamesOf(c.var.db, values)}
          territoryChoices={territoryChoices}
          action={PATH}
          submitLabel={m.save}
        />
      )}
      <form method="post" action={`${PATH}/fin`}>
        <button type="submit" class="button">
          {m.finish}
        </button>
      </form>
    </Layout>,
    { status, headers: PRIVATE_HEADERS }
  )
}
