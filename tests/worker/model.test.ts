/**
 * Model-based test of the moderation workflow (fast-check `commands`): submit, approve,
 * reject, edit (in place or as a proposal), approve a proposal, unpublish, soft delete,
 * restore, report and "still accurate", in random order. After every command:
 * - each answer is the one the model predicts (success or the documented refusal);
 * - the public catalogue (API list) equals the model's published set, with its titles;
 * - the embedded search index, once the outbox is drained, holds exactly that set, each
 *   at the record's current revision;
 * - revisions only grow: one per change, numbered without gaps, never lost.
 * Each run works in its own département so runs never see each other's records.
 */
import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { embeddedEngine } from '../../worker/search/engines'
import { drainOutbox } from '../../worker/search/sync'
import { MODERATOR, validInput } from './fixtures'
import { FUZZ_ENV, send, briefReport } from './fuzz-support'

type Status = 'pending' | 'changes_requested' | 'published' | 'rejected' | 'unpublished'

interface Entry {
  id: string
  token: string
  title: string
  status: Status
  deleted: Status | null
  proposal: { id: string; title: string } | null
}

interface Model {
  department: string
  entries: Entry[]
}

interface Real {
  /** Revisions seen per experiment at the last check. */
  revisions: Map<string, number>
}

const moderator = { authorization: `Bearer ${MODERATOR}` }
const json = { 'content-type': 'application/json' }
let requests = 0
let titles = 0

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  requests++
  return send(path, init)
}

const isPublished = (e: Entry) => e.status === 'published' && e.deleted === null

async function checkInvariants(m: Model, r: Real): Promise<void> {
  await drainOutbox(FUZZ_ENV, { targets: ['embedded'] })
  const published = new Map(m.entries.filter(isPublished).map((e) => [e.id, e.title]))

  const list = await call(`/api/experiments?department=${m.department}&limit=100`)
  expect(list.status).toBe(200)
  const items = ((await list.json()) as { items: { id: string; title: string }[] }).items
  expect(new Map(items.map((i) => [i.id, i.title]))).toEqual(published)

  const ids = m.entries.map((e) => e.id)
  const { results } = await env.DB.prepare(
    `SELECT e.id, e.revision, count(r.revision) AS n, max(r.revision) AS top
     FROM experiments e JOIN experiment_revisions r ON r.experiment_id = e.id
     WHERE e.id IN (SELECT value FROM json_each(?1)) GROUP BY e.id`
  )
    .bind(JSON.stringify(ids))
    .all<{ id: string; revision: number; n: number; top: number }>()
  const current = new Map(results.map((row) => [row.id, row.revision]))

  const indexed = await embeddedEngine(FUZZ_ENV).indexedRevisions()
  const mine = new Map([...indexed].filter(([id]) => current.has(id)))
  expect(new Set(mine.keys())).toEqual(new Set(published.keys()))
  for (const [id, revision] of mine)
    expect(revision, `index revision of ${id}`).toBe(current.get(id))

  for (const row of results) {
    expect(row.n, `revisions of ${row.id} are numbered 1..n`).toBe(row.top)
    expect(row.top).toBe(row.revision)
    expect(row.n, `revisions of ${row.id} only grow`).toBeGreaterThanOrEqual(
      r.revisions.get(row.id) ?? 0
    )
    r.revisions.set(row.id, row.n)
  }
}

/** Base for the commands that act on one existing record, chosen by index. */
abstract class OnEntry implements fc.AsyncCommand<Model, Real> {
  constructor(readonly index: number) {}
  check(m: Readonly<Model>): boolean {
    return m.entries.length > 0
  }
  entry(m: Model): Entry {
    return m.entries[this.index % m.entries.length]!
  }
  abstract act(m: Model, e: Entry): Promise<void>
  async run(m: Model, r: Real): Promise<void> {
    await this.act(m, this.entry(m))
    await checkInvariants(m, r)
  }
  abstract toString(): string
}

class Submit implements fc.AsyncCommand<Model, Real> {
  check(): boolean {
    return true
  }
  async run(m: Model, r: Real): Promise<void> {
    const title = `Expérience modèle ${++titles}`
    const res = await call('/api/experiments', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(validInput({ title, territories: [`dep:${m.department}`] })),
    })
    expect(res.status).toBe(201)
    const sub = (await res.json()) as { id: string; editToken: string }
    m.entries.push({
      id: sub.id,
      token: sub.editToken,
      title,
      status: 'pending',
      deleted: null,
      proposal: null,
    })
    await checkInvariants(m, r)
  }
  toString(): string {
    return 'submit'
  }
}

class Approve extends OnEntry {
  async act(_m: Model, e: Entry) {
    const res = await call(`/api/moderation/experiments/${e.id}/approve`, {
      method: 'POST',
      headers: moderator,
    })
    const allowed =
      e.deleted === null &&
      ['pending', 'changes_requested', 'rejected', 'unpublished'].includes(e.status)
    expect(res.status).toBe(allowed ? 200 : 409)
    if (allowed) e.status = 'published'
  }
  toString() {
    return `approve(${this.index})`
  }
}

class Reject extends OnEntry {
  async act(_m: Model, e: Entry) {
    const res = await call(`/api/moderation/experiments/${e.id}/reject`, {
      method: 'POST',
      headers: { ...moderator, ...json },
      body: JSON.stringify({ reason: 'Hors du champ de l’observatoire.' }),
    })
    const allowed = e.deleted === null && ['pending', 'changes_requested'].includes(e.status)
    expect(res.status).toBe(allowed ? 200 : 409)
    if (allowed) e.status = 'rejected'
  }
  toString() {
    return `reject(${this.index})`
  }
}

class Edit extends OnEntry {
  async act(_m: Model, e: Entry) {
    const title = `Expérience modèle ${++titles} (modifiée)`
    const res = await call(`/api/experiments/${e.id}/edit`, {
      method: 'PUT',
      headers: { ...json, authorization: `Bearer ${e.token}` },
      body: JSON.stringify(validInput({ title, territories: [`dep:${_m.department}`] })),
    })
    if (e.deleted !== null || !['pending', 'changes_requested', 'published'].includes(e.status)) {
      expect(res.status).toBe(409)
      return
    }
    expect(res.status).toBe(200)
    const body = (await res.json()) as { outcome: string; proposalId?: string }
    if (e.status === 'published') {
      expect(body.outcome).toBe('proposed')
      e.proposal = { id: body.proposalId!, title }
    } else {
      expect(body.outcome).toBe('applied')
      e.title = title
    }
  }
  toString() {
    return `edit(${this.index})`
  }
}

class ApproveProposal extends OnEntry {
  override check(m: Readonly<Model>): boolean {
    return m.entries.some((e) => e.proposal)
  }
  override entry(m: Model): Entry {
    const withProposal = m.entries.filter((e) => e.proposal)
    return withProposal[this.index % withProposal.length]!
  }
  async act(_m: Model, e: Entry) {
    const res = await call(`/api/moderation/proposals/${e.proposal!.id}/approve`, {
      method: 'POST',
      headers: moderator,
    })
    if (!isPublished(e)) {
      expect(res.status).toBe(409)
      return
    }
    expect(res.status).toBe(200)
    e.title = e.proposal!.title
    e.proposal = null
  }
  toString() {
    return `approveProposal(${this.index})`
  }
}

class Unpublish extends OnEntry {
  async act(_m: Model, e: Entry) {
    const res = await call(`/api/moderation/experiments/${e.id}/unpublish`, {
      method: 'POST',
      headers: { ...moderator, ...json },
      body: JSON.stringify({ reason: 'Informations à revoir.' }),
    })
    expect(res.status).toBe(isPublished(e) ? 200 : 409)
    if (isPublished(e)) e.status = 'unpublished'
  }
  toString() {
    return `unpublish(${this.index})`
  }
}

class Delete extends OnEntry {
  async act(_m: Model, e: Entry) {
    const res = await call(`/api/moderation/experiments/${e.id}/delete`, {
      method: 'POST',
      headers: { ...moderator, ...json },
      body: JSON.stringify({ reason: 'Doublon manifeste.' }),
    })
    expect(res.status).toBe(e.deleted === null ? 200 : 409)
    if (e.deleted === null) {
      e.deleted = e.status
      if (e.status === 'published') e.status = 'unpublished'
    }
  }
  toString() {
    return `delete(${this.index})`
  }
}

class Restore extends OnEntry {
  async act(_m: Model, e: Entry) {
    const res = await call(`/api/moderation/experiments/${e.id}/restore`, {
      method: 'POST',
      headers: { ...moderator, ...json },
      body: '{}',
    })
    expect(res.status).toBe(e.deleted !== null ? 200 : 409)
    if (e.deleted !== null) {
      e.status = e.deleted
      e.deleted = null
    }
  }
  toString() {
    return `restore(${this.index})`
  }
}

class Report extends OnEntry {
  async act(_m: Model, e: Entry) {
    const res = await call(`/api/experiments/${e.id}/reports`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ reason: 'outdated', message: 'Plus à jour.' }),
    })
    expect(res.status).toBe(isPublished(e) ? 201 : 404)
  }
  toString() {
    return `report(${this.index})`
  }
}

class Verify extends OnEntry {
  async act(_m: Model, e: Entry) {
    const res = await call(`/api/experiments/${e.id}/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${e.token}` },
    })
    expect(res.status).toBe(isPublished(e) ? 200 : 409)
  }
  toString() {
    return `verify(${this.index})`
  }
}

const index = fc.nat(50)
const commands = [
  fc.constant(new Submit()),
  fc.constant(new Submit()),
  index.map((i) => new Approve(i)),
  index.map((i) => new Approve(i)),
  index.map((i) => new Reject(i)),
  index.map((i) => new Edit(i)),
  index.map((i) => new Edit(i)),
  index.map((i) => new ApproveProposal(i)),
  index.map((i) => new Unpublish(i)),
  index.map((i) => new Delete(i)),
  index.map((i) => new Restore(i)),
  index.map((i) => new Report(i)),
  index.map((i) => new Verify(i)),
]

/** Départements 01–95 (no 20), one per run. */
const DEPARTMENTS = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter(
  (d) => d !== '20'
)

describe('moderation workflow model', () => {
  it('keeps the catalogue and the index equal to the model, revisions only growing', async () => {
    const started = Date.now()
    let run = 0
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 50, size: 'max' }), async (cmds) => {
        const department = DEPARTMENTS[run++ % DEPARTMENTS.length]!
        await fc.asyncModelRun(
          () => ({ model: { department, entries: [] }, real: { revisions: new Map() } }),
          cmds
        )
      }),
      { numRuns: 30, endOnFailure: true, reporter: briefReport }
    )
    console.info(
      `model: ${run} runs, ${requests} requests in ${((Date.now() - started) / 1000).toFixed(1)} s`
    )
    expect(run).toBeLessThanOrEqual(DEPARTMENTS.length)
  }, 600_000)
})
