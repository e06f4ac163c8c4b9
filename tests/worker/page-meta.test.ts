/**
 * What search engines and link previews read of the network's pages: each actor page has a
 * description of its own — its text, or its name, kind and place — never the list's; each
 * theme's and territory's « parole recueillie » names its theme or territory.
 */
import { describe, expect, it } from 'vitest'
import { publishActor } from './actor-fixtures'
import { request } from './fixtures'

const descriptionOf = (html: string) =>
  /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? null

describe('actor pages’ description', () => {
  it('names the actor, its kind and place when it wrote no description, in each language', async () => {
    const clic = await publishActor({ name: 'Association Clic d’Exemple' })
    const lieu = await publishActor({
      name: 'Tiers-lieu d’Exemple',
      kind: 'tiers-lieu',
      territories: ['com:29019'],
    })
    const list = descriptionOf(await (await request('/acteurs')).text())
    const fr = descriptionOf(await (await request(`/acteurs/${clic.slug}`)).text())
    const other = descriptionOf(await (await request(`/acteurs/${lieu.slug}`)).text())
    expect(fr).toBe(
      'Association Clic d’Exemple — Association, Rennes : ce que la structure apporte au réseau du numérique local et ce dont elle a besoin.'
    )
    expect(other).toContain('Tiers-lieu d’Exemple — ')
    expect(other).toContain('Brest')
    expect(new Set([list, fr, other]).size).toBe(3)
    const en = descriptionOf(
      await (await request(`/acteurs/${clic.slug}`, { headers: { cookie: 'lang=en' } })).text()
    )
    expect(en).toContain('Association Clic d’Exemple — ')
    expect(en).toContain('what this organisation brings')
  })

  it('is the start of its own text when it wrote one', async () => {
    const actor = await publishActor({
      name: 'Médiathèque d’Exemple',
      description: 'Des ateliers numériques chaque samedi pour tous les âges.',
    })
    const html = await (await request(`/acteurs/${actor.slug}`)).text()
    expect(descriptionOf(html)).toBe('Des ateliers numériques chaque samedi pour tous les âges.')
  })
})

describe('« la parole recueillie »’s descriptions', () => {
  it('name the theme or the territory of the page', async () => {
    const all = descriptionOf(await (await request('/parole-recueillie')).text())
    const territory = descriptionOf(
      await (await request('/parole-recueillie/territoires/dep:35')).text()
    )
    const theme = descriptionOf(
      await (await request('/parole-recueillie/thematiques/mediation')).text()
    )
    expect(territory).toMatch(/^Ille-et-Vilaine : les idées, propositions et désaccords/)
    expect(theme).toMatch(/^Inclusion et médiation numérique : les idées/)
    expect(new Set([all, territory, theme]).size).toBe(3)
  })
})
