/**
 * The one field-level diff: labelled fields, reordered sets that are not changes, and the
 * same changes seen by moderators (proposals API) and by the public (history API).
 */
import { describe, expect, it } from 'vitest'
import { ACTOR_DIFF, DIFF_FIELDS, diffContent, EVENT_DIFF } from '../../worker/domain/revision-diff'
import { actorFieldLabel, eventFieldLabel, FIELD_LABELS } from '../../worker/domain/field-labels'
import { valueText } from '../../web/value-text'
import { asModerator, postJson, publish, request, validInput } from './fixtures'

const THEMES = ['mediation.itinerance', 'cybersecurity.sensibilisation']

describe('diffContent', () => {
  it('has a French and an English label for every field it can report', () => {
    const missing = DIFF_FIELDS.filter((f) => !FIELD_LABELS[f]?.fr || !FIELD_LABELS[f]?.en)
    // A new content field needs its label in worker/domain/field-labels.ts.
    expect(missing).toEqual([])
  })

  it('labels every field of an event, its restitution included', () => {
    expect(EVENT_DIFF.fields.filter((f) => eventFieldLabel(f).fr === f)).toEqual([])
    expect(EVENT_DIFF.fields).toContain('restitution.ideas')
  })

  it('labels every field of an actor too, and names its skills and kinds, never their codes', () => {
    const missing = ACTOR_DIFF.fields.filter((f) => actorFieldLabel(f).fr === f)
    expect(missing).toEqual([])
    const before = { name: 'Fablab d’Exemple', kind: 'fablab', offers: [], needs: [] }
    const after = {
      ...before,
      kind: 'tiers-lieu',
      offers: [{ skill: 'ateliers.collectifs', horizon: 'durable' }],
    }
    const changes = ACTOR_DIFF.diff(before, after)
    expect(changes.map((c) => c.label.fr)).toEqual([
      'Type de structure',
      'Ce que la structure apporte',
    ])
    expect(valueText(changes[0]!.after, 'fr', changes[0]!.field)).toBe('Tiers-lieu')
    expect(valueText(changes[1]!.after, 'en', changes[1]!.field)).toBe(
      'Skill : Group introductory workshops, Horizon : Ongoing'
    )
  })

  it('reports a changed grouped field by its label, and a reordered set as no change', () => {
    const before = { ...validInput({ themes: THEMES, keywords: ['bus', 'ruralité'] }) }
    const after = {
      ...before,
      themes: [...THEMES].reverse(),
      keywords: ['ruralité', 'bus'],
      means: { budgetEur: 120000 },
    }
    expect(diffContent(before, after)).toEqual([
      {
        field: 'means.budgetEur',
        label: { fr: 'Budget total (€)', en: 'Total budget (€)' },
        before: undefined,
        after: 120000,
      },
    ])
    expect(diffContent(before, { ...before, themes: [THEMES[0]] })).toEqual([
      expect.objectContaining({ field: 'themes', after: [THEMES[0]] }),
    ])
  })

  it('never reports a private field', () => {
    const before = validInput()
    const after = { ...before, privateContact: { email: 'autre-prive@example.fr' } }
    expect(diffContent(before, after)).toEqual([])
  })
})

describe('one diff for moderators and the public', () => {
  it('shows the same labelled changes in the proposals API and the public history', async () => {
    const input = validInput({ themes: THEMES, keywords: ['bus', 'ruralité'] })
    const sub = await publish(input)
    const edited = await request(`/api/experiments/${sub.id}/edit`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sub.editToken}` },
      body: JSON.stringify({
        ...input,
        themes: [...THEMES].reverse(),
        keywords: ['ruralité', 'bus'],
        means: { budgetEur: 45000 },
      }),
    })
    expect(await edited.json()).toMatchObject({ outcome: 'proposed' })

    const { items } = (await (
      await request('/api/moderation/proposals', { headers: asModerator() })
    ).json()) as { items: { id: string; experimentId: string; changes: unknown[] }[] }
    const proposal = items.find((p) => p.experimentId === sub.id)!
    const expected = [
      {
        field: 'means.budgetEur',
        label: { fr: 'Budget total (€)', en: 'Total budget (€)' },
        after: 45000,
      },
    ]
    expect(proposal.changes).toEqual(expected)

    await postJson(`/api/moderation/proposals/${proposal.id}/approve`, {}, asModerator())
    const history = (await (await request(`/api/experiments/${sub.id}/revisions`)).json()) as {
      items: { changes: unknown[] }[]
    }
    expect(history.items[0]!.changes).toEqual(expected)

    const page = await (await request(`/experiences/${sub.slug}/historique`)).text()
    expect(page).toContain('Budget total (€)')
    expect(page).not.toContain('means.budgetEur')
    // Numbers as a reader writes them, versions counted from the first publication.
    expect(page).toMatch(/<ins>45\u202f000<\/ins>/)
    expect(page).toContain('Version 2 du')
    expect(page).toContain('Version 1 du')
    expect(page).not.toContain('Version 3')
  })

  it('names territories in the history, never by their code, in French and English', async () => {
    const input = validInput({ territories: ['dep:53'] })
    const sub = await publish(input)
    const edited = await request(`/api/experiments/${sub.id}/edit`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sub.editToken}` },
      body: JSON.stringify({ ...input, territories: ['dep:53', 'com:53130'] }),
    })
    expect(await edited.json()).toMatchObject({ outcome: 'proposed' })
    const { items } = (await (
      await request('/api/moderation/proposals', { headers: asModerator() })
    ).json()) as { items: { id: string; experimentId: string }[] }
    const proposal = items.find((p) => p.experimentId === sub.id)!
    await postJson(`/api/moderation/proposals/${proposal.id}/approve`, {}, asModerator())

    const history = (await (await request(`/api/experiments/${sub.id}/revisions`)).json()) as {
      items: { changes: { field: string; before: unknown; after: unknown }[] }[]
    }
    expect(history.items[0]!.changes).toEqual([
      expect.objectContaining({
        field: 'territories',
        before: ['Mayenne'],
        after: ['Mayenne', 'Laval'],
      }),
    ])
    for (const lang of ['fr', 'en']) {
      const page = await (
        await request(`/experiences/${sub.slug}/historique`, {
          headers: { accept: 'text/html', cookie: `lang=${lang}` },
        })
      ).text()
      expect(page).toContain('<ins>Mayenne ; Laval</ins>')
      expect(page).not.toContain('com:53130')
      expect(page).not.toContain('dep:53')
    }
  })
})
