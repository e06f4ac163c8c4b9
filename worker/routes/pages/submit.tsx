/**
 * `/proposer`: the submission form. GET shows it empty; POST reshapes the urlencoded
 * fields into the record, validates them with the same zod schema as the JSON API and
 * stores them with the same use case (`submitExperiment`). Errors come back next to
 * their fields with everything typed kept. A valid first POST first shows similar
 * published experiments, if any, before the final confirmation. Only the POST that
 * stores spends the submission budget (`submit`); every POST spends the higher `attempt`
 * ceiling. Over either, the form comes back (429, Retry-After) with what was typed.
 */
import { Hono, type Context } from 'hono'
import { csrf } from 'hono/csrf'
import type { AppEnv } from '../../env'
import type { TerritoryChoice } from '../../domain/territory-names'
import { MAX_JSON_BODY_BYTES } from '../../http/body'
import { formBody } from '../../http/form'
import { publicBase } from '../../http/public-base'
import { spendRateLimit } from '../../http/rate-limit'
import { secretToken } from '../../lib/crypto'
import { submitExperiment } from '../../services/catalogue'
import { Layout } from '../../../web/components/Layout'
import { SubmissionForm } from '../../../web/components/SubmissionForm'
import { Confirmation, SimilarStep } from '../../../web/components/SubmitSteps'
import type { Messages } from '../../../web/i18n'
import { formToValues, valuesToPairs, type FormValues } from '../../../web/form-input'
import {
  filledHoneypot,
  postedPairs,
  PRIVATE_HEADERS,
  refusedFields,
  renderFormPage,
  territoryNamesOf,
} from './form-post'
import { messagesFor, renderPage } from './render'
import {
  experimentPickerKind,
  experimentPicks,
  pickerData,
  pickerErrors,
  pickerSearchOf,
  type PickerSearch,
} from './picker'
import { findSimilar } from './similar'
import { checkForm } from './territory-input'

const SIMILAR_COUNT = 3

export const submitPage = new Hono<AppEnv>()
  .get('/proposer', async (c) => showForm(c, messagesFor(c), {}, new Map()))
  .post(
    '/proposer',
    csrf(),
    // Size cap, form content types only, and a malformed body is a 400 (not a 500).
    ...formBody(MAX_JSON_BODY_BYTES),
    async (c) => {
      const t = messagesFor(c)
      const pairs = await postedPairs(c)
      const control = new Set(pairs.map(([name]) => name))
      const values = formToValues(pairs)
      const refused = (wait: number) => showForm(c, t, values, new Map(), 429, [], wait)

      const attemptWait = await spendRateLimit(c, 'attempt')
      if (attemptWait > 0) return refused(attemptWait)

      // A filled honeypot is a bot: answer exactly like a success, store nothing.
      if (filledHoneypot(pairs)) {
        return confirmation(c, t, String(values.title ?? ''), secretToken())
      }
      if (control.has('_back')) return showForm(c, t, values, new Map())
      // A picker's search without JavaScript: the form comes back as typed, with what was found.
      const search = pickerSearchOf(pairs, experimentPickerKind)
      if (search) return showForm(c, t, values, new Map(), 200, [], 0, search)

      // Territory names become codes (or a choice to make) before the schema judges; the
      // pickers' ids must name published records.
      const checked = await checkForm(c.var.db, t, values, pairs)
      const picks = experimentPicks(checked.values)
      const picked = pickerErrors(t, picks, await pickerData(c.env, c.var.db, picks, null))
      if (!checked.ok || picked.size > 0) {
        const errors = new Map([...picked, ...(checked.ok ? [] : checked.errors)])
        return showForm(c, t, checked.values, errors, 400, checked.ok ? [] : checked.choices)
      }
      const input = checked.input

      if (!control.has('_confirm')) {
        const similar = await findSimilar(
          c.env,
          {
            text: `${input.title} ${input.summary}`,
            themes: input.themes,
            territories: input.territories,
          },
          SIMILAR_COUNT
        )
        if (similar && similar.length > 0) {
          return renderPage(
            c,
            t,
            <Layout title={t.form.similarTitle} path="/proposer" noindex>
              <SimilarStep similar={similar} carry={valuesToPairs(checked.values)} />
            </Layout>,
            { headers: PRIVATE_HEADERS }
          )
        }
      }

      // Only now does the attempt cost a submission: it is about to be stored.
      const submitWait = await spendRateLimit(c, 'submit')
      if (submitWait > 0) return refused(submitWait)
      try {
        const submission = await submitExperiment(c.var.db, input)
        return confirmation(c, t, input.title, submission.editToken)
      } catch (err) {
        // Unknown territories or linked experiments: only the database can tell.
        const errors = refusedFields(err)
        if (errors) return showForm(c, t, checked.values, errors, 400)
        throw err
      }
    }
  )

async function showForm(
  c: Context<AppEnv>,
  t: Messages,
  values: FormValues,
  errors: ReadonlyMap<string, string>,
  status: 200 | 400 | 429 = 200,
  territoryChoices: readonly TerritoryChoice[] = [],
  /** Seconds before sending again, when the form is refused for sending too much. */
  retryAfter = 0,
  search: PickerSearch | null = null
): Promise<Response> {
  const [territoryNames, pickers] = await Promise.all([
    territoryNamesOf(c.var.db, values),
    pickerData(c.env, c.var.db, experimentPicks(values), search),
  ])
  return renderFormPage(
    c,
    t,
    {
      title: t.form.title,
      intro: t.form.intro,
      path: '/proposer',
      scripts: ['/static/combobox.js', '/static/autocomplete.js', '/static/picker.js'],
    },
    <SubmissionForm
      values={values}
      errors={errors}
      territoryNames={territoryNames}
      territoryChoices={territoryChoices}
      pickers={pickers}
    />,
    { status, errorCount: errors.size, retryAfter }
  )
}

function confirmation(c: Context<AppEnv>, t: Messages, title: string, token: string) {
  const base = publicBase(c)
  return renderPage(
    c,
    t,
    <Layout title={t.form.doneTitle} path="/proposer" noindex>
      <Confirmation title={title} editUrl={`${base}/modifier/${token}`} />
    </Layout>,
    { status: 201, headers: PRIVATE_HEADERS }
  )
}
