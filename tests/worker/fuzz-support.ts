/**
 * Shared plumbing of the property-based, fuzz and model tests: calling the app with a
 * test environment (embedded search only, no rate limits), a cheap fingerprint of every
 * table a request may write, the routes from the app's route table, and XSS payloads.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import type fc from 'fast-check'
import { app } from '../../worker/app'

export const BASE = 'https://observatoire.test'

/** Embedded engine only (no network), limits off: the tests send thousands of requests. */
export const FUZZ_ENV = { ...env, MEILI_HOST: '', RATE_LIMITS: 'off' } as Env

/** One request through the whole app, waiting for its background work (search nudges). */
export async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(
    new Request(`${BASE}${path}`, { redirect: 'manual', ...init }),
    FUZZ_ENV,
    ctx
  )
  await waitOnExecutionContext(ctx)
  return res
}

/**
 * Tables of content and state a request may write. Left out: the reference data
 * (territories), and the security records that a refused request is *meant* to write —
 * the audit log (failed sign-ins and CSRF refusals are logged, ASVS 16.3), sign-in
 * attempt counters and rate-limit counters.
 */
const MUTABLE_TABLES = [
  'experiments',
  'experiment_themes',
  'experiment_territories',
  'experiment_revisions',
  'experiment_sources',
  'search_outbox',
  'proposals',
  'reports',
  'edit_sessions',
  'moderators',
  'moderator_sessions',
]

let fingerprintSql: string | null = null

/**
 * One query summarising every mutable table (row count and total byte size of its values),
 * so a write between two equal fingerprints would have to keep every table's count and
 * byte size exactly: no insert or delete, and no update that changes a length.
 */
export async function fingerprint(): Promise<string> {
  if (!fingerprintSql) {
    const { results } = await env.DB.prepare(
      `SELECT m.name AS name, group_concat(p.name) AS cols
       FROM sqlite_master m JOIN pragma_table_info(m.name) p
       WHERE m.type = 'table' AND m.name IN (SELECT value FROM json_each(?1))
       GROUP BY m.name`
    )
      .bind(JSON.stringify(MUTABLE_TABLES))
      .all<{ name: string; cols: string }>()
    const parts = results.map(({ name, cols }) => {
      const size = cols
        .split(',')
        .map((c) => `coalesce(octet_length("${c}"), 0)`)
        .join(' + ')
      // Row count and total byte size, computed inside SQLite: one number per table, so a
      // check costs one short query however large the rows are.
      return `(SELECT count(*) || ':' || total(${size}) FROM "${name}")`
    })
    fingerprintSql = `SELECT ${parts.join(" || '#' || ")} AS f`
  }
  const row = await env.DB.prepare(fingerprintSql).first<{ f: string }>()
  return row?.f ?? ''
}

export interface RouteSpec {
  method: string
  /** Hono path with `:param` placeholders. */
  path: string
  params: string[]
}

/** Every concrete route of the app (method + path), from its route table. */
export function appRoutes(): RouteSpec[] {
  const seen = new Map<string, RouteSpec>()
  for (const r of app.routes) {
    if (r.method === 'ALL') continue
    const key = `${r.method} ${r.path}`
    if (seen.has(key)) continue
    const params = [...r.path.matchAll(/:([A-Za-z]+)(\{[^}]*\})?/g)].map((m) => m[1]!)
    seen.set(key, { method: r.method, path: r.path, params })
  }
  return [...seen.values()]
}

/** Fills a route's placeholders, in order, with URL-encoded values. */
export function fillPath(route: RouteSpec, values: readonly string[]): string {
  let i = 0
  return route.path.replace(/:([A-Za-z]+)(\{[^}]*\})?/g, () =>
    encodeURIComponent(values[i++] ?? 'x')
  )
}

/** Markup that must never come back unescaped. */
export const XSS_PAYLOADS = [
  '<script>alert(1)</script>',
  '"><svg onload=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(1)',
  '<iframe src=//evil.example>',
  '\u202Etxt.exe\u202C <b>bidi</b>',
  'zero\u200Bwidth\u200D<i>joiner</i>\uFEFF',
  '{{constructor.constructor("alert(1)")()}}',
  '<!--<script>-->',
]

/** Fragments whose presence in HTML means a payload escaped its escaping. */
export const XSS_MARKERS = [
  /<script>alert/i,
  /<svg onload/i,
  /<img src=x onerror/i,
  /<iframe src=\/\/evil/i,
  /<b>bidi<\/b>/,
  /<i>joiner<\/i>/,
  /(href|src|action)\s*=\s*["']?\s*javascript:/i,
  /<\/textarea><script>/i,
  /<\/title><script>/i,
]

export function unescapedPayload(html: string): RegExp | null {
  return XSS_MARKERS.find((m) => m.test(html)) ?? null
}

/**
 * A short failure report: seed and path to replay, and the assertion that failed. The
 * default one prints whole request batches, which drowns the message.
 */
export function briefReport<T>(out: fc.RunDetails<T>): void {
  if (!out.failed) return
  const cause =
    out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)
  throw new Error(
    `property failed after ${out.numRuns} runs — replay with { seed: ${out.seed}, path: "${out.counterexamplePath}" }\n${cause}`
  )
}
