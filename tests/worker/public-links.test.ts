/**
 * Links the Worker writes come from the request when `PUBLIC_BASE_URL` is not set (issue
 * 15): started on another host or port (`PORT=8790 npm start`), the one-time edit link,
 * the permalink and citation, the feed and the DCAT catalogue point to where the Worker
 * answers, not to a fixed http://localhost:8787. wrangler.toml leaves it empty; production
 * sets it (README).
 */
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { asModerator, publish } from './fixtures'

const ORIGIN = 'http://127.0.0.1:8790'

function at(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, init))
}

describe('links from the request', () => {
  it('wrangler.toml leaves PUBLIC_BASE_URL empty', () => {
    expect(env.PUBLIC_BASE_URL).toBe('')
  })

  it('edit link, permalink, citation, feed and DCAT ids use the origin the request reached', async () => {
    const record = await publish({ title: 'Fiche aux liens relatifs à la requête' })
    const reissued = await at(`/api/moderation/experiments/${record.id}/edit-link`, {
      method: 'POST',
      headers: asModerator(),
    })
    expect(reissued.status).toBe(201)
    const { editUrl } = (await reissued.json()) as { editUrl: string }
    expect(editUrl).toMatch(new RegExp(`^${ORIGIN}/modifier/[\\w-]+$`))

    const page = await (await at(`/experiences/${record.slug}`)).text()
    expect(page).toContain(`${ORIGIN}/experiences/${record.slug}`)
    expect(page).not.toContain('localhost:8787')

    const feed = await (await at('/api/feeds/experiments.atom')).text()
    expect(feed).toContain(`${ORIGIN}/experiences/${record.slug}`)
    expect(feed).not.toContain('localhost:8787')

    const catalog = await (await at('/api/catalog.jsonld')).text()
    expect(catalog).toContain(`${ORIGIN}/`)
    expect(catalog).not.toContain('localhost:8787')
  })
})
