/**
 * Keeps `npm run bench` working: the smoke mode (500 experiments, 5 s load runs) must
 * produce a complete table — every section measured, no "n/a" — and the fault run must
 * end with zero errors and an index equal to D1. Never a timing threshold: absolute
 * numbers on a shared 2-core machine are not a test (perf-security.md §5.4).
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { meilisearchAvailable } from '../../scripts/lib/meilisearch'
import { NA, type BenchResults } from '../../scripts/bench/report'
import { noMeilisearch } from '../meilisearch-required'

const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

// In CI a missing binary fails this file with the reason instead of skipping it.
const missing = meilisearchAvailable()
  ? ''
  : noMeilisearch('no Meilisearch binary for the bench (linux-x64 only)')

describe.skipIf(missing !== '')('npm run bench (smoke mode)', () => {
  let results: string | null = null
  afterAll(async () => {
    if (results) await rm(results, { recursive: true, force: true })
  })

  it('prints a complete table and survives the Meilisearch outage', async () => {
    results = await mkdtemp(path.join(os.tmpdir(), 'bench-smoke-'))
    const { stdout } = await run(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      [
        'scripts/bench.ts',
        ...['--size', '500', '--duration', '5', '--search-seconds', '2'],
        ...['--markdown', 'none', '--results', results],
      ],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 280_000 }
    )
    const files = (await readdir(results)).filter((f) => f.endsWith('.json'))
    expect(files).toHaveLength(1)
    const r = JSON.parse(await readFile(path.join(results, files[0]!), 'utf8')) as BenchResults

    expect(stdout).not.toContain(NA)
    for (const heading of [
      '**Loading**',
      '**Search**',
      '**Statistics and pages**',
      '**Index lag**',
    ])
      expect(stdout).toContain(heading)
    expect(stdout).toContain('**Load and fault runs**')

    expect(r.machine.size).toBe(500)
    expect(r.load.import?.records).toBe(500)
    expect(r.load.import?.rejected).toBe(0)
    expect(r.load.sync?.indexed).toBeGreaterThanOrEqual(500)
    expect(r.load.oneByOne?.records).toBeGreaterThan(0)
    for (const target of ['meilisearch', 'embedded', 'rawMeilisearch'] as const) {
      expect(r.search[target], target).not.toBeNull()
      expect(r.search[target]?.c1.errors, target).toBe(0)
    }
    expect(r.search.ratio).not.toBeNull()
    for (const [name, value] of Object.entries(r.endpoints)) expect(value, name).not.toBeNull()
    expect(r.indexLag?.timedOut).toBe(0)
    expect(r.mixed?.errorRate).toBe(0)
    // Every acknowledged submission is in D1, and nothing the client saw fail was stored.
    expect(r.mixed?.submissionsStored).toBe(r.mixed?.submissionsAccepted)

    // The fault run: the embedded engine answered while Meilisearch was down, nothing failed,
    // and after the restart the outbox brought the index back to exactly D1's published set.
    expect(r.fault?.overall.errors).toBe(0)
    expect(r.fault?.errorRate).toBe(0)
    expect(r.fault?.engines.embedded ?? 0).toBeGreaterThan(0)
    expect(r.fault?.consistency.equal).toBe(true)
    expect(r.fault?.writesFailedWhileDown).toBe(0)
    expect(r.fault?.submissionsStored).toBe(r.fault?.submissionsAccepted)
  }, 300_000)
})
