/**
 * An event's own pages: `/evenements/proposer` (announce one, without an account or
 * JavaScript), `/evenements/{slug}` (its page, with « Ce qui en est sorti » and schema.org
 * JSON-LD) and `/evenements/prive/{token}` (the organiser's private page: edit, then add
 * the restitution once the event is over). The forms post through the same schemas and use
 * cases as `POST /api/events`; errors come back next to their fields with everything typed
 * kept; every POST spends the `attempt` ceiling, a stored submission the `submit` budget.
 */
import { Hono, type Context } from 'hono'
import { csrf } from 'hono/csrf'
import { EventEdit, EventInput, isOver, Restitution, type Event } from '../../domain/event'
import type { TerritoryChoice } from '../../domain/territory-names'
import { publishedActorNames } from '../../db/actors'
import { getPublishedEvent, toEvent, type EventRow } from '../../db/events'
import { publishedExperimentTitles } from '../../db/experiments'
import type { Db } from '../../db/session'
import { findTerritories } from '../../db/territories'
import type { AppEnv } from '../../env'
import { MAX_JSON_BODY_BYTES } from '../../http/body'
import { ProblemError } from '../../http/problem'
import { formBody } from '../../http/form'
import { publicBase } from '../../http/public-base'
import { spendRateLimit } from '../../http/rate-limit'
import { turnstileConfig } from '../../http/turnstile'
import { editableRecord, openEditLink, type EditOutcome } from '../../services/editing'
import {
  addRestitution,
  editEventAsOrganiser,
  EVENT_EDITING,
  submitEvent,
} from '../../services/events'
import { EventForm } from '../../../web/components/EventForm'
import { eventJsonLd, EventView, type NamedLink } from '../../../web/components/EventView'
import { Layout } from '../../../web/components/Layout'
import { NotFound } from '../../../web/components/NotFound'
import { notFoundPage } from './not-found'
import { RestitutionForm } from '../../../web/components/RestitutionForm'
import { PrivateLink } from '../../../web/components/SubmitSteps'
import { TurnstileWidget } from '../../../web/components/TurnstileWidget'
import { ROBOT_CHECK } from '../../../web/components/contribution-form'
import { fieldId } from '../../../web/components/form-fields'
import {
  EVENT_EDIT_FORM,
  EVENT_FORM,
  fieldText,
  formErrors,
  formToValues,
  RESTITUTION_FORM,
  valuesToPairs,
  type FormValues,
} from '../../../web/form-input'
import type { Messages } from '../../../web/i18n'
import { contributionHead, contributionHeaders, passesTurnstile, postedForm } from './contribution'
import {
  filledHoneypot,
  postedPairs,
  PRIVATE_HEADERS,
  refusedFields,
  renderFormPage,
} from './form-post'
import { messagesFor, renderPage } from './render'
import { checkForm } from './territory-input'
import {
  eventPickerKind,
  eventPicks,
  pickerData,
  pickerErrors,
  pickerSearchOf,
  type PickerSearch,
} from './picker'
import { TRUST_MESSAGES } from './trust-messages'

/** Names of the typed territory codes (commune of the place, territory) to confirm them. */
async function territoryNamesOf(db: Db, values: FormValues): Promise<Map<string, string>> {
  const codes = EVENT_FORM.territoryFields!.map((f) => fieldText(values, f)).filter((code) =>
    /^(com|epci|dep|reg):\S+$/.test(code)
  )
  const known = codes.length > 0 ? await findTerritories(db, codes) : new Map()
  return new Map(
    codes.flatMap((code) => {
      const name = known.get(code)?.name
      return name ? [[code, name] as const] : []
    })
  )
}

/** The page's links: organisers (published actors) and the restitution's experiments. */
export async function eventLinks(db: Db, event: Event) {
  const [actors, experiments, communes] = await Promise.all([
    publishedActorNames(db, event.organisers),
    publishedExperimentTitles(
      db,
      (event.restitution?.experiments ?? []).map((l) => l.experimentId)
    ),
    event.place ? findTerritories(db, [event.place.commune]) : Promise.resolve(new Map()),
  ])
  const organisers: NamedLink[] = event.organisers.flatMap((id) => {
    const a = actors.get(id)
    return a ? [{ id, href: `/acteurs/${encodeURIComponent(a.slug)}`, name: a.name }] : []
  })
  const linked = new Map<string, NamedLink>(
    [...experiments].map(([id, x]) => [
      id,
      { id, href: `/experiences/${encodeURIComponent(x.slug)}`, name: x.title },
    ])
  )
  const communeName: string | undefined = event.place
    ? communes.get(event.place.commune)?.name
    : undefined
  return { organisers, experiments: linked, communeName }
}

export const eventPages = new Hono<AppEnv>()
  .get('/evenements/proposer', (c) => showForm(c, messagesFor(c), {}, new Map()))
  .post('/evenements/proposer', csrf(), ...formBody(MAX_JSON_BODY_BYTES), async (c) => {
    const t = messagesFor(c)
    const pairs = await postedPairs(c)
    const values = formToValues(pairs, EVENT_FORM)
    const attemptWait = await spendRateLimit(c, 'attempt')
    if (attemptWait > 0) return showForm(c, t, values, new Map(), 429, [], attemptWait)
    if (filledHoneypot(pairs)) return received(c, t, String(values.title ?? ''), null)
    // A picker's search without JavaScript: the form comes back as typed, with what was found.
    const search = pickerSearchOf(pairs, eventPickerKind)
    if (search) return showForm(c, t, values, new Map(), 200, [], 0, search)

    const checked = await checkForm(c.var.db, t, values, pairs, EventInput, EVENT_FORM)
    const picked = await pickedErrors(c, t, checked.values)
    if (!checked.ok || picked.size > 0)
      return showForm(
        c,
        t,
        checked.values,
        new Map([...picked, ...(checked.ok ? [] : checked.errors)]),
        400,
        checked.ok ? [] : checked.choices
      )
    if (!(await passesTurnstile(c, await postedForm(c), 'event'))) {
      const robot = TRUST_MESSAGES[t.lang].report.errorRobot
      return showForm(c, t, checked.values, new Map([[ROBOT_CHECK, robot]]), 400)
    }

    const submitWait = await spendRateLimit(c, 'submit')
    if (submitWait > 0) return showForm(c, t, checked.values, new Map(), 429, [], submitWait)
    let token: string
    try {
      token = (await submitEvent(c.var.db, checked.input)).editToken
    } catch (err) {
      const errors = refusedFields(err, EVENT_FORM)
      if (errors) return showForm(c, t, checked.values, errors, 400)
      throw err
    }
    return received(c, t, checked.input.title, `${publicBase(c)}/evenements/prive/${token}`)
  })
  .get('/evenements/prive/:token', async (c) => {
    const row = await eventOfLink(c)
    if (!row) return invalidLink(c)
    return showPrivate(c, row, {})
  })
  .post(
    '/evenements/prive/:token/:part{modifier|restitution}',
    csrf(),
    ...formBody(MAX_JSON_BODY_BYTES),
    async (c) => {
      const t = messagesFor(c)
      const row = await eventOfLink(c)
      if (!row) return invalidLink(c)
      const wait = await spendRateLimit(c, 'attempt')
      if (wait > 0) return showPrivate(c, row, { retryAfter: wait }, 429)
      const pairs = await postedPairs(c)
      const message =
        pairs
          .find(([n]) => n === 'message' || n === 'restitutionMessage')?.[1]
          ?.trim()
          .slice(0, 2000) || undefined
      if (c.req.param('part') === 'modifier') {
        const values = formToValues(pairs, EVENT_EDIT_FORM)
        const search = pickerSearchOf(pairs, eventPickerKind)
        if (search) return showPrivate(c, row, { edit: { values, errors: new Map() }, search })
        const checked = await checkForm(c.var.db, t, values, pairs, EventEdit, EVENT_EDIT_FORM)
        const picked = await pickedErrors(c, t, checked.values)
        if (!checked.ok || picked.size > 0)
          return showPrivate(
            c,
            row,
            {
              edit: {
                values: checked.values,
                errors: new Map([...picked, ...(checked.ok ? [] : checked.errors)]),
                choices: checked.ok ? [] : checked.choices,
              },
            },
            400
          )
        return saved(c, row, () =>
          editEventAsOrganiser(c.var.db, row, checked.input, message)
        ).catch((err: unknown) => {
          const errors = refusedFields(err, EVENT_FORM)
          if (errors) return showPrivate(c, row, { edit: { values: checked.values, errors } }, 400)
          throw err
        })
      }
      const values = formToValues(pairs, RESTITUTION_FORM)
      const search = pickerSearchOf(pairs, eventPickerKind)
      if (search) return showPrivate(c, row, { restitution: { values, errors: new Map() }, search })
      const parsed = Restitution.safeParse(values)
      const picked = await pickedErrors(c, t, values)
      if (!parsed.success || picked.size > 0)
        return showPrivate(
          c,
          row,
          {
            restitution: {
              values,
              errors: new Map([
                ...picked,
                ...(parsed.success
                  ? []
                  : formErrors(parsed.error.issues, values, RESTITUTION_FORM)),
              ]),
            },
          },
          400
        )
      return saved(c, row, () => addRestitution(c.var.db, row, parsed.data, message)).catch(
        (err: unknown) => {
          const errors = refusedFields(err, RESTITUTION_FORM)
          if (errors) return showPrivate(c, row, { restitution: { values, errors } }, 400)
          throw err
        }
      )
    }
  )
  .get('/evenements/:slug', async (c) => {
    const t = messagesFor(c)
    const slug = c.req.param('slug')
    const row = slug.length <= 120 ? await getPublishedEvent(c.var.db, slug) : null
    if (!row) return notFoundPage(c, (m) => m.events)
    const event = toEvent(row)
    const links = await eventLinks(c.var.db, event)
    const path = `/evenements/${event.slug}`
    const jsonLd = eventJsonLd(
      event,
      `${publicBase(c)}${path}`,
      links.communeName,
      links.organisers
    )
    return renderPage(
      c,
      t,
      <Layout
        title={event.title}
        description={event.description.slice(0, 200)}
        path={path}
        head={<script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />}
      >
        <EventView event={event} {...links} />
      </Layout>,
      { headers: { 'cache-control': 'public, max-age=300' } }
    )
  })

/** The combobox behind every record picker, when JavaScript runs. */
const PICKER_SCRIPTS = ['/static/combobox.js', '/static/picker.js']

/** An error next to each picker holding an id that names no published record. */
async function pickedErrors(c: Context<AppEnv>, t: Messages, values: FormValues) {
  const picks = eventPicks(values)
  return pickerErrors(t, picks, await pickerData(c.env, c.var.db, picks, null))
}

async function showForm(
  c: Context<AppEnv>,
  t: Messages,
  values: FormValues,
  errors: ReadonlyMap<string, string>,
  status: 200 | 400 | 429 = 200,
  territoryChoices: readonly TerritoryChoice[] = [],
  retryAfter = 0,
  search: PickerSearch | null = null
): Promise<Response> {
  const f = t.events.form
  const turnstile = turnstileConfig(c.env)
  return renderFormPage(
    c,
    t,
    {
      title: f.title,
      intro: f.intro,
      path: '/evenements/proposer',
      ...(turnstile ? { head: contributionHead(turnstile) } : {}),
      scripts: PICKER_SCRIPTS,
    },
    <EventForm
      values={values}
      errors={errors}
      territoryNames={await territoryNamesOf(c.var.db, values)}
      territoryChoices={territoryChoices}
      action="/evenements/proposer"
      mode="submit"
      pickers={await pickerData(c.env, c.var.db, eventPicks(values), search)}
      beforeSubmit={
        <TurnstileWidget
          siteKey={turnstile?.siteKey ?? null}
          action="event"
          id={fieldId(ROBOT_CHECK)}
          error={errors.get(ROBOT_CHECK)}
        />
      }
    />,
    { status, errorCount: errors.size, retryAfter, headers: contributionHeaders(turnstile) }
  )
}

/** The confirmation, with the private link shown once (none for a filled honeypot). */
function received(c: Context<AppEnv>, t: Messages, title: string, link: string | null) {
  const f = t.events.form
  return renderPage(
    c,
    t,
    <Layout title={f.doneTitle} path="/evenements/proposer" noindex>
      <h1>{f.doneTitle}</h1>
      <p role="status">{f.doneText(title)}</p>
      {link && <PrivateLink editUrl={link} title={f.linkTitle} help={f.linkText} />}
    </Layout>,
    { status: 201, headers: PRIVATE_HEADERS }
  )
}

/**
 * The event its private link opens (the link renewed), or null when the link is unknown,
 * expired, or its event removed or merged: the shared check of every kind's private link.
 */
async function eventOfLink(c: Context<AppEnv>): Promise<EventRow | null> {
  try {
    return await openEditLink<EventRow>(c.var.db, c.req.param('token') ?? '', new Date(), 'event')
  } catch (err) {
    if (err instanceof ProblemError && err.status < 500) return null
    throw err
  }
}

function invalidLink(c: Context<AppEnv>) {
  const t = messagesFor(c)
  const p = t.events.private
  return renderPage(c, t, <NotFound title={p.invalidLinkTitle} text={p.invalidLink} />, {
    status: 404,
    headers: PRIVATE_HEADERS,
  })
}

interface PrivateState {
  edit?: {
    values: FormValues
    errors: ReadonlyMap<string, string>
    choices?: readonly TerritoryChoice[]
  }
  restitution?: { values: FormValues; errors: ReadonlyMap<string, string> }
  notice?: string
  retryAfter?: number
  /** A picker's search asked without JavaScript, in the form being edited. */
  search?: PickerSearch
}

/** After the organiser's change: the page again, saying whether it awaits a moderator. */
async function saved(
  c: Context<AppEnv>,
  row: EventRow,
  change: () => Promise<EditOutcome>
): Promise<Response> {
  const p = messagesFor(c).events.private
  const { outcome } = await change()
  const fresh = (await eventOfLink(c)) ?? row
  const notices = { proposed: p.saved, applied: p.savedPending, unchanged: p.unchanged }
  return showPrivate(c, fresh, { notice: notices[outcome] })
}

/** The organiser's private page: where the event stands, its edit form, its restitution. */
async function showPrivate(
  c: Context<AppEnv>,
  row: EventRow,
  state: PrivateState,
  status: 200 | 400 | 429 = 200
): Promise<Response> {
  const t = messagesFor(c)
  const p = t.events.private
  const event = toEvent(row)
  // The event as the organiser last wrote it: a change still waiting shows as theirs.
  const { input: shown, pendingProposal } = await editableRecord(c.var.db, EVENT_EDITING, row)
  const { restitution: shownRestitution, privateContact: _, ...shownContent } = shown
  const token = c.req.param('token')!
  const base = `/evenements/prive/${token}`
  const editValues =
    state.edit?.values ?? formToValues(valuesToPairs(shownContent, '', EVENT_FORM), EVENT_FORM)
  const restitutionValues = state.restitution?.values ?? shownRestitution ?? {}
  const errorCount = (state.edit?.errors.size ?? 0) + (state.restitution?.errors.size ?? 0)
  return renderFormPage(
    c,
    t,
    {
      title: p.title(event.title),
      intro: p.statuses[row.status],
      path: '/evenements/prive',
      scripts: PICKER_SCRIPTS,
    },
    <>
      {state.notice && (
        <p role="status" class="notice">
          {state.notice}
        </p>
      )}
      {row.moderation_note && row.status !== 'published' && (
        <section aria-labelledby="p-note">
          <h2 id="p-note">{p.moderatorSaid}</h2>
          <p>{row.moderation_note}</p>
        </section>
      )}
      {pendingProposal && !state.notice && <p class="notice">{p.proposalWaiting}</p>}
      {row.status === 'published' && (
        <p>
          <a href={`/evenements/${encodeURIComponent(row.slug)}`}>{p.publicPage}</a>
        </p>
      )}
      <section aria-labelledby="p-restitution">
        <h2 id="p-restitution">{p.restitutionTitle}</h2>
        {isOver(event, new Date()) ? (
          <>
            <p>{p.restitutionIntro}</p>
            <RestitutionForm
              pickers={await pickerData(
                c.env,
                c.var.db,
                eventPicks(restitutionValues as FormValues),
                state.restitution ? (state.search ?? null) : null
              )}
              values={restitutionValues as FormValues}
              errors={state.restitution?.errors ?? new Map()}
              action={`${base}/restitution`}
            />
          </>
        ) : (
          <p>{p.restitutionLater}</p>
        )}
      </section>
      <section aria-labelledby="p-edit">
        <h2 id="p-edit">{p.editTitle}</h2>
        <EventForm
          values={editValues}
          errors={state.edit?.errors ?? new Map()}
          territoryNames={await territoryNamesOf(c.var.db, editValues)}
          territoryChoices={state.edit?.choices ?? []}
          action={`${base}/modifier`}
          mode="edit"
          pickers={await pickerData(
            c.env,
            c.var.db,
            eventPicks(editValues),
            state.edit ? (state.search ?? null) : null
          )}
        />
      </section>
    </>,
    { status, errorCount, retryAfter: state.retryAfter ?? 0, headers: PRIVATE_HEADERS }
  )
}
