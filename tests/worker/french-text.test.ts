/**
 * French that reads right: counts through the plural rules, « de » joined to territory
 * names from the COG's article data, no « 0 fois la moyenne », numbers for the page's language.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import departments from '@etalab/decoupage-administratif/data/departements.json'
import regions from '@etalab/decoupage-administratif/data/regions.json'
import { costPerBeneficiary } from '../../worker/domain/cost'
import { frenchOf, tnccOf } from '../../worker/domain/territory-articles'
import { MESSAGES } from '../../web/i18n'
import { countOf } from '../../web/i18n/plural'
import { publish, request } from './fixtures'

async function html(path: string, lang: 'fr' | 'en' = 'fr'): Promise<string> {
  const res = await request(path, { headers: { accept: 'text/html', cookie: `lang=${lang}` } })
  expect(res.status).toBe(200)
  return res.text()
}

let slug = ''

beforeAll(async () => {
  const sub = await publish({
    title: 'Données ouvertes bretonnes',
    territories: ['dep:35'],
    means: { budgetEur: 95_000 },
    results: { peopleReached: 380 },
  })
  slug = sub.slug
})

describe('plurals', () => {
  it('counts by the plural rules of each language', () => {
    expect(countOf('fr', 1, 'fiche', 'fiches')).toBe('1 fiche')
    expect(countOf('fr', 0, 'fiche', 'fiches')).toBe('0 fiche')
    expect(countOf('fr', 12500, 'fiche', 'fiches')).toBe('12\u202f500 fiches')
    expect(countOf('en', 0, 'record', 'records')).toBe('0 records')
    expect(countOf('en', 1, 'record', 'records')).toBe('1 record')
    expect(MESSAGES.fr.territories.withRecords('95 000 €', 1)).toBe('95 000 € (1 fiche)')
    expect(MESSAGES.fr.form.errorSummaryTitle(3)).toBe('3 champs sont à corriger')
  })

  it('says « toutes les régions » and « tous les départements »', () => {
    expect(MESSAGES.fr.territories.downloadAll('reg')).toContain('de toutes les régions')
    expect(MESSAGES.fr.territories.downloadAll('dep')).toContain('de tous les départements')
  })
})

describe('« de » before a territory name', () => {
  it('follows the COG: du, de la, des, de l’, d’, and « de » before a name with its article', () => {
    const of = (code: string, name: string) => frenchOf({ code, name })
    expect(of('dep:29', 'Finistère')).toBe('du Finistère')
    expect(of('dep:92', 'Hauts-de-Seine')).toBe('des Hauts-de-Seine')
    expect(of('dep:53', 'Mayenne')).toBe('de la Mayenne')
    expect(of('dep:01', 'Ain')).toBe('de l’Ain')
    expect(of('dep:35', 'Ille-et-Vilaine')).toBe('d’Ille-et-Vilaine')
    expect(of('reg:11', 'Île-de-France')).toBe('d’Île-de-France')
    expect(of('dep:974', 'La Réunion')).toBe('de La Réunion')
    expect(of('reg:53', 'Bretagne')).toBe('de Bretagne')
  })

  it('holds the TNCC of every région and département of the package', () => {
    for (const r of regions)
      expect([`reg:${r.code}`, tnccOf(`reg:${r.code}`)]).toEqual([`reg:${r.code}`, r.typeLiaison])
    for (const d of departments)
      expect([`dep:${d.code}`, tnccOf(`dep:${d.code}`)]).toEqual([`dep:${d.code}`, d.typeLiaison])
  })

  it('writes the territory page’s captions with it', async () => {
    const page = await html('/territoires/dep:35')
    expect(page).toContain('Chiffres clés d’Ille-et-Vilaine et de la France entière')
    expect(page).toContain('Les expériences numériques publiées d’Ille-et-Vilaine')
    expect(page).not.toContain('de Ille-et-Vilaine')
  })
})

describe('statistics pages', () => {
  it('never write « 0 fois la moyenne nationale »', async () => {
    // Finistère has no experiment while the nation has some.
    const page = await html('/territoires/dep:29')
    expect(page).not.toMatch(/>0 fois/)
    expect(page).toContain('aucune ici')
  })

  it('format figures for the page’s language and count records with plurals', async () => {
    const fr = await html('/comparer?t=dep%3A35&t=dep%3A29')
    expect(fr).toMatch(/95\u202f000\s€ \(1 fiche\)/)
    const en = await html('/comparer?t=dep%3A35&t=dep%3A29', 'en')
    expect(en).toContain('€95,000 (1 record)')
    expect(en).not.toContain('1 fiche')
  })
})

describe('cost per beneficiary', () => {
  it('is the budget divided by the people reached, none when either is unknown', () => {
    expect(costPerBeneficiary(95_000, 380)).toBe(250)
    expect(costPerBeneficiary(100, 3)).toBe(33)
    expect(costPerBeneficiary(95_000, undefined)).toBeNull()
    expect(costPerBeneficiary(undefined, 380)).toBeNull()
    expect(costPerBeneficiary(95_000, 0)).toBeNull()
  })

  it('is shown on the record with its formula', async () => {
    const page = await html(`/experiences/${slug}`)
    expect(page).toMatch(
      /Coût par personne touchée<\/dt><dd>250\s€ <span class="help">\(budget total ÷ personnes touchées\)/
    )
  })
})
