/**
 * Moderation use cases through the bearer API: every action from every status (allowed
 * or 409), the audit row written with the change and only with it, soft delete and
 * restore as seen by the public API and the search index, merges and their redirects.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { Status } from '../../worker/domain/experiment'
import { moderationStatements, PUBLISHED } from '../../worker/db/moderation'
import { EmbeddedEngine } from '../../worker/search/embedded'
import { drainOutbox } from '../../worker/search/sync'
import {
  ALLOWED_FROM,
  MODERATION_ACTIONS,
  type ModerationAction,
} from '../../worker/domain/moderation'
import {
  asModerator,
  postJson,
  publish,
  request,
  validInput,
  type SubmissionBody,
  submit,
} from './fixtures'
import { moderationInput } from './moderation-fixtures'

const api = (id: string, action: string, body: unknown = {}) =>
  postJson(`/api/moderation/experiments/${id}/${action}`, body, asModerator())

const submitTitled = (title = 'Fiche à modérer') => submit(moderationInput(title))

async function expectOk(res: Response): Promise<Record<string, unknown>> {
  if (res.status !== 200) throw new Error(`${res.status} ${await res.text()}`)
  return (await res.json()) as Record<string, unknown>
}

/** An experiment in the given state; `deleted` is a soft-deleted pending one. */
async function inState(state: Status | 'deleted'): Promise<string> {
  switch (state) {
    case 'pending':
      return (await submitTitled()).id
    case 'published':
      return (await publish(moderationInput('Fiche publiée'))).id
    case 'changes_requested': {
      const { id } = await submitTitled()
      await expectOk(await api(id, 'request-changes', { reason: 'Précisez le budget.' }))
      return id
    }
    case 'rejected': {
      const { id } = await submitTitled()
      await expectOk(await api(id, 'reject', { reason: 'Hors sujet.' }))
      return id
    }
    case 'unpublished': {
      const { id } = await publish(moderationInput('Fiche de contrôle publiée'))
      await expectOk(await api(id, 'unpublish', { reason: 'Périmée.' }))
      return id
    }
    case 'merged': {
      const target = await publish(moderationInput('Fiche de référence'))
      const { id } = await submitTitled()
      await expectOk(await api(id, 'merge', { into: target.id }))
      return id
    }
    case 'deleted': {
      const { id } = await submitTitled()
      await expectOk(await api(id, 'delete', { reason: 'Spam manifeste.' }))
      return id
    }
  }
}

async function bodyFor(action: ModerationAction): Promise<Record<string, string>> {
  if (action === 'merge') return { into: (await publish(moderationInput('Cible de fusion'))).id }
  if (action === 'approve' || action === 'restore') return {}
  return { reason: 'Raison suffisamment longue.' }
}

const STATES = [
  'pending',
  'changes_requested',
  'published',
  'rejected',
  'unpublished',
  'merged',
  'deleted',
] as const

const TARGET: Record<Exclude<ModerationAction, 'delete' | 'restore'>, Status> = {
  approve: 'published',
  reject: 'rejected',
  'request-changes': 'changes_requested',
  unpublish: 'unpublished',
  merge: 'merged',
}

function allowed(state: (typeof STATES)[number], action: ModerationAction): boolean {
  if (state === 'deleted') return action === 'restore'
  if (action === 'restore') return false
  return ALLOWED_FROM[action].includes(state)
}

const counts = (id: string) =>
  env.DB.prepare(
    `SELECT (SELECT revision FROM experiments WHERE id = ?1) AS revision,
            (SELECT count(*) FROM experiment_revisions WHERE experiment_id = ?1) AS revisions,
            (SELECT count(*) FROM audit_log WHERE target = 'experiment:' || ?1) AS audits`
  )
    .bind(id)
    .first<{ revision: number; revisions: number; audits: number }>()

describe('lifecycle: every action from every state', () => {
  const cases = STATES.flatMap((state) =>
    MODERATION_ACTIONS.map((action) => [state, action, allowed(state, action)] as const)
  )
  it.each(cases)('%s → %s (allowed: %s)', async (state, action, ok) => {
    const id = await inState(state)
    const body = await bodyFor(action)
    const before = await counts(id)
    const res = await api(id, action, body)
    const after = await counts(id)
    if (!ok) {
      expect(res.status).toBe(409)
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(after).toEqual(before)
      return
    }
    const record = await expectOk(res)
    if (action === 'delete') {
      expect(record.deletedAt).toEqual(expect.any(String))
      expect(record.status).not.toBe('published')
    } else if (action === 'restore') {
      expect(record.deletedAt).toBeNull()
      expect(record.status).toBe('pending')
    } else {
      expect(record.status).toBe(TARGET[action])
    }
    // One revision and one audit row per decision, at the new revision.
    expect(after).toEqual({
      revision: before!.revision + 1,
      revisions: before!.revisions + 1,
      audits: before!.audits + 1,
    })
  })
})

describe('reasons and validation', () => {
  it.each(['reject', 'request-changes', 'unpublish', 'delete'])(
    '%s requires a reason',
    async (action) => {
      const id = await inState(action === 'unpublish' ? 'published' : 'pending')
      const res = await api(id, action, action === 'reject' ? { reason: '  ' } : {})
      expect(res.status).toBe(400)
      const problem = (await res.json()) as { errors: { pointer: string }[] }
      expect(problem.errors[0]?.pointer).toBe('/reason')
    }
  )

  it('refuses to merge into itself, into an unknown id, or into a merged record', async () => {
    const { id } = await submitTitled()
    expect((await api(id, 'merge', { into: id })).status).toBe(400)
    expect((await api(id, 'merge', { into: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).status).toBe(400)
    const merged = await inState('merged')
    expect((await api(id, 'merge', { into: merged })).status).toBe(409)
  })
})

describe('audit log', () => {
  it('records who, when, what, why and the target, readable through the API', async () => {
    const { id } = await submitTitled()
    await expectOk(await api(id, 'reject', { reason: 'Doublon probable.' }))
    const res = await request('/api/moderation/audit?limit=5', { headers: asModerator() })
    const page = (await expectOk(res)) as { items: Record<string, unknown>[] }
    expect(page.items[0]).toMatchObject({
      actor: 'moderator:alice',
      action: 'reject',
      target: `experiment:${id}`,
      reason: 'Doublon probable.',
      detail: { from: 'pending', to: 'rejected', revision: 2, via: 'api' },
    })
    expect(page.items[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT.*Z$/)
  })

  it('pages through the log with a cursor, newest first, without gaps', async () => {
    for (let i = 0; i < 3; i++) await submitTitled().then((s) => api(s.id, 'approve'))
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const query: string = cursor ? `&cursor=${cursor}` : ''
      const res = await request(`/api/moderation/audit?limit=2${query}`, { headers: asModerator() })
      const page = (await expectOk(res)) as { items: { seq: number }[]; nextCursor: string | null }
      seen.push(...page.items.map((i) => i.seq))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect(seen).toEqual([...seen].sort((a, b) => b - a))
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('rolls back the change, revision and audit row together when the batch fails', async () => {
    const { id } = await submitTitled()
    const before = await counts(id)
    const at = new Date().toISOString()
    const statements = moderationStatements(
      env.DB,
      id,
      1,
      PUBLISHED,
      { action: 'approve', actor: 'moderator:test', at },
      { at, actor: 'moderator:test', action: 'approve', target: `experiment:${id}` }
    )
    const failing = env.DB.prepare("UPDATE experiments SET status = 'bogus' WHERE id = ?1").bind(id)
    await expect(env.DB.batch([...statements, failing])).rejects.toThrow()
    expect(await counts(id)).toEqual(before)
  })

  it('writes nothing for a decision on a record changed meanwhile', async () => {
    const { id } = await submitTitled()
    const at = new Date().toISOString()
    // Revision 1 was read, but someone else moved the record to revision 2 first: the
    // guarded update matches nothing, so the snapshot, outbox and audit rows, which select
    // from the row as this change would have left it, insert nothing (the service turns
    // this into a 409).
    await expectOk(await api(id, 'request-changes', { reason: 'Précisez les chiffres.' }))
    const before = await counts(id)
    const [update] = await env.DB.batch(
      moderationStatements(
        env.DB,
        id,
        1,
        PUBLISHED,
        { action: 'approve', actor: 'moderator:test', at },
        { at, actor: 'moderator:test', action: 'approve', target: `experiment:${id}` }
      )
    )
    expect(update!.meta.changes).toBe(0)
    expect(await counts(id)).toEqual(before)
    const res = await postJson(`/api/moderation/experiments/${id}/approve`, {}, asModerator())
    expect(res.status).toBe(200)
  })

  it('cannot be rewritten', async () => {
    await expect(env.DB.prepare("UPDATE audit_log SET actor = 'x'").run()).rejects.toThrow(
      /append-only/
    )
    await expect(env.DB.prepare('DELETE FROM audit_log').run()).rejects.toThrow(/append-only/)
  })
})

/**
 * Delivers the outbox now, including rows a post-write nudge may still hold under its
 * lease (delivery is idempotent), so assertions never race the background drain.
 */
const drain = () => drainOutbox(env, { now: new Date(Date.now() + 5 * 60_000) })

describe('soft delete and restore', () => {
  const engine = () => new EmbeddedEngine(env.SEARCH_DB)
  const indexed = async (id: string) => (await engine().indexedRevisions()).has(id)

  it('hides a published record from the API, the lists and the index; restore brings it back', async () => {
    const { id, slug } = await publish(moderationInput('Fiche supprimée puis restaurée'))
    await drain()
    expect(await indexed(id)).toBe(true)

    const deleted = await expectOk(await api(id, 'delete', { reason: 'Signalée comme fausse.' }))
    expect(deleted).toMatchObject({ status: 'unpublished', deletedBy: 'moderator:alice' })
    await drain()
    expect((await request(`/api/experiments/${id}`)).status).toBe(404)
    expect((await request(`/experiences/${slug}`)).status).toBe(404)
    const list = (await (await request('/api/experiments?limit=100')).json()) as {
      items: { id: string }[]
    }
    expect(list.items.map((i) => i.id)).not.toContain(id)
    expect(await indexed(id)).toBe(false)
    // Still there for moderators, with its history.
    const full = await expectOk(
      await request(`/api/moderation/experiments/${id}`, { headers: asModerator() })
    )
    expect(full.deletedAt).toEqual(expect.any(String))

    const restored = await expectOk(await api(id, 'restore', { reason: 'Vérifiée.' }))
    expect(restored).toMatchObject({ status: 'published', deletedAt: null, deletedBy: null })
    await drain()
    expect((await request(`/api/experiments/${id}`)).status).toBe(200)
    expect(await indexed(id)).toBe(true)
  })

  it('never lets a deleted record be published, even by a direct write', async () => {
    const id = await inState('deleted')
    await expect(
      env.DB.prepare("UPDATE experiments SET status = 'published' WHERE id = ?1").bind(id).run()
    ).rejects.toThrow(/CHECK/)
  })

  it('keeps deleted submissions out of the queue', async () => {
    const id = await inState('deleted')
    const queue = (await (
      await request('/api/moderation/queue?limit=100', { headers: asModerator() })
    ).json()) as { items: { id: string }[] }
    expect(queue.items.map((i) => i.id)).not.toContain(id)
  })
})

describe('merge', () => {
  it('redirects the old id and slug to the record that stays (API 308, page 301)', async () => {
    const target = await publish(moderationInput('Fiche qui reste'))
    const duplicate = await publish(moderationInput('Doublon publié'))
    await expectOk(await api(duplicate.id, 'merge', { into: target.id, reason: 'Même projet.' }))

    for (const old of [duplicate.id, duplicate.slug]) {
      const res = await request(`/api/experiments/${old}`, { redirect: 'manual' })
      expect(res.status).toBe(308)
      expect(res.headers.get('location')).toBe(`/api/experiments/${target.id}`)
      const page = await request(`/experiences/${old}`, { redirect: 'manual' })
      expect(page.status).toBe(301)
      expect(page.headers.get('location')).toBe(`/experiences/${target.slug}`)
    }
    await drain()
    expect((await new EmbeddedEngine(env.SEARCH_DB).indexedRevisions()).has(duplicate.id)).toBe(
      false
    )
  })

  it('follows chains of merges, and answers 404 when the chain ends on a non-public record', async () => {
    const a = await submitTitled()
    const b = await submitTitled()
    const c = await publish(moderationInput('Fin de chaîne'))
    await expectOk(await api(a.id, 'merge', { into: b.id }))
    await expectOk(await api(b.id, 'merge', { into: c.id }))
    const res = await request(`/api/experiments/${a.id}`, { redirect: 'manual' })
    expect(res.headers.get('location')).toBe(`/api/experiments/${c.id}`)
    await expectOk(await api(c.id, 'unpublish', { reason: 'Plus à jour.' }))
    expect((await request(`/api/experiments/${a.id}`, { redirect: 'manual' })).status).toBe(404)
  })
})

describe('full record', () => {
  it('shows moderators the private contact, every revision and the audit trail', async () => {
    const { id } = await submitTitled()
    await expectOk(await api(id, 'request-changes', { reason: 'Ajoutez les résultats.' }))
    const res = await request(`/api/moderation/experiments/${id}`, { headers: asModerator() })
    expect(res.headers.get('cache-control')).toBe('no-store')
    const full = (await expectOk(res)) as {
      privateContact: { email: string }
      moderationNote: string
      revisions: { revision: number; action: string }[]
      audit: { action: string }[]
    }
    expect(full.privateContact.email).toBe('referent@example.fr')
    expect(full.moderationNote).toBe('Ajoutez les résultats.')
    expect(full.revisions.map((r) => r.action)).toEqual(['submit', 'request-changes'])
    expect(full.audit.map((a) => a.action)).toEqual(['request-changes'])
  })

  it('is documented in the OpenAPI document with every new route', async () => {
    const doc = (await (await request('/api/openapi.json')).json()) as {
      paths: Record<string, unknown>
    }
    for (const action of ['request-changes', 'unpublish', 'delete', 'restore', 'merge']) {
      expect(doc.paths).toHaveProperty([`/moderation/experiments/{id}/${action}`])
    }
    expect(doc.paths).toHaveProperty(['/moderation/experiments/{id}'])
    expect(doc.paths).toHaveProperty(['/moderation/audit'])
  })
})
