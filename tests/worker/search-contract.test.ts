/**
 * One contract, two engines: the embedded FTS5 engine (SEARCH_DB in workerd) and a real
 * Meilisearch (started by tests/global-setup.ts), fed the same documents built from
 * experiments published through the catalogue services with the real territory reference.
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { getExperimentsByIds } from '../../worker/db/experiments'
import { toSearchDocument } from '../../worker/search/documents'
import type { SearchEngine, SearchQuery } from '../../worker/search/types'
import { validInput } from './fixtures'
import { contractEngines, loadedEngine, publishDirect } from './search-fixtures'

type Input = Parameters<typeof validInput>[0]

const summary = (text: string) => `${text} Un dispositif décrit pour les autres collectivités.`

/** Named fixtures: each test looks its experiments up by name. */
const FIXTURES: Record<string, Input> = {
  mediatheque: {
    title: 'Médiathèque connectée pour tous',
    summary: summary('Des ateliers d’initiation au numérique dans la médiathèque municipale.'),
    territories: ['com:42218'],
    themes: ['mediation.competences'],
    stage: 'sustained',
    evidenceLevel: 3,
  },
  tiersLieux: {
    title: 'Réseau de tiers-lieux ruraux',
    summary: summary('Un grand réseau de lieux partagés animé à l’échelle régionale.'),
    territories: ['reg:53'],
    themes: ['third-places.reseau'],
    stage: 'rollout',
    evidenceLevel: 1,
  },
  epn: {
    title: 'Un espace public numérique au cœur du quartier',
    summary: summary('Accès libre aux ordinateurs et accompagnement par un animateur.'),
    territories: ['com:35238'],
    themes: ['mediation.demarches'],
    stage: 'pilot',
    evidenceLevel: 0,
  },
  msap: {
    title: 'Une maison de services au public itinérante',
    summary: summary('Un guichet mobile regroupe plusieurs opérateurs de services.'),
    territories: ['dep:53'],
    themes: ['public-services.accueil'],
    stage: 'rollout',
    evidenceLevel: 2,
  },
  ftth: {
    title: 'Raccordement FttH des zones blanches',
    summary: summary('Le syndicat mixte raccorde chaque foyer isolé au réseau.'),
    territories: ['reg:44'],
    themes: ['connectivity.fibre'],
    stage: 'rollout',
    evidenceLevel: 2,
  },
  fablab: {
    title: 'Fab lab intercommunal mobile',
    summary: summary('Un camion-atelier avec imprimantes 3D circule de commune en commune.'),
    territories: ['dep:62'],
    themes: ['third-places.fablab'],
    stage: 'pilot',
    evidenceLevel: 1,
  },
  openData: {
    title: 'Portail des jeux de données du territoire',
    summary: summary('Publication régulière des budgets et des horaires des services.'),
    territories: ['dep:35'],
    themes: ['open-data.publication'],
    stage: 'sustained',
    evidenceLevel: 2,
  },
  hostile: {
    title: '<script>alert(1)</script> Atelier "numérique" & co',
    summary: summary('Un atelier <b>gras</b> pour vérifier l’échappement du surlignage.'),
    territories: ['dep:2A'],
    themes: ['education.ecoles'],
    stage: 'idea',
    evidenceLevel: 0,
  },
  inclusion: {
    title: 'Plan départemental d’inclusion numérique',
    summary: summary(
      'Un réseau de lieux d’accueil aide chaque habitant à prendre en main ses outils.'
    ),
    territories: ['dep:19'],
    themes: ['mediation.demarches'],
    stage: 'design',
    evidenceLevel: 1,
  },
  gardenAll: {
    title: 'Potager pédagogique connecté',
    summary: summary('Des sondes mesurent l’humidité du jardin partagé de l’école.'),
    territories: ['com:87085'],
    themes: ['education.ecoles'],
    stage: 'design',
    evidenceLevel: 0,
  },
  gardenSome: {
    title: 'Potager partagé du centre social',
    summary: summary('Les familles cultivent ensemble une parcelle prêtée par la ville.'),
    territories: ['com:87085'],
    themes: ['education.citoyennete'],
    stage: 'design',
    evidenceLevel: 4,
  },
  smartCity: {
    title: 'Capteurs de bruit pour la smart city',
    summary: summary('Des boîtiers posés par la mairie mesurent le bruit des rues la nuit.'),
    territories: ['com:13055'],
    themes: ['smart-territory.capteurs'],
    stage: 'pilot',
    evidenceLevel: 1,
  },
  lighting: {
    title: 'Éclairage public de la ville intelligente',
    summary: summary(
      'Les lampadaires baissent d’intensité quand la rue est vide, a calculé Marie.'
    ),
    territories: ['com:13055'],
    themes: ['sobriety.ecoconception'],
    stage: 'pilot',
    evidenceLevel: 1,
  },
  onlineProcedures: {
    title: 'Les démarches en ligne simplifiées',
    summary: summary('Un formulaire unique suffit, sans dossier papier.'),
    territories: ['com:69123'],
    themes: ['public-services.agents'],
    stage: 'pilot',
    evidenceLevel: 0,
  },
  virtualDesk: {
    title: 'Un guichet virtuel ouvert le soir',
    summary: summary('Un agent explique comment faire sa demande, par visioconférence, le soir.'),
    territories: ['com:69123'],
    themes: ['public-services.agents'],
    stage: 'pilot',
    evidenceLevel: 3,
  },
  ...Object.fromEntries(
    [1, 2, 3, 4, 5].map((n) => [
      `budget${n}`,
      {
        title: `Budget participatif numérique, édition ${n}`,
        summary: summary(`Les habitants votent en ligne pour les projets de l’édition ${n}.`),
        territories: [n % 2 ? 'dep:35' : 'dep:29'],
        themes: ['participation.budget'],
        stage: n % 2 ? 'rollout' : 'sustained',
        evidenceLevel: n % 5,
        startDate: `${2018 + n}`,
      } satisfies Input,
    ])
  ),
}

const ids: Record<string, string> = {}
const nameOf = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id

beforeAll(async () => {
  for (const [name, overrides] of Object.entries(FIXTURES)) {
    ids[name] = await publishDirect(overrides)
  }
}, 120_000)

const meiliSkip = env.TEST_MEILI_SKIP_REASON
const engines = contractEngines('test-contract')

describe.each(engines)('search contract: %s engine', (engineName, makeEngine) => {
  const skip = engineName === 'meilisearch' && meiliSkip !== ''
  if (skip) console.warn(`Meilisearch contract skipped: ${meiliSkip}`)
  let engine: SearchEngine

  const search = (q: string, more: Partial<SearchQuery> = {}) =>
    engine.search({ q, filters: {}, sort: 'relevance', page: 1, hitsPerPage: 50, ...more })
  const names = async (q: string, more: Partial<SearchQuery> = {}) =>
    (await search(q, more)).hits.map((h) => nameOf(h.id))
  const first = async (q: string) => (await names(q))[0]

  beforeAll(async () => {
    if (skip) return
    engine = await loadedEngine(makeEngine, Object.values(ids))
  }, 60_000)

  it.skipIf(skip)('holds every published experiment at its revision', async () => {
    const indexed = await engine.indexedRevisions()
    for (const id of Object.values(ids)) expect(indexed.get(id)).toBeGreaterThan(1)
    const all = await search('')
    expect(all.total).toBe(Object.keys(FIXTURES).length)
    expect(all.engine).toBe(engineName)
  })

  it.skipIf(skip)('ignores accents and case', async () => {
    expect(await first('MEDIATHEQUE connectee')).toBe('mediatheque')
    expect(await first('réseau rûraux')).toBe('tiersLieux')
  })

  it.skipIf(skip)('ranks a record holding every query word above one holding some', async () => {
    const ranked = await names('potager connecté sondes')
    expect(ranked[0]).toBe('gardenAll')
    // Holding one word of three is enough to be returned, even with the higher evidence.
    expect(ranked).toContain('gardenSome')
    expect(ranked.indexOf('gardenSome')).toBeGreaterThan(ranked.indexOf('gardenAll'))
    // Counted as shown: the total covers every record holding at least one word.
    const result = await search('potager connecté sondes')
    expect(result.total).toBe(result.hits.length)
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
    expect(sum(result.facets.stage)).toBe(result.total)
  })

  it.skipIf(skip)('counts a lexicon expression as one query word', async () => {
    // « administration en ligne » is one word of the query (its synonym « démarches en
    // ligne » finds the first record): the record holding both other words ranks above it.
    const ranked = await names('administration en ligne et guichet virtuel')
    expect(ranked[0]).toBe('virtualDesk')
    expect(ranked).toContain('onlineProcedures')
  })

  it.skipIf(skip)('ignores the words that phrase a question', async () => {
    // « virtualDesk » says « comment faire »: the question's words select no record.
    const ranked = await names('comment faire un budget participatif ?')
    expect(ranked).not.toContain('virtualDesk')
    expect(ranked.slice(0, 5).sort()).toEqual(
      ['budget1', 'budget2', 'budget3', 'budget4', 'budget5'].sort()
    )
  })

  it.skipIf(skip)('finds other forms of a word through its French stem', async () => {
    // « inclusif » is in no fixture: records saying « inclusion » (a title, or the label of
    // the theme « Inclusion et médiation numérique ») are found through the stem.
    const found = await names('inclusif')
    expect(found.sort()).toEqual(['epn', 'inclusion', 'mediatheque'])
    expect(await first('plan inclusif')).toBe('inclusion')
    // The exact words rank above their other forms.
    expect(await first('potagers connectés')).toBe('gardenAll')
    expect(await first('potager connecté')).toBe('gardenAll')
  })

  it.skipIf(skip)('tolerates typos and says what it corrected', async () => {
    expect(await first('médiathèques connectées')).toBe('mediatheque')
    expect(await names('mediatheqe')).toContain('mediatheque')
    expect(await names('participatf')).toHaveLength(5)
    const corrected = await search('mediatheqe connectée')
    expect(nameOf(corrected.hits[0]!.id)).toBe('mediatheque')
    // Both engines correct from the same vocabulary (the embedded index's).
    expect(corrected.didYouMean).toBe('mediatheque connectée')
    // A word found as typed needs no correction.
    expect((await search('médiathèque')).didYouMean).toBeNull()
  })

  it.skipIf(skip)('searches a corrected word with its lexicon synonyms', async () => {
    // « citty » is corrected to « city », which forms the lexicon's « smart city » with its
    // neighbour: its synonym « ville intelligente » finds the record that never says it.
    const corrected = await search('smart citty')
    expect(corrected.didYouMean).toBe('smart city')
    expect(corrected.hits.map((h) => nameOf(h.id)).sort()).toEqual(['lighting', 'smartCity'])
    // Typed right, the same.
    expect((await names('smart city')).sort()).toEqual(['lighting', 'smartCity'])
  })

  it.skipIf(skip)('does not match a word found as typed to its one-typo neighbours', async () => {
    // « mairie » is indexed: it is no typo, and « Marie » is another word. Meilisearch's own
    // typo tolerance starts at 7 letters; shorter misspelt words are corrected from the
    // vocabulary instead, like in the embedded engine.
    expect(await names('mairie')).toEqual(['smartCity'])
  })

  it.skipIf(skip)('finds French records from English queries', async () => {
    expect((await names('participatory budgeting')).slice(0, 5).sort()).toEqual(
      ['budget1', 'budget2', 'budget3', 'budget4', 'budget5'].sort()
    )
    expect(await first('third places network')).toBe('tiersLieux')
    expect(await names('Brittany')).toContain('tiersLieux')
  })

  it.skipIf(skip)('treats hyphens and spaces alike, and compound variants', async () => {
    expect(await first('tiers-lieux ruraux')).toBe('tiersLieux')
    expect(await first('tiers lieux ruraux')).toBe('tiersLieux')
    expect(await first('fablab mobile')).toBe('fablab')
    expect(await first('fab-lab mobile')).toBe('fablab')
  })

  it.skipIf(skip)('expands the domain acronyms', async () => {
    expect(await names('EPN')).toContain('epn')
    expect(await first('MSAP')).toBe('msap')
    expect(await first('france services')).toBe('msap')
    expect(await names('fibre optique')).toContain('ftth')
    expect(await first('très haut débit zones blanches')).toBe('ftth')
  })

  it.skipIf(skip)('finds experiments by place name and theme label', async () => {
    expect(await names('Saint-Étienne')).toEqual(['mediatheque'])
    expect(await names('saint etienne')).toEqual(['mediatheque'])
    // "est" and "pas" are not stop words: they rank the place that has them first.
    expect(await first('Grand Est')).toBe('ftth')
    expect(await first('pas de calais')).toBe('fablab')
    expect(await names('Bretagne').then((n) => n.sort())).toEqual(
      [
        'budget1',
        'budget2',
        'budget3',
        'budget4',
        'budget5',
        'epn',
        'openData',
        'tiersLieux',
      ].sort()
    )
    expect(await first('données ouvertes')).toBe('openData')
    expect(await names('Corse-du-Sud')).toEqual(['hostile'])
  })

  it.skipIf(skip)('filters: OR within a facet, AND across facets', async () => {
    expect((await names('', { filters: { region: ['44'] } })).sort()).toEqual(['ftth'])
    const bzh = await names('', { filters: { department: ['35', '29'], stage: ['sustained'] } })
    expect(bzh.sort()).toEqual(['budget2', 'budget4', 'openData'].sort())
    expect(await names('budget', { filters: { evidence: ['3', '4'] } })).toHaveLength(2)
    expect(await names('', { filters: { year: ['2019'] } })).toEqual(['budget1'])
    expect(
      await names('', { filters: { theme: ['participation'], level: ['departement'] } })
    ).toHaveLength(5)
    expect(await names('', { excludeIds: [ids.epn!] })).not.toContain('epn')
  })

  it.skipIf(skip)('counts facets disjunctively', async () => {
    const result = await search('', { filters: { theme: ['participation'], stage: ['rollout'] } })
    expect(result.total).toBe(3)
    // Theme counts ignore the theme selection but apply the stage one.
    expect(result.facets.theme).toEqual({
      participation: 3,
      'third-places': 1,
      'public-services': 1,
      connectivity: 1,
    })
    // Stage counts ignore the stage selection but apply the theme one.
    expect(result.facets.stage).toEqual({ rollout: 3, sustained: 2 })
    // Other facets apply both selections.
    expect(result.facets.department).toEqual({ '35': 3 })
    expect(result.facets.region).toEqual({ '53': 3 })
    expect(result.facets.year).toEqual({ '2019': 1, '2021': 1, '2023': 1 })
    expect(result.facets.evidence).toEqual({ '1': 1, '3': 1, '0': 1 })
  })

  it.skipIf(skip)('counts the facets of a text query, disjunctively', async () => {
    // « édition » is in the five budgets only.
    const text = await search('édition')
    expect(text.total).toBe(5)
    // Each experiment has one stage and one evidence level: the counts cover every match.
    const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0)
    expect(sum(text.facets.stage)).toBe(5)
    expect(sum(text.facets.evidence)).toBe(5)

    const filtered = await search('édition', { filters: { evidence: ['3', '4'] } })
    expect(filtered.total).toBe(2)
    // The evidence counts ignore the evidence selection: those of the text alone.
    expect(filtered.facets.evidence).toEqual(text.facets.evidence)
    expect(sum(filtered.facets.stage)).toBe(2)
  })

  it.skipIf(skip)('leaves facet counts out when asked (similarity searches)', async () => {
    const query = { filters: { theme: ['participation'], stage: ['rollout'] } }
    const counted = await search('', query)
    const bare = await search('', { ...query, facets: false })
    expect(bare.hits.map((h) => h.id)).toEqual(counted.hits.map((h) => h.id))
    expect(bare.total).toBe(counted.total)
    for (const counts of Object.values(bare.facets)) expect(counts).toEqual({})
  })

  it.skipIf(skip)('paginates without overlap', async () => {
    const seen: string[] = []
    for (const page of [1, 2, 3]) {
      const result = await search('édition', { page, hitsPerPage: 2 })
      expect(result.total).toBe(5)
      expect(result.page).toBe(page)
      seen.push(...result.hits.map((h) => h.id))
    }
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
    expect((await search('édition', { page: 4, hitsPerPage: 2 })).hits).toEqual([])
  })

  it.skipIf(skip)('browses without text by evidence, then completeness', async () => {
    const hits = (await search('')).hits
    const evidence = hits.map((h) => h.evidenceLevel)
    expect(evidence).toEqual([...evidence].sort((a, b) => b - a))
    // Not publication order: the budgets were published last, the evidence-4 one leads.
    expect(evidence[0]).toBe(4)
    expect(hits.map((h) => nameOf(h.id))).not.toEqual(
      (await search('', { sort: 'recent' })).hits.map((h) => nameOf(h.id))
    )
  })

  it.skipIf(skip)('sorts by evidence, recency and completeness', async () => {
    const byEvidence = (await search('', { sort: 'evidence' })).hits.map((h) => h.evidenceLevel)
    expect(byEvidence).toEqual([...byEvidence].sort((a, b) => b - a))
    const recent = await search('édition', { sort: 'recent' })
    expect(recent.hits.map((h) => nameOf(h.id))).toEqual([
      'budget5',
      'budget4',
      'budget3',
      'budget2',
      'budget1',
    ])
  })

  it.skipIf(skip)('escapes highlights: only <mark> is added', async () => {
    const [hit] = (await search('atelier')).hits.filter((h) => h.id === ids.hostile)
    expect(hit).toBeDefined()
    expect(hit!.highlight.title).toContain('<mark>Atelier</mark>')
    expect(hit!.highlight.title).not.toContain('<script>')
    const unmarked = (s: string) => s.replaceAll('<mark>', '').replaceAll('</mark>', '')
    expect(unmarked(hit!.highlight.title)).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; Atelier &quot;numérique&quot; &amp; co'
    )
    expect(unmarked(hit!.highlight.summary)).toContain('&lt;b&gt;gras&lt;/b&gt;')
    expect(hit!.title).toBe(FIXTURES.hostile!.title)
  })

  it.skipIf(skip)('hostile filter values neither fail nor widen the results', async () => {
    const hostile = [
      '44" OR regions != "0',
      '44\\',
      '\\"',
      'OR',
      '44) OR (regions EXISTS',
      "44' OR '1'='1",
      '',
    ]
    for (const value of hostile) {
      expect((await search('', { filters: { region: [value] } })).total).toBe(0)
      expect(await names('', { filters: { region: ['44', value] } })).toEqual(['ftth'])
      expect((await search('', { filters: { theme: [value], stage: [value] } })).total).toBe(0)
    }
    // FTS5 and Meilisearch operators in the text are just text.
    for (const q of ['a" OR b* NEAR(', 'budget OR epn', '(budget) AND NOT x', '"', '*']) {
      const result = await search(q)
      expect(result.total).toBeLessThanOrEqual(Object.keys(FIXTURES).length)
    }
    // Were NOT an operator, the EPN would be left out; it is one more word to look for.
    expect(await names('budget NOT epn')).toContain('epn')
  })

  it.skipIf(skip)('replaces and removes documents by id', async () => {
    const rows = await getExperimentsByIds(env.DB, [ids.epn!])
    const doc = {
      ...toSearchDocument(rows[0]!),
      title: 'Titre remplacé',
      stems: 'titr remplac',
      revision: 99,
    }
    await engine.upsert([doc])
    expect(await names('remplacé')).toEqual(['epn'])
    expect(await names('quartier')).not.toContain('epn')
    await engine.remove([ids.epn!, 'unknown-id'])
    expect((await engine.indexedRevisions()).has(ids.epn!)).toBe(false)
    await engine.upsert(rows.map(toSearchDocument))
    expect((await engine.indexedRevisions()).get(ids.epn!)).toBe(rows[0]!.revision)
  })
})
