/**
 * The network's actor pages: `/acteurs` (published actors searched by text and filters,
 * through the search engines),
 * `/acteurs/proposer` (entering the network, need first, without an account or
 * JavaScript) and `/acteurs/{slug}` (one actor). The form posts through the same schema
 * and use case as `POST /api/actors`; errors come back next to their fields with
 * everything typed kept; every POST spends the `attempt` ceiling, a stored one the
 * `submit` budget too.
 */
import { Hono, type Context } from 'hono'
import { csrf } from 'hono/csrf'
import { ActorInput } from '../../domain/actor'
import { ACTOR_KINDS } from '../../domain/actor-vocabularies'
import { labelOf } from '../../domain/vocabularies'
import { isOver } from '../../domain/event'
import type { TerritoryChoice } from '../../domain/territory-names'
import { getPublishedActor, toActor } from '../../db/actors'
import type { AppEnv } from '../../env'
import { MAX_JSON_BODY_BYTES } from '../../http/body'
import { formBody } from '../../http/form'
import { publicBase } from '../../http/public-base'
import { spendRateLimit } from '../../http/rate-limit'
import { possibleDuplicates, submitActor, type PossibleDuplicate } from '../../services/actors'
import { searchActors } from '../../services/actor-search'
import { eventsOfActor } from '../../services/agenda'
import { networkOf } from '../../services/matching'
import { ActorSearchQuerySchema, encodeCursor, pageOfCursor } from '../api/params'
import { ActorForm } from '../../../web/components/ActorForm'
import { ActorList } from '../../../web/components/ActorList'
import { ActorNetwork } from '../../../web/components/ActorNetwork'
import { actorWhereText, ActorView } from '../../../web/components/ActorView'
import { LinkedEvents } from '../../../web/components/EventList'
import { Layout } from '../../../web/components/Layout'
import { ConfirmStep, PrivateLink } from '../../../web/components/SubmitSteps'
import { notFoundPage } from './not-found'
import { ACTOR_FORM, formToValues, valuesToPairs, type FormValues } from '../../../web/form-input'
import type { Messages } from '../../../web/i18n'
import {
  filledHoneypot,
  postedPairs,
  PRIVATE_HEADERS,
  refusedFields,
  renderFormPage,
  territoryNamesOf,
} from './form-post'
import { messagesFor, renderPage } from './render'
import { checkForm } from './territory-input'

const PAGE_SIZE = 24

export const actorPages = new Hono<AppEnv>()
  .get('/acteurs', async (c) => {
    const t = messagesFor(c)
    const url = new URL(c.req.url)
    // Empty selects ("Tous") send empty values: they mean no filter.
    const params = new URLSearchParams([...url.searchParams].filter(([, v]) => v.trim() !== ''))
    const parsed = ActorSearchQuerySchema.safeParse(
      Object.fromEntries(
        [...new Set(params.keys())]
          .filter((k) => k !== 'cursor')
          .map((k) => {
            const all = params.getAll(k)
            return [k, all.length === 1 ? all[0] : all]
          })
      )
    )
    const { q, ...filters } = parsed.success ? parsed.data : { q: '' }
    const { actors, result, nextPage } = await searchActors(c.env, c.var.db, {
      q,
      filters,
      page: pageOfCursor(params.get('cursor') ?? undefined),
      hitsPerPage: PAGE_SIZE,
    })
    let nextHref: string | null = null
    if (nextPage) {
      const next = new URLSearchParams(params)
      next.set('cursor', encodeCursor([String(nextPage)]))
      nextHref = `/acteurs?${next}`
    }
    return renderPage(
      c,
      t,
      <Layout title={t.actors.listTitle} description={t.actors.listIntro} path="/acteurs">
        <ActorList
          actors={actors}
          query={{ q, ...filters }}
          total={result.total}
          facets={result.facets}
          engine={result.engine}
          nextHref={nextHref}
        />
      </Layout>,
      { status: parsed.success ? 200 : 400, headers: { 'cache-control': 'public, max-age=60' } }
    )
  })
  .get('/acteurs/proposer', (c) => showForm(c, messagesFor(c), {}, new Map()))
  .post('/acteurs/proposer', csrf(), ...formBody(MAX_JSON_BODY_BYTES), async (c) => {
    const t = messagesFor(c)
    const pairs = await postedPairs(c)
    const values = formToValues(pairs, ACTOR_FORM)
    const attemptWait = await spendRateLimit(c, 'attempt')
    if (attemptWait > 0) return showForm(c, t, values, new Map(), 429, [], attemptWait)
    if (filledHoneypot(pairs)) return confirmation(c, t, String(values.name ?? ''))
    const control = new Set(pairs.map(([name]) => name))
    if (control.has('_back')) return showForm(c, t, values, new Map())

    const checked = await checkForm(c.var.db, t, values, pairs, ActorInput, ACTOR_FORM)
    if (!checked.ok) return showForm(c, t, checked.values, checked.errors, 400, checked.choices)
    if (!control.has('_confirm')) {
      // Already in the network? Published look-alikes first, before anything is stored.
      const duplicates = await possibleDuplicates(c.var.db, checked.input, undefined, true)
      if (duplicates.length > 0)
        return duplicateStep(c, t, duplicates, valuesToPairs(checked.values, '', ACTOR_FORM))
    }

    const submitWait = await spendRateLimit(c, 'submit')
    if (submitWait > 0) return showForm(c, t, checked.values, new Map(), 429, [], submitWait)
    try {
      const { editToken } = await submitActor(c.var.db, checked.input)
      return confirmation(c, t, checked.input.name, editToken)
    } catch (err) {
      const errors = refusedFields(err, ACTOR_FORM)
      if (errors) return showForm(c, t, checked.values, errors, 400)
      throw err
    }
  })
  .get('/acteurs/:idOrSlug', async (c) => {
    const t = messagesFor(c)
    const idOrSlug = c.req.param('idOrSlug')
    const row = idOrSlug.length <= 120 ? await getPublishedActor(c.var.db, idOrSlug) : null
    if (!row) return notFoundPage(c, (m) => m.actors)
    const actor = toActor(row)
    const now = new Date()
    const [network, events] = await Promise.all([
      networkOf(c.env, c.var.db, actor),
      eventsOfActor(c.var.db, actor.id, now),
    ])
    return renderPage(
      c,
      t,
      <Layout
        title={actor.name}
        description={
          actor.description?.slice(0, 200) ??
          t.actors.pageDescription(
            actor.name,
            labelOf(ACTOR_KINDS, actor.kind, t.lang),
            actorWhereText(actor, t)
          )
        }
        path={`/acteurs/${actor.slug}`}
      >
        <ActorView actor={actor} />
        {events.length > 0 && (
          <LinkedEvents
            id="ses-evenements"
            title={t.agenda.linked.actorTitle}
            items={events.map((event) => ({
              event,
              note: isOver(event, now) ? t.agenda.linked.past : t.agenda.linked.upcoming,
            }))}
          />
        )}
        <nav class="record-links" aria-label={t.actors.recordLinks}>
          <ul>
            <li>
              <a href={`/acteurs/${actor.slug}/historique`}>{t.actors.historyLink}</a>
            </li>
            <li>
              <a href={`/acteurs/${actor.slug}/signaler`} rel="nofollow">
                {t.actors.reportLink}
              </a>
            </li>
          </ul>
        </nav>
        <ActorNetwork
          {...network}
          offers={actor.offers.length}
          needing={actor.offers.length ? network.needing : null}
        />
      </Layout>,
      { headers: { 'cache-control': 'public, max-age=300' } }
    )
  })

async function showForm(
  c: Context<AppEnv>,
  t: Messages,
  values: FormValues,
  errors: ReadonlyMap<string, string>,
  status: 200 | 400 | 429 = 200,
  territoryChoices: readonly TerritoryChoice[] = [],
  retryAfter = 0
): Promise<Response> {
  const f = t.actors.form
  return renderFormPage(
    c,
    t,
    { title: f.title, intro: f.intro, path: '/acteurs/proposer' },
    <ActorForm
      values={values}
      errors={errors}
      territoryNames={await territoryNamesOf(c.var.db, values)}
      territoryChoices={territoryChoices}
    />,
    { status, errorCount: errors.size, retryAfter }
  )
}

function duplicateStep(
  c: Context<AppEnv>,
  t: Messages,
  duplicates: readonly PossibleDuplicate[],
  carry: [string, string][]
) {
  const f = t.actors.form
  return renderPage(
    c,
    t,
    <Layout title={f.duplicateTitle} path="/acteurs/proposer" noindex>
      <ConfirmStep
        text={{
          title: f.duplicateTitle,
          intro: f.duplicateIntro,
          confirm: f.duplicateConfirm,
          back: f.duplicateBack,
        }}
        action="/acteurs/proposer"
        carry={carry}
      >
        <ul class="duplicates">
          {duplicates.map((d) => (
            <li>
              <a href={`/acteurs/${encodeURIComponent(d.slug)}`}>{d.name}</a> —{' '}
              {f.duplicateWhy[d.why]}
            </li>
          ))}
        </ul>
      </ConfirmStep>
    </Layout>,
    { headers: PRIVATE_HEADERS }
  )
}

/** After a submission: its private edit link, shown once (a honeypot hit gets none). */
function confirmation(c: Context<AppEnv>, t: Messages, name: string, editToken?: string) {
  const f = t.actors.form
  const editUrl = editToken ? `${publicBase(c)}/acteurs/modifier/${editToken}` : null
  return renderPage(
    c,
    t,
    <Layout title={f.doneTitle} path="/acteurs/proposer" noindex>
      <h1>{f.doneTitle}</h1>
      <p role="status">{f.doneText(name)}</p>
      {editUrl && <PrivateLink editUrl={editUrl} />}
      <p>
        <a href="/acteurs">{f.doneBack}</a>
      </p>
    </Layout>,
    { status: 201, headers: PRIVATE_HEADERS }
  )
}
