/** Reader reports: API and form, the honeypot, and the moderators' queue and closing. */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  asModerator,
  postJson,
  publish,
  request,
  validInput,
  type SubmissionBody,
  postForm,
  refusedByTurnstile,
} from './fixtures'

async function reportCount(experimentId: string): Promise<number> {
  const row = await env.DB.prepare('SELECT count(*) AS n FROM reports WHERE experiment_id = ?1')
    .bind(experimentId)
    .first<{ n: number }>()
  return row?.n ?? 0
}

describe('reports API', () => {
  it('files a report on a published experiment; moderators list and close it', async () => {
    const sub = await publish()
    const res = await postJson(`/api/experiments/${sub.slug}/reports`, {
      reason: 'outdated',
      message: 'Le bus ne circule plus depuis 2024.',
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }

    const list = await request('/api/moderation/reports', { headers: asModerator() })
    expect(list.status).toBe(200)
    const { items } = (await list.json()) as {
      items: { id: string; experimentId: string; reason: string }[]
    }
    expect(items).toContainEqual(
      expect.objectContaining({ id, experimentId: sub.id, reason: 'outdated' })
    )

    const closed = await postJson(
      `/api/moderation/reports/${id}/close`,
      { resolution: 'Fiche mise à jour avec le porteur.' },
      asModerator()
    )
    expect(closed.status).toBe(204)
    const again = await postJson(`/api/moderation/reports/${id}/close`, {}, asModerator())
    expect(again.status).toBe(409)
    const after = (await (
      await request('/api/moderation/reports', { headers: asModerator() })
    ).json()) as {
      items: { id: string }[]
    }
    expect(after.items.map((r) => r.id)).not.toContain(id)
    const audit = await env.DB.prepare(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'close-report' AND target = ?1`
    )
      .bind(`experiment:${sub.id}`)
      .first<{ n: number }>()
    expect(audit?.n).toBe(1)
  })

  it('refuses reports on unpublished experiments and invalid reasons', async () => {
    const pending = (await (
      await postJson('/api/experiments', validInput())
    ).json()) as SubmissionBody
    expect(
      (await postJson(`/api/experiments/${pending.id}/reports`, { reason: 'wrong' })).status
    ).toBe(404)
    expect(await reportCount(pending.id)).toBe(0)

    const sub = await publish()
    const invalid = await postJson(`/api/experiments/${sub.id}/reports`, { reason: 'spam' })
    expect(invalid.status).toBe(400)
    const tooLong = await postJson(`/api/experiments/${sub.id}/reports`, {
      reason: 'wrong',
      message: 'x'.repeat(1001),
    })
    expect(tooLong.status).toBe(400)
    const extra = await postJson(`/api/experiments/${sub.id}/reports`, {
      reason: 'wrong',
      email: 'a@b.c',
    })
    expect(extra.status).toBe(400)
    expect(await reportCount(sub.id)).toBe(0)
  })
})

describe('report form', () => {
  it('shows a form and stores a valid report, then thanks', async () => {
    const sub = await publish()
    const page = await request(`/experiences/${sub.slug}/signaler`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('name="reason"')
    expect(html).toContain('name="fax"')

    const res = await postForm(`/experiences/${sub.slug}/signaler`, [
      ['reason', 'duplicate'],
      ['message', 'Même fiche que celle du département voisin.'],
      ['fax', ''],
    ])
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/experiences/${sub.slug}/signaler?merci`)
    expect(await reportCount(sub.id)).toBe(1)
    expect((await request(res.headers.get('location')!)).status).toBe(200)
  })

  it('answers a filled honeypot like a success and stores nothing', async () => {
    const sub = await publish()
    const res = await postForm(`/experiences/${sub.slug}/signaler`, [
      ['reason', 'wrong'],
      ['fax', '0102030405'],
    ])
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/experiences/${sub.slug}/signaler?merci`)
    expect(await reportCount(sub.id)).toBe(0)
  })

  it('re-renders with an error when no reason is chosen, and refuses cross-site posts', async () => {
    const sub = await publish()
    const res = await postForm(`/experiences/${sub.slug}/signaler`, [['message', 'Sans motif']])
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Sans motif')
    const crossSite = await postForm(`/experiences/${sub.slug}/signaler`, [['reason', 'wrong']], {
      origin: 'https://evil.example',
    })
    expect(crossSite.status).toBe(403)
    expect(await reportCount(sub.id)).toBe(0)
  })

  it('shows a failed anti-robot check at the Turnstile widget, not on the reason', async () => {
    const sub = await publish()
    const pairs: [string, string][] = [
      ['reason', 'outdated'],
      ['fax', ''],
    ]
    const html = await refusedByTurnstile(`/experiences/${sub.slug}/signaler`, pairs, 'r')
    expect(html).not.toContain('id="r-reason-erreur"')
    expect(await reportCount(sub.id)).toBe(0)
  })
})
