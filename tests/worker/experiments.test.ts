/**
 * The catalogue core through its HTTP API, in workerd with a real D1 and the real
 * territory reference: submission → moderation → public read, pagination, errors.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertExperimentStatements } from '../../worker/db/experiments'
import {
  asModerator,
  postJson,
  publish,
  request,
  validInput,
  type SubmissionBody,
  submit,
} from './fixtures'

interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  errors?: { pointer?: string; parameter?: string; message: string }[]
}

async function expectProblem(res: Response, status: number): Promise<Problem> {
  expect(res.status).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  const body = (await res.json()) as Problem
  expect(body.status).toBe(status)
  expect(body.title).toBeTruthy()
  return body
}

describe('submission → moderation → public read', () => {
  it('publishes a submission only after approval, with derived territory data', async () => {
    const sub = await submit({
      title: 'Fablab intercommunal de Vitré',
      territories: ['epci:200039022', 'com:35360'],
      themes: ['third-places.fablab', 'education'],
      means: { budgetEur: 120000 },
      results: { peopleReached: 850 },
    })
    expect(sub.status).toBe('pending')
    expect(sub.editToken).toMatch(/^[A-Za-z0-9_-]{43}$/)

    await expectProblem(await request(`/api/experiments/${sub.id}`), 404)

    const approved = await postJson(
      `/api/moderation/experiments/${sub.id}/approve`,
      {},
      asModerator()
    )
    expect(approved.status).toBe(200)

    const res = await request(`/api/experiments/${sub.id}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown> & {
      derived: {
        regions: { code: string }[]
        departments: { code: string }[]
        populationCovered: number
      }
    }
    expect(body.title).toBe('Fablab intercommunal de Vitré')
    expect(body.licence).toBe('etalab-2.0')
    expect(body.publishedAt).toEqual(expect.any(String))
    expect(body.derived.regions.map((r) => r.code)).toEqual(['reg:53'])
    expect(body.derived.departments.map((d) => d.code)).toEqual(['dep:35'])
    // Vitré is a member of Vitré Communauté: its population is counted once.
    const epci = await env.DB.prepare(
      "SELECT population FROM territories WHERE code = 'epci:200039022'"
    ).first<{
      population: number
    }>()
    expect(body.derived.populationCovered).toBe(epci?.population)
    expect(body).not.toHaveProperty('privateContact')
    expect(JSON.stringify(body)).not.toContain('referent@example.fr')

    // Readable by slug as well.
    expect((await request(`/api/experiments/${sub.slug}`)).status).toBe(200)
  })

  it('counts every département an EPCI straddles', async () => {
    // CC du Pays de Vernon? no: use a known cross-département EPCI from the reference.
    const row = await env.DB.prepare(
      `SELECT m.epci AS code FROM epci_members m JOIN territories t ON t.code = m.commune
       GROUP BY m.epci HAVING count(DISTINCT t.department) > 1 LIMIT 1`
    ).first<{ code: string }>()
    expect(row).not.toBeNull()
    const sub = await publish({ territories: [row!.code] })
    const body = (await (await request(`/api/experiments/${sub.id}`)).json()) as {
      derived: { departments: unknown[] }
    }
    expect(body.derived.departments.length).toBeGreaterThan(1)
  })

  it('keeps rejected submissions out of public reads and lists, with the reason recorded', async () => {
    const sub = await submit({ title: 'Proposition hors sujet à refuser' })
    const missingReason = await postJson(
      `/api/moderation/experiments/${sub.id}/reject`,
      {},
      asModerator()
    )
    const problem = await expectProblem(missingReason, 400)
    expect(problem.errors?.[0]?.pointer).toBe('/reason')

    const res = await postJson(
      `/api/moderation/experiments/${sub.id}/reject`,
      { reason: 'Ne concerne pas une collectivité.' },
      asModerator()
    )
    expect(res.status).toBe(200)
    const moderated = (await res.json()) as { status: string; moderationNote: string }
    expect(moderated.status).toBe('rejected')
    expect(moderated.moderationNote).toBe('Ne concerne pas une collectivité.')

    await expectProblem(await request(`/api/experiments/${sub.id}`), 404)
    const list = (await (await request('/api/experiments?limit=100')).json()) as {
      items: { id: string }[]
    }
    expect(list.items.map((i) => i.id)).not.toContain(sub.id)
    // A rejected submission cannot be rejected twice.
    await expectProblem(
      await postJson(
        `/api/moderation/experiments/${sub.id}/reject`,
        { reason: 'Encore une fois.' },
        asModerator()
      ),
      409
    )
  })

  it('hides pending submissions by id, by slug and from the list', async () => {
    const sub = await submit({ title: 'Expérience en attente de modération' })
    await expectProblem(await request(`/api/experiments/${sub.id}`), 404)
    await expectProblem(await request(`/api/experiments/${sub.slug}`), 404)
    const list = (await (await request('/api/experiments?limit=100')).json()) as {
      items: { id: string }[]
    }
    expect(list.items.map((i) => i.id)).not.toContain(sub.id)
    const queue = (await (
      await request('/api/moderation/queue?limit=100', { headers: asModerator() })
    ).json()) as {
      items: { id: string; privateContact: { email: string } }[]
    }
    const queued = queue.items.find((i) => i.id === sub.id)
    expect(queued?.privateContact.email).toBe('referent@example.fr')
  })

  it('answers 404 for unknown experiments and 409 for approving twice', async () => {
    await expectProblem(await request('/api/experiments/01ARZ3NDEKTSV4RRFFQ69G5FAV'), 404)
    await expectProblem(
      await postJson(
        '/api/moderation/experiments/01ARZ3NDEKTSV4RRFFQ69G5FAV/approve',
        {},
        asModerator()
      ),
      404
    )
    const sub = await publish()
    await expectProblem(
      await postJson(`/api/moderation/experiments/${sub.id}/approve`, {}, asModerator()),
      409
    )
  })
})

/** The statements of a submission, built directly (bypassing the API) to test the batch. */
function directInsert(id: string, slug: string): D1PreparedStatement[] {
  return insertExperimentStatements(
    env.DB,
    {
      id,
      slug,
      content: {
        ...validInput(),
        language: 'fr',
        licence: 'etalab-2.0',
        evidenceLevel: 0,
        scope: 'territories',
        territories: ['dep:53'],
      },
      derived: {
        territories: [],
        regions: [],
        departments: [],
        populationCovered: 0,
        scopeLevel: 'local',
        point: null,
        territorySize: null,
      },
      privateContact: { email: 'x@example.fr' },
      completeness: 0,
      editTokenHash: 'h',
      editTokenExpiresAt: '2030-01-01',
      status: 'pending',
      publishedAt: null,
    },
    { action: 'submit', actor: 'test', at: '2026-01-01T00:00:00.000Z' }
  )
}

describe('revisions and outbox', () => {
  it('writes one revision and one outbox row per index on each transition', async () => {
    const sub = await submit()
    await postJson(`/api/moderation/experiments/${sub.id}/approve`, {}, asModerator())
    const { results: revisions } = await env.DB.prepare(
      'SELECT revision, action, status, actor FROM experiment_revisions WHERE experiment_id = ?1 ORDER BY revision'
    )
      .bind(sub.id)
      .all()
    expect(revisions).toEqual([
      { revision: 1, action: 'submit', status: 'pending', actor: 'submitter' },
      { revision: 2, action: 'approve', status: 'published', actor: 'moderator:alice' },
    ])
    // The sync may already have drained some rows; what was enqueued is in the outbox or
    // already delivered, so check the revision counter the rows were written with instead.
    const current = await env.DB.prepare('SELECT revision FROM experiments WHERE id = ?1')
      .bind(sub.id)
      .first()
    expect(current).toEqual({ revision: 2 })
  })

  it('enqueues the outbox rows in the same batch as the change', async () => {
    const id = '01ARZ3NDEKTSV4RRFFQ69G5FAA'
    const statements = directInsert(id, 'atomicite')
    await env.DB.batch(statements)
    const rows = await env.DB.prepare(
      'SELECT target, revision FROM search_outbox WHERE experiment_id = ?1 ORDER BY target'
    )
      .bind(id)
      .all()
    expect(rows.results).toEqual([
      { target: 'embedded', revision: 1 },
      { target: 'meilisearch', revision: 1 },
    ])
  })

  it('rolls back the change and its outbox rows when any statement of the batch fails', async () => {
    const id = '01ARZ3NDEKTSV4RRFFQ69G5FAB'
    const statements = directInsert(id, 'rollback')
    // A last statement that violates a CHECK constraint aborts the whole batch.
    const failing = env.DB.prepare("UPDATE experiments SET status = 'bogus' WHERE id = ?1").bind(id)
    await expect(env.DB.batch([...statements, failing])).rejects.toThrow()
    const counts = await env.DB.prepare(
      `SELECT (SELECT count(*) FROM experiments WHERE id = ?1) AS experiments,
              (SELECT count(*) FROM experiment_revisions WHERE experiment_id = ?1) AS revisions,
              (SELECT count(*) FROM search_outbox WHERE experiment_id = ?1) AS outbox`
    )
      .bind(id)
      .first()
    expect(counts).toEqual({ experiments: 0, revisions: 0, outbox: 0 })
  })

  it('refuses to rewrite history', async () => {
    const sub = await submit()
    await expect(
      env.DB.prepare(
        "UPDATE experiment_revisions SET actor = 'someone else' WHERE experiment_id = ?1"
      )
        .bind(sub.id)
        .run()
    ).rejects.toThrow(/append-only/)
    await expect(
      env.DB.prepare('DELETE FROM experiment_revisions WHERE experiment_id = ?1').bind(sub.id).run()
    ).rejects.toThrow(/append-only/)
  })
})

describe('public list', () => {
  it('pages without duplicates or gaps, even when experiments are published meanwhile', async () => {
    const ids: string[] = []
    for (let i = 0; i < 23; i++)
      ids.push((await publish({ title: `Expérience paginée numéro ${i}` })).id)
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const qs: string = cursor ? `&cursor=${cursor}` : ''
      const res = await request(`/api/experiments?limit=5&stage=rollout${qs}`)
      expect(res.status).toBe(200)
      const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null }
      seen.push(...page.items.map((i) => i.id))
      cursor = page.nextCursor
      // Publishing during the walk must not shift the pages already served.
      if (pages++ === 1) await publish({ title: 'Publiée pendant la pagination' })
    } while (cursor)
    expect(new Set(seen).size).toBe(seen.length)
    for (const id of ids) expect(seen).toContain(id)
  })

  it('filters by theme, région, département, level, stage and evidence', async () => {
    const bretagne = await publish({
      territories: ['com:29019'],
      themes: ['open-data'],
      evidenceLevel: 3,
    })
    const corse = await publish({
      territories: ['dep:2A'],
      themes: ['sobriety.materiel'],
      lead: { name: 'Collectivité de Corse', kind: 'region' },
      stage: 'pilot',
    })
    const ids = async (qs: string) =>
      (
        (await (await request(`/api/experiments?limit=100&${qs}`)).json()) as {
          items: { id: string }[]
        }
      ).items.map((i) => i.id)
    expect(await ids('region=53')).toContain(bretagne.id)
    expect(await ids('region=53')).not.toContain(corse.id)
    expect(await ids('department=2A')).toEqual([corse.id])
    expect(await ids('region=94&region=53')).toEqual(
      expect.arrayContaining([bretagne.id, corse.id])
    )
    expect(await ids('theme=sobriety')).toContain(corse.id)
    expect(await ids('theme=sobriety')).not.toContain(bretagne.id)
    expect(await ids('level=region')).toEqual([corse.id])
    expect(await ids('stage=pilot&department=2A')).toEqual([corse.id])
    expect(await ids('evidence=3')).toContain(bretagne.id)
    expect(await ids('evidence=3')).not.toContain(corse.id)
  })

  it('rejects unknown filter values and corrupt cursors with a 400 naming the parameter', async () => {
    const themeProblem = await expectProblem(await request('/api/experiments?theme=cuisine'), 400)
    expect(themeProblem.errors?.[0]?.parameter).toBe('theme')
    const cursorProblem = await expectProblem(
      await request('/api/experiments?cursor=not-a-cursor'),
      400
    )
    expect(cursorProblem.errors?.[0]?.parameter).toBe('cursor')
    const evidence = await expectProblem(await request('/api/experiments?evidence=9'), 400)
    expect(evidence.errors?.[0]?.parameter).toBe('evidence')
  })
})

describe('invalid submissions', () => {
  const REQUIRED = [
    'title',
    'summary',
    'lead',
    'territories',
    'themes',
    'stage',
    'privateContact',
  ] as const

  it.each(REQUIRED)('requires %s, naming it in the problem', async (field) => {
    const input: Record<string, unknown> = validInput()
    delete input[field]
    const problem = await expectProblem(await postJson('/api/experiments', input), 400)
    expect(problem.errors?.map((e) => e.pointer)).toContain(`/${field}`)
    expect(problem.errors?.every((e) => e.message.length > 0)).toBe(true)
  })

  const BAD: [string, Record<string, unknown>, string][] = [
    ['an unknown territory code', { territories: ['com:99999'] }, '/territories/0'],
    ['a malformed territory code', { territories: ['35238'] }, '/territories/0'],
    [
      'a région code passed as département',
      { territories: ['dep:53', 'reg:999'] },
      '/territories/1',
    ],
    ['no territory', { territories: [] }, '/territories'],
    ['an unknown theme', { themes: ['cuisine'] }, '/themes/0'],
    ['too many themes', { themes: ['mediation', 'open-data', 'education', 'e-health'] }, '/themes'],
    ['an unknown stage', { stage: 'done' }, '/stage'],
    [
      'an invalid SIREN',
      { lead: { name: 'Commune', kind: 'commune', siren: '123456789' } },
      '/lead/siren',
    ],
    ['an unknown lead kind', { lead: { name: 'Commune', kind: 'mairie' } }, '/lead/kind'],
    ['a malformed date', { startDate: '09/2021' }, '/startDate'],
    ['an end before the start', { startDate: '2022-01', endDate: '2021-12' }, '/endDate'],
    ['a short title', { title: 'Wi' }, '/title'],
    ['a long summary', { summary: 'x'.repeat(501) }, '/summary'],
    ['a javascript: URL', { website: 'javascript:alert(1)' }, '/website'],
    ['a negative budget', { means: { budgetEur: -5 } }, '/means/budgetEur'],
    ['an evidence level out of range', { evidenceLevel: 7 }, '/evidenceLevel'],
    ['a wrong type', { themes: 'mediation' }, '/themes'],
    ['an unknown field', { secretField: true }, '/secretField'],
    [
      'an unknown inspiring experiment',
      { inspiredBy: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] },
      '/inspiredBy/0',
    ],
    [
      'an invalid private e-mail',
      { privateContact: { email: 'pas-une-adresse' } },
      '/privateContact/email',
    ],
  ]

  it.each(BAD)('rejects %s', async (_label, overrides, pointer) => {
    const problem = await expectProblem(
      await postJson('/api/experiments', validInput(overrides)),
      400
    )
    expect(problem.errors?.map((e) => e.pointer)).toContain(pointer)
    const stored = await env.DB.prepare('SELECT count(*) AS n FROM experiments WHERE title = ?1')
      .bind(String(overrides.title ?? '__none__'))
      .first<{ n: number }>()
    expect(stored?.n).toBe(0)
  })

  it('answers malformed JSON with a 400 problem', async () => {
    const problem = await expectProblem(
      await postJson('/api/experiments', '{"title": "oops",'),
      400
    )
    expect(problem.detail).toMatch(/JSON/)
  })

  it('answers a non-JSON body with 415', async () => {
    const res = await request('/api/experiments', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    })
    await expectProblem(res, 415)
  })

  it('answers an oversize body with 413 without storing anything', async () => {
    const before = await env.DB.prepare('SELECT count(*) AS n FROM experiments').first<{
      n: number
    }>()
    const huge = validInput({ narrative: { description: 'é'.repeat(300_000) } })
    await expectProblem(await postJson('/api/experiments', huge), 413)
    const after = await env.DB.prepare('SELECT count(*) AS n FROM experiments').first<{
      n: number
    }>()
    expect(after?.n).toBe(before?.n)
  })

  it('answers unknown routes with a 404 problem', async () => {
    await expectProblem(await request('/api/nothing-here'), 404)
  })
})

describe('territory autocomplete', () => {
  const search = async (qs: string) =>
    (
      (await (await request(`/api/territories?${qs}`)).json()) as {
        items: { code: string; name: string }[]
      }
    ).items

  it('finds communes, EPCI, départements and régions by name without accents', async () => {
    const rennes = await search('q=rennes')
    expect(rennes.map((t) => t.code)).toEqual(
      expect.arrayContaining(['com:35238', 'epci:243500139'])
    )
    expect((await search('q=ile de france'))[0]?.code).toBe('reg:11')
    expect((await search('q=Bretagne&kind=reg'))[0]?.code).toBe('reg:53')
    expect((await search('q=saint etienne&kind=com')).map((t) => t.code)).toContain('com:42218')
  })

  it('puts exact codes first', async () => {
    expect((await search('q=35238'))[0]?.code).toBe('com:35238')
    expect((await search('q=2A&kind=dep'))[0]?.code).toBe('dep:2A')
    expect((await search('q=243500139'))[0]?.code).toBe('epci:243500139')
  })

  it('requires a query', async () => {
    const problem = await expectProblem(await request('/api/territories?q='), 400)
    expect(problem.errors?.[0]?.parameter).toBe('q')
  })
})

describe('OpenAPI document', () => {
  it('is served and describes the catalogue routes', async () => {
    const res = await request('/api/openapi.json')
    expect(res.status).toBe(200)
    const doc = (await res.json()) as {
      openapi: string
      servers: { url: string }[]
      paths: Record<string, unknown>
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.servers[0]?.url).toBe('/api')
    for (const path of [
      '/experiments',
      '/experiments/{id}',
      '/territories',
      '/moderation/queue',
      '/moderation/experiments/{id}/approve',
      '/moderation/experiments/{id}/reject',
    ]) {
      expect(doc.paths).toHaveProperty([path])
    }
  })
})
