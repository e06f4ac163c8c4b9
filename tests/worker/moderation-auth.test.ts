/**
 * Every moderation route refuses requests without valid credentials. The cases are
 * generated from the application's route table, so a new moderation route cannot be
 * forgotten.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { app } from '../../worker/app'
import { request } from './fixtures'

const SAMPLE_ID = '01ARZ3NDEKTSV4RRFFQ69G5FAV'

const moderationRoutes = [
  ...new Map(
    app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/moderation'))
      .map((r) => [`${r.method} ${r.path}`, r])
  ).values(),
].map((r) => ({ method: r.method, path: r.path.replace(/:[A-Za-z]+(\{[^}]*\})?/g, SAMPLE_ID) }))

const CREDENTIALS: [label: string, headers: Record<string, string>, status: number][] = [
  ['no Authorization header', {}, 401],
  ['a malformed Authorization header', { authorization: 'Basic YWxpY2U6c2VjcmV0' }, 401],
  ['an empty bearer token', { authorization: 'Bearer ' }, 401],
  ['an unknown token', { authorization: 'Bearer not-a-moderator-token' }, 403],
  [
    'a token differing by one character',
    { authorization: 'Bearer test-moderator-token-alice-012345678X' },
    403,
  ],
]

describe('moderation routes require a moderator token', () => {
  it('finds the moderation routes in the route table', () => {
    expect(moderationRoutes.length).toBeGreaterThanOrEqual(3)
  })

  for (const route of moderationRoutes) {
    it.each(CREDENTIALS)(
      `${route.method} ${route.path} with %s`,
      async (_label, headers, status) => {
        const before = await env.DB.prepare(
          'SELECT (SELECT count(*) FROM experiment_revisions) + (SELECT count(*) FROM experiments) AS n'
        ).first<{ n: number }>()
        const res = await request(route.path, {
          method: route.method,
          headers: { 'content-type': 'application/json', ...headers },
          ...(route.method === 'GET' || route.method === 'HEAD'
            ? {}
            : { body: '{"reason":"tentative"}' }),
        })
        expect(res.status).toBe(status)
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
        if (status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
        const after = await env.DB.prepare(
          'SELECT (SELECT count(*) FROM experiment_revisions) + (SELECT count(*) FROM experiments) AS n'
        ).first<{ n: number }>()
        expect(after?.n).toBe(before?.n)
      }
    )
  }
})
