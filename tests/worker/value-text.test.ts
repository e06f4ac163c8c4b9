/**
 * What a diff shows a reader (public history, owner, desk): codes as their labels, list
 * items' members named, numbers and amounts in the reader's format, in French and English.
 */
import { describe, expect, it } from 'vitest'
import { valueText } from '../../web/value-text'

/** Intl uses (narrow) no-break spaces: compare with plain ones. */
const text = (...args: Parameters<typeof valueText>) => valueText(...args).replace(/\s/gu, ' ')

describe('diff values', () => {
  it('names a funding source’s members and labels its funder, with the amount in euros', () => {
    const sources = [{ type: 'state', programme: 'FEDER', amountEur: 92_000 }]
    expect(text(sources, 'fr', 'means.fundingSources')).toBe(
      'Financeur : État, Programme : FEDER, Montant : 92 000 €'
    )
    expect(text(sources, 'en', 'means.fundingSources')).toBe(
      'Funder: State, Programme: FEDER, Amount: €92,000'.replaceAll(': ', ' : ')
    )
  })

  it('labels coded fields and formats budgets', () => {
    expect(text('rollout', 'fr', 'stage')).toBe('Déploiement')
    expect(text(2, 'fr', 'evidenceLevel')).toBe('Évaluation interne documentée')
    expect(text(['mediation.itinerance'], 'en', 'themes')).toBe('Mobile mediation')
    expect(text('departement', 'fr', 'lead.kind')).toBe('Département')
    // « Budget total (€) » says the unit already.
    expect(text(85_000, 'fr', 'means.budgetEur')).toBe('85 000')
    expect(text(1240, 'fr', 'results.peopleReached')).toBe('1 240')
  })

  it('names indicator members rather than showing their keys', () => {
    const value = text(
      [{ label: 'Usagers', baseline: 120, value: 1240 }],
      'fr',
      'results.indicators'
    )
    expect(value).toBe('Indicateur : Usagers, Valeur de départ : 120, Valeur mesurée : 1 240')
    expect(value).not.toMatch(/baseline|value :/)
  })
})
