/** The choropleth map component: areas, codes, classes, accessible names, no inline style. */
import { describe, expect, it } from 'vitest'
import { classify, FranceMap, mapAreas } from '../../web/components/FranceMap'

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
      'stroke-width="4"'
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
