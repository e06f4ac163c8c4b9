/**
 * Fuzzing every route of the app's route table (public and moderation) with fast-check:
 * valid requests, and requests mutated from valid ones (fields, types, lengths, unicode,
 * encodings, headers, credentials). Whatever the input:
 * - no answer is a 5xx;
 * - a refused request (4xx) writes nothing: a fingerprint of every mutable table is the
 *   same before and after it;
 * - no HTML answer contains an unescaped payload, and every answer carries the CSP.
 * Requests are batched many per property run, so thousands run in well under a minute.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MODERATOR, validInput } from './fixtures'
import { ACCEPTED_TEXT, REFUSED_TEXT } from './text-fixtures'
import {
  appRoutes,
  fillPath,
  fingerprint,
  send,
  unescapedPayload,
  XSS_PAYLOADS,
  type RouteSpec,
  briefReport,
} from './fuzz-support'

const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const BATCH = 45

interface Known {
  ids: string[]
  slugs: string[]
  tokens: string[]
}

const known: Known = { ids: [], slugs: [], tokens: [] }

/** Lone surrogates cannot be URL-encoded; replace them (paired ones are kept). */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD')

const oddString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...XSS_PAYLOADS),
  fc.constantFrom(
    '',
    ' ',
    '..',
    '../..',
    '%00',
    '\u0000',
    'null',
    'undefined',
    '-1',
    '0',
    '1e309',
    'NaN',
    'dep:53',
    'com:35238',
    'reg:53',
    '💥'.repeat(60),
    'a'.repeat(3000),
    "' OR 1=1 --",
    '"; DROP TABLE experiments; --',
    'Ω≈ç√∫˜µ≤≥÷',
    '\u202E\u2066\u200B',
    // Awkward text (issue 15): refused by every text field, or accepted and normalised.
    ...Object.values(REFUSED_TEXT),
    ...ACCEPTED_TEXT.map((a) => a.sent),
    // Worst cases of the regular expressions that once met user input.
    `a${' '.repeat(20_000)}b`,
    `${'('.repeat(5_000)}x`,
    `${'='.repeat(150)}x`
  )
)

const paramValue = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known.ids, ...known.slugs) },
    { weight: 1, arbitrary: fc.constantFrom(...known.tokens) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/) },
    { weight: 2, arbitrary: oddString }
  )

const QUERY_KEYS = [
  'q',
  'theme',
  'region',
  'department',
  'level',
  'stage',
  'evidence',
  'limit',
  'cursor',
  'page',
  'sort',
  'territories',
  'yearFrom',
  'yearTo',
  'lang',
  'retour',
  'fait',
  'merci',
  'target',
  'before',
]

/** Paths into the experiment record that mutations aim at. */
const RECORD_PATHS = [
  'title',
  'summary',
  'language',
  'licence',
  'lead',
  'lead.name',
  'lead.kind',
  'lead.siren',
  'territories',
  'themes',
  'stage',
  'startDate',
  'endDate',
  'evidenceLevel',
  'keywords',
  'narrative',
  'narrative.context',
  'means.budgetEur',
  'results.indicators',
  'resources',
  'website',
  'inspiredBy',
  'publicContact.email',
  'privateContact',
  'privateContact.email',
  'unknownField',
  '__proto__',
]

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  let node: Record<string, unknown> = target
  for (const key of keys.slice(0, -1)) {
    const next = node[key]
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  const last = keys.at(-1)!
  if (value === undefined) delete node[last]
  else
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    })
}

const mutationValue = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 2 }),
  oddString,
  fc.integer(),
  fc.double(),
  fc.array(oddString, { maxLength: 4 }),
  fc.constantFrom('x'.repeat(600), 'y'.repeat(9000), 'javascript:alert(1)', 'https://exemple.fr')
)

/** A valid submission with 0–3 fields replaced, removed or retyped. */
const experimentBody = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom(...RECORD_PATHS), mutationValue), { maxLength: 3 }),
    fc.constantFrom('Un titre tout à fait valide', 'Médiation numérique itinérante')
  )
  .map(([mutations, title]) => {
    const body = structuredClone(validInput({ title })) as unknown as Record<string, unknown>
    for (const [path, value] of mutations) setPath(body, path, value)
    return JSON.stringify(body)
  })

const formBody = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        'title',
        'summary',
        'lead.name',
        'lead.kind',
        'territories',
        'themes',
        'stage',
        'startDate',
        'privateContact.email',
        'reason',
        'message',
        'token',
        'fax',
        '_confirm',
        '_back',
        'results.indicators.0.label',
        'results.indicators.99.value',
        'means.budgetEur',
        'evidenceLevel'
      ),
      oddString
    ),
    { maxLength: 12 }
  )
  .map((pairs) => new URLSearchParams(pairs.map(([k, v]) => [k, wellFormed(v)])).toString())

const bodyArb = () =>
  fc.oneof(
    { weight: 4, arbitrary: experimentBody },
    { weight: 2, arbitrary: formBody },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)) },
    {
      weight: 2,
      arbitrary: fc
        .record({
          reason: fc.oneof(
            oddString,
            fc.constantFrom('outdated', 'wrong', 'duplicate', 'inappropriate')
          ),
          message: fc.option(oddString, { nil: undefined }),
          resolution: fc.option(oddString, { nil: undefined }),
          into: fc.option(paramValue(), { nil: undefined }),
        })
        .map((v) => JSON.stringify(v)),
    },
    { weight: 1, arbitrary: oddString },
    { weight: 1, arbitrary: fc.constant('') }
  )

interface FuzzRequest {
  route: RouteSpec
  path: string
  init: RequestInit
}

function requestArb(routes: RouteSpec[]): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      route: fc.constantFrom(...routes),
      params: fc.array(paramValue(), { minLength: 3, maxLength: 3 }),
      query: fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), oddString), { maxLength: 4 }),
      auth: fc.constantFrom('none', 'moderator', 'edit', 'garbage', 'basic', 'empty'),
      token: fc.constantFrom(...known.tokens),
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/x-www-form-urlencoded',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/xml',
        ''
      ),
      origin: fc.constantFrom('https://observatoire.test', 'https://evil.example', 'null', ''),
      accept: fc.constantFrom('text/html', 'application/json', '*/*', ''),
      bookmark: fc.option(oddString, { nil: undefined, freq: 8 }),
      body: bodyArb(),
    })
    .map((r) => {
      const search = new URLSearchParams(r.query.map(([k, v]) => [k, wellFormed(v)])).toString()
      const path = fillPath(r.route, r.params.map(wellFormed)) + (search ? `?${search}` : '')
      const headers: Record<string, string> = {}
      if (r.auth === 'moderator') headers.authorization = `Bearer ${MODERATOR}`
      if (r.auth === 'edit') headers.authorization = `Bearer ${r.token}`
      if (r.auth === 'garbage') headers.authorization = 'Bearer not-a-token'
      if (r.auth === 'basic') headers.authorization = 'Basic YWxpY2U6c2VjcmV0'
      if (r.auth === 'empty') headers.authorization = 'Bearer '
      if (r.contentType) headers['content-type'] = r.contentType
      if (r.origin) headers.origin = r.origin
      if (r.accept) headers.accept = r.accept
      if (r.bookmark !== undefined)
        headers['x-d1-bookmark'] = wellFormed(r.bookmark).replace(/[^\x20-\x7e]/g, '?')
      const hasBody = !['GET', 'HEAD'].includes(r.route.method)
      return {
        route: r.route,
        path,
        init: { method: r.route.method, headers, ...(hasBody ? { body: r.body } : {}) },
      }
    })
}

async function seed(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    const res = await send('/api/experiments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validInput({ title: `Expérience de départ numéro ${i}` })),
    })
    const sub = (await res.json()) as { id: string; slug: string; editToken: string }
    known.ids.push(sub.id)
    known.slugs.push(sub.slug)
    known.tokens.push(sub.editToken)
    if (i < 3) {
      await send(`/api/moderation/experiments/${sub.id}/approve`, {
        method: 'POST',
        headers: { authorization: `Bearer ${MODERATOR}` },
      })
    }
  }
}

describe('fuzzing every route', () => {
  it(`answers ${RUNS * BATCH} generated requests without a 5xx, writing nothing when refusing`, async () => {
    await seed()
    const routes = appRoutes()
    expect(routes.length).toBeGreaterThan(40)
    const hit = new Map<string, number>()
    let total = 0
    const started = Date.now()

    await fc.assert(
      fc.asyncProperty(
        fc.array(requestArb(routes), { minLength: BATCH, maxLength: BATCH }),
        async (requests) => {
          // Fingerprints are taken around each unsafe request, and once after each run of
          // safe ones (which must never write, refused or not).
          let current = await fingerprint()
          let safeRun: string[] = []
          const closeSafeRun = async () => {
            if (safeRun.length === 0) return
            const after = await fingerprint()
            expect(after === current, `a GET wrote to D1: ${safeRun.join(', ')}`).toBe(true)
            safeRun = []
          }
          for (const { route, path, init } of requests) {
            total++
            const safe = init.method === 'GET' || init.method === 'HEAD'
            if (!safe) await closeSafeRun()
            const res = await send(path, init)
            const text = await res.text()
            const label = `${init.method} ${path.slice(0, 200)} → ${res.status}`
            expect(
              res.status,
              `${label}\n${text.slice(0, 500)}\n(a form post with another content type? use formBody() from worker/http/form.ts)`
            ).toBeLessThan(500)
            expect(res.headers.get('content-security-policy'), label).toContain(
              "default-src 'self'"
            )
            if ((res.headers.get('content-type') ?? '').includes('text/html')) {
              expect(unescapedPayload(text), label).toBeNull()
            }
            if (safe) {
              safeRun.push(label)
            } else {
              const after = await fingerprint()
              if (res.status >= 400) {
                expect(after === current, `${label} changed D1 although refused`).toBe(true)
              }
              current = after
            }
            const key = `${route.method} ${route.path}`
            hit.set(key, (hit.get(key) ?? 0) + 1)
          }
          await closeSafeRun()
        }
      ),
      { numRuns: RUNS, endOnFailure: true, reporter: briefReport }
    )

    console.info(
      `fuzz: ${total} requests over ${hit.size}/${routes.length} routes in ${((Date.now() - started) / 1000).toFixed(1)} s`
    )
    expect(total).toBe(RUNS * BATCH)
    // Every route of the table was exercised.
    expect(routes.filter((r) => !hit.has(`${r.method} ${r.path}`))).toEqual([])
  }, 600_000)
})
