/**
 * « La parole recueillie » as CSV: one row per idea, the columns of the ParoleIdea schema
 * in its order (lists joined by « ; », empty for none), text cells guarded against
 * spreadsheet formulas.
 */
import { ParoleIdea } from '../domain/parole'
import { csvLine, neutraliseFormula } from './csv'

export const PAROLE_CSV_COLUMNS = Object.keys(ParoleIdea.shape) as (keyof ParoleIdea)[]

function cell(value: ParoleIdea[keyof ParoleIdea]): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return neutraliseFormula(value.join(';'))
  return typeof value === 'number' ? String(value) : neutraliseFormula(value)
}

export function paroleCsv(ideas: readonly ParoleIdea[]): string {
  return (
    csvLine(PAROLE_CSV_COLUMNS) +
    ideas.map((idea) => csvLine(PAROLE_CSV_COLUMNS.map((column) => cell(idea[column])))).join('')
  )
}
