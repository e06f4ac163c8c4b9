import { describe, expect, it } from 'vitest'
import { EventInput, isOver, zonedTimeToUtc } from '../../worker/domain/event'
import { timeZoneOfCommune } from '../../worker/domain/event-vocabularies'

const debate = {
  title: 'Débat : le numérique dans nos démarches',
  kind: 'debat',
  description: 'Un débat ouvert à tous sur l’accès aux démarches en ligne dans la commune.',
  startsAt: '2027-03-12T18:30',
  endsAt: '2027-03-12T20:30',
  place: { commune: 'com:99001', venue: 'Salle des fêtes de la Commune d’Exemple' },
  organiserName: 'Association d’Exemple',
  themes: ['mediation'],
  privateContact: { email: 'organisation@example.org' },
}

describe('event times', () => {
  it('reads wall-clock times in the zone of the place, overseas included', () => {
    // Paris is UTC+1 in winter, UTC+2 in summer; La Réunion UTC+4; Guadeloupe UTC−4.
    expect(zonedTimeToUtc('2027-01-15T18:30', 'Europe/Paris').toISOString()).toBe(
      '2027-01-15T17:30:00.000Z'
    )
    expect(zonedTimeToUtc('2027-07-15T18:30', 'Europe/Paris').toISOString()).toBe(
      '2027-07-15T16:30:00.000Z'
    )
    expect(zonedTimeToUtc('2027-07-15T18:30', 'Indian/Reunion').toISOString()).toBe(
      '2027-07-15T14:30:00.000Z'
    )
    expect(zonedTimeToUtc('2027-07-15T18:30', 'America/Guadeloupe').toISOString()).toBe(
      '2027-07-15T22:30:00.000Z'
    )
  })

  it('derives the zone from the commune', () => {
    expect(timeZoneOfCommune('com:97411')).toBe('Indian/Reunion')
    expect(timeZoneOfCommune('97209')).toBe('America/Martinique')
    expect(timeZoneOfCommune('com:35238')).toBe('Europe/Paris')
    expect(timeZoneOfCommune('com:2A004')).toBe('Europe/Paris')
  })

  it('is over only once its end has passed', () => {
    const event = { endsAtUtc: '2027-03-12T19:30:00.000Z' }
    expect(isOver(event, new Date('2027-03-12T19:29:00Z'))).toBe(false)
    expect(isOver(event, new Date('2027-03-12T19:30:00Z'))).toBe(true)
  })
})

describe('event input', () => {
  it('accepts a débat citoyen with a place', () => {
    const parsed = EventInput.parse(debate)
    expect(parsed.attendance).toBe('on-site')
    expect(parsed.organisers).toEqual([])
  })

  it('names the field that breaks a rule between fields', () => {
    const issues = (value: object) =>
      EventInput.safeParse(value).error?.issues.map((i) => i.path.join('.')) ?? []
    expect(issues({ ...debate, endsAt: '2027-03-12T17:00' })).toEqual(['endsAt'])
    expect(issues({ ...debate, place: undefined })).toEqual(['place'])
    expect(issues({ ...debate, attendance: 'online', place: undefined })).toEqual(['onlineUrl'])
    expect(issues({ ...debate, startsAt: '2027-02-30T10:00' })).toContain('startsAt')
  })
})
