/** Rich records for the open-data tests: every kind of column, and hostile text. */
import { validInput } from './fixtures'

export const HOSTILE = 'Tom & Jerry <script>alert("x")</script> ]]> , ; "citation"\nligne 2'

export function richInput(overrides: Parameters<typeof validInput>[0] = {}) {
  return validInput({
    title: 'Fablab solidaire « Les Ateliers » à Rennes',
    summary: `Un atelier de réparation ouvert à tous, avec des bénévoles. ${HOSTILE}`,
    lead: { name: 'Rennes Métropole', kind: 'epci', siren: '243500139' },
    partners: [{ name: 'Association Bug', role: 'animation, “médiation”' }],
    territories: ['epci:243500139', 'com:35238'],
    themes: ['third-places.fablab', 'sobriety.materiel'],
    publics: ['all', 'low-income'],
    programmes: ['france-tiers-lieux'],
    keywords: ['réparation', 'réemploi'],
    stage: 'sustained',
    outcome: 'success',
    startDate: '2019-03-15',
    endDate: '2024',
    narrative: { context: HOSTILE, advice: 'Commencer petit,\r\npuis « essaimer ».' },
    means: {
      budgetEur: 120000,
      staffFte: 1.5,
      fundingSources: [{ type: 'region', programme: 'Appel à projets', amountEur: 40000 }],
    },
    results: {
      peopleReached: 3200,
      indicators: [{ label: 'Objets réparés', unit: 'objets', value: 1800, measuredAt: '2023-12' }],
      evaluationDocuments: [{ title: 'Bilan 2023', url: 'https://example.fr/bilan.pdf' }],
    },
    evidenceLevel: 2,
    resources: [{ title: 'Kit de démarrage', url: 'https://example.fr/kit', licence: 'CC-BY-4.0' }],
    website: 'https://example.fr/ateliers',
    publicContact: { role: 'Chargée de mission', email: 'contact@example.fr' },
    privateContact: {
      name: 'Jeanne Secret',
      email: 'jeanne.secret@example.org',
      phone: '+33 6 12 34 56 78',
    },
    ...overrides,
  })
}

/** Strings that only the private contact holds: none may appear in any export. */
export const PRIVATE_MARKERS = [
  'jeanne.secret@example.org',
  'Jeanne Secret',
  '12 34 56 78',
  'referent@example.fr',
]
