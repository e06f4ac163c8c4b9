/**
 * The network built on actors: experiment ↔ actor links both ways, « Qui peut m'aider ? »
 * (API, page, and the reverse on an actor's page) ranked nearest first, and the
 * contributors of a territory. Fictitious structures only.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { proximityLevels } from '../../worker/domain/matching'
import { ancestriesOf } from '../../worker/db/territories'
import { embeddedActorEngine } from '../../worker/search/engines'
import { AROUND_RENNES, publishActor, submitActor } from './actor-fixtures'
import { asModerator, publish, postJson, request, validInput } from './fixtures'

const ORDER = ['commune', 'epci', 'departement', 'region', 'national']

const ids: Record<string, { id: string; slug: string }> = {}
const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v.id === id)?.[0] ?? id

beforeAll(async () => {
  for (const [key, overrides] of Object.entries(AROUND_RENNES))
    ids[key] = await publishActor(overrides)
}, 60_000)

describe('« Qui peut m’aider ? »', () => {
  it('lists actors offering the skill nearest first, each with why, in the API', async () => {
    const res = await request('/api/network/helpers?skill=ateliers.collectifs&territory=com:35238')
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      query: { territory: { name: string } }
      items: { id: string; proximity: string; entries: { skill: string; text?: string }[] }[]
    }
    expect(body.query.territory.name).toBe('Rennes')
    expect(body.items.map((m) => nameOf(m.id))).toEqual(ORDER)
    expect(body.items.map((m) => m.proximity)).toEqual([
      'commune',
      'epci',
      'departement',
      'region',
      'national',
    ])
    expect(body.items[0]!.entries).toEqual([
      { skill: 'ateliers.collectifs', text: 'Initiation le mardi' },
    ])
  })

  it('takes a whole family, and only the matching offers as the reason', async () => {
    const res = await request('/api/network/helpers?skill=ateliers&territory=com:35238')
    const items = ((await res.json()) as { items: { id: string; entries: { skill: string }[] }[] })
      .items
    const names = items.map((m) => nameOf(m.id))
    // Same commune: both, by slug (« atelier… » before « club… »).
    expect(names.slice(0, 2)).toEqual(['commune', 'otherSkill'])
    const brest = items.find((m) => nameOf(m.id) === 'region')!
    expect(brest.entries.map((e) => e.skill)).toEqual(['ateliers.collectifs'])
  })

  it('refuses an unknown skill or territory with a problem naming the field', async () => {
    const bad = await request('/api/network/helpers?skill=cuisine&territory=com:35238')
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('skill')
    const unknown = await request('/api/network/helpers?skill=formation&territory=com:99999')
    expect(unknown.status).toBe(400)
    expect(await unknown.text()).toContain('territory')
  })

  it('is computed by the embedded engine from the index rows, same order', async () => {
    const [place = []] = await ancestriesOf(env.DB, [['com:35238']])
    const hits = await embeddedActorEngine(env).match({
      direction: 'offers',
      skills: ['ateliers.collectifs'],
      levels: proximityLevels(place),
      limit: 20,
    })
    expect(hits.map((h) => nameOf(h.id))).toEqual(ORDER)
  })

  it('shows the page without JavaScript, with the reason of each match', async () => {
    const res = await request('/reseau/qui-peut-aider?competence=ateliers.collectifs&lieu=Rennes')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Atelier numérique d’Exemple-Rennes')
    expect(html).toMatch(/propose : ateliers collectifs d’initiation[^;]*; <strong>même commune/)
    expect(html).not.toContain('Fablab d’Exemple-Alençon')
  })

  it('says what is wrong when the need is incomplete', async () => {
    const res = await request('/reseau/qui-peut-aider?competence=&lieu=Nulle-Part-Exemple')
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Choisissez une compétence.')
    expect(html).toContain('Aucun territoire ne correspond à « Nulle-Part-Exemple »')
  })
})

describe('links between experiments and actors', () => {
  it('shows an experiment’s actors and an actor’s experiments', async () => {
    const lead = ids.commune!
    const partner = ids.departement!
    const exp = await publish(
      validInput({
        title: 'Ateliers d’Exemple au quartier',
        lead: { name: 'Atelier numérique d’Exemple-Rennes', kind: 'association', actorId: lead.id },
        partners: [{ name: 'Réseau d’Exemple', role: 'formation', actorId: partner.id }],
        territories: ['com:35238'],
      })
    )
    const page = await (await request(`/experiences/${exp.slug}`)).text()
    expect(page).toContain(`href="/acteurs/${lead.slug}"`)
    expect(page).toContain(`href="/acteurs/${partner.slug}"`)
    const network = (await (await request(`/api/network/actors/${lead.slug}`)).json()) as {
      experiments: { slug: string; role: string }[]
      contributions: { led: number; partnered: number }
    }
    expect(network.experiments).toEqual([expect.objectContaining({ slug: exp.slug, role: 'lead' })])
    expect(network.contributions).toMatchObject({ led: 1, partnered: 0 })
    const actorPage = await (await request(`/acteurs/${lead.slug}`)).text()
    expect(actorPage).toContain(`href="/experiences/${exp.slug}"`)
    expect(actorPage).toContain('1 expérience portée')
    const ofPartner = (await (await request(`/api/network/actors/${partner.id}`)).json()) as {
      contributions: { led: number; partnered: number }
    }
    expect(ofPartner.contributions).toMatchObject({ led: 0, partnered: 1 })
  })

  it('refuses an actor id that names no actor, naming the field', async () => {
    const res = await postJson(
      '/api/experiments',
      validInput({
        lead: { name: 'Commune d’Exemple', kind: 'commune', actorId: '01JD8Z6M4S4X7R2Q9F3K5V1B0C' },
      })
    )
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('/lead/actorId')
  })

  it('refuses an imported row linking an actor the public cannot see, naming the field', async () => {
    const pending = await submitActor({ name: 'Ressourcerie en attente d’Exemple' })
    const rejected = await submitActor({ name: 'Collectif refusé d’Exemple' })
    const refusal = await postJson(
      `/api/moderation/actors/${rejected.id}/reject`,
      { reason: 'Hors du champ de l’observatoire.' },
      asModerator()
    )
    expect(refusal.status).toBe(200)
    const row = (sourceId: string, partnerId: string) => ({
      ...validInput({
        title: `Atelier importé d’Exemple ${sourceId}`,
        lead: { name: 'Ressourcerie d’Exemple', kind: 'association', actorId: pending.id },
        partners: [{ name: 'Collectif d’Exemple', role: 'appui', actorId: partnerId }],
      }),
      sourceId,
    })
    type Report = {
      counts: { created: number; invalid: number }
      rows: { status: string; errors?: { pointer?: string; message: string }[] }[]
    }
    const imported = async (sourceId: string, partnerId: string) => {
      const res = await postJson(
        '/api/moderation/import?publish=true',
        [row(sourceId, partnerId)],
        asModerator()
      )
      expect(res.status).toBe(200)
      return (await res.json()) as Report
    }

    const refused = await imported('liens-non-publies', rejected.id)
    expect(refused.counts).toMatchObject({ created: 0, invalid: 1 })
    expect(refused.rows[0]!.errors).toEqual([
      { pointer: '/lead/actorId', message: expect.stringContaining('non publié') as string },
      { pointer: '/partners/0/actorId', message: expect.stringContaining('non publié') as string },
    ])

    const partner = await publishActor({ name: 'Partenaire publié d’Exemple' })
    const approved = await postJson(
      `/api/moderation/actors/${pending.id}/approve`,
      {},
      asModerator()
    )
    expect(approved.status).toBe(200)
    expect((await imported('liens-publies', partner.id)).counts).toMatchObject({
      created: 1,
      invalid: 0,
    })
  })
})

describe('the reverse and the contributors', () => {
  it('shows on an actor’s page the nearby actors needing what it offers', async () => {
    const needing = await publishActor({
      name: 'Association d’Exemple-Cesson',
      kind: 'association',
      territories: ['com:35051'],
      needs: [{ skill: 'ateliers.collectifs', text: 'Des ateliers pour nos adhérents' }],
    })
    const res = await request(`/api/network/actors/${ids.epci!.slug}`)
    expect(res.status).toBe(200)
    const { needing: found } = (await res.json()) as {
      needing: { slug: string; proximity: string; entries: { skill: string; text?: string }[] }[]
    }
    expect(found).toEqual([
      expect.objectContaining({
        slug: needing.slug,
        proximity: 'epci',
        entries: [{ skill: 'ateliers.collectifs', text: 'Des ateliers pour nos adhérents' }],
      }),
    ])
    const page = await (await request(`/acteurs/${ids.epci!.slug}`)).text()
    expect(page).toContain('Qui a besoin de ce que j’apporte ?')
    expect(page).toContain(`href="/acteurs/${needing.slug}"`)
    expect(page).toMatch(/a besoin de : ateliers collectifs d’initiation/)
  })

  it('lists a territory’s contributors alphabetically with what each brought', async () => {
    const res = await request('/territoires/dep:35/contributeurs')
    expect(res.status).toBe(200)
    const html = await res.text()
    const at = (key: string) => html.indexOf(`href="/acteurs/${ids[key]!.slug}"`)
    expect(at('commune')).toBeGreaterThan(-1)
    expect(at('epci')).toBeGreaterThan(-1)
    expect(at('elsewhere')).toBe(-1)
    expect(at('commune')).toBeLessThan(at('epci'))
  })
})

describe('the seed of real actors', () => {
  it('imports every real actor published, and a catalogue record links to its porteur', async () => {
    const rows = env.TEST_REAL_ACTORS
    const res = await postJson('/api/moderation/actors/import', rows.slice(0, 100), asModerator())
    expect(res.status).toBe(201)
    const rest = await postJson('/api/moderation/actors/import', rows.slice(100), asModerator())
    expect(rest.status).toBe(201)
    const ids = [
      ...((await res.json()) as { ids: string[] }).ids,
      ...((await rest.json()) as { ids: string[] }).ids,
    ]
    expect(ids).toHaveLength(rows.length)
    const orne = rows.findIndex((r) => r.name === "Département de l'Orne")
    const actor = (await (await request(`/api/actors/${ids[orne]}`)).json()) as {
      kind: string
      territories: string[]
      offers: unknown[]
      needs: unknown[]
    }
    expect(actor).toMatchObject({
      kind: 'collectivite',
      territories: ['dep:61'],
      offers: [],
      needs: [],
    })
    // The catalogue's record, imported with its porteur's actor as `npm start` does.
    const row = env.TEST_REAL_CATALOGUE.find((r) =>
      r.lead.name.startsWith("Département de l'Orne")
    )!
    const imported = await postJson(
      '/api/moderation/import?publish=true',
      [{ ...row, lead: { ...row.lead, actorId: ids[orne] } }],
      asModerator()
    )
    expect(imported.status).toBe(200)
    const network = (await (await request(`/api/network/actors/${ids[orne]}`)).json()) as {
      experiments: { title: string; role: string }[]
    }
    expect(network.experiments).toEqual([
      expect.objectContaining({ title: row.title, role: 'lead' }),
    ])
  })

  it('refuses an import without a moderator', async () => {
    const res = await postJson('/api/moderation/actors/import', env.TEST_REAL_ACTORS.slice(0, 1))
    expect(res.status).toBe(401)
  })
})
