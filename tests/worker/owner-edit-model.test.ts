/**
 * Model-based test of owner edits through the private link's form, JavaScript off
 * (fast-check): records are generated with every field of the schema filled; the owner
 * opens the form, changes one random field, and posts what the browser would send — from
 * a form that may also lack whole fields (an older page, a trimmed form). Whatever the
 * record's status, the result (the record edited in place, or the proposal once approved)
 * equals the original with only that field changed: nothing the owner did not touch is
 * lost, reordered sets are not changes, and the proposal holds only the edited field.
 */
import { env } from 'cloudflare:workers'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { canonical, diffContent } from '../../worker/domain/revision-diff'
import { leafFieldOf } from '../../worker/domain/change-set'
import {
  ALL_THEMES,
  codesOf,
  FUNDING_TYPES,
  LEAD_KINDS,
  LICENCES,
  OUTCOMES,
  PROGRAMMES,
  PUBLICS,
  STAGES,
} from '../../worker/domain/vocabularies'
import { MODERATOR, validInput } from './fixtures'
import { scrapeForm } from './form-scrape'
import { briefReport, send } from './fuzz-support'

const ORIGIN = 'https://observatoire.test'
const moderator = { authorization: `Bearer ${MODERATOR}`, 'content-type': 'application/json' }

// Words with what escaping and encoding must carry through: accents, quotes, <, &, «».
const WORDS = ['numérique', 'Tiers-lieu', 'l’accueil', '« bus »', 'R&D', 'a<b', '"cité"', 'été']
const words = (min: number, max: number) =>
  fc
    .array(fc.constantFrom(...WORDS, 'atelier', 'commune', 'usagers', 'données'), {
      minLength: min,
      maxLength: max,
    })
    .map((w) => w.join(' '))
const sentence = (min = 3) => words(min, 10).map((s) => `${s} pour les habitants`)
const paragraph = fc
  .array(sentence(), { minLength: 1, maxLength: 3 })
  .map((lines) => lines.join('\n'))
const url = fc.constantFrom('https://exemple.fr/a', 'https://commune-exemple.fr/doc?id=2&v=1')
const date = fc.integer({ min: 2015, max: 2019 }).map((y) => `${y}-0${(y % 9) + 1}`)
const someOf = <T>(values: readonly T[], max: number) =>
  fc.shuffledSubarray([...values], { minLength: 1, maxLength: max })

/** A record with every field of the schema filled (scope by scope). */
function fullRecord(inspirations: readonly string[]) {
  const place = fc.oneof(
    fc.record({
      scope: fc.constant('territories' as const),
      territories: someOf(['dep:53', 'dep:35', 'com:35238', 'reg:53'], 3),
    }),
    fc.constant({
      scope: 'abroad' as const,
      abroad: { country: 'BE', subdivision: 'BE-WAL', place: 'Namur' },
    }),
    fc.constant({ scope: 'national' as const })
  )
  return fc
    .record({
      title: words(2, 6).map((w) => `Projet ${w}`),
      summary: sentence(4),
      language: fc.constantFrom('fr', 'en', 'br', 'oc'),
      licence: fc.constantFrom(...codesOf(LICENCES)),
      lead: fc.record({
        name: words(1, 4).map((w) => `Commune d’Exemple ${w}`),
        kind: fc.constantFrom(...codesOf(LEAD_KINDS)),
        siren: fc.constant('225300011'),
        rna: fc.constant('W543012345'),
      }),
      partners: fc.array(
        fc.record({ name: words(1, 3).map((w) => `Asso ${w}`), role: words(1, 3) }),
        {
          minLength: 1,
          maxLength: 3,
        }
      ),
      place,
      themes: someOf(codesOf(ALL_THEMES), 3),
      publics: someOf(codesOf(PUBLICS), 4),
      programmes: someOf(codesOf(PROGRAMMES), 2),
      keywords: fc.uniqueArray(fc.constantFrom('bus', 'zones rurales', 'démarches', 'R&D'), {
        minLength: 1,
        maxLength: 4,
      }),
      stage: fc.constantFrom(...codesOf(STAGES)),
      outcome: fc.constantFrom(...codesOf(OUTCOMES)),
      startDate: date,
      endDate: fc.constant('2024-06'),
      narrative: fc.record({
        context: paragraph,
        description: paragraph,
        novelty: paragraph,
        governance: paragraph,
        users: paragraph,
        results: paragraph,
        difficulties: paragraph,
        successConditions: paragraph,
        advice: paragraph,
      }),
      means: fc.record({
        budgetEur: fc.integer({ min: 0, max: 5_000_000 }),
        fundingSources: fc.array(
          fc.record({
            type: fc.constantFrom(...codesOf(FUNDING_TYPES)),
            programme: words(1, 3),
            amountEur: fc.integer({ min: 0, max: 1_000_000 }),
          }),
          { minLength: 1, maxLength: 2 }
        ),
        staffFte: fc.constantFrom(0.5, 1, 1.5, 2.25),
      }),
      results: fc.record({
        indicators: fc.array(
          fc.record({
            label: words(1, 3).map((w) => `Taux ${w}`),
            unit: fc.constantFrom('%', 'personnes'),
            baseline: fc.constantFrom(-3, 0, 12.5),
            target: fc.integer({ min: 0, max: 1000 }),
            value: fc.constantFrom(7, 99.9),
            measuredAt: date,
            method: sentence(),
          }),
          { minLength: 1, maxLength: 2 }
        ),
        peopleReached: fc.integer({ min: 0, max: 100_000 }),
        evaluationDocuments: fc.array(
          fc.record({ title: words(1, 3).map((w) => `Rapport ${w}`), url }),
          {
            minLength: 1,
            maxLength: 2,
          }
        ),
      }),
      evidenceLevel: fc.integer({ min: 0, max: 4 }),
      inspiredBy: someOf(inspirations, 2),
      resources: fc.array(
        fc.record({
          title: words(1, 3).map((w) => `Guide ${w}`),
          url,
          licence: fc.constant('CC-BY-4.0'),
        }),
        { minLength: 1, maxLength: 2 }
      ),
      website: url,
      publicContact: fc.record({ role: words(1, 3), email: fc.constant('contact@exemple.fr') }),
      sources: fc.array(
        fc.record({ url, title: words(1, 3), publisher: words(1, 2), consultedAt: date }),
        { minLength: 1, maxLength: 2 }
      ),
      privateContact: fc.record({
        name: fc.constant('Camille Exemple'),
        email: fc.constant('camille@exemple.fr'),
        phone: fc.constant('+33 1 23 45 67 89'),
      }),
    })
    .map(({ place, ...rest }) => ({ ...rest, ...place }))
}

/** One field changed through the form: the input's name and what the owner types. */
const EDITS: { name: string; value: fc.Arbitrary<string> }[] = [
  { name: 'title', value: words(2, 5).map((w) => `Nouveau titre ${w}`) },
  { name: 'summary', value: sentence(5) },
  { name: 'lead.name', value: words(1, 3).map((w) => `Ville d’Exemple ${w}`) },
  { name: 'narrative.advice', value: paragraph },
  { name: 'narrative.context', value: paragraph },
  { name: 'means.budgetEur', value: fc.integer({ min: 0, max: 9_000_000 }).map(String) },
  { name: 'results.peopleReached', value: fc.integer({ min: 0, max: 9_000 }).map(String) },
  { name: 'website', value: fc.constant('https://nouveau.exemple.fr/') },
  { name: 'partners.0.role', value: words(1, 3) },
  { name: 'resources.0.title', value: words(1, 3).map((w) => `Kit ${w}`) },
  { name: 'results.evaluationDocuments.0.title', value: words(1, 3).map((w) => `Bilan ${w}`) },
  { name: 'sources.0.publisher', value: words(1, 2) },
  { name: 'results.indicators.0.label', value: words(1, 3).map((w) => `Part ${w}`) },
  { name: 'means.fundingSources.0.programme', value: words(1, 2) },
  { name: 'publicContact.role', value: words(1, 2) },
  { name: 'keywords', value: fc.constant('bus, tiers-lieux') },
]

/** Fields an older or trimmed form may not carry at all (every input of theirs left out). */
const DROPPABLE = [
  'results.evaluationDocuments',
  'resources',
  'inspiredBy',
  'sources',
  'partners',
  'language',
  'means.fundingSources',
  'results.indicators',
  'publics',
  'narrative.novelty',
]

const postForm = (path: string, pairs: [string, string][], cookie = '') =>
  send(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie },
    body: new URLSearchParams(pairs).toString(),
  })

async function storedContent(id: string): Promise<Record<string, unknown>> {
  const row = await env.DB.prepare('SELECT data FROM experiments WHERE id = ?1')
    .bind(id)
    .first<{ data: string }>()
  return JSON.parse(row!.data) as Record<string, unknown>
}

function setLeaf(content: Record<string, unknown>, field: string, value: unknown): void {
  const [head, sub] = field.split('.') as [string, string | undefined]
  if (sub === undefined) content[head] = value
  else content[head] = { ...(content[head] as Record<string, unknown>), [sub]: value }
}

/** The value the record should hold for the edited input: rows and lists are replaced in the original. */
function expectedAfter(original: Record<string, unknown>, name: string, typed: string) {
  const expected = structuredClone(original)
  const parts = name.split('.')
  const trimmed = typed.replace(/\r\n?/g, '\n').trim()
  const number = /budgetEur|peopleReached/.test(name)
  if (name === 'keywords') {
    expected.keywords = trimmed.split(/\s*,\s*/)
    return expected
  }
  // Walk to the parent of the edited value, then set it.
  let node: Record<string, unknown> = expected
  for (const key of parts.slice(0, -1)) node = node[key] as Record<string, unknown>
  node[parts.at(-1)!] = number ? Number(trimmed) : trimmed
  return expected
}

let inspirations: string[] = []
let runs = 0

beforeAll(async () => {
  inspirations = []
  for (const title of ['Source d’inspiration numéro un', 'Source d’inspiration numéro deux']) {
    const res = await send('/api/experiments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(validInput({ title })),
    })
    const { id } = (await res.json()) as { id: string }
    const ok = await send(`/api/moderation/experiments/${id}/approve`, {
      method: 'POST',
      headers: moderator,
      body: '{}',
    })
    expect(ok.status).toBe(200)
    inspirations.push(id)
  }
})

describe('owner edits through the form (JavaScript off)', () => {
  it('change only the field the owner changed, whatever else the record holds or the form lacks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constant(null).chain(() => fullRecord(inspirations)),
        fc.constantFrom(...EDITS).chain((e) => e.value.map((value) => ({ name: e.name, value }))),
        fc.subarray(DROPPABLE, { maxLength: 3 }),
        fc.boolean(),
        async (record, edit, dropped, published) => {
          runs++
          const created = await send('/api/experiments', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(record),
          })
          expect(created.status, await created.clone().text()).toBe(201)
          const { id, editToken } = (await created.json()) as { id: string; editToken: string }
          if (published) {
            const ok = await send(`/api/moderation/experiments/${id}/approve`, {
              method: 'POST',
              headers: moderator,
              body: '{}',
            })
            expect(ok.status).toBe(200)
          }
          const original = await storedContent(id)

          const opened = await postForm('/modifier/ouvrir', [['token', editToken]])
          expect(opened.status).toBe(303)
          const cookie = (opened.headers.get('set-cookie') ?? '').split(';')[0]!
          const page = await send('/modifier', { headers: { cookie } })
          expect(page.status).toBe(200)
          const form = scrapeForm(await page.text(), 'action="/modifier" novalidate')

          const edited = leafFieldOf(edit.name)
          const kept = dropped.filter((field) => field !== edited)
          let replaced = false
          const pairs = form
            .filter(([name]) => !kept.includes(leafFieldOf(name)))
            .map(([name, value]): [string, string] => {
              if (name !== edit.name || replaced) return [name, value]
              replaced = true
              return [name, edit.value]
            })
          expect(replaced, `the form offers ${edit.name}`).toBe(true)

          const saved = await postForm('/modifier', pairs, cookie)
          expect(saved.status, await saved.clone().text()).toBe(303)
          const expected = expectedAfter(original, edit.name, edit.value)
          const proposal = await env.DB.prepare(
            `SELECT id, changes FROM proposals WHERE experiment_id = ?1 AND status = 'pending'`
          )
            .bind(id)
            .first<{ id: string; changes: string }>()
          if (published) {
            const changes = JSON.parse(proposal?.changes ?? 'null') as { field: string }[] | null
            const fields = (changes ?? []).map((c) => c.field)
            // Only the edited field, or nothing when the owner typed what was there.
            expect(
              fields.every((f) => f === edited),
              `proposal changes ${fields}`
            ).toBe(true)
            if (proposal) {
              const ok = await send(`/api/moderation/proposals/${proposal.id}/approve`, {
                method: 'POST',
                headers: moderator,
              })
              expect(ok.status).toBe(200)
            }
          } else {
            expect(proposal).toBeNull()
          }
          const after = await storedContent(id)
          const unexpected = diffContent(expected, after).map((c) => c.field)
          expect(unexpected, `fields that moved besides ${edited}`).toEqual([])
          expect(canonical(after)).toBe(canonical(expected))
        }
      ),
      { numRuns: 40, reporter: briefReport }
    )
    expect(runs).toBeGreaterThanOrEqual(40)
  })
})
