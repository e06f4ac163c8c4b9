/**
 * The embeddable view (`/integrer`) in workerd: the search's filters plus a territory, the
 * only responses other sites may frame (everything else keeps `frame-ancestors 'none'` and
 * `X-Frame-Options: DENY`), no cookie, links that leave the frame, both languages, a clear
 * 400 for an unknown territory; and the « Intégrer sur votre site » code on the search,
 * territory and open-data pages.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { drainOutbox } from '../../worker/search/sync'
import { embedHref, parseEmbedParams } from '../../web/embed-query'
import { publish, request } from './fixtures'

const HTML = { accept: 'text/html' }

/** Decodes the entities Hono's JSX writes in text and attributes. */
const unescape = (s: string) =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')

/** The text of the page's embed code (its read-only text area), as a reader copies it. */
function embedCode(html: string): string | undefined {
  const text = /<textarea id="code-integration"[^>]*>([\s\S]*?)<\/textarea>/.exec(html)?.[1]
  return text === undefined ? undefined : unescape(text)
}

let mayenne: { slug: string }
let bretagne: { slug: string }

beforeAll(async () => {
  mayenne = await publish({
    title: 'Bus numérique des villages mayennais',
    territories: ['dep:53'],
    themes: ['mediation.itinerance'],
  })
  bretagne = await publish({
    title: 'Données ouvertes des communes d’Ille-et-Vilaine',
    summary: 'Un portail commun publie les jeux de données des communes du département.',
    lead: { name: 'Commune d’Exemple', kind: 'commune' },
    territories: ['dep:35'],
    themes: ['open-data'],
  })
  await drainOutbox(env)
})

describe('/integrer', () => {
  it('lists the territory’s experiments with the search’s filters, links leaving the frame', async () => {
    const res = await request('/integrer?territory=dep:53&theme=mediation', { headers: HTML })
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<html lang="fr">')
    expect(html).toContain(
      '<h1>Expérimentations numériques locales — thématique Inclusion et médiation numérique, Mayenne (53)</h1>'
    )
    expect(html).toContain('Bus numérique des villages mayennais')
    expect(html).not.toContain('Données ouvertes des communes')
    // The record opens in a new tab, on the observatory, and says so.
    expect(html).toMatch(
      new RegExp(
        `<a href="/experiences/${mayenne.slug}" target="_blank" rel="noopener">[^]*?<span class="visually-hidden"> \\(nouvel onglet\\)</span></a>`
      )
    )
    // Every link leaves the frame: none would be shown inside it (the site refuses).
    const links = [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0])
    expect(links.length).toBeGreaterThan(3)
    for (const link of links)
      expect(link, link).toMatch(/target="_blank" rel="(license )?noopener"/)
    // The full results on the observatory, the source, the licence; a small map, no script.
    expect(html).toMatch(
      /href="\/\?theme=mediation&amp;department=53"[^>]*>Voir 1 expérience sur l’observatoire/
    )
    expect(html).toContain('href="https://www.etalab.gouv.fr/licence-ouverte-open-licence/"')
    expect(html).toContain('id="carte-integration"')
    // The record's pin is on the map, not a link (it would open inside the frame).
    expect(html).toMatch(/<g class="map-pin"><title>Bus numérique des villages mayennais<\/title>/)
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<form')
  })

  it('may be framed by any site, sets no cookie, and other pages still refuse framing', async () => {
    for (const path of ['/integrer', '/integrer?territory=reg:53', '/integrer?territory=dep:00']) {
      const res = await request(path, { headers: { ...HTML, cookie: 'lang=en' } })
      expect(res.status).toBeLessThan(500)
      const csp = res.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain('frame-ancestors *')
      expect(csp, path).toContain("script-src 'self'")
      expect(res.headers.get('x-frame-options'), path).toBeNull()
      expect(res.headers.get('set-cookie'), path).toBeNull()
    }
    for (const path of [
      '/',
      '/?theme=mediation',
      `/experiences/${mayenne.slug}`,
      '/donnees',
      '/page-inconnue',
      '/api/search',
    ]) {
      const res = await request(path, { headers: HTML })
      expect(res.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'")
      expect(res.headers.get('x-frame-options'), path).toBe('DENY')
    }
  })

  it('speaks the language `lang` asks for, else the reader’s', async () => {
    const en = await (await request('/integrer?territory=dep:35&lang=en', { headers: HTML })).text()
    expect(en).toContain('<html lang="en">')
    expect(en).toContain('Local digital experiments — Ille-et-Vilaine (35)')
    expect(en).toContain('Données ouvertes des communes d’Ille-et-Vilaine')
    expect(en).toContain('(new tab)')
    // `lang` wins over the reader's headers; without it, the reader's language.
    const fr = await (
      await request('/integrer?lang=fr', { headers: { ...HTML, 'accept-language': 'en' } })
    ).text()
    expect(fr).toContain('<html lang="fr">')
    const reader = await (
      await request('/integrer', { headers: { ...HTML, 'accept-language': 'en' } })
    ).text()
    expect(reader).toContain('<html lang="en">')
  })

  it('answers an unknown or malformed territory with a clear 400, and ignores unknown filter values like search', async () => {
    for (const value of ['dep:00', 'com:35238', '<script>alert(1)</script>']) {
      const res = await request(`/integrer?territory=${encodeURIComponent(value)}`, {
        headers: HTML,
      })
      expect(res.status, value).toBe(400)
      const html = await res.text()
      expect(html).toContain('<h1>Territoire inconnu</h1>')
      expect(html).toContain('Le paramètre territory')
      expect(html).not.toContain('<script>alert')
    }
    const res = await request('/integrer?territory=dep:35&theme=%3Cscript%3E&sort=nope', {
      headers: HTML,
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Données ouvertes des communes d’Ille-et-Vilaine')
  })
})

describe('« Intégrer sur votre site »', () => {
  it('gives the iframe code of the search being shown', async () => {
    const html = await (await request('/?theme=open-data&department=35', { headers: HTML })).text()
    expect(html).toMatch(
      /<details class="embed-disclosure"><summary>Intégrer sur votre site<\/summary>/
    )
    expect(html).toMatch(/<label for="code-integration">/)
    expect(embedCode(html)).toBe(
      '<iframe src="https://observatoire.test/integrer?theme=open-data&amp;department=35&amp;lang=fr" title="Expérimentations numériques locales — thématique Données ouvertes, Ille-et-Vilaine (35)" width="100%" height="640" loading="lazy"></iframe>'
    )
  })

  it('writes back every parameter it reads, the search’s and its own', () => {
    const search =
      'q=portail&theme=open-data&department=35&evidenceMin=1&budget=lt-10k&toVerify=true&sort=recent'
    const read = parseEmbedParams(new URLSearchParams(`${search}&territory=reg:53&lang=en&page=3`))
    expect(read.query.page).toBe(1)
    expect(embedHref(read)).toBe(`/integrer?${search}&territory=reg%3A53&lang=en`)
  })

  it('gives the territory’s code on its page, and a section on /donnees', async () => {
    const territory = await (await request('/territoires/dep:35', { headers: HTML })).text()
    expect(embedCode(territory)).toContain(
      'src="https://observatoire.test/integrer?territory=dep%3A35&amp;lang=fr" title="Expérimentations numériques locales — Ille-et-Vilaine (35)"'
    )
    const data = await (
      await request('/donnees?theme=mediation', { headers: { ...HTML, 'accept-language': 'en' } })
    ).text()
    expect(data).toContain('<h2 id="integrer">Embed on your website</h2>')
    expect(embedCode(data)).toContain(
      'src="https://observatoire.test/integrer?theme=mediation&amp;lang=en"'
    )
  })
})
