/**
 * Server-rendered pages in workerd: what each page shows, that hostile text stays text,
 * that the form validates with the record's schema and keeps what was typed, and that
 * private contact fields never reach a page.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { THEME_TREE, STAGES } from '../../worker/domain/vocabularies'
import { runSearch } from '../../worker/search/service'
import { drainOutbox } from '../../worker/search/sync'
import { publish, request, validInput } from './fixtures'

const ORIGIN = 'https://observatoire.test'
const HOSTILE_TITLE = '<script>alert(1)</script> Médiation hostile'
const HOSTILE_SUMMARY = '"><svg onload=alert(2)> un résumé assez long pour passer la validation.'
const PRIVATE_EMAIL = 'secret.referent@example.fr'

function postForm(pairs: [string, string][], headers: Record<string, string> = {}) {
  return request('/proposer', {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: ORIGIN,
      accept: 'text/html',
      ...headers,
    },
    body: new URLSearchParams(pairs).toString(),
  })
}

/** A complete, valid form submission as a browser would send it. */
function validForm(title = 'Bus numérique dans les villages du Bocage'): [string, string][] {
  return [
    ['title', title],
    ['summary', 'Un bus aménagé passe chaque semaine dans douze communes rurales du Bocage.'],
    ['lead.name', 'Communauté de communes du Bocage'],
    ['lead.kind', 'epci'],
    ['lead.siren', ''],
    ['territories', 'dep:53'],
    ['themes', 'mediation'],
    ['themes', 'mediation.itinerance'],
    ['stage', 'pilot'],
    ['startDate', '2022-03'],
    ['evidenceLevel', '1'],
    ['means.budgetEur', '120 000'],
    ['means.staffFte', '1,5'],
    ['results.indicators.0.label', 'Accompagnements par mois'],
    ['results.indicators.0.value', '85'],
    ['results.indicators.1.label', ''],
    ['privateContact.email', PRIVATE_EMAIL],
    ['fax', ''],
  ]
}

let published: { id: string; slug: string }
let hostile: { id: string; slug: string }

beforeAll(async () => {
  published = await publish({
    title: 'Conseillers numériques itinérants en Mayenne',
    narrative: { context: 'Les habitants des villages sont loin des guichets.' },
    results: {
      indicators: [{ label: 'Personnes accompagnées', unit: 'personnes', value: 1200 }],
    },
    means: { budgetEur: 250000, fundingSources: [{ type: 'state', amountEur: 100000 }] },
    evidenceLevel: 2,
    privateContact: { email: PRIVATE_EMAIL, phone: '+33 6 12 34 56 78', name: 'Agent Secret' },
  })
  hostile = await publish({
    title: HOSTILE_TITLE,
    summary: HOSTILE_SUMMARY,
    lead: { name: '<img src=x onerror=alert(3)>', kind: 'commune' },
    narrative: { description: '</p><script>alert(4)</script>' },
    privateContact: { email: PRIVATE_EMAIL },
  })
  await drainOutbox(env)
  // Meilisearch (when the test run has one) indexes asynchronously: wait until both
  // records are searchable so the search-page assertions do not race the index.
  for (let i = 0; i < 50; i++) {
    const found = await runSearch(env, {
      q: '',
      filters: {},
      sort: 'recent',
      page: 1,
      hitsPerPage: 50,
    })
    const ids = new Set(found.hits.map((h) => h.id))
    if (ids.has(published.id) && ids.has(hostile.id)) break
    await new Promise((r) => setTimeout(r, 200))
  }
})

describe('experiment page', () => {
  it('shows the public fields, the evidence level in words and the cite block', async () => {
    const res = await request(`/experiences/${published.slug}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const html = await res.text()
    expect(html).toMatch(/^<!doctype html><html lang="fr">/)
    expect(html).toContain('<h1>Conseillers numériques itinérants en Mayenne</h1>')
    expect(html).toContain('Les habitants des villages sont loin des guichets.')
    expect(html).toContain('Niveau 2 sur 4 : Évaluation interne documentée')
    expect(html).toContain('<caption>Indicateurs</caption>')
    expect(html).toMatch(/250\s000\s€/)
    expect(html).toContain('Citer / réutiliser')
    expect(html).toContain(`/experiences/${published.slug}`)
    expect(html).toContain('Licence Ouverte 2.0')
    // No inline script or style anywhere (the CSP would block them).
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)/)
    expect(html).not.toMatch(/\sstyle=/)
  })

  it('is also reachable by id', async () => {
    expect((await request(`/experiences/${published.id}`)).status).toBe(200)
  })

  it('never renders private contact fields', async () => {
    for (const path of [`/experiences/${published.slug}`, `/?q=Mayenne`, '/']) {
      const html = await (await request(path)).text()
      expect(html).not.toContain(PRIVATE_EMAIL)
      expect(html).not.toContain('Agent Secret')
      expect(html).not.toContain('12 34 56 78')
    }
  })

  it('escapes hostile text', async () => {
    const html = await (await request(`/experiences/${hostile.slug}`)).text()
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Médiation hostile')
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<svg onload')
    expect(html).not.toContain('<img src=x')
    expect(html).not.toContain('</p><script>')
  })

  it('answers 404 in French for unknown and pending experiments', async () => {
    const unknown = await request('/experiences/nexiste-pas')
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toContain('Expérience introuvable')

    const pending = await postForm([
      ...validForm('Fiche en attente de modération'),
      ['_confirm', '1'],
    ])
    expect(pending.status).toBe(201)
    const row = await env.DB.prepare(
      "SELECT slug FROM experiments WHERE title = 'Fiche en attente de modération'"
    ).first<{ slug: string }>()
    const res = await request(`/experiences/${row?.slug}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
  })
})

describe('address fields', () => {
  it('the actor and event forms ask for a street and a postcode, labelled, on one row', async () => {
    const forms: [string, string][] = [
      ['/acteurs/proposer', 'address'],
      ['/evenements/proposer', 'place.address'],
    ]
    for (const [path, prefix] of forms) {
      const html = await (await request(path, { headers: { accept: 'text/html' } })).text()
      expect(html, path).toMatch(
        new RegExp(
          `<div class="row">.*?name="${prefix}\\.street".*?name="${prefix}\\.postcode"[^>]*inputmode="numeric"`,
          's'
        )
      )
      expect(html, path).toContain('Adresse (numéro et voie)')
      expect(html, path).toContain('Code postal')
    }
  })
})

describe('not found', () => {
  it("names the kind of record a reader looked for, in the reader's language", async () => {
    const cases: [string, string, string][] = [
      ['/experiences/nexiste-pas/historique', 'Expérience introuvable', 'Experiment not found'],
      ['/acteurs/nexiste-pas', 'Acteur introuvable', 'Actor not found'],
      ['/acteurs/nexiste-pas/signaler', 'Acteur introuvable', 'Actor not found'],
      ['/evenements/nexiste-pas', 'Événement introuvable', 'Event not found'],
      ['/evenements/nexiste-pas/historique', 'Événement introuvable', 'Event not found'],
    ]
    for (const [path, french, english] of cases) {
      const fr = await request(path, { headers: { accept: 'text/html' } })
      expect(fr.status, path).toBe(404)
      expect(await fr.text(), path).toContain(`<h1>${french}</h1>`)
      const en = await request(path, { headers: { accept: 'text/html', cookie: 'lang=en' } })
      expect(en.status, path).toBe(404)
      expect(await en.text(), path).toContain(`<h1>${english}</h1>`)
    }
  })

  it('is an HTML page for browsers and problem+json for the API', async () => {
    const page = await request('/nulle-part', { headers: { accept: 'text/html' } })
    expect(page.status).toBe(404)
    expect(await page.text()).toContain('Page introuvable')
    const api = await request('/api/nulle-part', { headers: { accept: 'text/html' } })
    expect(api.headers.get('content-type')).toMatch(/problem\+json/)
  })
})

describe('search page', () => {
  it('shows results with highlights, facet counts and the map', async () => {
    const res = await request('/?q=conseillers&theme=mediation')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<mark>')
    expect(html).toContain(`href="/experiences/${published.slug}"`)
    expect(html).toMatch(/name="theme" value="mediation" checked=""/)
    expect(html).toMatch(/Inclusion et médiation numérique <span class="count">\(\d+\)/)
    expect(html).toContain('class="france-map"')
    // The map links filter by région, keeping the rest of the query.
    expect(html).toContain('href="/?q=conseillers&amp;theme=mediation&amp;region=52#resultats"')
  })

  it('escapes hostile titles in results', async () => {
    const html = await (await request('/?q=hostile')).text()
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('<script>alert')
    expect(html).not.toContain('<svg onload')
  })

  it('sorts by relevance unless someone picks another order, with or without text', async () => {
    const selected = (html: string) => /<option value="(\w+)" selected=""/.exec(html)?.[1]
    // The form is sent as it is shown: a recency sort would follow every new text search.
    expect(selected(await (await request('/')).text())).toBe('relevance')
    expect(selected(await (await request('/?q=conseillers')).text())).toBe('relevance')
    expect(selected(await (await request('/?q=conseillers&sort=recent')).text())).toBe('recent')
  })

  it('offers the corrected spelling and says when the fallback engine answered', async () => {
    // The suite runs without Meilisearch: the embedded engine answers and corrects.
    const html = await (await request('/?q=conseilers+itinerants')).text()
    expect(html).toContain('Vouliez-vous dire')
    expect(html).toContain('href="/?q=conseillers+itinerants"')
    expect(html).toContain(`href="/experiences/${published.slug}"`)
    expect(html).toContain('class="degraded"')
  })

  it('suggests removing filters when nothing matches', async () => {
    const html = await (await request('/?q=conseillers&stage=idea')).text()
    expect(html).toContain('Aucune expérience ne correspond')
    expect(html).toContain('href="/?q=conseillers"')
  })

  it('ignores unknown filter values instead of failing, and still applies the known ones', async () => {
    const link = (e: { slug: string }) => `href="/experiences/${e.slug}"`
    // Only unknown values: nothing is filtered out (rather than nothing matching).
    const res = await request('/?theme=%3Cscript%3E&region=xx&page=-4&sort=nope')
    expect(res.status).toBe(200)
    const unfiltered = await res.text()
    expect(unfiltered).toContain(link(published))
    expect(unfiltered).toContain(link(hostile))
    expect(unfiltered).not.toContain('value="xx"')
    // A known value next to unknown ones: only the commune-led record remains.
    const filtered = await (await request('/?level=commune&level=%3Cscript%3E&region=xx')).text()
    expect(filtered).toContain(link(hostile))
    expect(filtered).not.toContain(link(published))
    expect(filtered).toMatch(/name="level" value="commune" checked=""/)
  })
})

describe('submission form', () => {
  it('offers every vocabulary value', async () => {
    const html = await (await request('/proposer')).text()
    for (const theme of THEME_TREE) {
      expect(html).toContain(`name="themes" value="${theme.code}"`)
      for (const child of theme.children) expect(html).toContain(`value="${child.code}"`)
    }
    for (const stage of STAGES) expect(html).toContain(`<option value="${stage.code}"`)
    expect(html).toContain('<legend>Vos coordonnées (jamais publiées)</legend>')
    expect(html).toMatch(/class="hp" aria-hidden="true"/)
    expect(html).toContain('src="/static/autocomplete.js"')
  })

  it('shows errors next to their fields, in French, keeping what was typed', async () => {
    const res = await postForm([
      ['title', 'Mon <b>titre</b>'],
      ['summary', 'trop court'],
      ['means.budgetEur', 'beaucoup'],
      ['themes', 'mediation'],
      ['privateContact.email', 'pas-une-adresse'],
    ])
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('class="error-summary"')
    expect(html).toContain('href="#f-summary"')
    expect(html).toContain('Le résumé doit faire au moins 20 caractères.')
    expect(html).toContain('Ce champ est obligatoire.')
    expect(html).toContain('Saisissez un nombre')
    expect(html).toContain('Adresse e-mail invalide')
    expect(html).toMatch(
      /id="f-summary" name="summary"[^>]*aria-describedby="f-summary-erreur f-summary-aide" aria-invalid="true"/
    )
    // Everything typed comes back, escaped.
    expect(html).toContain('value="Mon &lt;b&gt;titre&lt;/b&gt;"')
    expect(html).toContain('value="beaucoup"')
    expect(html).toContain('value="pas-une-adresse"')
    expect(html).toMatch(/value="mediation" checked=""/)
  })

  it('takes a record abroad, without start date, with its sources', async () => {
    const html = await (await request('/proposer')).text()
    for (const scope of ['territories', 'national', 'abroad'])
      expect(html).toContain(`name="scope" value="${scope}"`)
    expect(html).toMatch(/name="scope" value="territories" checked=""/)
    expect(html).toContain('<option value="BE">Belgique</option>')
    expect(html).not.toContain('<option value="FR">')
    expect(html).toContain('name="sources.0.url"')

    const title = 'Atelier numérique d’Exempleville-les-Bains'
    const form = validForm(title)
      .filter(([k]) => k !== 'territories' && k !== 'startDate')
      .concat([
        ['scope', 'abroad'],
        ['abroad.country', 'CH'],
        ['abroad.subdivision', ''],
        ['abroad.place', 'Exempleville-les-Bains'],
        ['sources.0.url', 'https://exemple.org/atelier'],
        ['sources.0.publisher', 'Gazette d’Exemple'],
        ['sources.1.url', ''],
        ['_confirm', '1'],
      ])
    const res = await postForm(form)
    expect(res.status, await res.clone().text()).toBe(201)
    const row = await env.DB.prepare(
      'SELECT data, scope_level, country, start_year FROM experiments WHERE title = ?1'
    )
      .bind(title)
      .first<{ data: string; scope_level: string; country: string; start_year: number | null }>()
    expect(row).toMatchObject({ scope_level: 'abroad', country: 'CH', start_year: null })
    const data = JSON.parse(row!.data)
    expect(data).toMatchObject({
      scope: 'abroad',
      territories: [],
      abroad: { country: 'CH', place: 'Exempleville-les-Bains' },
      sources: [{ url: 'https://exemple.org/atelier', publisher: 'Gazette d’Exemple' }],
    })
    expect(data).not.toHaveProperty('startDate')
  })

  it('reports unknown territory codes on the territory field', async () => {
    const form = validForm().map(([k, v]): [string, string] =>
      k === 'territories' ? [k, 'dep:00'] : [k, v]
    )
    const res = await postForm([...form, ['_confirm', '1']])
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Territoire inconnu dans le référentiel : dep:00.')
    expect(html).toContain('href="#f-territories"')
  })

  it('shows similar experiments first, then stores the submission on confirmation', async () => {
    const first = await postForm(validForm('Conseillers numériques itinérants dans le Bocage'))
    expect(first.status).toBe(200)
    const step = await first.text()
    expect(step).toContain('Cette expérience existe peut-être déjà')
    expect(step).toContain(`href="/experiences/${published.slug}"`)
    // The typed data rides along in hidden fields (numbers as the schema reads them).
    expect(step).toContain('name="means.budgetEur" value="120000"')
    const carried =
      [...step.matchAll(/<form method="post" action="\/proposer">(.*?)<\/form>/gs)][0]?.[1] ?? ''
    const pairs = [...carried.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map(
      (m): [string, string] => [m[1]!, m[2]!.replaceAll('&amp;', '&')]
    )
    expect(pairs).toContainEqual(['_confirm', '1'])

    const done = await postForm(pairs)
    expect(done.status).toBe(201)
    expect(done.headers.get('cache-control')).toBe('no-store')
    expect(done.headers.get('referrer-policy')).toBe('no-referrer')
    const html = await done.text()
    expect(html).toContain('Merci, votre proposition est enregistrée')
    expect(html).toMatch(/\/modifier\/[A-Za-z0-9_-]{43}/)
    expect(html).not.toContain(PRIVATE_EMAIL)

    const row = await env.DB.prepare(
      "SELECT status, data, private_contact FROM experiments WHERE title = 'Conseillers numériques itinérants dans le Bocage'"
    ).first<{ status: string; data: string; private_contact: string }>()
    expect(row?.status).toBe('pending')
    const data = JSON.parse(row?.data ?? '{}')
    expect(data.means).toEqual({ budgetEur: 120000, staffFte: 1.5 })
    expect(data.results.indicators).toEqual([{ label: 'Accompagnements par mois', value: 85 }])
    expect(data.themes).toEqual(['mediation', 'mediation.itinerance'])
    expect(JSON.parse(row?.private_contact ?? '{}').email).toBe(PRIVATE_EMAIL)
  })

  it('goes straight to confirmation when nothing similar exists', async () => {
    const form = validForm('Zzyzx qwfp expérience sans pareille')
      .map(([k, v]): [string, string] =>
        k === 'themes'
          ? [k, 'open-data']
          : k === 'territories'
            ? [k, 'reg:94']
            : k === 'summary'
              ? [k, 'Xylophone kumquat baobab ornithorynque zeppelin.']
              : [k, v]
      )
      .filter(([k, v]) => !(k === 'themes' && v === 'mediation.itinerance'))
    const res = await postForm(form)
    const html = await res.text()
    // Whether the search engine finds a loose match is its business; both outcomes are valid steps.
    expect([200, 201]).toContain(res.status)
    expect(html).toMatch(/Merci, votre proposition est enregistrée|existe peut-être déjà/)
  })

  it('silently drops a submission whose honeypot is filled', async () => {
    const res = await postForm([
      ...validForm('Robot qui remplit tout'),
      ['fax', '0102030405'],
      ['_confirm', '1'],
    ])
    expect(res.status).toBe(201)
    expect(await res.text()).toContain('Merci, votre proposition est enregistrée')
    const row = await env.DB.prepare(
      "SELECT id FROM experiments WHERE title = 'Robot qui remplit tout'"
    ).first()
    expect(row).toBeNull()
  })

  it('refuses cross-site posts', async () => {
    const res = await postForm(validForm(), { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
  })
})

describe('language', () => {
  it('serves English interface text from Accept-Language or the switch cookie', async () => {
    const en = await (
      await request('/', { headers: { 'accept-language': 'en-GB,en;q=0.9' } })
    ).text()
    expect(en).toContain('<html lang="en">')
    expect(en).toContain('Search experiments')
    // `redirect: 'manual'`: the test fetch would otherwise follow the 303.
    const sw = await request('/langue/en?retour=%2F%3Fq%3Dbus', { redirect: 'manual' })
    expect(sw.status).toBe(303)
    expect(sw.headers.get('location')).toBe('/?q=bus')
    expect(sw.headers.get('set-cookie')).toContain('lang=en')
    const evil = await request('/langue/fr?retour=%2F%2Fevil.example', { redirect: 'manual' })
    expect(evil.headers.get('location')).toBe('/')
  })
})

describe('territorial statistics pages', () => {
  it('speak English when asked, errors included', async () => {
    const headers = { 'accept-language': 'en' }
    const compare = await (await request('/comparer?t=dep:53', { headers })).text()
    expect(compare).toContain('<h1>Compare territories</h1>')
    expect(compare).toContain('Choose at least two different territories.')
    expect(compare).toContain('<legend>Territories to compare (2 to 4)</legend>')
    expect(compare).not.toMatch(/Comparer les territoires|Territoire 1|Thématique/)
    const territory = await (await request('/territoires/dep:53', { headers })).text()
    expect(territory).toContain('Profile against the national average')
    expect(territory).toMatch(/Published experiments \(\d+\)/)
    expect(territory).not.toMatch(/Expériences publiées|France entière|Points forts/)
  })

  it('speak French by default', async () => {
    const territory = await (await request('/territoires/dep:53')).text()
    expect(territory).toContain('Profil face à la moyenne nationale')
    expect(territory).toContain(`href="/experiences/${published.slug}"`)
  })
})
