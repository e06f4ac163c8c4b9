/** The form ↔ record reshaping, on its own (no database). */
import { describe, expect, it } from 'vitest'
import { ExperimentInput } from '../../worker/domain/experiment'
import { formToValues, formErrors, valuesToPairs } from '../../web/form-input'

describe('formToValues', () => {
  it('drops empty strings, gathers lists and coerces French numbers', () => {
    const values = formToValues([
      ['title', '  Un titre  '],
      ['lead.name', ''],
      ['territories', 'com:35238, dep:53;reg:53  com:35238'],
      ['themes', 'mediation'],
      ['themes', 'open-data'],
      ['keywords', 'bus, zones rurales'],
      ['means.budgetEur', '12 000'],
      ['means.staffFte', '1,5'],
      ['results.indicators.0.label', ''],
      ['results.indicators.1.label', 'Visites'],
      ['results.indicators.1.value', 'douze'],
      ['narrative.context', ''],
      ['privateContact.email', 'a@b.fr'],
      ['_confirm', '1'],
      ['fax', 'bot'],
      ['__proto__.polluted', 'x'],
    ])
    expect(values).toEqual({
      title: 'Un titre',
      lead: {},
      territories: ['com:35238', 'dep:53', 'reg:53'],
      themes: ['mediation', 'open-data'],
      keywords: ['bus', 'zones rurales'],
      means: { budgetEur: 12000, staffFte: 1.5 },
      results: { indicators: [{ label: 'Visites', value: 'douze' }] },
      privateContact: { email: 'a@b.fr' },
    })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('round-trips through form pairs', () => {
    const values = formToValues([
      ['title', 'Titre'],
      ['themes', 'mediation'],
      ['results.indicators.0.label', 'A'],
      ['results.indicators.0.baseline', '3'],
      ['privateContact.email', 'a@b.fr'],
    ])
    expect(formToValues(valuesToPairs(values))).toEqual(values)
  })

  it('places schema errors on form fields with readable messages', () => {
    const values = formToValues([
      ['territories', 'nope'],
      ['means.budgetEur', 'douze'],
      ['results.indicators.2.label', 'x'],
    ])
    const parsed = ExperimentInput.safeParse(values)
    expect(parsed.success).toBe(false)
    const errors = formErrors(parsed.error?.issues ?? [], values)
    expect(errors.get('title')).toBe('Ce champ est obligatoire.')
    expect(errors.get('lead.kind')).toBe('Ce champ est obligatoire.')
    expect(errors.get('privateContact.email')).toBe('Ce champ est obligatoire.')
    expect(errors.get('territories')).toMatch(/Code de territoire invalide/)
    expect(errors.get('means.budgetEur')).toMatch(/Saisissez un nombre/)
    // Rows are renumbered after empty ones are dropped; the re-rendered form uses the same numbering.
    expect(errors.has('results.indicators.0.label')).toBe(true)
  })
})
