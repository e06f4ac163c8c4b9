/**
 * Controlled vocabularies of the experiment record.
 *
 * Each vocabulary is a readonly list of `{ code, fr, en }` entries: codes are stable
 * identifiers stored in D1 and the search index, labels are what people read. Forms,
 * filters, facets, API docs and exports all derive from these lists, so adding a value
 * here is the only change needed to offer it everywhere.
 */

export interface Term<Code extends string = string> {
  readonly code: Code
  readonly fr: string
  readonly en: string
  /** Longer French explanation, shown as help text where it matters. */
  readonly help?: string
}

/** Codes of a vocabulary, as a non-empty tuple for `z.enum`. */
export function codesOf<const T extends readonly Term[]>(terms: T) {
  return terms.map((t) => t.code) as unknown as [T[number]['code'], ...T[number]['code'][]]
}

/** French (or English) label of a code, or the code itself when unknown. */
export function labelOf(terms: readonly Term[], code: string, lang: 'fr' | 'en' = 'fr'): string {
  return terms.find((t) => t.code === code)?.[lang] ?? code
}

// ── Themes (two levels) ──────────────────────────────────────────────────────
// A theme code is either a top-level code (`mediation`) or `parent.child`
// (`mediation.demarches`). Filters and statistics work on the top level.

interface ThemeNode extends Term {
  readonly children: readonly Term[]
}

export const THEME_TREE = [
  {
    code: 'mediation',
    fr: 'Inclusion et médiation numérique',
    en: 'Digital inclusion and mediation',
    children: [
      {
        code: 'mediation.demarches',
        fr: 'Accompagnement aux démarches en ligne',
        en: 'Help with online procedures',
      },
      {
        code: 'mediation.competences',
        fr: 'Apprentissage des usages du quotidien',
        en: 'Everyday digital skills',
      },
      {
        code: 'mediation.equipement',
        fr: 'Équipement et reconditionnement',
        en: 'Devices and refurbishment',
      },
      { code: 'mediation.itinerance', fr: 'Médiation itinérante', en: 'Mobile mediation' },
      {
        code: 'mediation.aidants',
        fr: 'Aidants et travailleurs sociaux',
        en: 'Helpers and social workers',
      },
    ],
  },
  {
    code: 'participation',
    fr: 'Participation citoyenne',
    en: 'Citizen participation',
    children: [
      { code: 'participation.budget', fr: 'Budget participatif', en: 'Participatory budgeting' },
      {
        code: 'participation.concertation',
        fr: 'Concertation et consultation en ligne',
        en: 'Online consultation',
      },
      {
        code: 'participation.debat',
        fr: 'Débats et conseils citoyens du numérique',
        en: 'Digital citizens’ councils',
      },
      { code: 'participation.civic-tech', fr: 'Outils civic tech', en: 'Civic tech tools' },
    ],
  },
  {
    code: 'third-places',
    fr: 'Tiers-lieux et fablabs',
    en: 'Third places and fablabs',
    children: [
      {
        code: 'third-places.fablab',
        fr: 'Fablab et atelier de fabrication',
        en: 'Fablab and makerspace',
      },
      { code: 'third-places.coworking', fr: 'Espace de coworking', en: 'Coworking space' },
      { code: 'third-places.epn', fr: 'Espace public numérique (EPN)', en: 'Public digital space' },
      { code: 'third-places.reseau', fr: 'Réseau de tiers-lieux', en: 'Third-place network' },
    ],
  },
  {
    code: 'public-services',
    fr: 'Services publics numériques',
    en: 'Digital public services',
    children: [
      { code: 'public-services.demarches', fr: 'Démarches en ligne', en: 'Online procedures' },
      {
        code: 'public-services.accueil',
        fr: 'Accueil et guichet unique',
        en: 'One-stop front desk',
      },
      {
        code: 'public-services.agents',
        fr: 'Outils et formation des agents',
        en: 'Staff tools and training',
      },
      {
        code: 'public-services.accessibilite',
        fr: 'Accessibilité des services',
        en: 'Service accessibility',
      },
    ],
  },
  {
    code: 'open-data',
    fr: 'Données ouvertes',
    en: 'Open data',
    children: [
      { code: 'open-data.publication', fr: 'Publication de données', en: 'Data publication' },
      {
        code: 'open-data.reutilisation',
        fr: 'Réutilisation et datavisualisation',
        en: 'Reuse and data visualisation',
      },
      { code: 'open-data.gouvernance', fr: 'Gouvernance de la donnée', en: 'Data governance' },
      {
        code: 'open-data.patrimoine',
        fr: 'Archives et patrimoine numérisés',
        en: 'Digitised archives and heritage',
      },
    ],
  },
  {
    code: 'sobriety',
    fr: 'Numérique responsable',
    en: 'Sustainable digital',
    children: [
      { code: 'sobriety.materiel', fr: 'Durée de vie du matériel', en: 'Hardware lifespan' },
      {
        code: 'sobriety.ecoconception',
        fr: 'Écoconception des services',
        en: 'Eco-design of services',
      },
      { code: 'sobriety.achats', fr: 'Achats responsables', en: 'Responsible procurement' },
    ],
  },
  {
    code: 'e-health',
    fr: 'E-santé',
    en: 'E-health',
    children: [
      { code: 'e-health.telemedecine', fr: 'Télémédecine et téléconsultation', en: 'Telemedicine' },
      {
        code: 'e-health.autonomie',
        fr: 'Autonomie et maintien à domicile',
        en: 'Independent living',
      },
    ],
  },
  {
    code: 'education',
    fr: 'Éducation au numérique',
    en: 'Digital education',
    children: [
      { code: 'education.ecoles', fr: 'Écoles et collèges', en: 'Schools' },
      {
        code: 'education.citoyennete',
        fr: 'Citoyenneté numérique et esprit critique',
        en: 'Digital citizenship',
      },
      { code: 'education.formation', fr: 'Formation professionnelle', en: 'Vocational training' },
    ],
  },
  {
    code: 'cybersecurity',
    fr: 'Cybersécurité et souveraineté',
    en: 'Cybersecurity and sovereignty',
    children: [
      {
        code: 'cybersecurity.sensibilisation',
        fr: 'Sensibilisation et prévention',
        en: 'Awareness',
      },
      {
        code: 'cybersecurity.logiciels-libres',
        fr: 'Logiciels libres et communs',
        en: 'Free software and commons',
      },
      { code: 'cybersecurity.hebergement', fr: 'Hébergement souverain', en: 'Sovereign hosting' },
    ],
  },
  {
    code: 'smart-territory',
    fr: 'Territoire intelligent',
    en: 'Smart territory',
    children: [
      {
        code: 'smart-territory.capteurs',
        fr: 'Capteurs et objets connectés',
        en: 'Sensors and IoT',
      },
      { code: 'smart-territory.mobilite', fr: 'Mobilité', en: 'Mobility' },
      { code: 'smart-territory.energie', fr: 'Énergie et éclairage', en: 'Energy and lighting' },
    ],
  },
  {
    code: 'connectivity',
    fr: 'Connectivité et infrastructures',
    en: 'Connectivity and infrastructure',
    children: [
      {
        code: 'connectivity.fibre',
        fr: 'Très haut débit et fibre (FttH)',
        en: 'Broadband and fibre',
      },
      { code: 'connectivity.mobile', fr: 'Couverture mobile', en: 'Mobile coverage' },
      { code: 'connectivity.wifi', fr: 'Wi-Fi public', en: 'Public Wi-Fi' },
    ],
  },
  {
    code: 'economy',
    fr: 'Économie numérique et développement économique',
    en: 'Digital economy and economic development',
    children: [
      {
        code: 'economy.commerce',
        fr: 'Commerce local en ligne',
        en: 'Local shops online',
      },
      {
        code: 'economy.emploi',
        fr: 'Compétences numériques et emploi',
        en: 'Digital skills and employment',
      },
      {
        code: 'economy.entreprises',
        fr: 'Accompagnement des entreprises et start-up',
        en: 'Support for businesses and start-ups',
      },
      {
        code: 'economy.attractivite',
        fr: 'Attractivité et tourisme',
        en: 'Place promotion and tourism',
      },
    ],
  },
  {
    code: 'governance',
    fr: 'Gouvernance et mutualisation',
    en: 'Governance and pooling',
    children: [
      { code: 'governance.strategie', fr: 'Stratégie et schéma numérique', en: 'Digital strategy' },
      {
        code: 'governance.mutualisation',
        fr: 'Mutualisation entre collectivités',
        en: 'Pooling between authorities',
      },
      {
        code: 'governance.reseau',
        fr: 'Animation de réseau d’acteurs',
        en: 'Stakeholder networks',
      },
    ],
  },
] as const satisfies readonly ThemeNode[]

/** Top-level themes: what filters, facets and statistics use. */
export const THEMES: readonly Term<TopThemeCode>[] = THEME_TREE.map(({ code, fr, en }) => ({
  code,
  fr,
  en,
}))
/** Every theme code, top level and children, for validating a record. */
export const ALL_THEMES: readonly Term[] = THEME_TREE.flatMap((t) => [
  { code: t.code, fr: t.fr, en: t.en },
  ...t.children,
])

export type TopThemeCode = (typeof THEME_TREE)[number]['code']
export const TOP_THEME_CODES = THEME_TREE.map((t) => t.code) as unknown as [
  TopThemeCode,
  ...TopThemeCode[],
]

/** The top-level theme of a theme code (`mediation.demarches` → `mediation`). */
export function topTheme(code: string): TopThemeCode {
  return code.split('.')[0] as TopThemeCode
}

// ── Stage and outcome ────────────────────────────────────────────────────────

export const STAGES = [
  { code: 'idea', fr: 'Idée', en: 'Idea' },
  { code: 'design', fr: 'Conception', en: 'Design' },
  { code: 'pilot', fr: 'Expérimentation', en: 'Pilot' },
  { code: 'rollout', fr: 'Déploiement', en: 'Roll-out' },
  { code: 'sustained', fr: 'Pérennisation', en: 'Sustained' },
  { code: 'stopped', fr: 'Arrêt', en: 'Stopped' },
] as const satisfies readonly Term[]

export const OUTCOMES = [
  { code: 'success', fr: 'Réussite', en: 'Success' },
  { code: 'mixed', fr: 'Résultats mitigés', en: 'Mixed results' },
  { code: 'failure', fr: 'Échec (riche d’enseignements)', en: 'Failure (with lessons)' },
  { code: 'too-early', fr: 'Trop tôt pour le dire', en: 'Too early to tell' },
] as const satisfies readonly Term[]

// ── Evidence level ───────────────────────────────────────────────────────────

export const EVIDENCE_LEVELS = [
  {
    code: '0',
    fr: 'Déclaratif',
    en: 'Declared',
    help: 'Les résultats sont décrits par le porteur, sans mesure suivie.',
  },
  {
    code: '1',
    fr: 'Suivi par indicateurs',
    en: 'Monitored with indicators',
    help: 'Des indicateurs chiffrés sont suivis dans le temps (fréquentation, usages, délais…).',
  },
  {
    code: '2',
    fr: 'Évaluation interne documentée',
    en: 'Documented internal evaluation',
    help: 'Le porteur a conduit et publié une évaluation (bilan, enquête auprès des usagers).',
  },
  {
    code: '3',
    fr: 'Évaluation indépendante',
    en: 'Independent evaluation',
    help: 'Un tiers (université, cabinet, inspection) a évalué l’expérimentation.',
  },
  {
    code: '4',
    fr: 'Évaluation comparative',
    en: 'Comparative evaluation',
    help: 'Les effets sont mesurés par comparaison avec un groupe ou un territoire témoin.',
  },
] as const satisfies readonly Term[]

export type EvidenceLevel = 0 | 1 | 2 | 3 | 4

// ── Lead (porteur) ───────────────────────────────────────────────────────────
// The kind of organisation running the experiment; the first four are the levels
// of collectivité used by the "level" filter.

export const LEAD_KINDS = [
  { code: 'commune', fr: 'Commune', en: 'Municipality' },
  { code: 'epci', fr: 'Intercommunalité (EPCI)', en: 'Inter-municipality (EPCI)' },
  { code: 'departement', fr: 'Département', en: 'Département' },
  { code: 'region', fr: 'Région', en: 'Region' },
  { code: 'syndicat', fr: 'Syndicat mixte ou GIP', en: 'Joint authority' },
  { code: 'association', fr: 'Association', en: 'Non-profit' },
  { code: 'third-place', fr: 'Tiers-lieu', en: 'Third place' },
  { code: 'state', fr: 'Service de l’État', en: 'State service' },
  { code: 'company', fr: 'Entreprise ou coopérative', en: 'Company or cooperative' },
  { code: 'other', fr: 'Autre', en: 'Other' },
] as const satisfies readonly Term[]

// ── Target publics and national programmes ───────────────────────────────────

export const PUBLICS = [
  { code: 'all', fr: 'Tous publics', en: 'Everyone' },
  { code: 'seniors', fr: 'Seniors', en: 'Older people' },
  { code: 'youth', fr: 'Jeunes', en: 'Young people' },
  { code: 'pupils', fr: 'Élèves', en: 'Pupils' },
  { code: 'job-seekers', fr: 'Demandeurs d’emploi', en: 'Job seekers' },
  { code: 'low-income', fr: 'Personnes en précarité', en: 'People on low incomes' },
  { code: 'disability', fr: 'Personnes en situation de handicap', en: 'People with disabilities' },
  { code: 'rural', fr: 'Habitants des zones rurales', en: 'Rural residents' },
  { code: 'priority-areas', fr: 'Quartiers prioritaires (QPV)', en: 'Priority neighbourhoods' },
  { code: 'migrants', fr: 'Personnes allophones', en: 'Non-French speakers' },
  { code: 'agents', fr: 'Agents publics', en: 'Public servants' },
  { code: 'elected', fr: 'Élus', en: 'Elected officials' },
  { code: 'businesses', fr: 'Entreprises et commerces', en: 'Businesses' },
  { code: 'associations', fr: 'Associations', en: 'Non-profits' },
  // Named as target publics by real records (data/relevance/corpus.json).
  { code: 'women', fr: 'Femmes', en: 'Women' },
  { code: 'health-professionals', fr: 'Professionnels de santé', en: 'Health professionals' },
  { code: 'visitors', fr: 'Visiteurs et touristes', en: 'Visitors and tourists' },
  // Pooled services, data portals, cyber-emergency centres: real records serve communes too.
  {
    code: 'local-authorities',
    fr: 'Collectivités et leurs services',
    en: 'Local authorities and their services',
  },
] as const satisfies readonly Term[]

export const PROGRAMMES = [
  { code: 'conseillers-numeriques', fr: 'Conseillers numériques', en: 'Conseillers numériques' },
  { code: 'france-services', fr: 'France Services', en: 'France Services' },
  { code: 'aidants-connect', fr: 'Aidants Connect', en: 'Aidants Connect' },
  { code: 'pix', fr: 'Pix', en: 'Pix' },
  { code: 'pass-numerique', fr: 'Pass numérique', en: 'Pass numérique' },
  {
    code: 'france-tiers-lieux',
    fr: 'France Tiers-Lieux / Fabriques de territoire',
    en: 'France Tiers-Lieux',
  },
  { code: 'france-tres-haut-debit', fr: 'France Très Haut Débit', en: 'France Très Haut Débit' },
  { code: 'new-deal-mobile', fr: 'New Deal Mobile', en: 'New Deal Mobile' },
  { code: 'territoires-d-industrie', fr: 'Territoires d’industrie', en: 'Territoires d’industrie' },
  {
    code: 'petites-villes-de-demain',
    fr: 'Petites villes de demain',
    en: 'Petites villes de demain',
  },
  { code: 'action-coeur-de-ville', fr: 'Action cœur de ville', en: 'Action cœur de ville' },
  { code: 'france-relance', fr: 'France Relance', en: 'France Relance' },
  { code: 'feder', fr: 'FEDER (fonds européens)', en: 'ERDF (EU funds)' },
  { code: 'dinum', fr: 'Programmes de la DINUM', en: 'DINUM programmes' },
  // Named by real records (data/relevance/corpus.json).
  {
    code: 'france-numerique-ensemble',
    fr: 'France Numérique Ensemble',
    en: 'France Numérique Ensemble',
  },
  {
    code: 'territoires-numeriques-educatifs',
    fr: 'Territoires numériques éducatifs',
    en: 'Territoires numériques éducatifs',
  },
  {
    code: 'hubs-numerique-inclusif',
    fr: 'Hubs territoriaux pour un numérique inclusif',
    en: 'Regional hubs for digital inclusion',
  },
  {
    code: 'investissements-d-avenir',
    fr: 'Programme d’investissements d’avenir / France 2030',
    en: 'Investments for the Future / France 2030',
  },
  { code: 'csirt-regionaux', fr: 'CSIRT régionaux (ANSSI)', en: 'Regional CSIRTs (ANSSI)' },
  {
    code: 'villes-internet',
    fr: 'Label Territoires, Villes et Villages Internet',
    en: 'Villes Internet label',
  },
] as const satisfies readonly Term[]

export const FUNDING_TYPES = [
  { code: 'own', fr: 'Fonds propres', en: 'Own funds' },
  { code: 'state', fr: 'État', en: 'State' },
  { code: 'region', fr: 'Région', en: 'Region' },
  { code: 'departement', fr: 'Département', en: 'Département' },
  { code: 'epci', fr: 'Intercommunalité', en: 'Inter-municipality' },
  { code: 'eu', fr: 'Union européenne', en: 'European Union' },
  {
    code: 'caisse',
    fr: 'Caisses (CAF, CNAV, Banque des Territoires…)',
    en: 'Public funds (CAF, CDC…)',
  },
  { code: 'private', fr: 'Mécénat ou fonds privés', en: 'Private funding' },
  { code: 'other', fr: 'Autre', en: 'Other' },
] as const satisfies readonly Term[]

/** Languages a record may be written in (ISO 639-1). */
export const RECORD_LANGUAGES = [
  { code: 'fr', fr: 'Français', en: 'French' },
  { code: 'en', fr: 'Anglais', en: 'English' },
  { code: 'br', fr: 'Breton', en: 'Breton' },
  { code: 'eu', fr: 'Basque', en: 'Basque' },
  { code: 'oc', fr: 'Occitan', en: 'Occitan' },
  { code: 'co', fr: 'Corse', en: 'Corsican' },
  { code: 'de', fr: 'Allemand', en: 'German' },
] as const satisfies readonly Term[]

/** Licences offered for a fiche; SPDX identifiers. */
export const LICENCES = [
  { code: 'etalab-2.0', fr: 'Licence Ouverte 2.0 (Etalab)', en: 'Etalab Open Licence 2.0' },
  {
    code: 'CC-BY-4.0',
    fr: 'Creative Commons Attribution 4.0',
    en: 'Creative Commons Attribution 4.0',
  },
  {
    code: 'CC-BY-SA-4.0',
    fr: 'Creative Commons Attribution – Partage à l’identique 4.0',
    en: 'CC BY-SA 4.0',
  },
  { code: 'ODbL-1.0', fr: 'Open Database License 1.0', en: 'Open Database License 1.0' },
] as const satisfies readonly Term[]

export const TERRITORY_KINDS = [
  { code: 'com', fr: 'Commune', en: 'Municipality' },
  { code: 'epci', fr: 'Intercommunalité', en: 'Inter-municipality' },
  { code: 'dep', fr: 'Département', en: 'Département' },
  { code: 'reg', fr: 'Région', en: 'Region' },
] as const satisfies readonly Term[]

export type TerritoryKind = (typeof TERRITORY_KINDS)[number]['code']

// ── Scope (portée) ───────────────────────────────────────────────────────────
// Where a record applies, as declared: French territories (typed codes), France entière
// (a national programme) or places abroad. `SCOPE_LEVELS` is what filters, facets and
// statistics use: the declared scope, with French territories refined by the widest
// declared level.

export const SCOPES = [
  { code: 'territories', fr: 'Territoires français', en: 'French territories' },
  { code: 'national', fr: 'France entière', en: 'All of France' },
  { code: 'abroad', fr: 'Hors de France', en: 'Outside France' },
] as const satisfies readonly Term[]
export type Scope = (typeof SCOPES)[number]['code']

export const SCOPE_LEVELS = [
  { code: 'local', fr: 'Locale (communes, intercommunalités)', en: 'Local' },
  { code: 'departemental', fr: 'Départementale', en: 'Département-wide' },
  { code: 'regional', fr: 'Régionale', en: 'Region-wide' },
  { code: 'national', fr: 'Nationale (France entière)', en: 'National (all of France)' },
  { code: 'abroad', fr: 'Hors de France', en: 'Outside France' },
] as const satisfies readonly Term[]
export type ScopeLevel = (typeof SCOPE_LEVELS)[number]['code']
