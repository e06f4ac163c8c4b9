/**
 * Plumbing shared by the public submission forms (`/proposer`, `/acteurs/proposer`): the
 * posted pairs, the honeypot, the headers of pages that show private data, the names of
 * the territory codes typed so far, a database refusal placed next to its fields, and the
 * page around the form (title saying what went wrong, rate-limit notice, no caching).
 */
import type { Context } from 'hono'
import type { Child } from 'hono/jsx'
import type { Db } from '../../db/session'
import { TerritoryCode } from '../../domain/territory'
import { findTerritories } from '../../db/territories'
import type { AppEnv } from '../../env'
import { ProblemError } from '../../http/problem'
import {
  EXPERIMENT_FORM,
  fieldList,
  fieldOfPath,
  type FormShape,
  type FormValues,
} from '../../../web/form-input'
import { Layout } from '../../../web/components/Layout'
import { RateLimitNotice } from '../../../web/components/RateLimitNotice'
import type { Messages } from '../../../web/i18n'
import { renderPage } from './render'

/** The bait field every public form carries (SubmissionFormParts' `Honeypot`). */
const HONEYPOT = 'fax'

/** The capability link must not leak: not cached, not sent as Referer, not indexed. */
export const PRIVATE_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex',
}

/** The string fields of the posted form (`formBody` already parsed it), in order. */
export async function postedPairs(c: Context<AppEnv>): Promise<[string, string][]> {
  const pairs: [string, string][] = []
  ;(await c.req.formData()).forEach((value, name) => {
    if (typeof value === 'string') pairs.push([name, value])
  })
  return pairs
}

/** A filled honeypot: a bot, to be answered like a success with nothing stored. */
export function filledHoneypot(pairs: readonly (readonly [string, string])[]): boolean {
  return pairs.some(([name, v]) => name === HONEYPOT && v.trim() !== '')
}

/** Names of the valid territory codes among the typed ones, to confirm them without JavaScript. */
export async function territoryNamesOf(db: Db, values: FormValues): Promise<Map<string, string>> {
  const codes = fieldList(values, 'territories').filter(
    (code) => TerritoryCode.safeParse(code).success
  )
  const known = codes.length > 0 ? await findTerritories(db, codes) : new Map()
  return new Map(
    codes.flatMap((code) => {
      const name = known.get(code)?.name
      return name ? [[code, name] as const] : []
    })
  )
}

/**
 * The field errors of a refusal only the database could make (unknown territory or
 * link), first message per field; null when `err` is something else.
 */
export function refusedFields(
  err: unknown,
  form: FormShape = EXPERIMENT_FORM
): Map<string, string> | null {
  if (!(err instanceof ProblemError) || !err.errors?.length) return null
  const errors = new Map<string, string>()
  for (const e of err.errors) {
    const field = fieldOfPath((e.pointer ?? '').split('/').slice(1), form)
    if (!errors.has(field)) errors.set(field, e.message)
  }
  return errors
}

/**
 * The page of a submission form: its title says how many errors there are or that the
 * client sent too much (429 with Retry-After); typed data (private contact included)
 * must not stay in shared caches.
 */
export function renderFormPage(
  c: Context<AppEnv>,
  t: Messages,
  page: { title: string; intro: string; path: string; scripts?: string[]; head?: Child },
  form: Child,
  state: {
    status: 200 | 400 | 429
    errorCount: number
    retryAfter: number
    /** Headers of the page besides no-store (a CSP widened for Turnstile). */
    headers?: Record<string, string>
  }
): Promise<Response> {
  const title =
    state.retryAfter > 0
      ? `${t.rateLimit.title} — ${page.title}`
      : state.errorCount > 0
        ? `${t.form.errorSummaryTitle(state.errorCount)} — ${page.title}`
        : page.title
  return renderPage(
    c,
    t,
    <Layout
      title={title}
      description={page.intro}
      path={page.path}
      {...(page.scripts ? { scripts: page.scripts } : {})}
      {...(page.head ? { head: page.head } : {})}
    >
      <h1>{page.title}</h1>
      <p class="lead">{page.intro}</p>
      {state.retryAfter > 0 && <RateLimitNotice retryAfter={state.retryAfter} />}
      {form}
    </Layout>,
    {
      status: state.status,
      headers: {
        'cache-control': 'no-store',
        ...state.headers,
        ...(state.retryAfter > 0 ? { 'retry-after': String(state.retryAfter) } : {}),
      },
    }
  )
}
