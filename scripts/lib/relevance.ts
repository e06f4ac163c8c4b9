/**
 * The relevance benchmark (`data/relevance/queries.json`) and its metrics, for
 * `npm run eval:search`: pure functions over judged queries and ranked record ids, so the
 * figures can be checked without any running process.
 *
 * Metrics (all in [0, 1], averaged over queries):
 * - nDCG@10: DCG = Σ gain(i) / log2(i + 1) over the first 10 results, the gain being the
 *   judged grade (0–3); divided by the DCG of the ideal order of all judged records.
 * - Recall@10: share of the relevant records (grade ≥ 1) among the first 10 results.
 * - MRR: 1 / rank of the first relevant result among the first 20 (0 when none).
 * - Recall@20 (grade ≥ 2): share of the clearly relevant records among the first 20.
 * - Zero results: queries for which the API returned no result at all.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './local-dev'

export interface JudgedQuery {
  id: string
  q: string
  kind: string
  /** As in the set: keys among region_name, themes, territory_level, status, country. */
  filters?: Record<string, string>
  /** Corpus record id → grade 1, 2 or 3. */
  relevant: Record<string, number>
}

export function loadJudgedQueries(): JudgedQuery[] {
  return JSON.parse(
    readFileSync(path.join(ROOT, 'data', 'relevance', 'queries.json'), 'utf8')
  ) as JudgedQuery[]
}

export interface QueryScores {
  ndcg10: number
  recall10: number
  mrr: number
  recall20Grade2: number
  zeroResults: boolean
}

/** Scores one query from the corpus ids the engine returned, best first. */
export function scoreQuery(
  relevant: Readonly<Record<string, number>>,
  ranked: readonly string[],
  total: number
): QueryScores {
  const grade = (id: string | undefined) => (id ? (relevant[id] ?? 0) : 0)
  const dcg = (grades: readonly number[]) =>
    grades.slice(0, 10).reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0)
  const ideal = dcg(Object.values(relevant).sort((a, b) => b - a))
  const judged = Object.entries(relevant)
  const share = (n: number, minGrade: number) => {
    const wanted = judged.filter(([, g]) => g >= minGrade).map(([id]) => id)
    const top = new Set(ranked.slice(0, n))
    return wanted.length ? wanted.filter((id) => top.has(id)).length / wanted.length : 0
  }
  const first = ranked.slice(0, 20).findIndex((id) => grade(id) > 0)
  return {
    ndcg10: ideal > 0 ? dcg(ranked.map(grade)) / ideal : 0,
    recall10: share(10, 1),
    mrr: first >= 0 ? 1 / (first + 1) : 0,
    recall20Grade2: share(20, 2),
    zeroResults: total === 0,
  }
}

export interface Summary {
  queries: number
  ndcg10: number
  recall10: number
  mrr: number
  recall20Grade2: number
  zeroResults: number
}

export function summarise(scores: readonly QueryScores[]): Summary {
  const mean = (pick: (s: QueryScores) => number) =>
    scores.length ? scores.reduce((sum, s) => sum + pick(s), 0) / scores.length : 0
  return {
    queries: scores.length,
    ndcg10: mean((s) => s.ndcg10),
    recall10: mean((s) => s.recall10),
    mrr: mean((s) => s.mrr),
    recall20Grade2: mean((s) => s.recall20Grade2),
    zeroResults: scores.filter((s) => s.zeroResults).length,
  }
}

/** One query's run on one engine: what the API answered and how it scores. */
export interface QueryRun {
  query: JudgedQuery
  /** Corpus ids of the hits, best first (unknown ids kept as the API's id). */
  ranked: string[]
  total: number
  engine: string
  scores: QueryScores
  /** Query filters with no API equivalent, dropped (so the run is text only for them). */
  unmappedFilters: string[]
}

export interface EngineReport {
  engine: 'meilisearch' | 'embedded'
  overall: Summary
  byKind: Record<string, Summary>
  runs: QueryRun[]
}

export function engineReport(engine: EngineReport['engine'], runs: QueryRun[]): EngineReport {
  const kinds = [...new Set(runs.map((r) => r.query.kind))]
  return {
    engine,
    overall: summarise(runs.map((r) => r.scores)),
    byKind: Object.fromEntries(
      kinds.map((k) => [k, summarise(runs.filter((r) => r.query.kind === k).map((r) => r.scores))])
    ),
    runs,
  }
}

const f2 = (n: number) => n.toFixed(2)

/** Markdown: per-kind table of both engines, then each engine's worst queries. */
export function renderRelevanceMarkdown(
  reports: readonly EngineReport[],
  context: { date: string; commit: string; records: number; rejected: number },
  worst = 6
): string {
  const lines: string[] = []
  lines.push(
    `Run ${context.date}, commit \`${context.commit}\`: ${context.records} records loaded ` +
      `through the bulk import (${context.rejected} rejected), ${reports[0]?.overall.queries ?? 0} queries.`,
    ''
  )
  const kinds = [...new Set(reports.flatMap((r) => Object.keys(r.byKind)))]
  lines.push(
    '| Kind | n | ' +
      reports.map((r) => `${r.engine} nDCG@10 | R@10 | MRR | R@20 (≥2) | zero`).join(' | ') +
      ' |',
    '|---|---:|' + reports.map(() => '---:|---:|---:|---:|---:|').join('')
  )
  const row = (label: string, pick: (r: EngineReport) => Summary) =>
    `| ${label} | ${pick(reports[0]!).queries} | ` +
    reports
      .map((r) => {
        const s = pick(r)
        return `${f2(s.ndcg10)} | ${f2(s.recall10)} | ${f2(s.mrr)} | ${f2(s.recall20Grade2)} | ${s.zeroResults}`
      })
      .join(' | ') +
    ' |'
  for (const kind of kinds) lines.push(row(kind, (r) => r.byKind[kind]!))
  lines.push(row('**all**', (r) => r.overall))
  for (const report of reports) {
    lines.push('', `Worst queries, ${report.engine} (top 5: corpus id and grade):`, '')
    const sorted = [...report.runs].sort((a, b) => a.scores.ndcg10 - b.scores.ndcg10)
    for (const run of sorted.slice(0, worst)) {
      const top = run.ranked
        .slice(0, 5)
        .map((id) => `${id} (${run.query.relevant[id] ?? 0})`)
        .join(', ')
      const dropped = run.unmappedFilters.length
        ? ` [filters without API equivalent: ${run.unmappedFilters.join(', ')}]`
        : ''
      lines.push(
        `- ${run.query.id} ${run.query.kind} « ${run.query.q} » nDCG@10 ${f2(run.scores.ndcg10)}, ` +
          `${run.total} results${dropped}: ${top || '—'}`
      )
    }
  }
  return lines.join('\n')
}
