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

  it('puts zero in its own class and never overlaps classes', () => {
    const classes = classify([0, 1, 1, 1, 2, 3, 5, 8, 13, 21])
    expect(classes[0]).toMatchObject({ min: 0, max: 0 })
    for (let i = 1; i < classes.length; i++) {
      expect(classes[i]!.min).toBeGreaterThan(classes[i - 1]!.max)
    }
    expect(classes.at(-1)!.max).toBe(21)
    expect(classify([4, 4, 4])).toHaveLength(1)
    expect(classify([])).toEqual([])
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
    expect(html).toContain('<table class="visually-hidden">')
    expect(html).not.toMatch(/\sstyle=/)
    expect(html.match(/<a /g)).toHaveLength(18)
  })
})
