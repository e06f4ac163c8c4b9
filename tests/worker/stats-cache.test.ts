/**
 * Statistics are cached under `statsVersion`: every change to the published catalogue
 * (publish, edit, unpublish…) must show up in the next report, never a stale one, while
 * submissions waiting for moderation leave the cache alone.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { statsVersion } from '../../worker/db/stats'
import { asModerator, postJson, publish, request, submit } from './fixtures'

async function corseCount(): Promise<number> {
  const res = await request('/api/stats/regions')
  expect(res.status).toBe(200)
  const body = (await res.json()) as { territories: { code: string; experiments: number }[] }
  return body.territories.find((t) => t.code === 'reg:94')?.experiments ?? -1
}

describe('statistics cache', () => {
  it('moves the version when the published catalogue changes, not on submissions', async () => {
    const before = await statsVersion(env.DB)
    const pending = await submit({ territories: ['dep:2B'] })
    expect(pending.status).toBe('pending')
    expect(await statsVersion(env.DB)).toBe(before)

    const approved = await postJson(
      `/api/moderation/experiments/${pending.id}/approve`,
      {},
      asModerator()
    )
    expect(approved.status).toBe(200)
    const published = await statsVersion(env.DB)
    expect(published).not.toBe(before)

    const rejected = await submit({ territories: ['dep:2B'] })
    await postJson(
      `/api/moderation/experiments/${rejected.id}/reject`,
      { reason: 'Hors du champ de l’observatoire.' },
      asModerator()
    )
    expect(await statsVersion(env.DB)).toBe(published)
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
