/**
 * One contract, two engines, for events: the embedded FTS5 engine (SEARCH_DB in workerd)
 * and a real Meilisearch, fed the same documents built from the same published events.
 * A search on one idea of a restitution finds its event; filters, dates and order agree.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Event } from '../../worker/domain/event'
import type { EventSearchQuery } from '../../worker/domain/event-search'
import { MeilisearchEventEngine } from '../../worker/search/events-meilisearch'
import type { EventSearchEngine } from '../../worker/search/events-query'
import {
  eventContractEngines,
  eventDocumentOf,
  eventOf,
  type EventFixture,
} from './event-search-fixtures'

const FIXTURES: Record<string, EventFixture> = {
  debateRennes: {
    title: 'Débat citoyen : le numérique et nous',
    description: 'Une soirée pour débattre des usages du numérique dans la vie quotidienne.',
    kind: 'debat',
    themes: ['participation.budget'],
    place: 'rennes',
    startsAtUtc: '2026-03-12T17:30:00.000Z',
    restitution: {
      summary: 'Une quarantaine d’habitants ont échangé pendant deux heures.',
      ideas: ['Ouvrir la médiathèque le dimanche pour les démarches en ligne'],
      proposals: ['Former des bénévoles à l’accompagnement des personnes âgées'],
      disagreements: ['Faut-il dématérialiser les inscriptions à la cantine ?'],
    },
  },
  workshopRennes: {
    title: 'Atelier réparation d’ordinateurs',
    description: 'Apprendre à réparer et reconditionner de vieux ordinateurs portables.',
    kind: 'atelier',
    themes: ['mediation.competences'],
    place: 'rennes',
    startsAtUtc: '2027-05-20T08:00:00.000Z',
  },
  forumLimoges: {
    title: 'Forum des tiers-lieux du Limousin',
    description: 'Les tiers-lieux de la région présentent leurs ateliers et leurs projets.',
    kind: 'forum',
    themes: ['third-places.reseau'],
    place: 'limoges',
    startsAtUtc: '2027-01-15T09:00:00.000Z',
    organiserName: 'Collectif Fictif des Lieux',
  },
  debateReunion: {
    title: 'Débat sur la fibre dans les Hauts',
    description: 'Les habitants des écarts discutent du raccordement de leurs maisons.',
    kind: 'debat',
    themes: ['connectivity.fibre'],
    place: 'saintDenis',
    startsAtUtc: '2026-06-02T14:30:00.000Z',
    restitution: {
      ideas: ['Mutualiser les tranchées avec les travaux de voirie'],
    },
  },
  webinar: {
    title: 'Webinaire sur les données ouvertes des communes',
    description: 'Comment publier les budgets et les horaires des services en open data.',
    kind: 'webinaire',
    themes: ['open-data.publication'],
    place: 'limoges',
    attendance: 'online',
    startsAtUtc: '2026-11-03T12:00:00.000Z',
  },
}

const events: Record<string, Event> = {}
const nameOf = (id: string) => Object.entries(events).find(([, e]) => e.id === id)?.[0] ?? id

beforeAll(() => {
  for (const [name, fixture] of Object.entries(FIXTURES)) events[name] = eventOf(fixture)
})

const meiliSkip = env.TEST_MEILI_SKIP_REASON

describe.each(eventContractEngines('test-events'))(
  'event search contract: %s engine',
  (engineName, makeEngine) => {
    const skip = engineName === 'meilisearch' && meiliSkip !== ''
    if (skip) console.warn(`Meilisearch event contract skipped: ${meiliSkip}`)
    let engine: EventSearchEngine

    const search = (q: string, more: Partial<EventSearchQuery> = {}) =>
      engine.search({ q, filters: {}, sort: 'relevance', page: 1, hitsPerPage: 50, ...more })
    const names = async (q: string, more: Partial<EventSearchQuery> = {}) =>
      (await search(q, more)).ids.map(nameOf)

    beforeAll(async () => {
      if (skip) return
      engine = makeEngine()
      if (engine instanceof MeilisearchEventEngine) await engine.applySettings()
      await engine.upsert(
        Object.entries(events).map(([name, event]) =>
          eventDocumentOf(event, name === 'forumLimoges' ? ['Réseau Exemple des Fablabs'] : [])
        )
      )
    }, 60_000)

    it.skipIf(skip)('holds every published event at its revision', async () => {
      const indexed = await engine.indexedRevisions()
      for (const event of Object.values(events)) expect(indexed.get(event.id)).toBe(2)
      const all = await search('')
      expect(all.total).toBe(Object.keys(FIXTURES).length)
      expect(all.engine).toBe(engineName)
    })

    it.skipIf(skip)(
      'finds an event by one idea, proposal or disagreement of its restitution',
      async () => {
        expect(await names('médiathèque le dimanche')).toEqual(['debateRennes'])
        expect(await names('former des bénévoles')).toEqual(['debateRennes'])
        expect(await names('dématérialiser la cantine')).toEqual(['debateRennes'])
        expect(await names('tranchées voirie')).toEqual(['debateReunion'])
        // Every word must be there: an idea of one debate does not bring the other.
        expect(await names('médiathèque tranchées')).toEqual([])
      }
    )

    it.skipIf(skip)('finds an event by a word typed with one typo', async () => {
      // The embedded engine corrects from the events' own vocabulary (search/0009).
      expect(await names('médiatèque dimanche')).toEqual(['debateRennes'])
      expect(await names('tranchées voierie')).toEqual(['debateReunion'])
    })

    it.skipIf(skip)('folds accents and case, plurals and the lexicon’s synonyms', async () => {
      expect(await names('MEDIATHEQUE DIMANCHE')).toEqual(['debateRennes'])
      expect(await names('ordinateur portable')).toEqual(['workshopRennes'])
      // « seniors » and « personnes âgées » are one group of the lexicon.
      expect(await names('seniors bénévoles')).toEqual(['debateRennes'])
      // « tiers-lieux » is written three ways.
      expect(await names('tiers lieux')).toEqual(['forumLimoges'])
    })

    it.skipIf(skip)(
      'finds kinds, themes and places in French and English, and organisers',
      async () => {
        expect((await names('citizen debate')).sort()).toEqual(['debateRennes', 'debateReunion'])
        expect(await names('webinar')).toEqual(['webinar'])
        expect(await names('Ille-et-Vilaine atelier')).toEqual(['workshopRennes'])
        expect(await names('Brittany débat')).toEqual(['debateRennes'])
        expect(await names('Collectif Fictif')).toEqual(['forumLimoges'])
        expect(await names('Fablabs Exemple')).toEqual(['forumLimoges'])
      }
    )

    it.skipIf(skip)(
      'filters by kind, theme (with its top theme), territory ancestry and attendance',
      async () => {
        expect((await names('', { filters: { kind: ['debat'] } })).sort()).toEqual([
          'debateRennes',
          'debateReunion',
        ])
        expect(await names('', { filters: { theme: ['connectivity'] } })).toEqual(['debateReunion'])
        expect(await names('', { filters: { theme: ['third-places.reseau'] } })).toEqual([
          'forumLimoges',
        ])
        // A commune's event is in its EPCI, département and région.
        for (const code of ['com:35238', 'epci:243500139', 'dep:35', 'reg:53']) {
          expect((await names('', { filters: { territory: [code] } })).sort()).toEqual([
            'debateRennes',
            'workshopRennes',
          ])
        }
        expect(await names('', { filters: { attendance: ['online'] } })).toEqual(['webinar'])
        expect(await names('débat', { filters: { territory: ['reg:04'] } })).toEqual([
          'debateReunion',
        ])
      }
    )

    it.skipIf(skip)('keeps restituted events only, for « la parole recueillie »', async () => {
      expect(await names('', { restituted: true, sort: 'recent' })).toEqual([
        'debateReunion',
        'debateRennes',
      ])
      expect(
        await names('débat', { restituted: true, filters: { territory: ['dep:35'] } })
      ).toEqual(['debateRennes'])
    })

    it.skipIf(skip)('selects by dates and orders by start', async () => {
      const ordered = ['debateRennes', 'debateReunion', 'webinar', 'forumLimoges', 'workshopRennes']
      expect(await names('')).toEqual(ordered)
      expect(await names('', { sort: 'upcoming' })).toEqual(ordered)
      expect(await names('', { sort: 'recent' })).toEqual([...ordered].reverse())
      // Still going on at `from` counts: the webinar ends at 14:00 UTC.
      expect(await names('', { from: '2026-11-03T13:00:00.000Z' })).toEqual([
        'webinar',
        'forumLimoges',
        'workshopRennes',
      ])
      expect(
        await names('', { from: '2026-06-01T00:00:00.000Z', to: '2026-12-31T23:59:00.000Z' })
      ).toEqual(['debateReunion', 'webinar'])
    })

    it.skipIf(skip)('pages without repeating and counts every match', async () => {
      const first = await search('', { hitsPerPage: 2 })
      const second = await search('', { hitsPerPage: 2, page: 2 })
      expect(first.total).toBe(5)
      expect(new Set([...first.ids, ...second.ids]).size).toBe(4)
    })

    it.skipIf(skip)(
      'never finds a removed (unpublished) event, and upserts are idempotent',
      async () => {
        const removed = events.workshopRennes!
        await engine.remove([removed.id])
        expect(await names('ordinateur portable')).toEqual([])
        expect((await engine.indexedRevisions()).has(removed.id)).toBe(false)
        // Putting it back twice leaves one document.
        const doc = eventDocumentOf(removed)
        await engine.upsert([doc])
        await engine.upsert([doc])
        expect(await names('ordinateur portable')).toEqual(['workshopRennes'])
        expect((await search('')).total).toBe(5)
      }
    )

    it.skipIf(skip)('treats operators and quotes in a query as words', async () => {
      for (const q of ['"', 'NOT débat', 'débat OR atelier', 'a*', '(', 'title:forum', '-']) {
        const result = await search(q)
        expect(result.ids.length).toBeLessThanOrEqual(5)
      }
    })
  }
)
