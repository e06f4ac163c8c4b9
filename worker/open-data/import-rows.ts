/**
 * Reading an import file: rows from a JSON array, NDJSON or CSV (the export's columns,
 * plus the import-only ones), each validated with the import row schema, with errors
 * named by JSON Pointer and, for a CSV, by column.
 */
import { z } from '@hono/zod-openapi'
import { ProblemError, fieldErrors } from '../http/problem'
import { CsvSyntaxError, parseCsv } from './csv'
import {
  EXPORT_ONLY_COLUMNS,
  EXPORT_ONLY_KEYS,
  IMPORT_COLUMNS,
  ImportRow,
  rowFromCells,
} from './schema'

/** Rows accepted per request: ~3 reads per row plus the batches stay far below D1's limits. */
export const IMPORT_MAX_ROWS = 100

export type ImportFormat = 'json' | 'ndjson' | 'csv'

export const RowError = z.object({
  pointer: z
    .string()
    .optional()
    .openapi({ description: 'JSON Pointer into the row', example: '/lead/name' }),
  column: z
    .string()
    .optional()
    .openapi({ description: 'CSV column holding that field', example: 'lead_name' }),
  message: z.string(),
  candidates: z
    .array(z.object({ code: z.string(), name: z.string() }))
    .optional()
    .openapi({ description: 'Territoires qu’un nom ambigu peut désigner' }),
})
export type RowError = z.infer<typeof RowError>

const ROW_STATUSES = ['created', 'updated', 'unchanged', 'invalid', 'failed'] as const
export type RowStatus = (typeof ROW_STATUSES)[number]

export const RowReport = z.object({
  row: z
    .number()
    .int()
    .openapi({ description: 'Rang de la ligne dans la requête (1 = première fiche)' }),
  status: z.enum(ROW_STATUSES),
  id: z.string().optional(),
  sourceId: z.string().optional(),
  errors: z.array(RowError).optional(),
})
export type RowReport = z.infer<typeof RowReport>

/** What an import did, row by row: the response of `POST /api/moderation/import`. */
export const ImportReport = z
  .object({
    dryRun: z.boolean(),
    publish: z.boolean(),
    total: z.number().int(),
    counts: z.object(
      Object.fromEntries(ROW_STATUSES.map((s) => [s, z.number().int()])) as Record<
        RowStatus,
        z.ZodNumber
      >
    ),
    rows: z.array(RowReport),
  })
  .openapi('ImportReport')
export type ImportReport = z.infer<typeof ImportReport>

export interface RawRow {
  row: number
  value: unknown
  errors: RowError[]
}

// ── Parsing ──────────────────────────────────────────────────────────────────

export function parseImportBody(text: string, format: ImportFormat): RawRow[] {
  const rows =
    format === 'csv' ? csvRows(text) : format === 'ndjson' ? ndjsonRows(text) : jsonRows(text)
  if (rows.length === 0) throw new ProblemError(400, 'Le fichier ne contient aucune ligne.')
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new ProblemError(
      413,
      `${rows.length} lignes reçues : ${IMPORT_MAX_ROWS} au plus par requête. Découpez le fichier (la commande npm run import le fait).`
    )
  }
  return rows
}

function jsonRows(text: string): RawRow[] {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new ProblemError(400, 'Le corps n’est pas un JSON valide.')
  }
  if (!Array.isArray(data)) throw new ProblemError(400, 'Un tableau JSON de fiches est attendu.')
  return data.map((value, i) => ({ row: i + 1, value, errors: [] }))
}

function ndjsonRows(text: string): RawRow[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line, n: i + 1 }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line }, i) => {
      try {
        return { row: i + 1, value: JSON.parse(line) as unknown, errors: [] }
      } catch {
        return { row: i + 1, value: null, errors: [{ message: 'Ligne JSON invalide.' }] }
      }
    })
}

function csvRows(text: string): RawRow[] {
  let table: string[][]
  try {
    table = parseCsv(text)
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      throw new ProblemError(400, `CSV invalide, ligne ${err.line} : ${err.message}`)
    throw err
  }
  const [header = [], ...data] = table
  const names = header.map((h) => h.trim())
  const known = new Set(IMPORT_COLUMNS.map((c) => c.name))
  const unknown = names.filter((n) => !known.has(n) && !EXPORT_ONLY_COLUMNS.has(n))
  if (unknown.length > 0) {
    throw new ProblemError(
      400,
      'Colonnes inconnues dans l’en-tête du CSV (voir le Table Schema).',
      unknown.map((name) => ({ parameter: name, message: `Colonne inconnue : ${name}.` }))
    )
  }
  return data.map((cells, i) => {
    const record: Record<string, string> = {}
    names.forEach((name, j) => (record[name] = cells[j] ?? ''))
    const { value, errors } = rowFromCells(record)
    return {
      row: i + 1,
      value,
      errors: errors.map((e) => ({ column: e.column, message: e.message })),
    }
  })
}

/** The CSV column of a JSON Pointer, so CSV users see the column they must fix. */
export function columnOf(pointer: string): string | undefined {
  const path = pointer.split('/').slice(1)
  return IMPORT_COLUMNS.filter((c) => c.path.every((p, i) => path[i] === p)).sort(
    (a, b) => b.path.length - a.path.length
  )[0]?.name
}

// ── Validation ───────────────────────────────────────────────────────────────

export interface ValidRow {
  row: number
  input: ImportRow
  /** Idempotency key: the producer's source id, else the id of an exported record. */
  key: string | undefined
}

export function validateRow(raw: RawRow, format: ImportFormat, contactEmail: string | undefined) {
  if (raw.errors.length > 0) return { errors: raw.errors }
  if (raw.value === null || typeof raw.value !== 'object' || Array.isArray(raw.value))
    return { errors: [{ message: 'Une fiche (objet JSON) est attendue.' }] }
  const value: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(raw.value)) if (!EXPORT_ONLY_KEYS.has(k)) value[k] = v
  if (value.privateContact === undefined && contactEmail)
    value.privateContact = { email: contactEmail }
  const parsed = ImportRow.safeParse(value)
  if (!parsed.success) {
    return {
      errors: fieldErrors(parsed.error.issues, 'json').map((e) => ({
        pointer: e.pointer,
        ...(format === 'csv' && e.pointer ? { column: columnOf(e.pointer) } : {}),
        message: e.message,
      })),
    }
  }
  return { input: parsed.data }
}
