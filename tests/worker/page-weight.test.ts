/**
 * What the map pages weigh: the outlines of France are one cached file per level
 * (`/cartes/{level}-{version}.svg`), not path data repeated in every page that draws a map.
 * Before, the agenda with no event was 91 KB of HTML, 68 KB of it the département map.
 */
import { describe, expect, it } from 'vitest'
import { mapShapes } from '../../web/map/shapes'
import { mapSpritePath } from '../../web/map/sprite'
import { publishEvent } from './event-fixtures'
import { request } from './fixtures'

const KB = 1024
/** Pages with a map, and the most HTML each may weigh uncompressed. */
const MAP_PAGES = [
  { path: '/acteurs', level: 'dep', maxBytes: 70 * KB },
  { path: '/?carte=dep', level: 'dep', maxBytes: 90 * KB },
  { path: '/', level: 'reg', maxBytes: 90 * KB },
] as const

/** Path data is long runs of numbers after `d="`; none may be in a page any more. */
const PATH_DATA = /\sd="[^"]{40,}"/

describe('map pages', () => {
  it.each(MAP_PAGES)('$path draws its areas from the shared outlines file', async (page) => {
    const res = await request(page.path)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toMatch(PATH_DATA)
    const uses = [...html.matchAll(/<use href="([^"#]+)#([^"]+)"/g)]
    expect(uses.length).toBe(mapShapes(page.level).length)
    expect(new Set(uses.map((u) => u[1]))).toEqual(new Set([mapSpritePath(page.level)]))
    expect(new TextEncoder().encode(html).length).toBeLessThan(page.maxBytes)
  })

  it.each(['reg', 'dep'] as const)(
    'the %s outlines file holds every area, is an SVG image and is cached for good',
    async (level) => {
      const res = await request(mapSpritePath(level))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
      const svg = await res.text()
      const ids = [...svg.matchAll(/<path id="([^"]+)" d="/g)].map((m) => m[1])
      expect(ids).toEqual(mapShapes(level).map((s) => `${level}-${s.code}`))
      // Fill and stroke come from each page's <use>: the shade and the outline are per map.
      expect(svg).not.toMatch(/fill=|stroke=/)
    }
  )

  it('an outdated name still gets the outlines, cached briefly; other names are not found', async () => {
    const old = await request('/cartes/dep-0.svg')
    expect(old.status).toBe(200)
    expect(old.headers.get('cache-control')).toBe('public, max-age=300')
    expect(await old.text()).toContain('id="dep-2A"')
    expect((await request('/cartes/com-0.svg')).status).toBe(404)
    expect((await request('/cartes/dep-0.png')).status).toBe(404)
  })
})

describe('the agenda’s map', () => {
  it('is a sentence, not a blank map of 101 links, when no event has a place', async () => {
    const html = await (await request('/evenements?territory=dep%3A29')).text()
    expect(html).toContain('Aucun événement de cette sélection n’a de lieu à placer sur la carte.')
    expect(html).not.toContain('class="map-area')
    expect(new TextEncoder().encode(html).length).toBeLessThan(20 * KB)
  })

  it('counts 0 in a département with no event, never « donnée non disponible »', async () => {
    await publishEvent({ startsAt: '2027-03-12T18:30', endsAt: '2027-03-12T20:30' })
    const html = await (await request('/evenements')).text()
    expect(html).toContain('aria-label="Ille-et-Vilaine, Événements : 1"')
    expect(html).toContain('aria-label="Finistère, Événements : 0"')
    expect(html).not.toContain('donnée non disponible')
    expect(html).not.toMatch(PATH_DATA)
    expect(html.match(/<use href="/g)).toHaveLength(101)
    expect(new TextEncoder().encode(html).length).toBeLessThan(60 * KB)
  })
})
