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
import type { PickerKind } from '../../domain/picker'
import { ReplicationInput } from '../../domain/replication'
import { formBody } from '../../http/form'
import { ProblemError } from '../../http/problem'
import { declareReplication } from '../../services/replications'
import {
  REPLICATION_FIELDS,
  ReplicationForm,
  type ReplicationField,
  type ReplicationFormProps,
} from '../../../web/components/ReplicationForm'
import {
  pickerData,
  pickerErrors,
  pickerSearchOf,
  type PickedFields,
  type PickerSearch,
} from './picker'
import { ROBOT_CHECK, type RobotCheck } from '../../../web/components/contribution-form'
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

/** The form's pickers: « votre structure » and « votre fiche ». */
const pickerKind = (field: string): PickerKind | null =>
  field === 'actorId' ? 'actor' : field === 'adopterExperiment' ? 'experiment' : null

const picksOf = (values: Partial<Record<ReplicationField, string>>): PickedFields =>
  (['actorId', 'adopterExperiment'] as const).map((field) => ({
    field,
    kind: pickerKind(field)!,
    ids: values[field] ? [values[field]] : [],
  }))

async function showForm(
  c: Context<AppEnv>,
  row: ExperimentRow,
  state: Pick<ReplicationFormProps, 'values' | 'errors' | 'choices'>,
  status: 200 | 400 = 200,
  search: PickerSearch | null = null
) {
  const text = messagesFor(c).spread.form
  const pickers = await pickerData(c.env, c.var.db, picksOf(state.values), search, [row.id])
  return recordFormPage(
    c,
    row,
    {
      suffix: 'reproduite',
      text,
      Form: ReplicationForm,
      scripts: ['/static/combobox.js', '/static/picker.js'],
    },
    { ...state, pickers, recordId: row.id },
    status
  )
}

function thanks(c: Context<AppEnv>, row: ExperimentRow) {
  const f = messagesFor(c).spread.form
  return contributionDone(c, {
    title: f.thanksTitle,
    text: f.thanksText,
    back: f.back,
    backHref: recordPath(row),
  })
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
    const form = await postedForm(c)
    const done = c.redirect(`${recordPath(row)}/reproduite?merci`, 303)
    // A filled honeypot is a bot: the same answer as a success, nothing stored.
    if (form.isBot) return done

    const values = Object.fromEntries(REPLICATION_FIELDS.map((n) => [n, form.field(n)])) as Record<
      ReplicationField,
      string
    >
    // A picker's search without JavaScript: the form comes back as typed, with what was found.
    const search = pickerSearchOf(form.pairs, pickerKind)
    if (search) return showForm(c, row, { values, errors: new Map(), choices: null }, 200, search)

    const errors = new Map<ReplicationField | RobotCheck, string>()
    let choices: ReplicationFormProps['choices'] = null

    // The territory: a choice among the names offered, else the typed name or code.
    let territory: string | null = null
    const typed = await typedTerritory(c, values.territory, values.territoryChoice)
    if (typed.status === 'found') territory = typed.code
    else if (typed.status === 'ambiguous') {
      choices = typed.choices
      errors.set('territoryChoice', f.errors.territoryChoice)
    } else errors.set('territory', f.errors.territory)

    const optional = (v: string) => (v.trim() === '' ? undefined : v)
    const parsed = ReplicationInput.safeParse({
      territory: territory ?? 'com:00000',
      declarant: { name: values.declarantName, kind: values.declarantKind },
      relation: values.relation || undefined,
      progress: values.progress || undefined,
      startDate: optional(values.startDate),
      adaptations: values.adaptations,
      actorId: optional(values.actorId),
      adopterExperiment: optional(values.adopterExperiment),
      link: optional(values.link),
    })
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const name = fieldOf(issue.path)
        if (name !== 'territory' && !errors.has(name)) errors.set(name, f.errors[name])
      }
    }
    // The pickers' ids must name published records (never the record itself).
    const picks = picksOf(values)
    const named = await pickerData(c.env, c.var.db, picks, null)
    for (const [name] of pickerErrors(messagesFor(c), picks, named, [row.id])) {
      const known = REPLICATION_FIELDS.find((r) => r === name)
      if (known && !errors.has(known)) errors.set(known, f.errors[known])
    }
    if (errors.size === 0 && !(await passesTurnstile(c, form, 'replication'))) {
      errors.set(ROBOT_CHECK, f.errors.robot)
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
          name === 'adopterExperiment' || name === 'actorId' ? f.errors[name] : f.errors.territory
        )
      }
      return showForm(c, row, { values, errors, choices }, 400)
    }
    return done
  })
