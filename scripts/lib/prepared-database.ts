/**
 * Preparing a local D1 state (migrations, then 36k territory rows through wrangler) takes
 * about a minute on the 2-core machine. The browser tests, the benchmark and
 * `npm run eval:search` each need one, so the prepared, still-empty state is cached under
 * node_modules/.cache (git-ignored) and copied for each run. Its key is what the state
 * holds: the migrations and the reference's rows as built now, so a changed migration,
 * package version, centroid or derived column never reuses a stale template.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import { RECORD_GEOGRAPHY_REFRESH } from '../../worker/db/territories'
import { prepareLocalDatabase, ROOT } from './local-dev'
import { buildTerritoryReference } from './territory-reference'

async function templateKey(): Promise<string> {
  const hash = createHash('sha256')
  const walk = async (dir: string) => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name)
    )) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) await walk(full)
      else hash.update(full.slice(ROOT.length)).update(await readFile(full))
    }
  }
  await walk(path.join(ROOT, 'migrations'))
  const { rows, members, meta } = buildTerritoryReference()
  hash.update(JSON.stringify([rows, members, meta, RECORD_GEOGRAPHY_REFRESH]))
  return hash.digest('hex').slice(0, 16)
}

/** Fills `persistTo` with a prepared empty database, from the cache when possible. */
export async function preparedDatabase(
  persistTo: string,
  log: (line: string) => void = () => {}
): Promise<void> {
  const cacheRoot = path.join(ROOT, 'node_modules', '.cache', 'observatoire-d1')
  const template = path.join(cacheRoot, await templateKey())
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}.tmp`
    await rm(building, { recursive: true, force: true })
    await prepareLocalDatabase({ persistTo: building, log })
    // The SQL file it loaded from is not state: no need to copy it into every run.
    await rm(path.join(building, 'territories.sql'), { force: true })
    await mkdir(cacheRoot, { recursive: true })
    // Atomic publish: a concurrent run either sees the whole template or none.
    await rename(building, template).catch(() => rm(building, { recursive: true, force: true }))
  } else log('base préparée reprise du cache')
  await cp(template, persistTo, { recursive: true })
}
