/**
 * The form's territory field without JavaScript: names ("Rennes", "Redon Agglomération",
 * "Saint-Denis (La Réunion)") are accepted next to codes. Before the record is validated,
 * each name is resolved: one certain match becomes its code; homonyms or near names come
 * back as a choice (radio buttons named `territoryChoice.N`, with the typed name in
 * `territoryChoiceFor.N`); an unknown name is an error on the field.
 */
import type { z } from '@hono/zod-openapi'
import type { Db } from '../../db/session'
import { ExperimentInput } from '../../domain/experiment'
import { TerritoryCode } from '../../domain/territory'
import type { TerritoryChoice } from '../../domain/territory-names'
import { resolveTerritoryNames } from '../../services/territory-names'
import type { Messages } from '../../../web/i18n'
import {
  EXPERIMENT_FORM,
  fieldList,
  fieldText,
  formErrors,
  type FormShape,
  type FormValues,
} from '../../../web/form-input'

export type CheckedForm<Input = ExperimentInput> =
  | { ok: true; input: Input; values: FormValues }
  | {
      ok: false
      /** What to show back: resolved names as their codes, the others as typed. */
      values: FormValues
      errors: Map<string, string>
      choices: TerritoryChoice[]
    }

/** The choices posted back: typed name → chosen code. */
function postedChoices(pairs: readonly (readonly [string, string])[]): Map<string, string> {
  const byIndex = new Map<string, { name?: string; code?: string }>()
  for (const [key, value] of pairs) {
    const match = /^territoryChoice(For)?\.(\d{1,2})$/.exec(key)
    if (!match) continue
    const entry = byIndex.get(match[2]!) ?? {}
    if (match[1]) entry.name = value.trim()
    else entry.code = value.trim()
    byIndex.set(match[2]!, entry)
  }
  const chosen = new Map<string, string>()
  for (const { name, code } of byIndex.values())
    if (name && code && TerritoryCode.safeParse(code).success) chosen.set(name, code)
  return chosen
}

/**
 * Resolves the territory names of a submitted form — in its territory fields (a list, or
 * single codes such as an event's commune) — then validates the record with the schema
 * (the experiment's unless another is given), so every error of the page (names included)
 * comes back at once.
 */
export async function checkForm<Input = ExperimentInput>(
  db: Db,
  t: Messages,
  values: FormValues,
  pairs: readonly (readonly [string, string])[],
  schema: z.ZodType<Input> = ExperimentInput as unknown as z.ZodType<Input>,
  form: FormShape = EXPERIMENT_FORM
): Promise<CheckedForm<Input>> {
  const fields = form.territoryFields ?? ['territories']
  const entriesOf = (field: string) =>
    form.lists.has(field) ? fieldList(values, field) : [fieldText(values, field)].filter(Boolean)
  const chosen = postedChoices(pairs)
  const isCode = (entry: string) => TerritoryCode.safeParse(entry).success
  const names = [...new Set(fields.flatMap(entriesOf).filter((e) => !isCode(e) && !chosen.has(e)))]
  const resolved = new Map(
    (await resolveTerritoryNames(db, names)).map((r, i) => [names[i]!, r] as const)
  )

  const choices: TerritoryChoice[] = []
  const problems = new Map<string, string>()
  let input: FormValues = values
  let shownValues: FormValues = values
  for (const field of fields) {
    const entries = entriesOf(field)
    if (entries.length === 0) continue
    const codes: string[] = []
    const shown: string[] = []
    const unknown: string[] = []
    const toChoose: string[] = []
    for (const entry of entries) {
      const code = isCode(entry) ? entry : chosen.get(entry)
      const result = resolved.get(entry)
      if (code) {
        codes.push(code)
        shown.push(code)
      } else if (result?.status === 'found') {
        codes.push(result.territory.code)
        shown.push(result.territory.code)
      } else {
        shown.push(entry)
        if (result?.status === 'ambiguous') {
          toChoose.push(entry)
          if (!choices.some((c) => c.text === entry))
            choices.push({
              text: entry,
              reason: result.close ? 'close' : 'several',
              candidates: result.candidates.map(({ code, kind, name, departmentName }) => ({
                code,
                kind,
                name,
                departmentName,
              })),
            })
        } else unknown.push(entry)
      }
    }
    const list = form.lists.has(field)
    input = withField(input, field, list ? [...new Set(codes)] : codes[0])
    shownValues = withField(shownValues, field, list ? [...new Set(shown)] : shown[0])
    const nameProblems = [
      ...(unknown.length > 0 ? [t.form.territoryUnknown(unknown)] : []),
      ...(toChoose.length > 0 ? [t.form.territoryToChoose(toChoose)] : []),
    ]
    if (nameProblems.length > 0) problems.set(field, nameProblems.join(' '))
  }

  const parsed = schema.safeParse(input)
  const errors = parsed.success
    ? new Map<string, string>()
    : formErrors(parsed.error.issues, input, form)
  for (const [field, problem] of problems) errors.set(field, problem)
  if (parsed.success && errors.size === 0) return { ok: true, input: parsed.data, values: input }
  return { ok: false, values: shownValues, errors, choices }
}

/** A copy of the loose record with one (dotted) field replaced; undefined leaves it out. */
function withField(values: FormValues, field: string, value: unknown): FormValues {
  const copy = structuredClone(values)
  const path = field.split('.')
  let node: Record<string, unknown> = copy
  for (const key of path.slice(0, -1)) {
    const next = node[key]
    if (typeof next !== 'object' || next === null) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  const last = path.at(-1)!
  if (value === undefined) delete node[last]
  else node[last] = value
  return copy
}
