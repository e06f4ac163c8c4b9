/** Browsers get French HTML error pages; API clients keep problem+json. */
import { describe, expect, it } from 'vitest'
import { request } from './fixtures'

describe('error responses by audience', () => {
  it('answers a cross-site form post with a French HTML page, not JSON', async () => {
    const res = await request('/proposer', {
      method: 'POST',
      headers: {
        accept: 'text/html',
        origin: 'https://evil.example',
        'sec-fetch-site': 'cross-site',
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'title=x',
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain('lang="fr"')
    expect(html).toContain('Requête refusée')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('keeps problem+json for API clients', async () => {
    const res = await request('/api/experiments', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: '{oops',
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })
})
