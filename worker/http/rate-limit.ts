/**
 * Rate limits on the writes anonymous clients can make: submissions, edits (and edit-link
 * lookups), reports (and the other anonymous contributions on a record: replications,
 * feedback), and moderator sign-in. One middleware, mounted once in app.ts before
 * the routers, maps (method, path) to a bucket, so the list of limited endpoints lives in
 * one table that a test checks against the route table.
 *
 * Submissions count attempts, not keystrokes: every POST to a submission route counts
 * against the high `attempt` ceiling (scripts), while the tight `submit` budget is spent by
 * the routes only when a submission is about to be stored — a validation error or the
 * similar-records step costs nothing. `/proposer` spends its `attempt` too, after reading
 * the form, so a refusal can show the form again with what was typed.
 *
 * Counting: a Workers Rate Limiting binding when one is configured for the bucket
 * (`RL_SUBMIT`, `RL_EDIT`, `RL_REPORT`, `RL_SIGNIN` in wrangler.toml `[[ratelimits]]`;
 * per Cloudflare location, eventually consistent, cheap), otherwise fixed-window counters
 * in D1 (exact, one upsert per limited request). The client is keyed by a pseudonym of its
 * network (`CF-Connecting-IP`, IPv6 by /64; client-ip.ts), the only handle an anonymous
 * form has.
 *
 * Configuration (`RATE_LIMITS` var): unset → bindings where configured, the defaults below
 * in D1 otherwise; `off` → no limits (the worker test suites, the browser harness); or
 * per-bucket entries such as `submit=100/60,report=off`. A bucket named there uses the D1
 * counter with that rule even when it has a binding (a binding's limit is fixed in
 * wrangler.toml), so local runs can loosen one bucket without touching the others.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { hitCounter, pruneCounters } from '../db/rate-limits'
import { clientHash } from './client-ip'
import { ProblemError } from './problem'

declare global {
  namespace Cloudflare {
    interface Env {
      /** Rate-limit overrides; see worker/http/rate-limit.ts. */
      RATE_LIMITS?: string
    }
  }
}

export const RATE_LIMIT_BUCKETS = ['submit', 'attempt', 'edit', 'report', 'signin'] as const
export type RateLimitBucket = (typeof RATE_LIMIT_BUCKETS)[number]

export interface RateLimitRule {
  limit: number
  /** Seconds; the binding only supports 10 or 60. */
  period: number
}

/** Per client IP (perf-security.md §2.7): generous for people, tight for scripts. */
export const DEFAULT_RATE_LIMITS: Record<RateLimitBucket, RateLimitRule> = {
  /** Submissions stored. */
  submit: { limit: 5, period: 60 },
  /** Every POST to a submission route, valid or not. */
  attempt: { limit: 30, period: 60 },
  edit: { limit: 30, period: 60 },
  report: { limit: 5, period: 60 },
  signin: { limit: 10, period: 60 },
}

const BINDING_NAMES: Record<RateLimitBucket, string> = {
  submit: 'RL_SUBMIT',
  attempt: 'RL_ATTEMPT',
  edit: 'RL_EDIT',
  report: 'RL_REPORT',
  signin: 'RL_SIGNIN',
}

/**
 * Which bucket a request counts against, if any. Reads are free except the edit API,
 * whose GET checks a capability token (token lookups are rate-limited too, §4.5).
 */
const LIMITED: readonly [
  methods: RegExp,
  path: RegExp,
  bucket: RateLimitBucket,
  /** The route spends the bucket itself (after reading the form), not the middleware. */
  inRoute?: true,
][] = [
  [/^POST$/, /^\/api\/(experiments|actors|events)\/?$/, 'attempt'],
  [/^POST$/, /^\/(acteurs\/)?proposer\/?$/, 'attempt', true],
  // The event form does not spend its budget itself (yet): the middleware counts each POST.
  [/^POST$/, /^\/evenements\/proposer\/?$/, 'attempt'],
  [/^(GET|PUT|POST)$/, /^\/api\/experiments\/[^/]+\/(edit|verify)\/?$/, 'edit'],
  [/^POST$/, /^\/(acteurs\/)?modifier(\/.*)?$/, 'edit'],
  // An event's private link (a capability token in the path): its edit and outcome forms.
  [/^POST$/, /^\/evenements\/prive\/[^/]+\/[^/]+\/?$/, 'edit'],
  [/^POST$/, /^\/api\/(experiments|events)\/[^/]+\/reports\/?$/, 'report'],
  [/^POST$/, /^\/(experiences|acteurs|evenements)\/[^/]+\/signaler\/?$/, 'report'],
  // Replications and feedback are contributions on a record, anonymous like reports.
  [/^POST$/, /^\/api\/experiments\/[^/]+\/(replications|feedback)\/?$/, 'report'],
  [/^POST$/, /^\/api\/feedback\/[^/]+\/reports\/?$/, 'report'],
  [/^POST$/, /^\/experiences\/[^/]+\/(reproduite|retour|retours\/[^/]+\/signaler)\/?$/, 'report'],
  [
    /^POST$/,
    /^\/(api\/)?moderation\/(connexion|login|session|sessions|sign-in|signin)\/?$/,
    'signin',
  ],
]

export function bucketFor(method: string, path: string): RateLimitBucket | null {
  return limitedEntry(method, path)?.[2] ?? null
}

const limitedEntry = (method: string, path: string) =>
  LIMITED.find(([methods, pattern]) => methods.test(method) && pattern.test(path))

/** Parses `RATE_LIMITS`; unknown buckets and malformed entries are ignored (defaults stay). */
export function parseRateLimits(
  spec: string | undefined
): Record<RateLimitBucket, RateLimitRule | null> {
  return parseRateLimitSpec(spec).rules
}

/** The rules, and which buckets the spec named explicitly (those skip the binding). */
function parseRateLimitSpec(spec: string | undefined): {
  rules: Record<RateLimitBucket, RateLimitRule | null>
  explicit: Set<RateLimitBucket>
} {
  const rules: Record<RateLimitBucket, RateLimitRule | null> = { ...DEFAULT_RATE_LIMITS }
  const explicit = new Set<RateLimitBucket>()
  const text = (spec ?? '').trim()
  if (text === 'off') {
    for (const bucket of RATE_LIMIT_BUCKETS) rules[bucket] = null
    return { rules, explicit }
  }
  for (const entry of text.split(',')) {
    const m = /^\s*([a-z]+)\s*=\s*(off|(\d{1,6})\s*\/\s*(\d{1,6}))\s*$/.exec(entry)
    if (!m) continue
    const bucket = RATE_LIMIT_BUCKETS.find((b) => b === m[1])
    if (!bucket) continue
    const limit = Number(m[3])
    const period = Number(m[4])
    rules[bucket] = m[2] === 'off' ? null : limit > 0 && period > 0 ? { limit, period } : null
    explicit.add(bucket)
  }
  return { rules, explicit }
}

interface RateLimitBinding {
  limit(options: { key: string }): Promise<{ success: boolean }>
}

function bindingOf(env: Env, bucket: RateLimitBucket): RateLimitBinding | null {
  const candidate: unknown = (env as unknown as Record<string, unknown>)[BINDING_NAMES[bucket]]
  if (
    typeof candidate === 'object' &&
    candidate !== null &&
    'limit' in candidate &&
    typeof candidate.limit === 'function'
  ) {
    return candidate as RateLimitBinding
  }
  return null
}

/** The client as the rate limiter sees it: a keyed pseudonym, so no IP is ever stored. */
export const clientKey = (c: Context<AppEnv>): Promise<string> => clientHash(c, 'rate-limit')

/** Seconds to wait when refused, or 0 when allowed. */
async function check(
  c: Context<AppEnv>,
  bucket: RateLimitBucket,
  rule: RateLimitRule,
  explicit: boolean
) {
  const client = await clientKey(c)
  const binding = explicit ? null : bindingOf(c.env, bucket)
  if (binding) {
    const { success } = await binding.limit({ key: client })
    return success ? 0 : rule.period
  }
  const now = Math.floor(Date.now() / 1000)
  const windowStart = now - (now % rule.period)
  const count = await hitCounter(c.env.DB, `${bucket}:${client}`, windowStart)
  // Old windows are dead weight; sweep them now and then rather than on every request.
  if (Math.random() < 0.02) await pruneCounters(c.env.DB, now - 86_400)
  return count > rule.limit ? windowStart + rule.period - now : 0
}

/**
 * Counts one request of this client against `bucket`: the seconds to wait when it is over
 * the limit, 0 when allowed (or when the bucket is switched off).
 */
export async function spendRateLimit(c: Context<AppEnv>, bucket: RateLimitBucket): Promise<number> {
  const { rules, explicit } = parseRateLimitSpec(c.env.RATE_LIMITS)
  const rule = rules[bucket]
  if (!rule) return 0
  try {
    const wait = await check(c, bucket, rule, explicit.has(bucket))
    return wait > 0 ? Math.max(1, Math.ceil(wait)) : 0
  } catch (err) {
    // The limiter is a guard, not the service: if its storage fails, let the request
    // through (moderation remains the final control) and leave a trace.
    console.error('rate limiter unavailable', err)
    return 0
  }
}

/** The 429 problem, with Retry-After; browsers get it as a page in the site's layout. */
export function tooManyRequests(wait: number): ProblemError {
  return new ProblemError(
    429,
    `Trop de requêtes : réessayez dans ${wait} seconde${wait > 1 ? 's' : ''}.`,
    undefined,
    { 'retry-after': String(wait) }
  )
}

export const abuseRateLimits: MiddlewareHandler<AppEnv> = async (c, next) => {
  const entry = limitedEntry(c.req.method, c.req.path)
  if (!entry || entry[3]) return next()
  const wait = await spendRateLimit(c, entry[2])
  if (wait > 0) throw tooManyRequests(wait)
  await next()
}
