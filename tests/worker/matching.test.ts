/**
 * Matching ranks by proximity computed from places' ancestry: these check the ancestry
 * the territory reference gives and the proximity rules on real territories.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { proximityLevels, proximityOf } from '../../worker/domain/matching'
import { ancestriesOf } from '../../worker/db/territories'

describe('ancestry of places', () => {
  it('gives a commune its EPCI, département and région, a département its région', async () => {
    const [rennes, ille, bretagne] = await ancestriesOf(env.DB, [
      ['com:35238'],
      ['dep:35'],
      ['reg:53'],
    ])
    expect(rennes).toEqual(['com:35238', 'dep:35', 'epci:243500139', 'reg:53'])
    expect(ille).toEqual(['dep:35', 'reg:53'])
    expect(bretagne).toEqual(['reg:53'])
  })

  it('ignores unknown codes', async () => {
    const [none] = await ancestriesOf(env.DB, [['com:99999']])
    expect(none).toEqual([])
  })
})

describe('proximity', () => {
  const place = ['com:35238', 'dep:35', 'epci:243500139', 'reg:53']

  it('looks at commune, EPCI, département, région, then France entière', () => {
    expect(proximityLevels(place)).toEqual([
      { proximity: 'commune', code: 'com:35238' },
      { proximity: 'epci', code: 'epci:243500139' },
      { proximity: 'departement', code: 'dep:35' },
      { proximity: 'region', code: 'reg:53' },
      { proximity: 'national', code: null },
    ])
    expect(proximityLevels(['dep:35', 'reg:53']).map((l) => l.proximity)).toEqual([
      'departement',
      'region',
      'national',
    ])
  })

  it('is the closest level an actor shares, none when it is elsewhere', () => {
    const at = (places: string[], national = false) => proximityOf(place, { places, national })
    expect(at(['com:35047', 'dep:35', 'epci:243500139', 'reg:53'])).toBe('epci')
    expect(at(['dep:35', 'reg:53'])).toBe('departement')
    expect(at(['com:29019', 'dep:29', 'reg:53'])).toBe('region')
    expect(at([], true)).toBe('national')
    expect(at(['dep:61', 'reg:28'])).toBeNull()
  })
})
