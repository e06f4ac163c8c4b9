/**
 * Keeps `npm run eval:search` working: on a handful of the set's queries it must load the
 * real catalogue with no rejected row, answer every query from each engine in turn and
 * print both engines' columns. No relevance threshold here: the figures are read from the
 * full run (BENCHMARKS.md, "Qualité de recherche").
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { meilisearchAvailable } from '../../scripts/lib/meilisearch'
import type { EngineReport } from '../../scripts/lib/relevance'

const ROOT = path.resolve(import.meta.dirname, '../..')
const run = promisify(execFile)

describe.skipIf(!meilisearchAvailable())('npm run eval:search (smoke mode)', () => {
  let dir: string | null = null
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('loads the real catalogue and reports both engines', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'eval-smoke-'))
    const json = path.join(dir, 'eval.json')
    const { stdout } = await run(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['scripts/eval-search.ts', '--queries', '4', '--markdown', 'none', '--json', json],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 280_000 }
    )
    const result = JSON.parse(await readFile(json, 'utf8')) as {
      loaded: number
      rejected: unknown[]
      reports: EngineReport[]
    }
    expect(result.rejected).toEqual([])
    expect(result.loaded).toBe(150)
    expect(result.reports.map((r) => r.engine)).toEqual(['meilisearch', 'embedded'])
    for (const report of result.reports) {
      expect(report.runs).toHaveLength(4)
      for (const r of report.runs) expect(r.engine).toBe(report.engine)
      expect(report.overall.ndcg10).toBeGreaterThanOrEqual(0)
    }
    expect(stdout).toContain('meilisearch nDCG@10')
    expect(stdout).toContain('embedded nDCG@10')
    expect(stdout).toContain('| **all** |')
  }, 300_000)
})
