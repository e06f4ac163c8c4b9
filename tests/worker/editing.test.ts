/**
 * Private edit links: the capability URL is exchanged for a session cookie, edits of a
 * pending record apply in place, edits of a published one become proposals that
 * moderators approve or reject, "still accurate" updates lastVerifiedAt, and a re-issued
 * link revokes the old one and its sessions.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import {
  asModerator,
  postJson,
  publish,
  request,
  validInput,
  type SubmissionBody,
  submit,
  postForm,
} from './fixtures'

/** Opens an edit session with the token; returns the Cookie header to send back. */
async function openSession(token: string): Promise<string> {
  const res = await postForm('/modifier/ouvrir', [['token', token]])
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe('/modifier')
  const cookie = res.headers.get('set-cookie') ?? ''
  expect(cookie).toMatch(/^__Host-edit=[A-Za-z0-9_-]{43};/)
  expect(cookie).toMatch(/; Secure/i)
  expect(cookie).toMatch(/; HttpOnly/i)
  expect(cookie).toMatch(/; SameSite=Strict/i)
  expect(cookie).toMatch(/; Path=\//)
  expect(cookie).not.toMatch(/Domain=/i)
  return cookie.split(';')[0]!
}

/** The minimal form fields of `validInput()`, with overrides. */
function formFields(overrides: Record<string, string> = {}): [string, string][] {
  const base: Record<string, string> = {
    title: 'Conseillers numériques itinérants en Mayenne',
    summary: 'Un bus équipé sillonne les communes rurales pour accompagner les démarches en ligne.',
    'lead.name': 'Département de la Mayenne',
    'lead.kind': 'departement',
    'lead.siren': '225300011',
    territories: 'dep:53',
    themes: 'mediation.itinerance',
    stage: 'rollout',
    startDate: '2021-09',
    'privateContact.email': 'referent@example.fr',
    ...overrides,
  }
  return Object.entries(base)
}

async function count(sql: string, ...binds: unknown[]): Promise<number> {
  const row = await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>()
  return row?.n ?? 0
}

async function publicTitle(id: string): Promise<string> {
  const res = await request(`/api/experiments/${id}`)
  expect(res.status).toBe(200)
  return ((await res.json()) as { title: string }).title
}

describe('the capability URL', () => {
  it('GET /modifier/{token} only shows a confirmation page, privately', async () => {
    const sub = await submit()
    const before = await count('SELECT count(*) AS n FROM edit_sessions')
    const res = await request(`/modifier/${sub.editToken}`, { headers: { accept: 'text/html' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('x-robots-tag')).toBe('noindex')
    const html = await res.text()
    expect(html).toContain('action="/modifier/ouvrir"')
    expect(html).toContain('method="post"')
    // Nothing from another host on the page that carries the secret.
    expect(html).not.toMatch(/(src|href)="https?:\/\/(?!observatoire\.test)/)
    expect(await count('SELECT count(*) AS n FROM edit_sessions')).toBe(before)
  })

  it('exchanges the token for a __Host- cookie and shows the prefilled form at a clean URL', async () => {
    const sub = await submit({ privateContact: { email: 'moi@commune.fr', name: 'Camille' } })
    const cookie = await openSession(sub.editToken)
    const res = await request('/modifier', { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('value="Conseillers numériques itinérants en Mayenne"')
    expect(html).toContain('moi@commune.fr')
    expect(html).toContain('action="/modifier"')
  })

  it('refuses unknown, malformed and cross-site exchanges', async () => {
    const unknown = await postForm('/modifier/ouvrir', [['token', 'A'.repeat(43)]])
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('set-cookie')).toBeNull()
    const malformed = await postForm('/modifier/ouvrir', [['token', '<script>']])
    expect(malformed.status).toBe(404)
    const sub = await submit()
    const crossSite = await postForm('/modifier/ouvrir', [['token', sub.editToken]], {
      origin: 'https://evil.example',
    })
    expect(crossSite.status).toBe(403)
    expect(crossSite.headers.get('set-cookie')).toBeNull()
  })

  it('refuses an expired token', async () => {
    const sub = await submit()
    await env.DB.prepare('UPDATE experiments SET edit_token_expires_at = ?2 WHERE id = ?1')
      .bind(sub.id, '2000-01-01T00:00:00.000Z')
      .run()
    const res = await postForm('/modifier/ouvrir', [['token', sub.editToken]])
    expect(res.status).toBe(404)
  })

  it('without a session, /modifier asks to reopen the link', async () => {
    const res = await request('/modifier', { headers: { cookie: '__Host-edit=' + 'x'.repeat(43) } })
    expect(res.status).toBe(403)
  })
})

describe('editing a pending experiment', () => {
  it('applies in place: new revision, still pending', async () => {
    const sub = await submit()
    const cookie = await openSession(sub.editToken)
    const res = await postForm('/modifier', formFields({ title: 'Un bus numérique en Mayenne' }), {
      cookie,
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/modifier?fait=applied')
    const row = await env.DB.prepare(
      'SELECT status, revision, title FROM experiments WHERE id = ?1'
    )
      .bind(sub.id)
      .first<{ status: string; revision: number; title: string }>()
    expect(row).toEqual({ status: 'pending', revision: 2, title: 'Un bus numérique en Mayenne' })
    const rev = await env.DB.prepare(
      'SELECT action, actor, status FROM experiment_revisions WHERE experiment_id = ?1 AND revision = 2'
    )
      .bind(sub.id)
      .first()
    expect(rev).toEqual({ action: 'edit', actor: 'submitter', status: 'pending' })
    expect(
      await count(
        'SELECT count(*) AS n FROM search_outbox WHERE experiment_id = ?1 AND revision = 2',
        sub.id
      )
    ).toBeGreaterThan(0)
  })

  it('re-renders the form with errors next to the fields, storing nothing', async () => {
    const sub = await submit()
    const cookie = await openSession(sub.editToken)
    const res = await postForm('/modifier', formFields({ title: 'x', territories: 'dep:53' }), {
      cookie,
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('error-summary')
    expect(await count('SELECT revision AS n FROM experiments WHERE id = ?1', sub.id)).toBe(1)
  })

  it('updates the private contact without a revision', async () => {
    const sub = await submit()
    const cookie = await openSession(sub.editToken)
    const res = await postForm(
      '/modifier',
      formFields({ 'privateContact.email': 'nouvelle@commune.fr' }),
      { cookie }
    )
    expect(res.headers.get('location')).toBe('/modifier?fait=unchanged')
    const row = await env.DB.prepare(
      'SELECT private_contact, revision FROM experiments WHERE id = ?1'
    )
      .bind(sub.id)
      .first<{ private_contact: string; revision: number }>()
    expect(JSON.parse(row!.private_contact)).toEqual({ email: 'nouvelle@commune.fr' })
    expect(row!.revision).toBe(1)
  })
})

describe('editing a published experiment', () => {
  it('creates a proposal, keeps the published version, and applies it on approval', async () => {
    const sub = await publish()
    const cookie = await openSession(sub.editToken)
    const res = await postForm('/modifier', formFields({ title: 'Titre proposé par le porteur' }), {
      cookie,
    })
    expect(res.headers.get('location')).toBe('/modifier?fait=proposed')
    expect(await publicTitle(sub.id)).toBe('Conseillers numériques itinérants en Mayenne')

    // The form now shows the waiting proposal.
    const form = await (await request('/modifier', { headers: { cookie } })).text()
    expect(form).toContain('value="Titre proposé par le porteur"')

    const list = await request('/api/moderation/proposals', { headers: asModerator() })
    expect(list.status).toBe(200)
    const { items } = (await list.json()) as {
      items: { id: string; experimentId: string; changes: { field: string; after: unknown }[] }[]
    }
    const proposal = items.find((p) => p.experimentId === sub.id)
    expect(proposal?.changes).toEqual([
      {
        field: 'title',
        label: { fr: 'Titre', en: 'Title' },
        before: 'Conseillers numériques itinérants en Mayenne',
        after: 'Titre proposé par le porteur',
      },
    ])

    const approved = await postJson(
      `/api/moderation/proposals/${proposal!.id}/approve`,
      {},
      asModerator()
    )
    expect(approved.status).toBe(200)
    expect(await approved.json()).toEqual({ experimentId: sub.id, revision: 3 })
    expect(await publicTitle(sub.id)).toBe('Titre proposé par le porteur')
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'approve-proposal' AND target = ?1`,
        `experiment:${sub.id}`
      )
    ).toBe(1)
    expect(
      await count(
        'SELECT count(*) AS n FROM search_outbox WHERE experiment_id = ?1 AND revision = 3',
        sub.id
      )
    ).toBeGreaterThan(0)

    const again = await postJson(
      `/api/moderation/proposals/${proposal!.id}/approve`,
      {},
      asModerator()
    )
    expect(again.status).toBe(409)
  })

  it('a newer edit supersedes the waiting proposal; rejection needs a reason', async () => {
    const sub = await publish()
    const cookie = await openSession(sub.editToken)
    await postForm('/modifier', formFields({ title: 'Première proposition du porteur' }), {
      cookie,
    })
    await postForm('/modifier', formFields({ title: 'Seconde proposition du porteur' }), { cookie })
    const rows = await env.DB.prepare(
      'SELECT id, status FROM proposals WHERE experiment_id = ?1 ORDER BY created_at, id'
    )
      .bind(sub.id)
      .all<{ id: string; status: string }>()
    expect(rows.results.map((r) => r.status)).toEqual(['superseded', 'pending'])
    const pending = rows.results[1]!.id

    const noReason = await postJson(
      `/api/moderation/proposals/${pending}/reject`,
      { reason: '' },
      asModerator()
    )
    expect(noReason.status).toBe(400)
    const rejected = await postJson(
      `/api/moderation/proposals/${pending}/reject`,
      { reason: 'Le titre ne décrit plus l’expérience.' },
      asModerator()
    )
    expect(rejected.status).toBe(204)
    expect(await publicTitle(sub.id)).toBe('Conseillers numériques itinérants en Mayenne')
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'reject-proposal' AND target = ?1`,
        `experiment:${sub.id}`
      )
    ).toBe(1)
  })

  it('"still accurate" updates lastVerifiedAt with a verify revision', async () => {
    const sub = await publish()
    await env.DB.prepare('UPDATE experiments SET last_verified_at = ?2 WHERE id = ?1')
      .bind(sub.id, '2020-01-01T00:00:00.000Z')
      .run()
    const page = await (await request(`/experiences/${sub.slug}`)).text()
    // A styled badge that leads to its explanation, which says how the owner confirms.
    expect(page).toContain('<a class="badge to-verify" href="#a-verifier">à vérifier</a>')
    expect(page).toContain('id="a-verifier"')
    expect(page).toContain('« La fiche est toujours exacte »')
    expect(page).toContain(`href="/experiences/${sub.slug}/signaler"`)

    const cookie = await openSession(sub.editToken)
    const res = await postForm('/modifier/verifier', [], { cookie })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/modifier?fait=verified')
    const read = (await (await request(`/api/experiments/${sub.id}`)).json()) as {
      lastVerifiedAt: string
      revision: number
    }
    expect(Date.now() - Date.parse(read.lastVerifiedAt)).toBeLessThan(60_000)
    expect(read.revision).toBe(3)
    const after = await (await request(`/experiences/${sub.slug}`)).text()
    expect(after).not.toContain('à vérifier')
    expect(after).not.toContain('id="a-verifier"')
  })
})

describe('re-issuing the edit link', () => {
  it('returns a new token once, revoking the old one and its sessions', async () => {
    const sub = await publish()
    const cookie = await openSession(sub.editToken)
    const res = await postJson(`/api/moderation/experiments/${sub.id}/edit-link`, {}, asModerator())
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const link = (await res.json()) as { editToken: string; editUrl: string }
    expect(link.editToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(link.editUrl).toContain(`/modifier/${link.editToken}`)

    expect((await request('/modifier', { headers: { cookie } })).status).toBe(403)
    expect((await postForm('/modifier/ouvrir', [['token', sub.editToken]])).status).toBe(404)
    await openSession(link.editToken)
    expect(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'reissue-edit-link' AND target = ?1`,
        `experiment:${sub.id}`
      )
    ).toBe(1)
    // The token itself is never stored, in the record nor in the audit log.
    const dump = JSON.stringify(await env.DB.prepare('SELECT * FROM audit_log').all())
    expect(dump).not.toContain(link.editToken)
  })
})

describe('the JSON edit API', () => {
  it('reads and edits with the edit token as bearer', async () => {
    const sub = await submit()
    const auth = { authorization: `Bearer ${sub.editToken}` }
    const read = await request(`/api/experiments/${sub.id}/edit`, { headers: auth })
    expect(read.status).toBe(200)
    const body = (await read.json()) as { input: { privateContact: { email: string } } }
    expect(body.input.privateContact.email).toBe('referent@example.fr')

    const edited = await request(`/api/experiments/${sub.id}/edit`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(validInput({ title: 'Titre modifié par API' })),
    })
    expect(edited.status).toBe(200)
    expect(await edited.json()).toEqual({ outcome: 'applied', revision: 2 })
  })

  it('refuses a missing token (401), another record’s token or a wrong one (403)', async () => {
    const a = await submit()
    const b = await submit()
    expect((await request(`/api/experiments/${a.id}/edit`)).status).toBe(401)
    const other = await request(`/api/experiments/${a.id}/edit`, {
      headers: { authorization: `Bearer ${b.editToken}` },
    })
    expect(other.status).toBe(403)
    const wrong = await request(`/api/experiments/${a.id}/edit`, {
      headers: { authorization: `Bearer ${'B'.repeat(43)}` },
    })
    expect(wrong.status).toBe(403)
    const verify = await request(`/api/experiments/${a.id}/verify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${a.editToken}` },
    })
    expect(verify.status).toBe(409) // pending: nothing public to confirm yet
  })
})

describe('public revision history', () => {
  it('lists published revisions with field diffs, never private fields', async () => {
    const sub = await publish({ privateContact: { email: 'historique-prive@example.fr' } })
    const cookie = await openSession(sub.editToken)
    await postForm(
      '/modifier',
      formFields({
        title: 'Nouveau titre <b>public</b>',
        'privateContact.email': 'historique-prive@example.fr',
      }),
      { cookie }
    )
    const { items } = (await (
      await request('/api/moderation/proposals', { headers: asModerator() })
    ).json()) as {
      items: { id: string; experimentId: string }[]
    }
    const id = items.find((p) => p.experimentId === sub.id)!.id
    await postJson(`/api/moderation/proposals/${id}/approve`, {}, asModerator())

    const api = await request(`/api/experiments/${sub.id}/revisions`)
    expect(api.status).toBe(200)
    const history = (await api.json()) as {
      items: { revision: number; first: boolean; changes: unknown[] }[]
    }
    expect(history.items.map((r) => r.revision)).toEqual([3, 2])
    expect(history.items[0]!.changes).toEqual([
      {
        field: 'title',
        label: { fr: 'Titre', en: 'Title' },
        before: 'Conseillers numériques itinérants en Mayenne',
        after: 'Nouveau titre <b>public</b>',
      },
    ])
    expect(history.items[1]!.first).toBe(true)

    const page = await request(`/experiences/${sub.slug}/historique`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Nouveau titre &lt;b&gt;public&lt;/b&gt;')
    expect(html).not.toContain('<b>public</b>')
    expect(html).not.toContain('historique-prive@example.fr')
    expect(JSON.stringify(history)).not.toContain('historique-prive@example.fr')

    const experimentPage = await (await request(`/experiences/${sub.slug}`)).text()
    expect(experimentPage).toContain(`/experiences/${sub.slug}/historique`)
  })

  it('is a 404 for pending experiments', async () => {
    const sub = await submit()
    expect((await request(`/api/experiments/${sub.id}/revisions`)).status).toBe(404)
    expect((await request(`/experiences/${sub.slug}/historique`)).status).toBe(404)
  })
})
