/**
 * Loads the territory reference into a D1 database: `npm run territories -- --remote`
 * for the production database (after `wrangler d1 migrations apply DB --remote`), or
 * `--local` (what `npm start` does by itself). Replaces the whole reference; the
 * experiments keep the derived values computed when they were written.
 */
import { writeFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import {
  buildTerritoryReference,
  geographyReport,
  territoryStatements,
} from './lib/territory-reference'
import { ROOT } from './lib/local-dev'

const target = process.argv.includes('--remote') ? '--remote' : '--local'
const reference = buildTerritoryReference()
const file = path.join(os.tmpdir(), `observatoire-territories-${reference.meta.version}.sql`)
await writeFile(file, territoryStatements(reference).join(';\n') + ';\n')
console.log(
  `${reference.rows.length} territoires (${reference.meta.vintage}) → base ${target.slice(2)}`
)
console.log(geographyReport(reference))
execFileSync(
  path.join(ROOT, 'node_modules', '.bin', 'wrangler'),
  ['d1', 'execute', 'DB', target, '--yes', '--file', file],
  {
    cwd: ROOT,
    stdio: 'inherit',
  }
)
