/**
 * What the anonymous contribution forms on a record (report, replication, feedback)
 * share: the published record they are about (a plain 404 otherwise), the posted fields
 * and the honeypot, the territory typed by name, and Turnstile when configured (the
 * widget's script, the CSP that lets it load, the server-side check); never cached.
 */
import type { Context } from 'hono'
import type { Child, FC } from 'hono/jsx'
import type { AppEnv } from '../../env'
import { getPublishedExperiment, type ExperimentRow } from '../../db/experiments'
import { TerritoryCode } from '../../domain/territory'
import {
  TURNSTILE_FIELD,
  TURNSTILE_SCRIPT,
  turnstileConfig,
  turnstileCsp,
  verifyTurnstile,
  type TurnstileConfig,
} from '../../http/turnstile'
import { resolveTerritoryNames } from '../../services/territory-names'
import type { ContributionFormProps } from '../../../web/components/contribution-form'
import { Layout } from '../../../web/components/Layout'
import { notFoundPage } from './not-found'
import { postedPairs } from './form-post'
import { messagesFor, renderPage } from './render'

/** The published record of the `idOrSlug` route parameter, or null. */
export async function publishedRecord(c: Context<AppEnv>): Promise<ExperimentRow | null> {
  const idOrSlug = c.req.param('idOrSlug') ?? ''
  return idOrSlug.length <= 120 ? getPublishedExperiment(c.var.db, idOrSlug) : null
}

export function recordNotFound(c: Context<AppEnv>) {
  return notFoundPage(c, (t) => t.experiment)
}

export function contributionHead(turnstile: TurnstileConfig | null) {
  return turnstile ? <script src={TURNSTILE_SCRIPT} async defer></script> : undefined
}

export function contributionHeaders(turnstile: TurnstileConfig | null): Record<string, string> {
  return {
    'cache-control': 'no-store',
    ...(turnstile ? { 'content-security-policy': turnstileCsp() } : {}),
  }
}

/**
 * The page of a contribution form: its title says when the form must be corrected;
 * Turnstile's script and CSP when configured; never cached. `form` gets the widget's
 * site key (null when Turnstile is off).
 */
export function contributionFormPage(
  c: Context<AppEnv>,
  page: { title: string; errorsTitle: string | null; path: string; scripts?: string[] | undefined },
  form: (turnstileSiteKey: string | null) => Child,
  status: 200 | 400 = 200
): Promise<Response> {
  const turnstile = turnstileConfig(c.env)
  const title = page.errorsTitle ? `${page.errorsTitle} — ${page.title}` : page.title
  return renderPage(
    c,
    messagesFor(c),
    <Layout
      title={title}
      path={page.path}
      noindex
      head={contributionHead(turnstile)}
      {...(page.scripts ? { scripts: page.scripts } : {})}
    >
      {form(turnstile?.siteKey ?? null)}
    </Layout>,
    { status, headers: contributionHeaders(turnstile) }
  )
}

/** Where a record's page is; its contribution forms hang below it. */
export const recordPath = (row: ExperimentRow) => `/experiences/${encodeURIComponent(row.slug)}`

/**
 * A record's contribution form page (`{record}/{suffix}`): the form component gets the
 * record, where to post, the state to show back and the Turnstile site key.
 */
export function recordFormPage<Field extends string, Extra extends object = object>(
  c: Context<AppEnv>,
  row: ExperimentRow,
  form: {
    suffix: string
    text: { title: (recordTitle: string) => string; errorsTitle: string }
    Form: FC<NoInfer<ContributionFormProps<Field> & Extra>>
    /** Enhancement scripts of the form (its pickers'). */
    scripts?: string[]
  },
  /** What to show back, and what a form needs beyond the common props (`Extra`). */
  state: Pick<ContributionFormProps<Field>, 'values' | 'errors' | 'choices'> & Extra,
  status: 200 | 400 = 200
): Promise<Response> {
  const action = `${recordPath(row)}/${form.suffix}`
  const { Form } = form
  return contributionFormPage(
    c,
    {
      title: form.text.title(row.title),
      errorsTitle: state.errors.size > 0 ? form.text.errorsTitle : null,
      path: action,
      scripts: form.scripts,
    },
    (siteKey) => (
      <Form
        recordTitle={row.title}
        recordPath={recordPath(row)}
        action={action}
        turnstileSiteKey={siteKey}
        {...state}
      />
    ),
    status
  )
}

/** The confirmation after a contribution, with the way back to the record. */
export function contributionDone(
  c: Context<AppEnv>,
  page: { title: string; text: string; back: string; backHref: string }
): Promise<Response> {
  return renderPage(
    c,
    messagesFor(c),
    <Layout title={page.title} noindex>
      <h1>{page.title}</h1>
      <p>{page.text}</p>
      <p>
        <a href={page.backHref}>{page.back}</a>
      </p>
    </Layout>,
    { headers: { 'cache-control': 'no-store' } }
  )
}

/** The bait field every anonymous form carries (`Honeypot` in SubmissionFormParts). */
const HONEYPOT = 'fax'

export interface PostedForm {
  /** A posted text field, '' when absent or a file. */
  field: (name: string) => string
  /** Every posted text field, in order. */
  pairs: readonly (readonly [string, string])[]
  /** The honeypot is filled: a bot, to be answered like a success with nothing stored. */
  isBot: boolean
}

/** The posted form (`formBody` already parsed and capped it). */
export async function postedForm(c: Context<AppEnv>): Promise<PostedForm> {
  const pairs = await postedPairs(c)
  const field = (name: string) => pairs.find(([key]) => key === name)?.[1] ?? ''
  return { field, pairs, isBot: field(HONEYPOT).trim() !== '' }
}

/**
 * Whether the posted form passes Turnstile for this action: true when Turnstile is not
 * configured, else the token is checked with Cloudflare (fails closed).
 */
export async function passesTurnstile(
  c: Context<AppEnv>,
  form: PostedForm,
  action: string
): Promise<boolean> {
  const turnstile = turnstileConfig(c.env)
  if (!turnstile) return true
  return verifyTurnstile(turnstile, form.field(TURNSTILE_FIELD), {
    ip: c.req.header('cf-connecting-ip'),
    action,
  })
}

/** Territories a typed name may mean, offered back as radios. */
export type TerritoryOffer = readonly { code: string; label: string }[]

/**
 * A territory typed by name or code, or picked among the names offered: its code, the
 * candidates when the name matched several, or unknown.
 */
export async function typedTerritory(
  c: Context<AppEnv>,
  typed: string,
  choice: string
): Promise<
  | { status: 'found'; code: string }
  | { status: 'ambiguous'; choices: TerritoryOffer }
  | { status: 'unknown' }
> {
  const chosen = TerritoryCode.safeParse(choice)
  if (chosen.success) return { status: 'found', code: chosen.data }
  if (typed.trim() === '') return { status: 'unknown' }
  const [found] = await resolveTerritoryNames(c.var.db, [typed.slice(0, 200)])
  if (found?.status === 'found') return { status: 'found', code: found.territory.code }
  if (found?.status === 'ambiguous') {
    return {
      status: 'ambiguous',
      choices: found.candidates.map((t) => ({
        code: t.code,
        label: t.departmentName && t.kind !== 'dep' ? `${t.name}, ${t.departmentName}` : t.name,
      })),
    }
  }
  return { status: 'unknown' }
}
