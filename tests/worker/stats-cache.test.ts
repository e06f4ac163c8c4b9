/**
 * Statistics are cached under the catalogue version: every committed change (publish,
 * unpublish…) must show up in the next report, never a stale one.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { catalogueVersion } from '../../worker/db/outbox'
import { asModerator, postJson, publish, request } from './fixtures'

async function corseCount(): Promise<number> {
  const res = await request('/api/stats/regions')
  expect(res.status).toBe(200)
  const body = (await res.json()) as { territories: { code: string; experiments: number }[] }
  return body.territories.find((t) => t.code === 'reg:94')?.experiments ?? -1
}

describe('statistics cache', () => {
  it('moves the catalogue version with every committed change', async () => {
    const before = await catalogueVersion(env.DB)
    await publish({ territories: ['dep:2B'] })
    expect(await catalogueVersion(env.DB)).not.toBe(before)
  })

  it('never serves a report older than the catalogue', async () => {
    const start = await corseCount()
    expect(await corseCount()).toBe(start) // served from the cache, same answer
    const sub = await publish({ territories: ['dep:2A'], title: 'Expérience corse pour le cache' })
    expect(await corseCount()).toBe(start + 1)
    const unpublished = await postJson(
      `/api/moderation/experiments/${sub.id}/unpublish`,
      { reason: 'Retirée pour le test du cache.' },
      asModerator()
    )
    expect(unpublished.status).toBe(200)
    expect(await corseCount()).toBe(start)
  })
})
