/**
 * Latency of the statistics endpoints on a large catalogue (100,000 experiments by
 * default), for the benchmark report. Usage: `tsx scripts/stats-bench.ts [count]`.
 *
 * The rows are generated inside a dedicated local D1 (not the `npm start` one) by a few
 * SQL statements, not through the API: submitting 100k fiches one by one would take
 * hours and measure the submission path, not the statistics. The distribution is
 * deterministic (no randomness), roughly shaped like the real catalogue: 1–2
 * départements per experiment (so derived régions), 1–2 themes, every stage and
 * evidence level, 15 start years, budgets on 60 % and people reached on 40 % of them,
 * 85 % published, and a ~2 KB narrative so rows have a realistic size on disk.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { freePort, prepareLocalDatabase, ROOT, startWorker } from './lib/local-dev'

const run = promisify(execFile)
const COUNT = Number(process.argv[2] ?? 100_000)
const PERSIST = path.join(ROOT, '.wrangler', 'stats-bench')
const RUNS = Number(process.env.RUNS ?? 20)

const THEMES = [
  'mediation',
  'participation',
  'third-places',
  'public-services',
  'open-data',
  'sobriety',
  'e-health',
  'education',
  'cybersecurity',
  'smart-territory',
  'connectivity',
  'governance',
]
const STAGES = ['idea', 'design', 'pilot', 'rollout', 'sustained', 'stopped']
const LEADS = ['commune', 'epci', 'departement', 'region', 'association', 'other']

const sqlList = (values: readonly string[]) => `json('${JSON.stringify(values)}')`

/** SQL that inserts `count` experiments with their theme and territory rows. */
function generatorSql(count: number): string {
  return `
DROP TABLE IF EXISTS bench_seq;
DROP TABLE IF EXISTS bench_deps;
DELETE FROM experiment_territories WHERE experiment_id GLOB 'bench-*';
DELETE FROM experiment_themes WHERE experiment_id GLOB 'bench-*';
DELETE FROM experiments WHERE id GLOB 'bench-*';
CREATE TABLE bench_deps AS
  SELECT row_number() OVER (ORDER BY code) - 1 AS n, insee, region FROM territories
  WHERE kind = 'dep' AND zone IN ('metro', 'drom');
CREATE TABLE bench_seq AS
  WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < ${count - 1}) SELECT i FROM s;
INSERT INTO experiments (id, slug, status, revision, title, lead_kind, stage, evidence_level,
  start_year, budget_eur, people_reached, population_covered, completeness, scope_level, data,
  derived, private_contact, edit_token_hash, edit_token_expires_at, created_at, updated_at,
  published_at)
SELECT printf('bench-%07d', i), printf('bench-%07d', i),
  CASE WHEN i % 20 < 17 THEN 'published' WHEN i % 20 < 19 THEN 'pending' ELSE 'rejected' END,
  2, printf('Expérience de test %d', i),
  json_extract(${sqlList(LEADS)}, printf('$[%d]', i % ${LEADS.length})),
  json_extract(${sqlList(STAGES)}, printf('$[%d]', (i / 7) % ${STAGES.length})),
  (i / 3) % 5, 2010 + (i * 7) % 15,
  CASE WHEN i % 5 < 3 THEN 5000 + (i * 7919) % 495000 END,
  CASE WHEN i % 5 < 2 THEN 10 + (i * 104729) % 20000 END,
  10000, 50, 'local',
  json_object('title', printf('Expérience de test %d', i), 'summary', 'Fiche générée pour mesurer les statistiques.',
    'language', 'fr', 'licence', 'etalab-2.0', 'lead', json_object('name', 'Porteur', 'kind', 'commune'),
    'scope', 'territories', 'territories', json_array(), 'themes', json_array('mediation'), 'stage', 'pilot', 'startDate', '2020',
    'evidenceLevel', 0, 'narrative', json_object('description', hex(randomblob(1000)))),
  json_object('territories', json_array(), 'regions', json_array(), 'departments', json_array(), 'populationCovered', 10000, 'scopeLevel', 'local'),
  '{}', 'x', '2099-01-01T00:00:00Z',
  printf('2024-01-01T00:00:%02dZ', i % 60), printf('2024-01-01T00:00:%02dZ', i % 60),
  CASE WHEN i % 20 < 17 THEN printf('2024-02-01T%02d:%02d:%02dZ', (i / 3600) % 24, (i / 60) % 60, i % 60) END
FROM bench_seq;
INSERT INTO experiment_themes (experiment_id, theme)
  SELECT printf('bench-%07d', i), json_extract(${sqlList(THEMES)}, printf('$[%d]', (i * 5) % 12)) FROM bench_seq
  UNION SELECT printf('bench-%07d', i), json_extract(${sqlList(THEMES)}, printf('$[%d]', (i * 5 + 3) % 12))
    FROM bench_seq WHERE i % 3 = 0;
-- Declared département(s), then the derived région rows (one per distinct région).
INSERT INTO experiment_territories (experiment_id, territory, declared)
  SELECT printf('bench-%07d', i), 'dep:' || d.insee, 1 FROM bench_seq JOIN bench_deps d ON d.n = (i * 31) % (SELECT count(*) FROM bench_deps)
  UNION SELECT printf('bench-%07d', i), 'dep:' || d.insee, 1 FROM bench_seq JOIN bench_deps d ON d.n = (i * 31 + 1) % (SELECT count(*) FROM bench_deps)
    WHERE i % 4 = 0;
INSERT OR IGNORE INTO experiment_territories (experiment_id, territory, declared)
  SELECT et.experiment_id, 'reg:' || d.region, 0 FROM experiment_territories et
  JOIN bench_deps d ON et.territory = 'dep:' || d.insee WHERE et.experiment_id GLOB 'bench-*';
DROP TABLE bench_seq;
DROP TABLE bench_deps;
PRAGMA optimize;
`
}

async function main() {
  console.log(`Base locale : ${PERSIST}`)
  await prepareLocalDatabase({ persistTo: PERSIST, log: (l) => console.log(`  ${l}`) })
  const file = path.join(PERSIST, 'stats-bench.sql')
  const { writeFile } = await import('node:fs/promises')
  await writeFile(file, generatorSql(COUNT))
  const started = Date.now()
  await run(
    path.join(ROOT, 'node_modules', '.bin', 'wrangler'),
    ['d1', 'execute', 'DB', '--local', '--persist-to', PERSIST, '--file', file, '--yes'],
    {
      cwd: ROOT,
      env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
      maxBuffer: 1 << 26,
    }
  )
  console.log(`${COUNT} expériences générées en ${((Date.now() - started) / 1000).toFixed(1)} s`)
  await rm(file)

  const worker = await startWorker({ port: await freePort(), persistTo: PERSIST })
  try {
    for (const path of [
      '/api/stats/regions',
      '/api/stats/regions?theme=mediation&yearFrom=2015&yearTo=2020',
      '/api/stats/departments',
      '/api/stats/compare?territories=reg:53,reg:44,dep:54',
      '/api/stats/regions.csv',
      '/comparer?t=reg%3A53&t=dep%3A35&t=reg%3A04',
      '/territoires/reg:53',
    ]) {
      const times: number[] = []
      let national = 0
      for (let i = 0; i < RUNS + 2; i++) {
        const t0 = performance.now()
        const res = await fetch(worker.url + path)
        const body = await res.text()
        if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 500)}`)
        if (i >= 2) times.push(performance.now() - t0) // two warm-up requests
        if (res.headers.get('content-type')?.includes('json'))
          national = (JSON.parse(body) as { national: { experiments: number } }).national
            .experiments
      }
      times.sort((a, b) => a - b)
      const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!
      console.log(
        `${path}\n  médiane ${pct(0.5).toFixed(0)} ms, p95 ${pct(0.95).toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms` +
          (national ? ` (${national} expériences publiées retenues)` : '')
      )
    }
  } finally {
    await worker.stop()
  }
}

await main()
