/** The choropleth map component: areas, codes, classes, accessible names, no inline style; the search map's pins. */
import { describe, expect, it } from 'vitest'
import { classify, FranceMap, mapAreas } from '../../web/components/FranceMap'
import { departmentPins, recordPins, searchPins } from '../../web/map/pins'
import { projectPoint } from '../../web/map/projection'
import { mapShapes } from '../../web/map/shapes'

const render = async (node: ReturnType<typeof FranceMap>) => String(await node.toString())

describe('FranceMap', () => {
  it('knows the 18 régions and 101 départements by INSEE code', () => {
    const regions = mapAreas('reg').map((a) => a.code)
    expect(regions.sort()).toEqual(
      [
        '01',
        '02',
        '03',
        '04',
        '06',
        '11',
        '24',
        '27',
        '28',
        '32',
        '44',
        '52',
        '53',
        '75',
        '76',
        '84',
        '93',
        '94',
      ].sort()
    )
    const departments = mapAreas('dep').map((a) => a.code)
    expect(new Set(departments).size).toBe(101)
    expect(departments).toContain('2A')
    expect(departments).toContain('976')
  })

  const count = (n: number) => n.toLocaleString('fr-FR')
  const rate = (n: number) =>
    n.toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  const range = (min: string, max: string) => `de ${min} à ${max}`

  it('puts zero in its own class and never overlaps classes', () => {
    const classes = classify([0, 1, 1, 1, 2, 3, 5, 8, 13, 21], count, range)
    expect(classes[0]).toMatchObject({ min: 0, max: 0, label: '0' })
    for (let i = 1; i < classes.length; i++) {
      expect(classes[i]!.min).toBeGreaterThan(classes[i - 1]!.max)
    }
    expect(classes.at(-1)!.max).toBe(21)
    expect(classify([4, 4, 4], count, range)).toEqual([
      expect.objectContaining({ min: 4, max: 4, label: '4' }),
    ])
    expect(classify([], count, range)).toEqual([])
  })

  it('breaks where the data does (ckmeans), not at equal counts', () => {
    const classes = classify([1, 2, 3, 40, 41, 42, 90, 95], count, range, 3)
    expect(classes.map((c) => c.label)).toEqual(['de 1 à 3', 'de 40 à 42', 'de 90 à 95'])
  })

  it('never writes a bin « de 0,30 à 0,30 » nor two bins meeting at one displayed value', () => {
    // Rates that differ only past the second decimal read the same: one class, one value.
    const values = [0.297, 0.301, 0.304, 0.305, 0.31, 0.52, 0.9, 1.21, 1.214, 2.6]
    const classes = classify(values, rate, range)
    const bounds = classes.map((c) => {
      const parts = c.label.replace(/^de /, '').split(' à ')
      return { low: parts[0]!, high: parts.at(-1)! }
    })
    for (const c of classes) expect(c.label).not.toMatch(/^de (\S+) à \1$/)
    for (let i = 1; i < bounds.length; i++) {
      expect(bounds[i]!.low).not.toBe(bounds[i - 1]!.high)
      expect(classes[i]!.min).toBeGreaterThan(classes[i - 1]!.max)
    }
    // Every value lands in exactly one class; no class is empty.
    for (const v of values) expect(classes.filter((c) => v >= c.min && v <= c.max)).toHaveLength(1)
    for (const c of classes) expect(values.some((v) => v >= c.min && v <= c.max)).toBe(true)
  })

  it('outlines a selected area above its neighbours and gives each row its legend class', async () => {
    const html = await render(
      FranceMap({
        values: { '53': 12, '52': 30, '28': 1 },
        selected: ['53'],
        caption: 'Carte',
        legendTitle: 'Expériences',
      })
    )
    const selected = html.indexOf('map-area-selected')
    expect(selected).toBeGreaterThan(-1)
    // Drawn after every other area of the mainland (SVG paints in document order).
    expect(html.indexOf('data-code="52"')).toBeLessThan(selected)
    expect(html.slice(selected, html.indexOf('</a>', selected) + 1 || undefined)).toContain(
      'stroke-width="3.5"'
    )
    expect(html).toContain('<th scope="col">Classe de la légende</th>')
    expect(html).toMatch(/<th scope="row">Bretagne<\/th><td>12<\/td><td>[^<]+<\/td>/)
  })

  it('renders links with accessible names, a legend and a data table, without style attributes', async () => {
    const html = await render(
      FranceMap({
        values: { '53': 12, '04': 3, '11': 0 },
        hrefFor: (code) => `/territoires/reg:${code}`,
        caption: 'Expérimentations publiées par région',
        legendTitle: 'Expérimentations publiées',
      })
    )
    expect(html).toContain('href="/territoires/reg:53"')
    expect(html).toContain('aria-label="Bretagne, Expérimentations publiées : 12"')
    expect(html).toContain('aria-label="La Réunion, Expérimentations publiées : 3"')
    expect(html).toContain('Normandie, Expérimentations publiées : donnée non disponible')
    expect(html).toContain('<div class="visually-hidden"><table>')
    expect(html).not.toMatch(/\sstyle=/)
    expect(html.match(/<a /g)).toHaveLength(18)
  })
})

describe('map pins', () => {
  const hit = (slug: string, point: { lon: number; lat: number } | null) => ({ slug, point })

  it('pins départements with results at their centroid, only the selected ones when filtered', () => {
    const finistere = mapShapes('dep').find((a) => a.code === '29')!
    const pins = departmentPins({ '29': 4, '35': 2, '56': 0 })
    expect(pins).toEqual([
      { code: '29', count: 4, x: finistere.centroid[0], y: finistere.centroid[1] },
      expect.objectContaining({ code: '35', count: 2 }),
    ])
    expect(departmentPins({ '29': 4, '35': 2 }, ['35']).map((p) => p.code)).toEqual(['35'])
  })

  it('pins each record at its point, spreads records sharing one, skips those without', () => {
    const rennes = { lon: -1.68, lat: 48.11 }
    const pins = recordPins([hit('a', rennes), hit('b', rennes), hit('c', null)])
    expect(pins.map((p) => p.hit.slug)).toEqual(['a', 'b'])
    expect([pins[0]!.x, pins[0]!.y]).toEqual(projectPoint(rennes.lon, rennes.lat))
    expect([pins[1]!.x, pins[1]!.y]).not.toEqual([pins[0]!.x, pins[0]!.y])
    // Rennes is in Ille-et-Vilaine: its pin lands near that département's centroid.
    const [cx, cy] = mapShapes('dep').find((a) => a.code === '35')!.centroid
    expect(Math.hypot(pins[0]!.x - cx, pins[0]!.y - cy)).toBeLessThan(30)
  })

  it('uses record pins when the whole result is on the page, département pins otherwise', () => {
    const hits = [hit('a', { lon: 2.35, lat: 48.85 }), hit('b', { lon: 55.45, lat: -21 })]
    expect(searchPins(hits, 2, { '75': 1, '974': 1 }).kind).toBe('records')
    expect(searchPins(hits, 45, { '75': 30, '974': 15 })).toEqual({
      kind: 'departments',
      pins: [
        expect.objectContaining({ code: '75', count: 30 }),
        expect.objectContaining({ code: '974', count: 15 }),
      ],
    })
    // Before records carry points, a small result still gets its départements' pins.
    expect(searchPins([hit('a', null)], 1, { '75': 1 }).kind).toBe('departments')
  })

  it('draws the département map with pins as links, named, and in their own table', async () => {
    const html = await render(
      FranceMap({
        level: 'dep',
        values: { '29': 4 },
        caption: 'Carte',
        legendTitle: 'Expériences',
        pins: [
          {
            x: 100,
            y: 200,
            count: 4,
            label: 'Finistère : 4 expériences',
            place: 'Finistère',
            href: '/?department=29',
          },
        ],
        pinsTitle: 'Repères',
      })
    )
    expect(html.match(/class="map-area"/g)).toHaveLength(101)
    expect(html).toContain(
      '<a href="/?department=29" aria-label="Finistère : 4 expériences" class="map-pin">'
    )
    expect(html).toContain('<th scope="row">Finistère</th><td>4</td>')
    expect(html).toContain(
      'Source : IGN – Admin Express COG 2018, INSEE ; mise en forme france-geojson'
    )
    expect(html).not.toMatch(/\sstyle=/)
  })
})
