/**
 * Controlled vocabularies of the actor record (structures and places of the network).
 *
 * Same shape as the experiment's vocabularies (`{ code, fr, en }`, codes stored, labels
 * read). The mediation-place lists follow the national "lieux de médiation numérique"
 * standard (LaMednum/standard-mediation-num, schema.json version 0.2.0, values shared with
 * data·inclusion and La Coop de la médiation numérique): `lmn` is the exact value that
 * standard writes, so an export can be read by the national map unchanged.
 */
import type { Term } from './vocabularies'

/** A term that maps onto a value of the mediation-places standard. */
export interface LmnTerm extends Term {
  /** The value as the standard spells it (its CSV cell), when the term has one. */
  readonly lmn?: string
}

/** What kind of structure or place an actor is. Persons are not actors (README: consent). */
export const ACTOR_KINDS = [
  {
    code: 'collectivite',
    fr: 'Collectivité ou service d’une collectivité',
    en: 'Local authority or one of its services',
  },
  { code: 'association', fr: 'Association', en: 'Non-profit' },
  { code: 'tiers-lieu', fr: 'Tiers-lieu', en: 'Third place' },
  { code: 'fablab', fr: 'Fablab', en: 'Fab lab' },
  { code: 'epn', fr: 'Espace public numérique (EPN)', en: 'Public digital space (EPN)' },
  { code: 'mediatheque', fr: 'Médiathèque ou bibliothèque', en: 'Public library' },
  { code: 'france-services', fr: 'France Services', en: 'France Services centre' },
  {
    code: 'enseignement',
    fr: 'Établissement scolaire ou universitaire',
    en: 'School or university',
  },
  { code: 'entreprise', fr: 'Entreprise ou coopérative', en: 'Company or cooperative' },
  { code: 'etat', fr: 'Service de l’État', en: 'State service' },
  { code: 'reseau', fr: 'Réseau', en: 'Network' },
] as const satisfies readonly Term[]
export type ActorKind = (typeof ACTOR_KINDS)[number]['code']

/** National programmes and labels an actor takes part in (LMN `dispositif_programmes_nationaux` where it has them). */
export const ACTOR_PROGRAMMES = [
  {
    code: 'conseillers-numeriques',
    fr: 'Conseillers numériques',
    en: 'Conseillers numériques',
    lmn: 'Conseillers numériques',
  },
  { code: 'france-services', fr: 'France Services', en: 'France Services', lmn: 'France Services' },
  { code: 'aidants-connect', fr: 'Aidants Connect', en: 'Aidants Connect', lmn: 'Aidants Connect' },
  {
    code: 'fabriques-de-territoire',
    fr: 'Fabriques de territoire (France Tiers-Lieux)',
    en: 'Fabriques de territoire (France Tiers-Lieux)',
  },
  { code: 'pix', fr: 'Certification Pix', en: 'Pix certification', lmn: 'Certification PIX' },
  { code: 'pass-numerique', fr: 'Pass numérique', en: 'Pass numérique' },
  {
    code: 'hubs-numerique-inclusif',
    fr: 'Hub territorial pour un numérique inclusif',
    en: 'Regional hub for digital inclusion',
  },
  {
    code: 'bibliotheque-numerique-de-reference',
    fr: 'Bibliothèque numérique de référence',
    en: 'Bibliothèque numérique de référence',
    lmn: 'Bibliothèques numérique de référence',
  },
  {
    code: 'grande-ecole-du-numerique',
    fr: 'Grande école du numérique',
    en: 'Grande école du numérique',
    lmn: 'Grande école du numérique',
  },
  {
    code: 'promeneurs-du-net',
    fr: 'Promeneurs du Net',
    en: 'Promeneurs du Net',
    lmn: 'Promeneurs du Net',
  },
  {
    code: 'point-numerique-caf',
    fr: 'Point d’accès numérique CAF',
    en: 'CAF digital access point',
    lmn: 'Point d’accès numérique CAF',
  },
] as const satisfies readonly LmnTerm[]

/**
 * Kinds of place ("typologie") of the standard, as data·inclusion codes them; only the
 * ones a place of the network is likely to be (the full list has about 90).
 */
export const LMN_TYPOLOGIES = [
  { code: 'ASSO', fr: 'Association', en: 'Non-profit' },
  { code: 'BIB', fr: 'Bibliothèque, médiathèque', en: 'Library' },
  { code: 'CCAS', fr: 'Centre communal d’action sociale', en: 'Municipal social action centre' },
  { code: 'CIAS', fr: 'Centre intercommunal d’action sociale', en: 'Joint social action centre' },
  { code: 'CS', fr: 'Centre social', en: 'Community centre' },
  { code: 'DEPT', fr: 'Services du département', en: 'Département services' },
  { code: 'EPCI', fr: 'Intercommunalité (EPCI)', en: 'Inter-municipality (EPCI)' },
  { code: 'EPN', fr: 'Espace public numérique', en: 'Public digital space' },
  { code: 'FABLAB', fr: 'Fablab', en: 'Fab lab' },
  { code: 'MJC', fr: 'Maison des jeunes et de la culture', en: 'Youth and culture centre' },
  { code: 'MUNI', fr: 'Mairie, services municipaux', en: 'Town hall' },
  { code: 'PIMMS', fr: 'Point information médiation multi-services', en: 'PIMMS' },
  { code: 'RFS', fr: 'France Services', en: 'France Services' },
  { code: 'TIERS_LIEUX', fr: 'Tiers-lieu', en: 'Third place' },
] as const satisfies readonly Term[]

/** The nine services of the standard (`services`), the value being its exact wording. */
export const LMN_SERVICES = [
  {
    code: 'demarches',
    fr: 'Aide aux démarches administratives',
    en: 'Help with administrative procedures',
    lmn: 'Aide aux démarches administratives',
  },
  {
    code: 'outils-quotidien',
    fr: 'Maîtrise des outils numériques du quotidien',
    en: 'Everyday digital tools',
    lmn: 'Maîtrise des outils numériques du quotidien',
  },
  {
    code: 'insertion',
    fr: 'Insertion professionnelle via le numérique',
    en: 'Getting into work through digital',
    lmn: 'Insertion professionnelle via le numérique',
  },
  {
    code: 'securite',
    fr: 'Utilisation sécurisée du numérique',
    en: 'Using digital safely',
    lmn: 'Utilisation sécurisée du numérique',
  },
  {
    code: 'parentalite',
    fr: 'Parentalité et éducation avec le numérique',
    en: 'Parenting and education with digital',
    lmn: 'Parentalité et éducation avec le numérique',
  },
  {
    code: 'loisirs',
    fr: 'Loisirs et créations numériques',
    en: 'Digital leisure and making',
    lmn: 'Loisirs et créations numériques',
  },
  {
    code: 'culture',
    fr: 'Compréhension du monde numérique',
    en: 'Understanding the digital world',
    lmn: 'Comprehension du monde numérique',
  },
  {
    code: 'acces',
    fr: 'Accès internet et matériel informatique',
    en: 'Internet access and computers',
    lmn: 'Accès internet et matériel informatique',
  },
  {
    code: 'materiel-solidaire',
    fr: 'Acquisition de matériel informatique à prix solidaire',
    en: 'Low-cost computers',
    lmn: 'Acquisition de matériel informatique à prix solidaire',
  },
] as const satisfies readonly LmnTerm[]

/** Publics a place specifically welcomes (`publics_specifiquement_adresses`). */
export const LMN_PUBLICS = [
  { code: 'jeunes', fr: 'Jeunes', en: 'Young people', lmn: 'Jeunes' },
  { code: 'etudiants', fr: 'Étudiants', en: 'Students', lmn: 'Étudiants' },
  {
    code: 'familles',
    fr: 'Familles et/ou enfants',
    en: 'Families and children',
    lmn: 'Familles et/ou enfants',
  },
  { code: 'seniors', fr: 'Seniors', en: 'Older people', lmn: 'Seniors' },
  { code: 'femmes', fr: 'Femmes', en: 'Women', lmn: 'Femmes' },
] as const satisfies readonly LmnTerm[]

/** The two directions of a skill entry: what an actor brings, what it seeks. */
export const SKILL_DIRECTIONS = [
  { code: 'offer', fr: 'Ce que nous apportons', en: 'What we offer' },
  { code: 'need', fr: 'Ce dont nous avons besoin', en: 'What we need' },
] as const satisfies readonly Term[]
export type SkillDirection = (typeof SKILL_DIRECTIONS)[number]['code']
