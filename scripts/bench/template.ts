/**
 * Preparing a local D1 state (migrations, then 36k territory rows through wrangler) takes
 * about a minute on the 2-core machine — more than the whole smoke run may take. The
 * prepared, still-empty state is therefore cached under node_modules/.cache (git-ignored),
 * keyed by the migrations and the territory package version, and copied for each run.
 * A changed migration or reference gives a new key, so a stale template is never used.
 */
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { cp, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { prepareLocalDatabase, ROOT } from '../lib/local-dev'

const require = createRequire(import.meta.url)

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
  hash.update(
    (require('@etalab/decoupage-administratif/package.json') as { version: string }).version
  )
  hash.update(await readFile(path.join(ROOT, 'scripts/lib/territory-reference.ts')))
  // The shipped centroids are part of the reference (points, areas, sizes).
  await walk(path.join(ROOT, 'data', 'geo', 'centroids'))
  return hash.digest('hex').slice(0, 16)
}

/** Fills `persistTo` with a prepared empty database, from the cache when possible. */
export async function preparedDatabase(
  persistTo: string,
  log: (line: string) => void
): Promise<void> {
  const cacheRoot = path.join(ROOT, 'node_modules', '.cache', 'observatoire-bench')
  const template = path.join(cacheRoot, await templateKey())
  if (!existsSync(template)) {
    const building = `${template}.${process.pid}.tmp`
    await rm(building, { recursive: true, force: true })
    await prepareLocalDatabase({ persistTo: building, log })
    await mkdir(cacheRoot, { recursive: true })
    // Atomic publish: a concurrent run either sees the whole template or none.
    await rename(building, template).catch(() => rm(building, { recursive: true, force: true }))
  } else log('base préparée reprise du cache')
  await cp(template, persistTo, { recursive: true })
}
