/**
 * The layer rules of .dependency-cruiser.cjs, run with dependency-cruiser's own API: the
 * real import graph of worker/ and web/ must have no violation, and a tree that breaks a
 * rule must fail with a message naming the importing file and the imported one — so a
 * later wrong import fails `npm test` with the offending import named.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cruise, format, type ICruiseResult } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'

const ROOT = resolve(import.meta.dirname, '../..')

/** Cruises `worker/` and `web/` under `baseDir` with the project's rules. */
async function cruiseLayers(baseDir: string): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(join(ROOT, '.dependency-cruiser.cjs'))
  const { output } = await cruise(
    ['worker', 'web'],
    { ...options, baseDir, tsConfig: { fileName: join(baseDir, 'tsconfig.json') } },
    {},
    { tsConfig: extractTSConfig(join(baseDir, 'tsconfig.json')) }
  )
  if (typeof output === 'string') throw new Error('expected a cruise result object')
  return output
}

/** The text `npm run test:deps` prints for these violations. */
async function report(result: ICruiseResult): Promise<string> {
  const { output } = await format(result, { outputType: 'err' })
  return String(output)
}

describe('layer rules on the real import graph', () => {
  it('hold: no forbidden import, no cycle, no orphan', async () => {
    const result = await cruiseLayers(ROOT)
    expect(result.summary.totalCruised).toBeGreaterThan(100)
    expect(result.summary.violations, await report(result)).toEqual([])
  }, 120_000)
})

describe('layer rules on a tree that breaks them', () => {
  let fixture: string
  const files: Record<string, string> = {
    'tsconfig.json': JSON.stringify({
      compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'preserve' },
    }),
    'worker/index.ts': "import './db/stats'\nimport './domain/a'\nimport '../web/components/Bad'\n",
    'worker/db/stats.ts': 'export interface TerritoryStats { code: string }\n',
    // A page component reaching into storage: the mistake the rules exist for.
    'web/components/Bad.tsx':
      "import type { TerritoryStats } from '../../worker/db/stats'\nexport const bad = (s: TerritoryStats) => s.code\n",
    'worker/domain/a.ts': "import { b } from './b'\nexport const a = () => b\n",
    'worker/domain/b.ts': "import { a } from './a'\nexport const b = () => a\n",
  }

  beforeAll(() => {
    fixture = mkdtempSync(join(tmpdir(), 'layers-'))
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(fixture, path)), { recursive: true })
      writeFileSync(join(fixture, path), text)
    }
  })
  afterAll(() => rmSync(fixture, { recursive: true, force: true }))

  it('fail, naming the rule, the importing file and the imported one', async () => {
    const result = await cruiseLayers(fixture)
    const violations = result.summary.violations.map((v) => [v.rule.name, v.from, v.to])
    expect(violations).toContainEqual([
      'web-imports-only-domain',
      'web/components/Bad.tsx',
      'worker/db/stats.ts',
    ])
    expect(violations).toContainEqual(['no-circular', 'worker/domain/a.ts', 'worker/domain/b.ts'])
    expect(result.summary.error).toBe(violations.length)

    const text = await report(result)
    expect(text).toContain('web-imports-only-domain: web/components/Bad.tsx → worker/db/stats.ts')
    expect(text).toMatch(/no-circular: worker\/domain\/a\.ts → \s*worker\/domain\/b\.ts/)
  }, 120_000)
})
