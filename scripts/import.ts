/**
 * Bulk import from the command line, against a local or remote Observatoire:
 *
 *   npm run import -- fiches.csv|fiches.json|fiches.ndjson [--dry-run] [--publish]
 *     [--url http://localhost:8787] [--token <jeton>] [--contact-email adresse@exemple.fr]
 *
 * The file is split into requests the API accepts (IMPORT_MAX_ROWS rows, IMPORT_MAX_BYTES),
 * rows that others are "inspired by" are sent first so links resolve, a progress bar
 * shows on the terminal, and every invalid row is printed with its field and message.
 * The token may also come from MODERATOR_TOKEN. Exit code 1 when a row was refused.
 */
import { readFileSync } from 'node:fs'
import { extname } from 'node:path'
import { parseArgs } from 'node:util'
import { csvLine, parseCsv } from '../worker/open-data/csv'
import { IMPORT_MAX_ROWS, type ImportReport, type RowReport } from '../worker/open-data/import-rows'
import { IMPORT_MAX_BYTES } from '../worker/services/moderation/import'

interface Row {
  /** 1-based position in the file (data rows only). */
  n: number
  id?: string
  inspiredBy: string[]
  /** The row as it travels: one CSV line, or one JSON value. */
  payload: string
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    publish: { type: 'boolean', default: false },
    url: { type: 'string', default: 'http://localhost:8787' },
    token: { type: 'string' },
    'contact-email': { type: 'string' },
    'rows-per-request': { type: 'string', default: '50' },
  },
})

function fail(message: string): never {
  console.error(`Erreur : ${message}`)
  process.exit(2)
}

const file = positionals[0] ?? fail('indiquez un fichier .csv, .json ou .ndjson.')
const token =
  values.token ??
  process.env.MODERATOR_TOKEN ??
  fail('jeton manquant (--token ou MODERATOR_TOKEN).')
const perRequest = Math.min(IMPORT_MAX_ROWS, Math.max(1, Number(values['rows-per-request'])))
const ext = extname(file).toLowerCase()
const format =
  ext === '.csv'
    ? 'csv'
    : ext === '.ndjson' || ext === '.jsonl'
      ? 'ndjson'
      : ext === '.json'
        ? 'json'
        : fail(`extension inconnue : ${ext}`)
const text = readFileSync(file, 'utf8')

// ── Reading the file into rows ───────────────────────────────────────────────

let csvHeader = ''
function readRows(): Row[] {
  if (format === 'csv') {
    const [header = [], ...data] = parseCsv(text)
    csvHeader = csvLine(header)
    const idAt = header.indexOf('id')
    const linksAt = header.indexOf('inspired_by')
    return data.map((cells, i) => ({
      n: i + 1,
      ...(idAt >= 0 && cells[idAt] ? { id: cells[idAt] } : {}),
      inspiredBy: linksAt >= 0 ? (cells[linksAt] ?? '').split(';').filter(Boolean) : [],
      payload: csvLine(cells),
    }))
  }
  const values: unknown[] =
    format === 'json'
      ? (JSON.parse(text) as unknown[])
      : text
          .split(/\r?\n/)
          .filter((l) => l.trim())
          .map((l) => {
            try {
              return JSON.parse(l) as unknown
            } catch {
              return l // sent as is: the server reports the line as invalid JSON
            }
          })
  if (!Array.isArray(values)) fail('le fichier JSON doit contenir un tableau de fiches.')
  return values.map((value, i) => {
    const record = (value ?? {}) as { id?: unknown; inspiredBy?: unknown }
    return {
      n: i + 1,
      ...(typeof record.id === 'string' ? { id: record.id } : {}),
      inspiredBy: Array.isArray(record.inspiredBy) ? record.inspiredBy.map(String) : [],
      payload: typeof value === 'string' && format === 'ndjson' ? value : JSON.stringify(value),
    }
  })
}

/** Rows whose `inspiredBy` targets are in the file come after those targets. */
function dependencyOrder(rows: Row[]): Row[] {
  const byId = new Map(rows.flatMap((r) => (r.id ? [[r.id, r] as const] : [])))
  const done = new Set<Row>()
  const ordered: Row[] = []
  const visit = (row: Row, depth: number) => {
    if (done.has(row) || depth > rows.length) return
    for (const target of row.inspiredBy) {
      const dep = byId.get(target)
      if (dep && dep !== row) visit(dep, depth + 1)
    }
    if (!done.has(row)) {
      done.add(row)
      ordered.push(row)
    }
  }
  for (const row of rows) visit(row, 0)
  return ordered
}

function requests(rows: Row[]): Row[][] {
  const chunks: Row[][] = []
  let chunk: Row[] = []
  let bytes = 0
  for (const row of rows) {
    const size = Buffer.byteLength(row.payload) + 2
    if (
      chunk.length >= perRequest ||
      (chunk.length > 0 && bytes + size > IMPORT_MAX_BYTES - 64 * 1024)
    ) {
      chunks.push(chunk)
      chunk = []
      bytes = 0
    }
    chunk.push(row)
    bytes += size
  }
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}

function body(chunk: Row[]): { contentType: string; body: string } {
  if (format === 'csv')
    return {
      contentType: 'text/csv; charset=utf-8',
      body: csvHeader + chunk.map((r) => r.payload).join(''),
    }
  if (format === 'ndjson')
    return { contentType: 'application/x-ndjson', body: chunk.map((r) => r.payload).join('\n') }
  return { contentType: 'application/json', body: `[${chunk.map((r) => r.payload).join(',')}]` }
}

// ── Output ───────────────────────────────────────────────────────────────────

function progress(done: number, total: number) {
  const width = 30
  const filled = Math.round((done / total) * width)
  const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} fiches`
  if (process.stderr.isTTY) process.stderr.write(`\r${bar}${done === total ? '\n' : ''}`)
  else if (done === total || done % (perRequest * 10) === 0) console.error(bar)
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i]!.length))))
  const line = (r: string[]) => r.map((c, i) => c.slice(0, 60).padEnd(widths[i]!)).join(' │ ')
  return [
    line(rows[0]!),
    widths.map((w) => '─'.repeat(w)).join('─┼─'),
    ...rows.slice(1).map(line),
  ].join('\n')
}

// ── Main ─────────────────────────────────────────────────────────────────────

const rows = dependencyOrder(readRows())
if (rows.length === 0) fail('le fichier ne contient aucune fiche.')
const params = new URLSearchParams({
  dryRun: String(values['dry-run']),
  publish: String(values.publish),
})
if (values['contact-email']) params.set('contactEmail', values['contact-email'])
const endpoint = `${values.url!.replace(/\/+$/, '')}/api/moderation/import?${params}`

const results: (RowReport & { n: number })[] = []
let sent = 0
progress(0, rows.length)
for (const chunk of requests(rows)) {
  const { contentType, body: payload } = body(chunk)
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: `Bearer ${token}` },
    body: payload,
  })
  if (!res.ok) {
    if (process.stderr.isTTY) process.stderr.write('\n')
    const problem = (await res.json().catch(() => ({}))) as {
      detail?: string
      title?: string
      errors?: { parameter?: string; message: string }[]
    }
    fail(
      `${res.status} ${problem.detail ?? problem.title ?? res.statusText}${problem.errors ? '\n' + problem.errors.map((e) => `  - ${e.message}`).join('\n') : ''}`
    )
  }
  const report = (await res.json()) as ImportReport
  for (const r of report.rows) results.push({ ...r, n: chunk[r.row - 1]!.n })
  sent += chunk.length
  progress(sent, rows.length)
}

const count = (status: RowReport['status']) => results.filter((r) => r.status === status).length
const refused = results
  .filter((r) => r.status === 'invalid' || r.status === 'failed')
  .sort((a, b) => a.n - b.n)
console.log(
  `${values['dry-run'] ? 'Essai à blanc (rien n’a été écrit) : ' : ''}${count('created')} créée(s), ${count('updated')} mise(s) à jour, ${count('unchanged')} inchangée(s), ${refused.length} refusée(s)${values.publish ? ' — publication directe' : ' — en attente de modération'}.`
)
if (refused.length > 0) {
  const header = ['Fiche', 'Source', format === 'csv' ? 'Colonne' : 'Champ', 'Erreur']
  const lines = refused.flatMap((r) =>
    (r.errors ?? [{ message: 'refusée' }]).map((e) => [
      String(r.n),
      r.sourceId ?? '',
      (format === 'csv' ? e.column : undefined) ?? e.pointer ?? '',
      e.message,
    ])
  )
  console.log('\n' + table([header, ...lines]))
  process.exit(1)
}
