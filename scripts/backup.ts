/**
 * `npm run backup`: exports the primary D1 database (schema + data) to
 * `backups/observatoire-<local|remote>-<UTC timestamp>.sql` with `wrangler d1 export`.
 *
 *   npm run backup              # the local database of `npm start` (.wrangler/state)
 *   npm run backup -- --remote  # the production database (needs `wrangler login`)
 *
 * The primary database holds no virtual tables (the FTS5 index lives in SEARCH_DB, which
 * is rebuilt from D1 with `npm run reindex`), so the export works. A remote export blocks
 * other queries on the database while it runs: schedule it off-peak. Restore into an
 * empty database with `wrangler d1 execute DB --file <backup>.sql` (add `--remote` for
 * production); for the last 30 days, prefer D1 Time Travel (see README).
 */
import { execFile } from 'node:child_process'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from './lib/local-dev'
import { restorableSql } from './lib/stored-text'

const run = promisify(execFile)

/** `2026-05-02T07-30-00Z`: sortable and safe in file names. */
export function backupStamp(now = new Date()): string {
  return now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-')
}

export function exportArgs(remote: boolean, output: string, part: 'schema' | 'data'): string[] {
  return [
    'd1',
    'export',
    'DB',
    remote ? '--remote' : '--local',
    part === 'schema' ? '--no-data' : '--no-schema',
    '--output',
    output,
  ]
}

/**
 * Schema first, then data, in one file, with any NUL spelt so SQLite reads it back. A single-pass export lists each table's rows
 * right after that table, in creation order; since migration 0005 rebuilt `experiments`,
 * that order puts rows of the tables that reference it before it exists, and the import
 * fails. Two passes (`--no-data`, then `--no-schema`) give a file that restores as is.
 */
async function main() {
  const remote = process.argv.includes('--remote')
  const dir = path.join(ROOT, 'backups')
  await mkdir(dir, { recursive: true })
  const output = path.join(dir, `observatoire-${remote ? 'remote' : 'local'}-${backupStamp()}.sql`)
  const parts: string[] = []
  for (const part of ['schema', 'data'] as const) {
    const file = `${output}.${part}`
    await run(path.join(ROOT, 'node_modules', '.bin', 'wrangler'), exportArgs(remote, file, part), {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    })
    parts.push(restorableSql(await readFile(file, 'utf8')))
    await rm(file)
  }
  await writeFile(output, parts.map((p) => p.trimEnd()).join('\n') + '\n')
  const { size } = await stat(output)
  console.log(
    `[observatoire] sauvegarde écrite : ${path.relative(ROOT, output)} (${Math.round(size / 1024)} Kio)`
  )
}

main().catch((err: unknown) => {
  console.error(err)
  process.exit(1)
})
