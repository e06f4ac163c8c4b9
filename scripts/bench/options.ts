/**
 * The bench's command-line options and the description of the machine and commit a run
 * was made on (written with every result so runs can be compared).
 */
import { execFileSync } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ROOT } from '../lib/local-dev'
import { MEILISEARCH_VERSION } from '../lib/meilisearch'
import { DEFAULT_SEED } from './generate'
import { round } from './measure'

export interface Options {
  size: number
  duration: number
  seed: number
  skipLoad: boolean
  state: string | undefined
  searchSeconds: number
  markdown: string
  results: string
  keepState: boolean
  /** Only the search runs (ours on both engines, raw Meilisearch): A/B runs of search code. */
  searchOnly: boolean
  /** Re-render an earlier JSON result (no measurement). */
  render: string | undefined
}

export function options(): Options {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '10000' },
      duration: { type: 'string', default: '60' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      'skip-load': { type: 'boolean', default: false },
      state: { type: 'string' },
      'search-seconds': { type: 'string' },
      markdown: { type: 'string', default: path.join(ROOT, 'BENCHMARKS.md') },
      results: { type: 'string', default: path.join(ROOT, 'bench-results') },
      'keep-state': { type: 'boolean', default: false },
      render: { type: 'string' },
      'search-only': { type: 'boolean', default: false },
    },
  })
  const size = Number(values.size)
  const duration = Number(values.duration)
  if (!Number.isInteger(size) || size < 1) throw new Error('--size attend un entier positif')
  if (!(duration >= 3)) throw new Error('--duration attend au moins 3 secondes')
  if (values['skip-load'] && !values.state) throw new Error('--skip-load demande --state DIR')
  return {
    size,
    duration,
    seed: Number(values.seed),
    skipLoad: values['skip-load'],
    state: values.state,
    // Short runs (the smoke test) get short search runs too.
    searchSeconds: Number(values['search-seconds'] ?? (duration < 20 ? 1 : 10)),
    markdown: values.markdown,
    results: values.results,
    keepState: values['keep-state'] || values['skip-load'],
    render: values.render,
    searchOnly: values['search-only'],
  }
}

export function machine(o: Options) {
  const cpus = os.cpus()
  let commit = 'unknown'
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim()
  } catch {
    // not a git checkout
  }
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    commit,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    ramGb: round(os.totalmem() / 1024 ** 3),
    node: process.version,
    meilisearch: MEILISEARCH_VERSION,
    size: o.size,
    seed: o.seed,
    durationSeconds: o.duration,
  }
}
