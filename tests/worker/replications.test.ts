/**
 * « Nous l'avons reproduite » : declared through the API and the form without JavaScript,
 * pre-moderated, then shown on both records with the source's « adoptée par » count, its
 * spread graph and table, and in the edge-list exports. Never before approval.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertModerator } from '../../worker/db/moderators'
import { hashPassword } from '../../worker/lib/password'
import { publishActor, submitActor } from './actor-fixtures'
import {
  asModerator,
  postForm,
  refusedByTurnstile,
  postJson,
  publish,
  request,
  submit,
} from './fixtures'

const ORIGIN = 'https://observatoire.test'

const page = async (path: string) =>
  (await request(path, { headers: { accept: 'text/html' } })).text()

const declaration = (overrides: Record<string, unknown> = {}) => ({
  territory: 'com:35238',
  declarant: { name: 'Commune d’Exemple', kind: 'commune' },
  relation: 'adapted',
  progress: 'done',
  startDate: '2024-03',
  adaptations: 'Un seul véhicule, partagé avec la commune voisine.',
  ...overrides,
})

async function pendingCount(sourceId: string): Promise<number> {
  const row = await env.DB.prepare(
    `SELECT count(*) AS n FROM replications WHERE source_id = ?1 AND status = 'pending'`
  )
    .bind(sourceId)
    .first<{ n: number }>()
  return row?.n ?? 0
}

async function approve(id: string) {
  const res = await postJson(`/api/moderation/replications/${id}/approve`, {}, asModerator())
  expect(res.status).toBe(204)
}

describe('replications API', () => {
  it('declares, waits for moderation, then shows on both records and counts', async () => {
    const source = await publish({ title: 'Atelier vélo-numérique de la Commune d’Exemple' })
    const adopter = await publish({ title: 'Atelier vélo-numérique repris à Exempleville' })
    const res = await postJson(
      `/api/experiments/${source.slug}/replications`,
      declaration({ adopterExperiment: `https://ailleurs.example/experiences/${adopter.slug}` })
    )
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }

    // Pending: nothing public yet, but the moderators' list has it.
    const before = (await (await request(`/api/experiments/${source.id}/replications`)).json()) as {
      received: unknown[]
    }
    expect(before.received).toEqual([])
    expect(await page(`/experiences/${source.slug}`)).toContain(
      'Aucun territoire n’a encore déclaré l’avoir adoptée.'
    )
    const pending = (await (
      await request('/api/moderation/replications', { headers: asModerator() })
    ).json()) as { items: { id: string; source: { id: string }; territory: { name: string } }[] }
    expect(pending.items).toContainEqual(
      expect.objectContaining({ id, source: expect.objectContaining({ id: source.id }) })
    )

    await approve(id)
    const again = await postJson(`/api/moderation/replications/${id}/reject`, {}, asModerator())
    expect(again.status).toBe(409)

    const after = (await (await request(`/api/experiments/${source.id}/replications`)).json()) as {
      received: { territory: { code: string; name: string }; adopter: { id: string } | null }[]
    }
    expect(after.received).toHaveLength(1)
    expect(after.received[0]!.territory).toEqual({ code: 'com:35238', name: 'Rennes' })
    expect(after.received[0]!.adopter?.id).toBe(adopter.id)
    const declared = (await (
      await request(`/api/experiments/${adopter.id}/replications`)
    ).json()) as {
      declared: { source: { title: string } }[]
    }
    expect(declared.declared.map((r) => r.source.title)).toEqual([
      'Atelier vélo-numérique de la Commune d’Exemple',
    ])

    // Both pages link each other by title; the source counts one territory and draws it.
    const sourcePage = await page(`/experiences/${source.slug}`)
    expect(sourcePage).toContain('Adoptée par 1 territoire.')
    expect(sourcePage).toContain(`href="/experiences/${adopter.slug}"`)
    expect(sourcePage).toContain('class="spread-graph"')
    expect(sourcePage).toContain('Un seul véhicule, partagé avec la commune voisine.')
    expect(sourcePage).toContain('id="carte-essaimage"')
    const adopterPage = await page(`/experiences/${adopter.slug}`)
    expect(adopterPage).toContain('Cette fiche reproduit')
    expect(adopterPage).toContain(`href="/experiences/${source.slug}"`)

    const spread = (await (await request(`/api/experiments/${source.id}/spread`)).json()) as {
      adoptedBy: number
      links: { generation: number; regions: string[] }[]
    }
    expect(spread.adoptedBy).toBe(1)
    expect(spread.links).toEqual([expect.objectContaining({ generation: 1, regions: ['53'] })])

    const audit = await env.DB.prepare(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'approve-replication' AND target = ?1`
    )
      .bind(`experiment:${source.id}`)
      .first<{ n: number }>()
    expect(audit?.n).toBe(1)
  })

  it('refuses unknown territories, bad links, self-replication and unpublished records', async () => {
    const source = await publish({ title: 'Cartographie participative d’Exempleville' })
    const post = (body: unknown) => postJson(`/api/experiments/${source.id}/replications`, body)
    const pointers = async (res: Response) =>
      ((await res.json()) as { errors: { pointer: string }[] }).errors.map((e) => e.pointer)

    const unknown = await post(declaration({ territory: 'com:99999' }))
    expect(unknown.status).toBe(400)
    expect(await pointers(unknown)).toEqual(['/territory'])
    const self = await post(declaration({ adopterExperiment: source.slug }))
    expect(self.status).toBe(400)
    expect(await pointers(self)).toEqual(['/adopterExperiment'])
    const badLink = await post(declaration({ link: 'javascript:alert(1)' }))
    expect(badLink.status).toBe(400)
    expect(await pointers(badLink)).toEqual(['/link'])
    const extra = await post({ ...declaration(), email: 'a@b.c' })
    expect(extra.status).toBe(400)
    expect(await pendingCount(source.id)).toBe(0)

    const hidden = await submit({ title: 'Fiche en attente d’Exempleville' })
    expect(
      (await postJson(`/api/experiments/${hidden.id}/replications`, declaration())).status
    ).toBe(404)
  })

  it('a rejected declaration never shows', async () => {
    const source = await publish({ title: 'Conciergerie numérique d’Exempleville' })
    const res = await postJson(`/api/experiments/${source.id}/replications`, declaration())
    const { id } = (await res.json()) as { id: string }
    const rejected = await postJson(
      `/api/moderation/replications/${id}/reject`,
      { reason: 'Déclaration invérifiable.' },
      asModerator()
    )
    expect(rejected.status).toBe(204)
    expect(await page(`/experiences/${source.slug}`)).not.toContain('Adoptée par')
    const csv = await (await request('/api/exports/replications.csv')).text()
    expect(csv).not.toContain(id)
  })
})

describe('the declaring actor', () => {
  interface Network {
    replicated: { source: { slug: string }; territory: { name: string } }[]
    contributions: { replicated: number; takenUp: number }
  }
  const networkOf = async (slug: string) =>
    (await (await request(`/api/network/actors/${slug}`)).json()) as Network

  it('must be a published actor of the network, or the declaration is refused naming actorId', async () => {
    const source = await publish({ title: 'Repair café numérique d’Exempleville' })
    const pending = await submitActor({ name: 'Association en attente d’Exemple' })
    const post = (actorId: string) =>
      postJson(`/api/experiments/${source.id}/replications`, declaration({ actorId }))
    for (const actorId of ['01JD8Z6M4S4X7R2Q9F3K5V1B0C', pending.id, 'pas-un-identifiant']) {
      const res = await post(actorId)
      expect(res.status).toBe(400)
      const body = (await res.json()) as { errors: { pointer: string }[] }
      expect(body.errors.map((e) => e.pointer)).toEqual(['/actorId'])
    }
    expect(await pendingCount(source.id)).toBe(0)
  })

  it('an approved replication counts toward the actor that declared it, and shows on its page', async () => {
    const source = await publish({ title: 'Bus numérique des villages d’Exemple' })
    const actor = await publishActor({ name: 'Médiathèque d’Exemple-Rennes' })
    expect((await networkOf(actor.slug)).contributions.replicated).toBe(0)
    const res = await postJson(
      `/api/experiments/${source.id}/replications`,
      declaration({ actorId: actor.id, declarant: { name: 'Médiathèque', kind: 'association' } })
    )
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }
    // Pending: not counted yet.
    expect((await networkOf(actor.slug)).contributions.replicated).toBe(0)

    await approve(id)
    const after = await networkOf(actor.slug)
    expect(after.contributions.replicated).toBe(1)
    expect(after.replicated).toEqual([
      expect.objectContaining({
        source: expect.objectContaining({ slug: source.slug }),
        territory: { code: 'com:35238', name: 'Rennes' },
      }),
    ])
    const actorPage = await page(`/acteurs/${actor.slug}`)
    expect(actorPage).toContain('1 pratique d’ailleurs reproduite')
    expect(actorPage).toMatch(
      new RegExp(
        `a reproduit <a href="/experiences/${source.slug}">Bus numérique des villages d’Exemple</a> à Rennes`
      )
    )
    // The source's page names the declaring structure with a link to it, never its id.
    const sourcePage = await page(`/experiences/${source.slug}`)
    expect(sourcePage).toContain(`href="/acteurs/${actor.slug}">Médiathèque d’Exemple-Rennes</a>`)
    expect(sourcePage).not.toContain(actor.id)
    // And the territory's contributors page counts it.
    const contributors = await page('/territoires/com:35238/contributeurs')
    expect(contributors).toContain('1 pratique d’ailleurs reproduite')
  })

  it('an approved take-up by another counts toward the source’s porteur, never its own', async () => {
    const porteur = await publishActor({ name: 'Tiers-lieu d’Exemple-Rennes' })
    const source = await publish({
      title: 'Fabrique numérique d’Exemple',
      lead: { name: 'Tiers-lieu d’Exemple-Rennes', kind: 'association', actorId: porteur.id },
    })
    const other = await publishActor({ name: 'Centre social d’Exemple-Rennes' })
    const declare = async (actorId: string) => {
      const res = await postJson(
        `/api/experiments/${source.id}/replications`,
        declaration({ actorId, declarant: { name: 'Structure', kind: 'association' } })
      )
      expect(res.status).toBe(201)
      return ((await res.json()) as { id: string }).id
    }
    const byOther = await declare(other.id)
    expect((await networkOf(porteur.slug)).contributions.takenUp).toBe(0)
    await approve(byOther)
    // Its own declaration on its own practice is no take-up by others.
    await approve(await declare(porteur.id))
    expect((await networkOf(porteur.slug)).contributions.takenUp).toBe(1)
    expect((await networkOf(other.slug)).contributions.takenUp).toBe(0)
    expect(await page(`/acteurs/${porteur.slug}`)).toContain(
      '1 reprise de ses expériences déclarée ailleurs'
    )
    const contributors = await page('/territoires/com:35238/contributeurs')
    expect(contributors).toContain('1 reprise de ses expériences déclarée ailleurs')
  })
})

describe('« inspirée de » and « essaimée à »', () => {
  it('names cited records by title and counts the citing records’ territories', async () => {
    const source = await publish({ title: 'Fabrique de services publics d’Exempleville' })
    const child = await publish({
      title: 'Fabrique de services repris à Exemple-sur-Mer',
      inspiredBy: [source.id],
      territories: ['dep:35'],
    })
    const grandchild = await publish({
      title: 'Fabrique de services, troisième génération',
      inspiredBy: [child.id],
      territories: ['dep:29'],
    })
    const childPage = await page(`/experiences/${child.slug}`)
    expect(childPage).toContain(
      `<a href="/experiences/${source.slug}">Fabrique de services publics d’Exempleville</a>`
    )
    expect(childPage).not.toContain(`>${source.id}<`)

    const spread = (await (await request(`/api/experiments/${source.id}/spread`)).json()) as {
      adoptedBy: number
      links: { generation: number; kind: string; record: { id: string } }[]
    }
    expect(spread.adoptedBy).toBe(1)
    expect(spread.links.map((l) => [l.generation, l.kind, l.record.id])).toEqual([
      [1, 'inspired-by', child.id],
      [2, 'inspired-by', grandchild.id],
    ])
    const sourcePage = await page(`/experiences/${source.slug}`)
    expect(sourcePage).toContain('Génération 2')
    expect(sourcePage).toContain('Adoptée par 1 territoire.')
  })
})

describe('replication form (no JavaScript)', () => {
  const fields = (overrides: Record<string, string> = {}): [string, string][] =>
    Object.entries({
      territory: 'Rennes',
      declarantName: 'Commune d’Exemple',
      declarantKind: 'commune',
      relation: 'replicated',
      progress: 'in-progress',
      startDate: '2025',
      adaptations: '',
      adopterExperiment: '',
      link: '',
      fax: '',
      ...overrides,
    })

  it('shows the form, stores a declaration by territory name, then thanks', async () => {
    const source = await publish({ title: 'Prêt de tablettes d’Exempleville' })
    const form = await page(`/experiences/${source.slug}/reproduite`)
    expect(form).toContain('name="territory"')
    expect(form).toContain('name="fax"')
    const res = await postForm(`/experiences/${source.slug}/reproduite`, fields())
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/experiences/${source.slug}/reproduite?merci`)
    expect(await pendingCount(source.id)).toBe(1)
    const row = await env.DB.prepare(
      'SELECT territory, region, relation FROM replications WHERE source_id = ?1'
    )
      .bind(source.id)
      .first()
    expect(row).toEqual({ territory: 'com:35238', region: '53', relation: 'replicated' })
  })

  it('shows a failed anti-robot check at the Turnstile widget, not on the territory', async () => {
    const source = await publish({ title: 'Fablab itinérant d’Exempleville' })
    const html = await refusedByTurnstile(`/experiences/${source.slug}/reproduite`, fields(), 'r')
    expect(html).not.toContain('id="r-territory-erreur"')
    expect(await pendingCount(source.id)).toBe(0)
  })

  it('offers a choice for an ambiguous name, and the chosen one is stored', async () => {
    const source = await publish({ title: 'Tiers-lieu mobile d’Exempleville' })
    const res = await postForm(
      `/experiences/${source.slug}/reproduite`,
      fields({ territory: 'Saint-Denis' })
    )
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('name="territoryChoice"')
    const code = /name="territoryChoice" value="(com:\d+)"/.exec(html)?.[1]
    expect(code).toBeDefined()
    const chosen = await postForm(
      `/experiences/${source.slug}/reproduite`,
      fields({ territory: 'Saint-Denis', territoryChoice: code! })
    )
    expect(chosen.status).toBe(303)
    expect(await pendingCount(source.id)).toBe(1)
  })

  it('re-renders errors next to their fields; honeypot and cross-site store nothing', async () => {
    const source = await publish({ title: 'Ateliers seniors d’Exempleville' })
    const bad = await postForm(
      `/experiences/${source.slug}/reproduite`,
      fields({ territory: 'Nulle-Part-sur-Rien', declarantName: 'x', startDate: '2024-13' })
    )
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('id="r-territory-erreur"')
    expect(html).toContain('id="r-declarantName-erreur"')
    expect(html).toContain('id="r-startDate-erreur"')
    expect(html).toContain('value="Nulle-Part-sur-Rien"')

    const bot = await postForm(`/experiences/${source.slug}/reproduite`, fields({ fax: 'spam' }))
    expect(bot.status).toBe(303)
    const crossSite = await postForm(`/experiences/${source.slug}/reproduite`, fields(), {
      origin: 'https://evil.example',
    })
    expect(crossSite.status).toBe(403)
    expect(await pendingCount(source.id)).toBe(0)
  })
})

describe('desk and exports', () => {
  it('a moderator approves from the queue; the edge list carries it in CSV and JSON', async () => {
    await insertModerator(
      env.DB,
      'jules',
      await hashPassword('un mot de passe assez long 7'),
      new Date().toISOString()
    ).run()
    const signIn = await request('/moderation/connexion', {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      body: new URLSearchParams({
        moderateur: 'jules',
        'mot-de-passe': 'un mot de passe assez long 7',
      }).toString(),
    })
    const cookie = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Host-obs_session='))!
      .split(';')[0]!
    const source = await publish({ title: '=Formule piégée d’Exempleville' })
    const { id } = (await (
      await postJson(`/api/experiments/${source.id}/replications`, declaration())
    ).json()) as { id: string }

    const queue = await (await request('/moderation', { headers: { cookie } })).text()
    expect(queue).toContain('Reproductions déclarées')
    expect(queue).toContain(`/moderation/reproductions/${id}/approuver`)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(queue)![1]!
    const decided = await request(`/moderation/reproductions/${id}/approuver`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf }).toString(),
    })
    expect(decided.status).toBe(303)
    expect(decided.headers.get('location')).toBe('/moderation?fait=reproduction-publiee')

    const csv = await request('/api/exports/replications.csv')
    expect(csv.headers.get('content-type')).toContain('text/csv')
    const text = await csv.text()
    expect(text.split('\r\n')[0]).toBe(
      'id,source_id,source_title,adopter_id,adopter_title,territory,territory_name,region,declarant_name,declarant_kind,relation,progress,start_date,adaptations,link,approved_at'
    )
    const line = text.split('\r\n').find((l) => l.startsWith(id))
    expect(line).toContain(`${source.id},'=Formule piégée d’Exempleville,`)
    const json = (await (await request('/api/exports/replications.json')).json()) as {
      id: string
    }[]
    expect(json.map((r) => r.id)).toContain(id)
  })
})

describe('statistics of the spread', () => {
  it('ranks practices by take-ups and counts them received and given per région', async () => {
    const before = (await (await request('/api/stats/replications')).json()) as {
      areas: { code: string; received: number; given: number; givenPer100kInhabitants: number }[]
    }
    const area = (s: typeof before, code: string) => s.areas.find((a) => a.code === code)!
    // A practice of Occitanie (reg:76), reproduced in Rennes (Bretagne) and cited by a
    // record of Finistère (Bretagne too).
    const source = await publish({
      title: 'Budget participatif numérique d’Exempleville',
      territories: ['reg:76'],
      themes: ['participation'],
    })
    const { id } = (await (
      await postJson(`/api/experiments/${source.id}/replications`, declaration())
    ).json()) as { id: string }
    await approve(id)
    await publish({
      title: 'Budget participatif repris à Exemple-en-Finistère',
      territories: ['dep:29'],
      inspiredBy: [source.id],
    })

    const after = (await (
      await request('/api/stats/replications?theme=participation&limit=5')
    ).json()) as typeof before & {
      mostReplicated: { record: { id: string }; takeUps: number }[]
      total: number
    }
    expect(after.mostReplicated[0]).toEqual({
      record: expect.objectContaining({ id: source.id }),
      takeUps: 2,
    })
    expect(area(after, 'reg:76').received - area(before, 'reg:76').received).toBe(2)
    expect(area(after, 'reg:53').given - area(before, 'reg:53').given).toBe(2)
    expect(area(after, 'reg:53').givenPer100kInhabitants).toBeGreaterThan(0)

    const compare = await page('/comparer?t=reg%3A53&t=reg%3A76')
    expect(compare).toContain('Reprises reçues')
    expect(compare).toContain('Reprises données')
    expect(compare).toContain(`href="/experiences/${source.slug}"`)
    const territory = await page('/territoires/reg:76')
    expect(territory).toContain('Pratiques du territoire les plus reprises : Occitanie')
    expect(territory).toContain(`href="/experiences/${source.slug}"`)

    expect((await request('/api/stats/replications?level=dep&territory=dep:29')).status).toBe(200)
    expect((await request('/api/stats/replications?level=com')).status).toBe(400)
    expect((await request('/api/stats/replications?limit=1000')).status).toBe(400)
  })
})
