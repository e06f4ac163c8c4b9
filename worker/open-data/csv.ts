/**
 * CSV as schema.data.gouv.fr expects it: UTF-8, comma separator, `"` quoting (RFC 4180),
 * CRLF line ends. The parser accepts what spreadsheets actually produce (BOM, LF or CRLF,
 * quoted multi-line cells) so exported files and hand-edited ones import alike.
 */

const NEEDS_QUOTES = /[",\r\n]/

function csvCell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/**
 * Formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. Text cells starting so are prefixed with
 * `'`, which spreadsheets show as text; a text already starting with `'` before such a
 * character gets one more, so `restoreFormulaText` gives every value back exactly on import.
 * Numeric cells are never touched: `-12` stays a number.
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r'])

function startsLikeFormula(value: string): boolean {
  let i = 0
  while (value[i] === "'") i++
  return FORMULA_START.has(value[i] ?? '')
}

export function neutraliseFormula(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text
}

export function restoreFormulaText(cell: string): string {
  return cell.startsWith("'") && startsLikeFormula(cell) ? cell.slice(1) : cell
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',') + '\r\n'
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
  }
}

/** Parses a whole CSV text into rows of cells. Blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let i = 0
  const endRow = () => {
    row.push(cell)
    if (!(row.length === 1 && row[0] === '')) rows.push(row)
    row = []
    cell = ''
  }
  while (i < input.length) {
    const ch = input[i]!
    if (quoted) {
      if (ch === '"') {
        if (input[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        const next = input[i]
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
          throw new CsvSyntaxError('Guillemet fermant suivi d’un caractère inattendu.', line)
        }
        continue
      }
      if (ch === '\n') line++
      cell += ch
      i++
      continue
    }
    if (ch === '"' && cell === '') {
      quoted = true
      i++
    } else if (ch === ',') {
      row.push(cell)
      cell = ''
      i++
    } else if (ch === '\r' || ch === '\n') {
      endRow()
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1
      line++
    } else {
      cell += ch
      i++
    }
  }
  if (quoted) throw new CsvSyntaxError('Guillemet ouvrant jamais refermé.', line)
  if (cell !== '' || row.length > 0) endRow()
  return rows
}
