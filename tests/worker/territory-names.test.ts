/**
 * Territory by name against the real reference in D1: the names people type for
 * communes, intercommunalities (long and short forms), départements and régions.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { territoryNameKey } from '../../worker/domain/territory-names'
import { formToValues } from '../../web/form-input'
import { resolveTerritoryNames, type NameResolution } from '../../worker/services/territory-names'
import { request } from './fixtures'

async function resolve(text: string, hint?: string): Promise<NameResolution> {
  const [result] = await resolveTerritoryNames(env.DB, [text], hint)
  return result!
}

async function found(text: string, hint?: string): Promise<string> {
  const result = await resolve(text, hint)
  if (result.status !== 'found') throw new Error(`${text}: ${JSON.stringify(result)}`)
  return result.territory.code
}

async function candidates(text: string): Promise<string[]> {
  const result = await resolve(text)
  if (result.status !== 'ambiguous') throw new Error(`${text}: ${JSON.stringify(result)}`)
  return result.candidates.map((c) => c.code)
}

describe('territory name keys', () => {
  it('fold case, accents, hyphens and the intercommunality form', () => {
    expect(territoryNameKey('CC du Pays de Redon')).toBe('pays de redon')
    expect(territoryNameKey('Communauté de communes du Pays de Redon')).toBe('pays de redon')
    expect(territoryNameKey('CA Redon Agglomération')).toBe('redon agglomeration')
    expect(territoryNameKey('Redon Agglo')).toBe('redon agglomeration')
    expect(territoryNameKey('St-Malo')).toBe(territoryNameKey('Saint-Malo'))
    expect(territoryNameKey('Finistère')).toBe('finistere')
  })
})

describe('the form’s territory field', () => {
  it('keeps names whole and splits lists of codes', () => {
    const values = formToValues([
      ['territories', 'Redon Agglomération, com:35238 dep:35; Saint-Denis (La Réunion)'],
    ])
    expect(values.territories).toEqual([
      'Redon Agglomération',
      'com:35238',
      'dep:35',
      'Saint-Denis (La Réunion)',
    ])
  })
})

describe('territory by name', () => {
  it('takes a name that designates one territory, whatever its level', async () => {
    expect(await found('Rennes')).toBe('com:35238')
    expect(await found('finistere')).toBe('dep:29')
    expect(await found('Bretagne (53)')).toBe('reg:53')
    expect(await found('Redon Agglomération')).toBe('epci:243500741')
    expect(await found('Rennes Métropole')).toBe('epci:243500139')
  })

  it('reads the long and short intercommunality forms alike', async () => {
    expect(await found('CA Redon Agglomération')).toBe('epci:243500741')
    expect(await found("Communauté d'agglomération Redon Agglomération")).toBe('epci:243500741')
    expect(await found('Métropole de Lyon')).toBe('epci:200046977')
    expect(await found('Département du Finistère')).toBe('dep:29')
  })

  it('accepts codes, typed or bare', async () => {
    expect(await found('com:35238')).toBe('com:35238')
    expect(await found('243500139')).toBe('epci:243500139')
    // Région 53 Bretagne and département 53 Mayenne share the digits.
    expect(await candidates('53')).toEqual(expect.arrayContaining(['dep:53', 'reg:53']))
  })

  it('prefers the territory named exactly so over one that only shares its key', async () => {
    expect(await found('Lyon')).toBe('com:69123')
  })

  it('lists homonyms, and a département or région hint tells them apart', async () => {
    const saintDenis = await candidates('Saint-Denis')
    expect(saintDenis).toEqual(expect.arrayContaining(['com:93066', 'com:97411']))
    expect(await found('Saint-Denis (La Réunion)')).toBe('com:97411')
    expect(await found('Saint-Denis', 'Seine-Saint-Denis')).toBe('com:93066')
    expect(await found('Saint-Denis (93)')).toBe('com:93066')
    // A hint that names nothing known narrows nothing.
    expect(await candidates('Saint-Denis (Atlantide)')).toEqual(saintDenis)
  })

  it('offers a close intercommunality as a choice, never takes it silently', async () => {
    // The former name of Redon Agglomération: the words match, the name does not.
    expect(await candidates('CC du Pays de Redon')).toEqual(['epci:243500741'])
  })

  it('says when no territory has that name', async () => {
    expect(await resolve('Atlantide-sur-Mer')).toEqual({
      status: 'unknown',
      text: 'Atlantide-sur-Mer',
    })
    expect((await resolve('SIVU de l’Altu di Casacconi')).status).toBe('unknown')
  })

  it('resolves many names in one call, in order', async () => {
    const results = await resolveTerritoryNames(env.DB, ['Brest', 'Atlantide', 'Gironde'])
    expect(results.map((r) => r.status)).toEqual(['found', 'unknown', 'found'])
  })
})

describe('the form without JavaScript, in English', () => {
  it('names the field and the unknown name, and lists homonyms to choose from', async () => {
    const res = await request('/proposer', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://observatoire.test',
        'accept-language': 'en',
      },
      body: new URLSearchParams([['territories', 'Atlantide-sur-Mer, Saint-Denis']]).toString(),
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('Territories: no territory is called “Atlantide-sur-Mer”')
    expect(html).toContain('Several territories are called “Saint-Denis”: which one?')
    expect(html).toContain('name="territoryChoice.0" value="com:97411"')
    expect(html).toContain('name="territoryChoiceFor.0" value="Saint-Denis"')
  })
})
