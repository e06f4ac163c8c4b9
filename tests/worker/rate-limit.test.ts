/**
 * Rate limits: the configuration parser, the D1 fallback and the binding path through the
 * real app (with RATE_LIMITS overridden per request, since the suites run with limits off),
 * the route-table check that no public write escapes a bucket, and security headers on
 * every kind of response.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../worker/app'
import { bucketFor, DEFAULT_RATE_LIMITS, parseRateLimits } from '../../worker/http/rate-limit'
import { validInput } from './fixtures'

async function call(
  path: string,
  init: RequestInit,
  overrides: Record<string, unknown>
): Promise<Response> {
  const ctx = createExecutionContext()
  const res = await app.fetch(
    new Request(`https://observatoire.test${path}`, init),
    { ...env, ...overrides } as Env,
    ctx
  )
  await waitOnExecutionContext(ctx)
  return res
}

const submission = (ip: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
  body: JSON.stringify(validInput()),
})

describe('RATE_LIMITS', () => {
  it('defaults to the built-in limits, can be switched off, or overridden per bucket', () => {
    expect(parseRateLimits(undefined).submit).toEqual({ limit: 5, period: 60 })
    expect(parseRateLimits('off')).toEqual({ submit: null, edit: null, report: null, signin: null })
    const custom = parseRateLimits('submit=100/60, report=off, bogus=1/1, edit=nonsense')
    expect(custom.submit).toEqual({ limit: 100, period: 60 })
    expect(custom.report).toBeNull()
    expect(custom.edit).toEqual({ limit: 30, period: 60 })
  })

  it('maps public writes to buckets', () => {
    expect(bucketFor('POST', '/api/experiments')).toBe('submit')
    expect(bucketFor('GET', '/api/experiments')).toBeNull()
    expect(bucketFor('POST', '/proposer')).toBe('submit')
    expect(bucketFor('PUT', '/api/experiments/X/edit')).toBe('edit')
    expect(bucketFor('GET', '/api/experiments/X/edit')).toBe('edit')
    expect(bucketFor('POST', '/modifier/ouvrir')).toBe('edit')
    expect(bucketFor('GET', '/modifier/abc')).toBeNull()
    expect(bucketFor('POST', '/api/experiments/X/reports')).toBe('report')
    expect(bucketFor('POST', '/experiences/x/signaler')).toBe('report')
    expect(bucketFor('POST', '/moderation/connexion')).toBe('signin')
    expect(bucketFor('POST', '/moderation/deconnexion')).toBeNull()
  })
})

describe('every public write is rate-limited', () => {
  // Writes that need no limit: moderator-only routes (authenticated, keyed on the
  // moderator) and the language switch (sets a cookie, stores nothing).
  const EXEMPT = [/^\/api\/moderation\//, /^\/moderation(\/|$)/, /^\/langue\//, /^\/api\/import/]
  const SIGN_IN = /\/(connexion|login|sign-?in)\/?$/

  it('finds a bucket for each non-GET route of the route table', () => {
    const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS', 'ALL'].includes(method)
    const writes = app.routes.filter(
      (r) =>
        (isWrite(r.method) && !EXEMPT.some((e) => e.test(r.path))) ||
        (r.method === 'POST' && SIGN_IN.test(r.path))
    )
    expect(writes.length).toBeGreaterThan(3)
    const sample = (path: string) => path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, 'SAMPLE')
    const missing = writes.filter((r) => bucketFor(r.method, sample(r.path)) === null)
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([])
  })
})

describe('D1 fallback', () => {
  it('refuses the request over the limit with 429, Retry-After and problem+json', async () => {
    const limits = { RATE_LIMITS: 'submit=2/60' }
    expect((await call('/api/experiments', submission('192.0.2.1'), limits)).status).toBe(201)
    expect((await call('/api/experiments', submission('192.0.2.1'), limits)).status).toBe(201)
    const before = await env.DB.prepare('SELECT count(*) AS n FROM experiments').first<{
      n: number
    }>()
    const refused = await call('/api/experiments', submission('192.0.2.1'), limits)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/)
    const wait = Number(refused.headers.get('retry-after'))
    expect(wait).toBeGreaterThanOrEqual(1)
    expect(wait).toBeLessThanOrEqual(60)
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'self'")
    expect(((await refused.json()) as { type: string }).type).toBe('/problemes/limite-de-debit')
    const after = await env.DB.prepare('SELECT count(*) AS n FROM experiments').first<{
      n: number
    }>()
    expect(after?.n).toBe(before?.n)

    // Another client is not affected, and the counter never holds the IP itself.
    expect((await call('/api/experiments', submission('192.0.2.2'), limits)).status).toBe(201)
    const keys = await env.DB.prepare('SELECT key FROM rate_limit_counters').all<{ key: string }>()
    expect(JSON.stringify(keys.results)).not.toContain('192.0.2')
  })

  it('answers browsers with an HTML page', async () => {
    const limits = { RATE_LIMITS: 'report=1/60' }
    const post = (): RequestInit => ({
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://observatoire.test',
        'cf-connecting-ip': '198.51.100.7',
      },
      body: 'reason=wrong',
    })
    await call('/experiences/inconnue/signaler', post(), limits)
    const refused = await call('/experiences/inconnue/signaler', post(), limits)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('content-type')).toMatch(/^text\/html/)
    expect(refused.headers.get('retry-after')).toBeTruthy()
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('does nothing when switched off', async () => {
    // More requests than the default limit and the binding's (both 5 a minute), from one
    // client: if `off` did not switch the bucket off, the sixth would be a 429.
    const limit = DEFAULT_RATE_LIMITS.submit.limit
    for (let i = 0; i < limit + 2; i++) {
      const res = await call('/api/experiments', submission('203.0.113.9'), {
        RATE_LIMITS: 'submit=off',
      })
      expect(res.status).toBe(201)
    }
  })
})

describe('Rate Limiting binding', () => {
  it('is declared in wrangler.toml and simulated locally by miniflare', async () => {
    const bindings = env as unknown as Record<string, { limit?: unknown }>
    for (const name of ['RL_SUBMIT', 'RL_EDIT', 'RL_REPORT', 'RL_SIGNIN']) {
      expect(typeof bindings[name]?.limit).toBe('function')
    }
    const RL_REPORT = bindings.RL_REPORT as {
      limit(o: { key: string }): Promise<{ success: boolean }>
    }
    expect((await RL_REPORT.limit({ key: 'probe' })).success).toBe(true)
  })

  it('is used when configured, keyed by a hash of the client IP', async () => {
    const keys: string[] = []
    const RL_SUBMIT = {
      limit: async ({ key }: { key: string }) => {
        keys.push(key)
        return { success: keys.length <= 1 }
      },
    }
    const overrides = { RATE_LIMITS: '', RL_SUBMIT }
    expect((await call('/api/experiments', submission('192.0.2.50'), overrides)).status).toBe(201)
    const refused = await call('/api/experiments', submission('192.0.2.50'), overrides)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('60')
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/)
    expect(keys[0]).toBe(keys[1])
  })

  it('is bypassed for a bucket that RATE_LIMITS names explicitly (D1 with that rule)', async () => {
    const RL_SUBMIT = { limit: async () => ({ success: false }) }
    const overrides = { RATE_LIMITS: 'submit=10/60', RL_SUBMIT }
    expect((await call('/api/experiments', submission('192.0.2.60'), overrides)).status).toBe(201)
  })
})

describe('security headers on every kind of response', () => {
  const expectHeaders = (res: Response) => {
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBeTruthy()
  }

  it('on 404s (API and page), redirects, 413s and 500s', async () => {
    expectHeaders(await call('/api/nulle-part', {}, {}))
    expectHeaders(await call('/nulle-part', { headers: { accept: 'text/html' } }, {}))
    const redirect = await call(
      '/modifier/fin',
      {
        method: 'POST',
        headers: {
          origin: 'https://observatoire.test',
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: '',
      },
      {}
    )
    expect(redirect.status).toBe(303)
    expectHeaders(redirect)
    const tooBig = await call(
      '/api/experiments',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: 'x'.repeat(300 * 1024),
      },
      {}
    )
    expect(tooBig.status).toBe(413)
    expectHeaders(tooBig)
    const formTooBig = await call(
      '/experiences/x/signaler',
      {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          origin: 'https://observatoire.test',
        },
        body: 'message=' + 'x'.repeat(32 * 1024),
      },
      { RATE_LIMITS: 'off' }
    )
    expect(formTooBig.status).toBe(413)
    expectHeaders(formTooBig)
    // A broken binding makes the request fail inside the app: still a problem with headers.
    const broken = await call('/api/experiments', {}, { DB: null })
    expect(broken.status).toBe(500)
    expectHeaders(broken)
    expect(await broken.text()).not.toMatch(/TypeError|at .*\.ts/)
  })
})
