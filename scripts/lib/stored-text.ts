/**
 * Stored text against the rules the edge now applies (worker/domain/text.ts), and the
 * escaping a SQL dump needs to be read back. Shared by `npm run check:text`,
 * `npm run backup` and their tests.
 */
import { textDefect } from '../../worker/domain/text'

export interface StoredTextDefect {
  table: string
  /** The row's primary key values, or its rowid. */
  row: string
  column: string
  /** JSON Pointer inside a JSON column ('' for the whole value). */
  pointer: string
  defect: string
}

/** Every string of a JSON value with its JSON Pointer. */
function* stringsOf(value: unknown, pointer = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [pointer, value]
  else if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) yield* stringsOf(item, `${pointer}/${i}`)
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield* stringsOf(item, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`)
    }
  }
}

function parsedJson(text: string): unknown {
  const first = text.trimStart()[0]
  if (first !== '{' && first !== '[') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

/**
 * The text values of `rows` that the edge would refuse today (NUL and other controls,
 * lone surrogates, invisible-only values), looking inside JSON columns too.
 */
export function storedTextDefects(
  table: string,
  rows: readonly Record<string, unknown>[],
  keyColumns: readonly string[]
): StoredTextDefect[] {
  const found: StoredTextDefect[] = []
  for (const row of rows) {
    const key = keyColumns.map((k) => String(row[k])).join(',')
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== 'string') continue
      const json = parsedJson(value)
      for (const [pointer, text] of json === undefined ? [['', value] as const] : stringsOf(json)) {
        const defect = textDefect(text)
        if (defect) found.push({ table, row: key, column, pointer, defect })
      }
    }
  }
  return found
}

/**
 * A dump SQLite's parser reads back. Its tokenizer stops at a NUL, so a string literal
 * holding one made a whole backup unrestorable ("unrecognized token", issue 15): a NUL,
 * only ever inside a string literal in a dump, becomes `'||char(0)||'`. Every other
 * character is read back as written (the export already spells newlines with char(10)).
 */
export function restorableSql(sql: string): string {
  return sql.replaceAll('\u0000', "'||char(0)||'")
}
