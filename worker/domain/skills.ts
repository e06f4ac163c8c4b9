/**
 * The skills vocabulary of the network: what an actor offers ("ce que j'apporte") and
 * what it needs ("ce dont j'ai besoin"), shared by both directions so that a need and an
 * offer meet on the same code.
 *
 * Two levels, like the themes: a family (`formation`) and its skills
 * (`formation.compagnonnage`). Codes are stable identifiers stored in D1 and the search
 * indexes; never rename one, add a new code instead. Labels are ours, in French and
 * English; the families and skills were drawn up after reading these public frameworks
 * (their structure, not their text):
 * - the Pix competence framework (5 domains, 16 competences, itself based on the
 *   European DigComp 2.2) for what citizens and agents learn;
 * - the activity framework of the titre professionnel « Responsable d'espace de médiation
 *   numérique » and the Conseillers numériques training, for mediation, workshops and
 *   the training of helpers;
 * - the France Services agents' missions (help with online procedures, Aidants Connect);
 * - La Coop de la médiation numérique's activity themes and the data·inclusion
 *   `numerique--*` services, for mediation and equipment;
 * - Communecter's needs typed service / compétence / matériel, for the loan of equipment
 *   and premises as a family of its own;
 * - JeVeuxAider.gouv.fr's skills taxonomy, for communication, legal and project support.
 */
import { z } from '@hono/zod-openapi'
import { codesOf, type Term } from './vocabularies'
import { cleanText } from './text'

interface SkillFamily extends Term {
  readonly children: readonly Term[]
}

export const SKILL_TREE = [
  {
    code: 'mediation',
    fr: 'Médiation et accompagnement',
    en: 'Digital mediation and support',
    children: [
      {
        code: 'mediation.demarches',
        fr: 'Accompagnement aux démarches en ligne',
        en: 'Help with online procedures',
      },
      {
        code: 'mediation.usages',
        fr: 'Initiation aux usages du quotidien',
        en: 'Everyday digital skills',
      },
      {
        code: 'mediation.diagnostic',
        fr: 'Diagnostic des compétences numériques',
        en: 'Digital skills assessment',
      },
      { code: 'mediation.itinerance', fr: 'Médiation itinérante', en: 'Mobile mediation' },
      {
        code: 'mediation.aidants',
        fr: 'Appui aux aidants et travailleurs sociaux',
        en: 'Support for helpers and social workers',
      },
    ],
  },
  {
    code: 'ateliers',
    fr: 'Animation d’ateliers',
    en: 'Running workshops',
    children: [
      {
        code: 'ateliers.collectifs',
        fr: 'Ateliers collectifs d’initiation',
        en: 'Group introductory workshops',
      },
      {
        code: 'ateliers.fabrication',
        fr: 'Ateliers de fabrication numérique',
        en: 'Digital making workshops',
      },
      {
        code: 'ateliers.jeunesse',
        fr: 'Ateliers pour enfants et jeunes',
        en: 'Workshops for children and young people',
      },
      {
        code: 'ateliers.parentalite',
        fr: 'Numérique et parentalité',
        en: 'Digital parenting',
      },
      {
        code: 'ateliers.facilitation',
        fr: 'Facilitation et intelligence collective',
        en: 'Facilitation and collective intelligence',
      },
    ],
  },
  {
    code: 'formation',
    fr: 'Formation',
    en: 'Training',
    children: [
      {
        code: 'formation.mediateurs',
        fr: 'Formation de médiateurs et d’aidants',
        en: 'Training mediators and helpers',
      },
      {
        code: 'formation.agents',
        fr: 'Formation des agents et des élus',
        en: 'Training public staff and elected officials',
      },
      {
        code: 'formation.pedagogie',
        fr: 'Conception de parcours pédagogiques',
        en: 'Designing learning paths',
      },
      {
        code: 'formation.certification',
        fr: 'Préparation à la certification des compétences',
        en: 'Preparing skills certification',
      },
      {
        code: 'formation.compagnonnage',
        fr: 'Compagnonnage et tutorat entre pairs',
        en: 'Peer mentoring and tutoring',
      },
    ],
  },
  {
    code: 'projet',
    fr: 'Ingénierie de projet et financement',
    en: 'Project engineering and funding',
    children: [
      {
        code: 'projet.montage',
        fr: 'Montage et conduite de projet',
        en: 'Designing and running a project',
      },
      {
        code: 'projet.financement',
        fr: 'Recherche de financements et appels à projets',
        en: 'Finding funding and answering calls',
      },
      {
        code: 'projet.partenariats',
        fr: 'Mise en réseau et partenariats',
        en: 'Networking and partnerships',
      },
      {
        code: 'projet.gouvernance',
        fr: 'Gouvernance et coopération territoriale',
        en: 'Governance and territorial cooperation',
      },
      {
        code: 'projet.essaimage',
        fr: 'Essaimage et transfert de pratiques',
        en: 'Spreading and transferring practices',
      },
    ],
  },
  {
    code: 'donnees',
    fr: 'Données et open data',
    en: 'Data and open data',
    children: [
      {
        code: 'donnees.ouverture',
        fr: 'Ouverture et publication de données',
        en: 'Opening and publishing data',
      },
      {
        code: 'donnees.standards',
        fr: 'Qualité, schémas et standards de données',
        en: 'Data quality, schemas and standards',
      },
      {
        code: 'donnees.analyse',
        fr: 'Analyse et visualisation de données',
        en: 'Data analysis and visualisation',
      },
      {
        code: 'donnees.cartographie',
        fr: 'Cartographie et information géographique',
        en: 'Mapping and geographic information',
      },
    ],
  },
  {
    code: 'logiciel',
    fr: 'Développement et logiciels libres',
    en: 'Software development and free software',
    children: [
      {
        code: 'logiciel.developpement',
        fr: 'Développement web et applications',
        en: 'Web and application development',
      },
      {
        code: 'logiciel.libre',
        fr: 'Déploiement et mutualisation de logiciels libres',
        en: 'Deploying and pooling free software',
      },
      {
        code: 'logiciel.hebergement',
        fr: 'Hébergement et infrastructure',
        en: 'Hosting and infrastructure',
      },
      { code: 'logiciel.securite', fr: 'Cybersécurité', en: 'Cybersecurity' },
      {
        code: 'logiciel.accessibilite',
        fr: 'Accessibilité numérique',
        en: 'Digital accessibility',
      },
    ],
  },
  {
    code: 'design',
    fr: 'Design de services',
    en: 'Service design',
    children: [
      {
        code: 'design.usagers',
        fr: 'Recherche auprès des usagers',
        en: 'User research',
      },
      {
        code: 'design.prototypage',
        fr: 'Prototypage et tests avec les usagers',
        en: 'Prototyping and user testing',
      },
      {
        code: 'design.parcours',
        fr: 'Simplification des parcours et des démarches',
        en: 'Simplifying journeys and procedures',
      },
      {
        code: 'design.langage',
        fr: 'Langage clair et facile à lire',
        en: 'Plain and easy-to-read language',
      },
    ],
  },
  {
    code: 'evaluation',
    fr: 'Évaluation',
    en: 'Evaluation',
    children: [
      {
        code: 'evaluation.indicateurs',
        fr: 'Indicateurs et suivi',
        en: 'Indicators and monitoring',
      },
      {
        code: 'evaluation.enquetes',
        fr: 'Enquêtes et questionnaires',
        en: 'Surveys and questionnaires',
      },
      { code: 'evaluation.impact', fr: 'Évaluation d’impact', en: 'Impact evaluation' },
      {
        code: 'evaluation.capitalisation',
        fr: 'Capitalisation et retours d’expérience',
        en: 'Capturing lessons learned',
      },
    ],
  },
  {
    code: 'ressources',
    fr: 'Prêt de matériel et de locaux',
    en: 'Lending equipment and premises',
    children: [
      {
        code: 'ressources.materiel',
        fr: 'Prêt de matériel informatique',
        en: 'Lending computers and devices',
      },
      {
        code: 'ressources.salles',
        fr: 'Mise à disposition de salles',
        en: 'Providing rooms',
      },
      {
        code: 'ressources.machines',
        fr: 'Accès à des machines de fabrication',
        en: 'Access to making machines',
      },
      {
        code: 'ressources.reconditionnement',
        fr: 'Don et reconditionnement d’équipements',
        en: 'Donating and refurbishing devices',
      },
      {
        code: 'ressources.acces',
        fr: 'Postes et connexion en libre accès',
        en: 'Public computers and internet access',
      },
    ],
  },
  {
    code: 'communication',
    fr: 'Communication',
    en: 'Communication',
    children: [
      {
        code: 'communication.redaction',
        fr: 'Rédaction et communication éditoriale',
        en: 'Writing and editorial work',
      },
      {
        code: 'communication.communaute',
        fr: 'Réseaux sociaux et animation de communauté',
        en: 'Social media and community management',
      },
      {
        code: 'communication.evenements',
        fr: 'Organisation d’événements',
        en: 'Organising events',
      },
      {
        code: 'communication.visuels',
        fr: 'Création graphique et vidéo',
        en: 'Graphic design and video',
      },
    ],
  },
  {
    code: 'juridique',
    fr: 'Juridique et marchés publics',
    en: 'Legal matters and public procurement',
    children: [
      {
        code: 'juridique.marches',
        fr: 'Marchés publics et achats numériques',
        en: 'Public procurement and digital purchasing',
      },
      {
        code: 'juridique.rgpd',
        fr: 'Protection des données personnelles',
        en: 'Personal data protection',
      },
      {
        code: 'juridique.licences',
        fr: 'Licences libres et propriété intellectuelle',
        en: 'Open licences and intellectual property',
      },
      {
        code: 'juridique.conventions',
        fr: 'Conventions de partenariat et statuts',
        en: 'Partnership agreements and legal structures',
      },
    ],
  },
] as const satisfies readonly SkillFamily[]

export type SkillFamilyCode = (typeof SKILL_TREE)[number]['code']
export type SkillCode = (typeof SKILL_TREE)[number]['children'][number]['code']

/** The families (first level): facets and the "Qui peut m'aider ?" family filter. */
export const SKILL_FAMILIES: readonly Term<SkillFamilyCode>[] = SKILL_TREE.map(
  ({ code, fr, en }) => ({ code, fr, en })
)

/** Every skill (second level): what an offer or a need names. */
export const SKILLS: readonly Term<SkillCode>[] = SKILL_TREE.flatMap(
  (f): readonly Term<SkillCode>[] => f.children
)

export const SKILL_FAMILY_CODES = SKILL_FAMILIES.map((f) => f.code) as [
  SkillFamilyCode,
  ...SkillFamilyCode[],
]
export const SKILL_CODES = SKILLS.map((s) => s.code) as [SkillCode, ...SkillCode[]]

export const SkillFamilyCode = z.enum(SKILL_FAMILY_CODES).openapi('SkillFamilyCode')
export const SkillCode = z
  .enum(SKILL_CODES)
  .openapi('SkillCode', { example: 'ateliers.collectifs' })

/**
 * What a need may ask for: one skill, or a whole family when the asker does not know
 * which skill exactly ("de la formation").
 */
export const SkillQuery = z
  .enum([...SKILL_CODES, ...SKILL_FAMILY_CODES] as [
    SkillCode | SkillFamilyCode,
    ...(SkillCode | SkillFamilyCode)[],
  ])
  .openapi('SkillQuery', { example: 'formation' })
export type SkillQuery = z.infer<typeof SkillQuery>

/** The family of a skill code (`formation.compagnonnage` → `formation`). */
export function skillFamily(code: SkillCode | SkillFamilyCode): SkillFamilyCode {
  return code.split('.')[0] as SkillFamilyCode
}

/** The skill or family term of a code, or undefined when the code is unknown. */
export function skillTerm(code: string): Term | undefined {
  return SKILLS.find((s) => s.code === code) ?? SKILL_FAMILIES.find((f) => f.code === code)
}

/** Label of a skill or family code in a language; the code itself when unknown. */
export function skillLabel(code: string, lang: 'fr' | 'en' = 'fr'): string {
  return skillTerm(code)?.[lang] ?? code
}

// ── Horizon ──────────────────────────────────────────────────────────────────
// Whether an offer or a need is a one-off (a workshop to run next month) or lasting
// (a partner for the years to come); optional on both.

export const HORIZONS = [
  { code: 'ponctuel', fr: 'Ponctuel', en: 'One-off' },
  { code: 'durable', fr: 'Durable', en: 'Ongoing' },
] as const satisfies readonly Term[]

export const Horizon = z.enum(codesOf(HORIZONS)).openapi('Horizon')
export type Horizon = z.infer<typeof Horizon>

// ── An offer or a need ───────────────────────────────────────────────────────

/**
 * One line of "ce que j'apporte" or "ce dont j'ai besoin": a skill, a short free text
 * saying what exactly, and an optional horizon. The same shape serves both directions.
 */
export const SkillEntry = z
  .strictObject({
    skill: SkillCode,
    text: cleanText(280).optional(),
    horizon: Horizon.optional(),
  })
  .openapi('SkillEntry')
export type SkillEntry = z.infer<typeof SkillEntry>

/** At most this many offers, and as many needs, per actor. */
export const MAX_SKILL_ENTRIES = 20

/** A list of offers or needs: each skill at most once. */
export const SkillEntries = z
  .array(SkillEntry)
  .max(MAX_SKILL_ENTRIES)
  .refine(
    (entries) => new Set(entries.map((e) => e.skill)).size === entries.length,
    'Une même compétence est répétée.'
  )
