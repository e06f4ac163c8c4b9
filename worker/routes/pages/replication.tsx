/**
 * `/experiences/{slug-or-id}/reproduite`: « nous l'avons reproduite », declared without
 * an account and without JavaScript. The same layered controls as the report form:
 * same-origin check, body cap, rate limit (app-wide middleware), a honeypot answered like
 * a success, Turnstile when configured; then pre-moderation on the desk.
 */
import { Hono, type Context } from 'hono'
import { csrf } from 'hono/csrf'
import type { AppEnv } from '../../env'
import type { ExperimentRow } from '../../db/experiments'
import { ReplicationInput } from '../../domain/replication'
import { TerritoryCode } from '../../domain/territory'
import { formBody } from '../../http/form'
import { ProblemError } from '../../http/problem'
import { TURNSTILE_FIELD, turnstileConfig, verifyTurnstile } from '../../http/turnstile'
import { declareReplication } from '../../services/replications'
import { resolveTerritoryNames } from '../../services/territory-names'
import { Layout } from '../../../web/components/Layout'
import {
  REPLICATION_FIELDS,
  ReplicationForm,
  type ReplicationField,
  type ReplicationFormProps,
} from '../../../web/components/ReplicationForm'
import { messagesFor, renderPage } from './render'
import {
  contributionHead,
  contributionHeaders,
  publishedRecord,
  recordNotFound,
} from './contribution'

const HONEYPOT = 'fax'

const pathOf = (row: ExperimentRow) => `/experiences/${encodeURIComponent(row.slug)}`

function showForm(
  c: Context<AppEnv>,
  row: ExperimentRow,
  state: Pick<ReplicationFormProps, 'values' | 'errors' | 'choices'>,
  status: 200 | 400 = 200
) {
  const t = messagesFor(c)
  const f = t.spread.form
  const turnstile = turnstileConfig(c.env)
  const action = `${pathOf(row)}/reproduite`
  const title = f.title(row.title)
  return renderPage(
    c,
    t,
    <Layout
      title={state.errors.size > 0 ? `${f.errorsTitle} — ${title}` : title}
      path={action}
      noindex
      head={contributionHead(turnstile)}
    >
      <ReplicationForm
        recordTitle={row.title}
        recordPath={pathOf(row)}
        action={action}
        turnstileSiteKey={turnstile?.siteKey ?? null}
        {...state}
      />
    </Layout>,
    { status, headers: contributionHeaders(turnstile) }
  )
}

function thanks(c: Context<AppEnv>, row: ExperimentRow) {
  const t = messagesFor(c)
  const f = t.spread.form
  return renderPage(
    c,
    t,
    <Layout title={f.thanksTitle} noindex>
      <h1>{f.thanksTitle}</h1>
      <p>{f.thanksText}</p>
      <p>
        <a href={pathOf(row)}>{f.back}</a>
      </p>
    </Layout>,
    { headers: { 'cache-control': 'no-store' } }
  )
}

/** The form's field an input issue belongs to (`/declarant/name` → `declarantName`). */
function fieldOf(path: readonly PropertyKey[]): ReplicationField {
  const [first, second] = path.map(String)
  if (first === 'declarant') return second === 'kind' ? 'declarantKind' : 'declarantName'
  return REPLICATION_FIELDS.find((f) => f === first) ?? 'territory'
}

export const replicationPage = new Hono<AppEnv>()
  .get('/experiences/:idOrSlug/reproduite', async (c) => {
    const row = await publishedRecord(c)
    if (!row) return recordNotFound(c)
    if (c.req.query('merci') !== undefined) return thanks(c, row)
    return showForm(c, row, {
      values: { relation: 'adapted', progress: 'done', declarantKind: 'commune' },
      errors: new Map(),
      choices: null,
    })
  })
  .post('/experiences/:idOrSlug/reproduite', csrf(), ...formBody(16 * 1024), async (c) => {
    const row = await publishedRecord(c)
    if (!row) return recordNotFound(c)
    const f = messagesFor(c).spread.form
    const form = await c.req.formData()
    const field = (name: string) => {
      const v = form.get(name)
      return typeof v === 'string' ? v : ''
    }
    const done = c.redirect(`${pathOf(row)}/reproduite?merci`, 303)
    // A filled honeypot is a bot: the same answer as a success, nothing stored.
    if (field(HONEYPOT).trim() !== '') return done

    const values = Object.fromEntries(REPLICATION_FIELDS.map((n) => [n, field(n)])) as Record<
      ReplicationField,
      string
    >
    const errors = new Map<ReplicationField, string>()
    let choices: ReplicationFormProps['choices'] = null

    // The territory: a choice among the names offered, else the typed name or code.
    let territory: string | null = null
    const chosen = TerritoryCode.safeParse(values.territoryChoice)
    if (chosen.success) territory = chosen.data
    else if (values.territory.trim() === '') errors.set('territory', f.errors.territory)
    else {
      const [found] = await resolveTerritoryNames(c.var.db, [values.territory.slice(0, 200)])
      if (found?.status === 'found') territory = found.territory.code
      else if (found?.status === 'ambiguous') {
        choices = found.candidates.map((t) => ({
          code: t.code,
          label: t.departmentName && t.kind !== 'dep' ? `${t.name}, ${t.departmentName}` : t.name,
        }))
        errors.set('territoryChoice', f.errors.territoryChoice)
      } else errors.set('territory', f.errors.territory)
    }

    const optional = (v: string) => (v.trim() === '' ? undefined : v)
    const parsed = ReplicationInput.safeParse({
      territory: territory ?? 'com:00000',
      declarant: { name: values.declarantName, kind: values.declarantKind },
      relation: values.relation || undefined,
      progress: values.progress || undefined,
      startDate: optional(values.startDate),
      adaptations: values.adaptations,
      adopterExperiment: optional(values.adopterExperiment),
      link: optional(values.link),
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = fieldOf(issue.path)
        if (name !== 'territory' && !errors.has(name)) errors.set(name, f.errors[name])
      }
    }
    const turnstile = turnstileConfig(c.env)
    if (errors.size === 0 && turnstile) {
      const ok = await verifyTurnstile(turnstile, field(TURNSTILE_FIELD), {
        ip: c.req.header('cf-connecting-ip'),
        action: 'replication',
      })
      if (!ok) errors.set('territory', f.errors.robot)
    }
    if (!parsed.success || errors.size > 0 || !territory) {
      return showForm(c, row, { values, errors, choices }, 400)
    }
    try {
      await declareReplication(c.var.db, row, { ...parsed.data, territory })
    } catch (err) {
      if (!(err instanceof ProblemError) || err.status !== 400) throw err
      for (const e of err.errors ?? []) {
        const name = fieldOf((e.pointer ?? '').split('/').slice(1))
        errors.set(
          name,
          name === 'adopterExperiment' ? f.errors.adopterExperiment : f.errors.territory
        )
      }
      return showForm(c, row, { values, errors, choices }, 400)
    }
    return done
  })
