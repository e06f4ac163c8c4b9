/**
 * The pages every footer links to (`/donnees`, `/accessibilite`) in both languages, the
 * links from lists to their data (« Télécharger ces résultats », « Suivre cette recherche »,
 * `<link rel="alternate">`), feed titles that say what is followed, and small page details
 * (the comparison's clean URL, the form's meta description).
 */
import { describe, expect, it } from 'vitest'
import { labelOf, THEMES } from '../../worker/domain/vocabularies'
import { publish, request, validInput } from './fixtures'

const EN = { 'accept-language': 'en' }

function page(path: string, headers: Record<string, string> = {}) {
  return request(path, { headers: { accept: 'text/html', ...headers } })
}

/** Decodes the few entities Hono's JSX writes in attributes. */
const unescape = (s: string) =>
  s.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'")

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => unescape(m[1]!))
}

function feedLink(html: string): { title: string; href: string } | undefined {
  const tag = /<link rel="alternate" type="application\/atom\+xml"[^>]*>/.exec(html)?.[0]
  if (!tag) return undefined
  return {
    title: unescape(/title="([^"]*)"/.exec(tag)![1]!),
    href: unescape(/href="([^"]*)"/.exec(tag)![1]!),
  }
}

const atomTitle = (xml: string) => /<title type="text">([^<]*)<\/title>/.exec(xml)?.[1]

const OPEN_DATA_THEME = labelOf(THEMES, 'open-data')

describe('footer pages', () => {
  it('serves /donnees and /accessibilite in French and in English', async () => {
    const home = await (await page('/')).text()
    expect(hrefs(home)).toEqual(expect.arrayContaining(['/donnees', '/accessibilite']))
    for (const [path, fr, en] of [
      ['/donnees', 'Données ouvertes', 'Open data'],
      ['/accessibilite', 'Déclaration d’accessibilité', 'Accessibility statement'],
    ] as const) {
      const inFrench = await page(path)
      expect(inFrench.status).toBe(200)
      const htmlFr = await inFrench.text()
      expect(htmlFr).toContain('<html lang="fr">')
      expect(htmlFr).toContain(`<h1>${fr}</h1>`)
      expect(htmlFr).toMatch(/<meta name="description" content="[^"]{50,}"/)
      const htmlEn = await (await page(path, EN)).text()
      expect(htmlEn).toContain('<html lang="en">')
      expect(htmlEn).toContain(`<h1>${en}</h1>`)
    }
  })

  it('states RGAA non-compliance (no audit yet), the recourse, and no invented contact', async () => {
    const html = await (await page('/accessibilite')).text()
    expect(html).toContain('non conforme')
    expect(html).toContain('RGAA')
    expect(html).toContain('Défenseur des droits')
    // CONTACT_EMAIL is empty in tests: the page says so instead of showing an address.
    expect(html).not.toContain('mailto:')
    expect(html).toContain('n’a pas encore publié d’adresse de contact')
  })

  it('links every format, schema, catalogue and feed, each answering, with the filters', async () => {
    await publish(
      validInput({ title: 'Portail de données ouvertes intercommunal', themes: ['open-data'] })
    )
    const html = await (await page('/donnees?theme=open-data&department=53&q=portail')).text()
    const api = hrefs(html).filter((h) => h.startsWith('/api/'))
    for (const format of ['csv', 'json', 'ndjson', 'geojson'])
      expect(api).toContain(`/api/exports/experiments.${format}?theme=open-data&department=53`)
    expect(api).toEqual(
      expect.arrayContaining([
        '/api/schemas/v1/experiment.tableschema.json',
        '/api/schemas/v1/experiment.schema.json',
        '/api/catalog.jsonld',
        '/api/feeds/experiments.atom',
        '/api/feeds/experiments.atom?theme=open-data&department=53&q=portail',
        '/api/docs',
        '/api/openapi.json',
      ])
    )
    for (const href of api) expect((await request(href)).status, href).toBe(200)
    // The text search does not reach the files: the page says so.
    expect(html).toContain('La recherche par mots « portail » ne s’applique pas aux fichiers')
    expect(html).toContain('Licence Ouverte 2.0')
  })
})

describe('links from lists to their data', () => {
  it('search results offer the download and the feed, advertised with a title', async () => {
    await publish(validInput({ title: 'Hackathon de données publiques', themes: ['open-data'] }))
    const html = await (await page('/?theme=open-data&region=52')).text()
    expect(hrefs(html)).toEqual(
      expect.arrayContaining([
        '/donnees?theme=open-data&region=52',
        '/api/feeds/experiments.atom?theme=open-data&region=52',
      ])
    )
    expect(html).toContain('Télécharger ces résultats')
    expect(html).toContain('Suivre cette recherche (Atom)')
    const link = feedLink(html)!
    expect(link.title).toBe(`Expériences — thématique ${OPEN_DATA_THEME}, Pays de la Loire`)
    // The feed's own title is the one the page advertises.
    expect(atomTitle(await (await request(link.href)).text())).toBe(link.title)
  })

  it('a territory page follows its own experiments', async () => {
    await publish(validInput())
    const html = await (await page('/territoires/dep:53')).text()
    const link = feedLink(html)!
    expect(link).toEqual({
      title: 'Expériences — Mayenne (53)',
      href: '/api/feeds/experiments.atom?department=53',
    })
    expect(hrefs(html)).toContain('/donnees?department=53')
    expect(atomTitle(await (await request(link.href)).text())).toBe(link.title)
  })

  it('the feed of everything says it is the latest publications', async () => {
    const xml = await (await request('/api/feeds/experiments.atom')).text()
    expect(atomTitle(xml)).toBe('Expériences — dernières publications')
  })
})

describe('page details', () => {
  it('the comparison drops the fields left empty from its address', async () => {
    const res = await request(
      '/comparer?t=reg%3A53&t=reg%3A52&t=&t=&theme=&debut=&fin=&carte=reg',
      {
        headers: { accept: 'text/html' },
        redirect: 'manual',
      }
    )
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/comparer?t=reg%3A53&t=reg%3A52&carte=reg')
    expect((await page('/comparer?t=reg%3A53&t=reg%3A52')).status).toBe(200)
  })

  it('the submission form has a meta description', async () => {
    const html = await (await page('/proposer')).text()
    expect(html).toMatch(/<meta name="description" content="[^"]{50,}"/)
  })
})
