/**
 * Territory names in an import (`territoryNames` / `territory_names`): resolved to codes
 * before the rows are validated, with the resolver the form uses, so a row may name its
 * territories instead of coding them. A name that is ambiguous or unknown becomes an
 * error of its row, with the candidates: never a guess.
 */
import type { Db } from '../../db/session'
import { ProblemError } from '../../http/problem'
import type { RawRow, RowError } from '../../open-data/import-rows'
import { resolveTerritoryNames, type NameResolution } from '../territory-names'

/** Distinct territory names resolved per request: one indexed statement each. */
export const IMPORT_MAX_TERRITORY_NAMES = 100

function namesOf(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return []
  const names = (value as Record<string, unknown>).territoryNames
  return Array.isArray(names) && names.every((n) => typeof n === 'string')
    ? names.map((n) => n.trim()).filter(Boolean)
    : []
}

/**
 * Replaces each row's `territoryNames` by the codes they resolve to, appended to its
 * `territories`; a name that is ambiguous or unknown becomes an error of its row, with the
 * candidates, rather than a guess. Malformed names are left for the schema to report.
 */
export async function resolveRowNames(
  db: Db,
  raws: readonly RawRow[]
): Promise<{ raw: RawRow; errors: RowError[] }[]> {
  const wanted = raws.map((raw) => namesOf(raw.value))
  const distinct = [...new Set(wanted.flat())]
  if (distinct.length > IMPORT_MAX_TERRITORY_NAMES) {
    throw new ProblemError(
      413,
      `${distinct.length} noms de territoires différents : ${IMPORT_MAX_TERRITORY_NAMES} au plus par requête. Envoyez moins de lignes par requête.`
    )
  }
  const results = await resolveTerritoryNames(db, distinct)
  const byName = new Map(distinct.map((name, i) => [name, results[i]!]))
  return raws.map((raw, i) => {
    const names = wanted[i]!
    if (names.length === 0) return { raw, errors: [] }
    const { territoryNames: _names, ...rest } = raw.value as Record<string, unknown>
    const codes: string[] = []
    const errors: RowError[] = []
    names.forEach((name, j) => {
      const result = byName.get(name)!
      if (result.status === 'found') codes.push(result.territory.code)
      else errors.push(nameError(result, `/territoryNames/${j}`))
    })
    const declared = Array.isArray(rest.territories) ? (rest.territories as unknown[]) : []
    const territories = [...new Set([...declared, ...codes])]
    return { raw: { ...raw, value: { ...rest, territories } }, errors }
  })
}

function nameError(
  result: Exclude<NameResolution, { status: 'found' }>,
  pointer: string
): RowError {
  if (result.status === 'unknown') {
    return {
      pointer,
      message: `Aucun territoire ne s’appelle « ${result.text} » dans le référentiel (communes, intercommunalités, départements, régions).`,
    }
  }
  const candidates = result.candidates.map((c) => ({ code: c.code, name: c.name }))
  const list = result.candidates
    .map((c) => `${c.name}${c.departmentName ? ` (${c.departmentName})` : ''} ${c.code}`)
    .join(', ')
  return {
    pointer,
    candidates,
    message: result.close
      ? `Aucun territoire ne s’appelle exactement « ${result.text} » ; s’agit-il de : ${list} ? Indiquez le nom exact ou le code.`
      : `« ${result.text} » peut désigner plusieurs territoires : ${list}. Indiquez le code, ou le département ou la région entre parenthèses.`,
  }
}
