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
import { clientNetwork, networkHash } from '../../worker/http/client-ip'
import { bucketFor, DEFAULT_RATE_LIMITS, parseRateLimits } from '../../worker/http/rate-limit'
import { sha256Hex } from '../../worker/lib/crypto'
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
    expect(parseRateLimits(undefined).attempt).toEqual({ limit: 30, period: 60 })
    expect(parseRateLimits('off')).toEqual({
      submit: null,
      attempt: null,
      edit: null,
      report: null,
      signin: null,
    })
    const custom = parseRateLimits('submit=100/60, report=off, bogus=1/1, edit=nonsense')
    expect(custom.submit).toEqual({ limit: 100, period: 60 })
    expect(custom.report).toBeNull()
    expect(custom.edit).toEqual({ limit: 30, period: 60 })
  })

  it('maps public writes to buckets', () => {
    // Every POST counts as an attempt; the routes spend `submit` only when storing.
    expect(bucketFor('POST', '/api/experiments')).toBe('attempt')
    expect(bucketFor('GET', '/api/experiments')).toBeNull()
    expect(bucketFor('POST', '/proposer')).toBe('attempt')
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

  it('answers browsers with a page in the site layout that says when to retry', async () => {
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
    const wait = Number(refused.headers.get('retry-after'))
    expect(wait).toBeGreaterThanOrEqual(1)
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff')
    const html = await refused.text()
    expect(html).toContain('class="site-header"')
    expect(html).toContain('class="site-footer"')
    expect(html).toContain(`réessayez dans ${wait} seconde`)
  })

  it('keys IPv6 clients by their /64', async () => {
    const limits = { RATE_LIMITS: 'report=1/60' }
    const post = (ip: string): RequestInit => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
      body: JSON.stringify({ reason: 'wrong' }),
    })
    const path = '/api/experiments/01ARZ3NDEKTSV4RRFFQ69G5FAV/reports'
    expect((await call(path, post('2001:db8:77:1::1'), limits)).status).not.toBe(429)
    // Another address of the same /64: the same client.
    expect((await call(path, post('2001:db8:77:1:ffff:1:2:3'), limits)).status).toBe(429)
    // The neighbouring /64 is another client.
    expect((await call(path, post('2001:db8:77:2::1'), limits)).status).not.toBe(429)
  })
})

describe('submissions count attempts, not keystrokes', () => {
  const invalid = (ip: string): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
    body: JSON.stringify({ ...validInput(), title: '' }),
  })

  it('API: validation failures do not spend the submission budget; stored ones do', async () => {
    const limits = { RATE_LIMITS: 'submit=2/60' }
    const ip = '192.0.2.70'
    for (let i = 0; i < 6; i++)
      expect((await call('/api/experiments', invalid(ip), limits)).status).toBe(400)
    expect((await call('/api/experiments', submission(ip), limits)).status).toBe(201)
    expect((await call('/api/experiments', submission(ip), limits)).status).toBe(201)
    const refused = await call('/api/experiments', submission(ip), limits)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
  })

  it('API: every POST, valid or not, counts against the higher attempt ceiling', async () => {
    const limits = { RATE_LIMITS: 'attempt=3/60' }
    const ip = '192.0.2.71'
    for (let i = 0; i < 3; i++)
      expect((await call('/api/experiments', invalid(ip), limits)).status).toBe(400)
    expect((await call('/api/experiments', submission(ip), limits)).status).toBe(429)
  })

  const form = (ip: string, pairs: [string, string][]): RequestInit => ({
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://observatoire.test',
      accept: 'text/html',
      'cf-connecting-ip': ip,
    },
    body: new URLSearchParams(pairs).toString(),
  })
  const fields = (title: string): [string, string][] => [
    ['title', title],
    ['summary', 'Un atelier mensuel de la Commune d’Exemple aide les habitants en ligne.'],
    ['lead.name', 'Commune d’Exemple'],
    ['lead.kind', 'commune'],
    ['territories', 'reg:94'],
    ['themes', 'cybersecurity.sensibilisation'],
    ['stage', 'pilot'],
    ['privateContact.email', 'atelier@example.org'],
    ['fax', ''],
  ]

  it('form: corrections and the similar-records step are free; over the budget the form comes back with what was typed', async () => {
    const limits = { RATE_LIMITS: 'submit=1/60' }
    const ip = '192.0.2.72'
    // Corrections: four invalid sends (summary missing), each a 400 with the form.
    for (let i = 0; i < 4; i++) {
      const res = await call('/proposer', form(ip, fields('A').slice(0, 1)), limits)
      expect(res.status).toBe(400)
    }
    // A valid send stops at the similar-records step (200, free) when published records
    // look alike; confirming stores it (201), spending the one submission allowed.
    const valid = fields('Atelier de la Commune d’Exemple')
    const first = await call('/proposer', form(ip, valid), limits)
    expect([200, 201]).toContain(first.status)
    if (first.status === 200) {
      expect(await first.text()).toContain('name="_confirm"')
      expect(
        (await call('/proposer', form(ip, [...valid, ['_confirm', '1']]), limits)).status
      ).toBe(201)
    }

    const title = 'Deuxième atelier « tapé à la main »'
    const refused = await call('/proposer', form(ip, [...fields(title), ['_confirm', '1']]), limits)
    expect(refused.status).toBe(429)
    const wait = Number(refused.headers.get('retry-after'))
    expect(wait).toBeGreaterThanOrEqual(1)
    expect(refused.headers.get('cache-control')).toBe('no-store')
    const html = await refused.text()
    expect(html).toContain('class="site-header"')
    expect(html).toContain(`Patientez ${wait} seconde`)
    expect(html).toContain('Ce que vous avez saisi est conservé')
    // The form is there again, filled with what was sent.
    expect(html).toContain('action="/proposer"')
    expect(html).toContain('value="Deuxième atelier « tapé à la main »"')
    expect(html).toContain('atelier@example.org')
    const count = await env.DB.prepare('SELECT count(*) AS n FROM experiments WHERE title = ?1')
      .bind(title)
      .first<{ n: number }>()
    expect(count?.n).toBe(0)
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

describe('IP pseudonyms', () => {
  const secret = { IP_HASH_SECRET: 'one-secret' }
  const june = new Date('2026-06-15T12:00:00Z')

  it('reduce IPv6 to its /64 and keep IPv4 as is', () => {
    expect(clientNetwork('203.0.113.5')).toBe('203.0.113.5')
    expect(clientNetwork('2001:DB8:0:12:abcd::1')).toBe('2001:db8:0:12::/64')
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64')
    expect(clientNetwork('::ffff:198.51.100.4')).toBe('198.51.100.4')
  })

  it('are keyed with the secret and rotate every month', async () => {
    const ip = '203.0.113.5'
    const h = await networkHash(secret, ip, 'audit', june)
    expect(h).toMatch(/^[0-9a-f]{64}$/)
    expect(await networkHash(secret, ip, 'audit', new Date('2026-06-30T23:59:59Z'))).toBe(h)
    expect(await networkHash(secret, ip, 'audit', new Date('2026-07-01T00:00:00Z'))).not.toBe(h)
    expect(await networkHash({ IP_HASH_SECRET: 'another' }, ip, 'audit', june)).not.toBe(h)
    expect(await networkHash(secret, ip, 'rate-limit', june)).not.toBe(h)
    // The old unkeyed hashes (found by hashing every IPv4 address) are gone.
    expect(h).not.toContain(await sha256Hex(`ip:${ip}`))
    expect(h.slice(0, 16)).not.toBe((await sha256Hex(`ip:${ip}`)).slice(0, 16))
  })
})

describe('Rate Limiting binding', () => {
  it('is declared in wrangler.toml and simulated locally by miniflare', async () => {
    const bindings = env as unknown as Record<string, { limit?: unknown }>
    for (const name of ['RL_SUBMIT', 'RL_ATTEMPT', 'RL_EDIT', 'RL_REPORT', 'RL_SIGNIN']) {
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
