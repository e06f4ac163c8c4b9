/**
 * `npm run check:text`: finds the text already stored that the edge refuses since
 * issue 15 (NUL and other control characters, lone surrogates, invisible-only values),
 * in every column of every table of the primary database, inside JSON columns too, and
 * reports where each one is. Exits 1 when it finds any, so it can gate a deployment.
 *
 *   npm run check:text              # the local database of `npm start` (.wrangler/state)
 *   npm run check:text -- --remote  # the production database (needs `wrangler login`)
 *
 * It only reads: fix what it reports through the edit link or the moderation desk.
 */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './lib/local-dev'
import { storedTextDefects, type StoredTextDefect } from './lib/stored-text'

const run = promisify(execFile)
const remote = process.argv.includes('--remote')
const PAGE = 500
/** Reference data loaded from INSEE/IGN files, not typed by anyone. */
const REFERENCE_TABLES = new Set(['territories', 'epci_members', 'territory_reference'])

async function query<T>(sql: string): Promise<T[]> {
  const where = remote
    ? ['--remote']
    : ['--local', '--persist-to', path.join(ROOT, '.wrangler', 'state')]
  const { stdout } = await run(
    path.join(ROOT, 'node_modules', '.bin', 'wrangler'),
    ['d1', 'execute', 'DB', ...where, '--json', '--command', sql],
    {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      maxBuffer: 256 * 1024 * 1024,
    }
  )
  return (JSON.parse(stdout) as { results: T[] }[])[0]?.results ?? []
}

async function main() {
  const tables = await query<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name NOT LIKE 'd1\\_%' ESCAPE '\\' ORDER BY name"
  )
  const found: StoredTextDefect[] = []
  for (const { name } of tables) {
    if (REFERENCE_TABLES.has(name)) continue
    const keys = (
      await query<{ name: string }>(
        `SELECT name FROM pragma_table_info('${name}') WHERE pk > 0 ORDER BY pk`
      )
    ).map((k) => k.name)
    const order = keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'rowid'
    for (let offset = 0; ; offset += PAGE) {
      const rows = await query<Record<string, unknown>>(
        `SELECT ${keys.length ? '' : 'rowid, '}* FROM "${name}" ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}`
      )
      found.push(...storedTextDefects(name, rows, keys.length ? keys : ['rowid']))
      if (rows.length < PAGE) break
    }
  }
  for (const d of found) {
    console.log(
      `${d.table} [${d.row}] ${d.column}${d.pointer ? ` ${d.pointer}` : ''} : ${d.defect}`
    )
  }
  console.log(
    `[observatoire] ${found.length} valeur(s) de texte refusée(s) aujourd’hui à l’entrée, dans ${tables.length} tables (${remote ? 'distante' : 'locale'})`
  )
  process.exitCode = found.length ? 1 : 0
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(2)
})
