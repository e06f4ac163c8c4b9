/**
 * What each public content field is called, in French and English, for the field-level
 * changes between two versions (API, moderation desk, public history). Keyed by the
 * paths `diffContent` emits: top-level fields, and one level inside grouped ones.
 * A test fails when a field of the schema has no label here, so a new field cannot show
 * up in a diff as a raw path.
 */

export interface FieldLabel {
  fr: string
  en: string
}

export const FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  title: { fr: 'Titre', en: 'Title' },
  summary: { fr: 'Résumé', en: 'Summary' },
  language: { fr: 'Langue de la fiche', en: 'Language of the record' },
  licence: { fr: 'Licence de la fiche', en: 'Licence of the record' },
  lead: { fr: 'Porteur', en: 'Lead' },
  'lead.name': { fr: 'Nom du porteur', en: 'Lead name' },
  'lead.kind': { fr: 'Type de porteur', en: 'Kind of lead' },
  'lead.siren': { fr: 'SIREN du porteur', en: 'Lead SIREN' },
  'lead.rna': { fr: 'Numéro RNA du porteur', en: 'Lead RNA number' },
  'lead.actorId': { fr: 'Fiche acteur du porteur', en: 'Lead’s actor record' },
  partners: { fr: 'Partenaires', en: 'Partners' },
  scope: { fr: 'Portée', en: 'Scope' },
  territories: { fr: 'Territoires concernés', en: 'Territories' },
  abroad: { fr: 'Lieu hors de France', en: 'Place outside France' },
  'abroad.country': { fr: 'Pays', en: 'Country' },
  'abroad.subdivision': { fr: 'Subdivision du pays', en: 'Subdivision of the country' },
  'abroad.place': { fr: 'Lieu', en: 'Place' },
  themes: { fr: 'Thématiques', en: 'Themes' },
  publics: { fr: 'Publics visés', en: 'Target publics' },
  programmes: { fr: 'Programmes nationaux mobilisés', en: 'National programmes' },
  keywords: { fr: 'Mots-clés', en: 'Keywords' },
  stage: { fr: 'Étape actuelle', en: 'Current stage' },
  outcome: { fr: 'Bilan à ce jour', en: 'Outcome so far' },
  startDate: { fr: 'Date de début', en: 'Start date' },
  endDate: { fr: 'Date de fin', en: 'End date' },
  narrative: { fr: 'Récit', en: 'Narrative' },
  'narrative.context': { fr: 'Contexte et problème de départ', en: 'Context and problem' },
  'narrative.description': { fr: 'Ce qui a été fait', en: 'What was done' },
  'narrative.novelty': { fr: 'Ce qui est nouveau', en: 'What is new' },
  'narrative.governance': { fr: 'Gouvernance et partenaires', en: 'Governance and partners' },
  'narrative.users': { fr: 'Les usagers', en: 'Users' },
  'narrative.results': { fr: 'Résultats', en: 'Results' },
  'narrative.difficulties': { fr: 'Difficultés rencontrées', en: 'Difficulties' },
  'narrative.successConditions': { fr: 'Conditions de réussite', en: 'Success conditions' },
  'narrative.advice': { fr: 'Conseils pour reproduire', en: 'Advice for replication' },
  means: { fr: 'Moyens', en: 'Means' },
  'means.budgetEur': { fr: 'Budget total (€)', en: 'Total budget (€)' },
  'means.fundingSources': { fr: 'Sources de financement', en: 'Funding sources' },
  'means.staffFte': { fr: 'Équipe (équivalents temps plein)', en: 'Staff (full-time equivalents)' },
  results: { fr: 'Résultats mesurés', en: 'Measured results' },
  'results.indicators': { fr: 'Indicateurs', en: 'Indicators' },
  'results.peopleReached': { fr: 'Nombre de personnes touchées', en: 'People reached' },
  'results.evaluationDocuments': { fr: 'Documents d’évaluation', en: 'Evaluation documents' },
  evidenceLevel: { fr: 'Niveau de preuve des résultats', en: 'Evidence level' },
  inspiredBy: { fr: 'Inspirée de', en: 'Inspired by' },
  resources: { fr: 'Ressources réutilisables', en: 'Reusable resources' },
  website: { fr: 'Site web de l’expérience', en: 'Website' },
  publicContact: { fr: 'Contact public', en: 'Public contact' },
  'publicContact.role': { fr: 'Fonction du contact public', en: 'Public contact role' },
  'publicContact.email': { fr: 'Adresse e-mail publique', en: 'Public e-mail address' },
  sources: { fr: 'Sources', en: 'Sources' },
}

/** The fields of an actor (domain/actor.ts), where they are not named as an experiment's. */
export const ACTOR_FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  name: { fr: 'Nom de la structure', en: 'Name of the organisation' },
  kind: { fr: 'Type de structure', en: 'Kind of organisation' },
  siren: { fr: 'SIREN', en: 'SIREN' },
  siret: { fr: 'SIRET', en: 'SIRET' },
  rna: { fr: 'Numéro RNA', en: 'RNA number' },
  territories: {
    fr: 'Territoires (le premier est celui du lieu)',
    en: 'Territories (the first is where it is)',
  },
  address: { fr: 'Adresse', en: 'Address' },
  'address.street': { fr: 'Numéro et voie', en: 'Street' },
  'address.postcode': { fr: 'Code postal', en: 'Postcode' },
  website: { fr: 'Site web', en: 'Website' },
  description: { fr: 'Présentation', en: 'Description' },
  programmes: { fr: 'Programmes et labels', en: 'Programmes and labels' },
  mediation: { fr: 'Lieu de médiation numérique', en: 'Place of digital mediation' },
  'mediation.typologies': { fr: 'Typologies du lieu', en: 'Kinds of place' },
  'mediation.services': { fr: 'Services de médiation', en: 'Mediation services' },
  'mediation.publics': { fr: 'Publics accueillis', en: 'Publics welcomed' },
  offers: { fr: 'Ce que la structure apporte', en: 'What it offers' },
  needs: { fr: 'Ce dont la structure a besoin', en: 'What it needs' },
}

/** The restitution's paths read « Ce qui en est sorti — … », as the event page titles them. */
const restitution = (fr: string, en: string): FieldLabel => ({
  fr: `Ce qui en est sorti — ${fr}`,
  en: `What came out of it — ${en}`,
})

/** What each path of an event's diff is called (the snapshot holds its restitution too). */
export const EVENT_FIELD_LABELS: Readonly<Record<string, FieldLabel>> = {
  kind: { fr: 'Type d’événement', en: 'Kind of event' },
  description: { fr: 'Description', en: 'Description' },
  startsAt: { fr: 'Début (heure du lieu)', en: 'Start (local time)' },
  endsAt: { fr: 'Fin (heure du lieu)', en: 'End (local time)' },
  timeZone: { fr: 'Fuseau horaire', en: 'Time zone' },
  attendance: { fr: 'Participation', en: 'Attendance' },
  place: { fr: 'Lieu', en: 'Place' },
  'place.commune': { fr: 'Commune du lieu', en: 'Municipality of the place' },
  'place.venue': { fr: 'Lieu', en: 'Venue' },
  'place.address': { fr: 'Adresse du lieu', en: 'Address of the place' },
  onlineUrl: { fr: 'Lien pour participer en ligne', en: 'Link to take part online' },
  territory: { fr: 'Territoire concerné', en: 'Territory concerned' },
  organiserName: { fr: 'Organisateur', en: 'Organiser' },
  organisers: { fr: 'Acteurs du réseau organisateurs', en: 'Network actors organising it' },
  audiences: { fr: 'Publics', en: 'Audiences' },
  price: { fr: 'Tarif', en: 'Price' },
  priceNote: { fr: 'Précision sur le tarif', en: 'About the price' },
  registrationUrl: { fr: 'Lien d’inscription', en: 'Registration link' },
  access: { fr: 'Accessibilité', en: 'Accessibility' },
  accessNote: { fr: 'Informations d’accessibilité', en: 'Accessibility information' },
  restitution: { fr: 'Ce qui en est sorti', en: 'What came out of it' },
  'restitution.participants': restitution('Participants', 'Participants'),
  'restitution.publics': restitution('Publics présents', 'Publics present'),
  'restitution.summary': restitution('En quelques lignes', 'In a few lines'),
  'restitution.ideas': restitution('Idées', 'Ideas'),
  'restitution.proposals': restitution('Propositions', 'Proposals'),
  'restitution.disagreements': restitution('Désaccords', 'Disagreements'),
  'restitution.documents': restitution('Documents', 'Documents'),
  'restitution.experiments': restitution('Expériences', 'Experiments'),
}

const SKILL_ITEM_LABELS: Readonly<Record<string, FieldLabel>> = {
  skill: { fr: 'Compétence', en: 'Skill' },
  text: { fr: 'Précisions', en: 'Details' },
  horizon: { fr: 'Horizon', en: 'Horizon' },
}

/**
 * What the members of list items are called (a funding source's `type`, an indicator's
 * `baseline`…), so a diff of a list of objects reads « Montant : 92 000 € », never
 * « amountEur : 92000 ». Keyed by the list's path, then the member.
 */
export const ITEM_FIELD_LABELS: Readonly<Record<string, Readonly<Record<string, FieldLabel>>>> = {
  partners: {
    name: { fr: 'Nom', en: 'Name' },
    role: { fr: 'Rôle', en: 'Role' },
  },
  'means.fundingSources': {
    type: { fr: 'Financeur', en: 'Funder' },
    programme: { fr: 'Programme', en: 'Programme' },
    amountEur: { fr: 'Montant', en: 'Amount' },
  },
  'results.indicators': {
    label: { fr: 'Indicateur', en: 'Indicator' },
    unit: { fr: 'Unité', en: 'Unit' },
    baseline: { fr: 'Valeur de départ', en: 'Baseline' },
    target: { fr: 'Cible', en: 'Target' },
    value: { fr: 'Valeur mesurée', en: 'Measured value' },
    measuredAt: { fr: 'Mesurée le', en: 'Measured on' },
    method: { fr: 'Méthode', en: 'Method' },
  },
  'results.evaluationDocuments': {
    title: { fr: 'Titre', en: 'Title' },
    url: { fr: 'Adresse', en: 'Address' },
  },
  resources: {
    title: { fr: 'Titre', en: 'Title' },
    url: { fr: 'Adresse', en: 'Address' },
    licence: { fr: 'Licence', en: 'Licence' },
  },
  offers: SKILL_ITEM_LABELS,
  needs: SKILL_ITEM_LABELS,
  'place.address': {
    street: { fr: 'Numéro et voie', en: 'Street' },
    postcode: { fr: 'Code postal', en: 'Postcode' },
  },
  'restitution.documents': {
    title: { fr: 'Titre', en: 'Title' },
    url: { fr: 'Adresse', en: 'Address' },
  },
  'restitution.experiments': {
    experimentId: { fr: 'Expérience', en: 'Experiment' },
    relation: { fr: 'Lien avec l’événement', en: 'Relation to the event' },
  },
  sources: {
    url: { fr: 'Adresse', en: 'Address' },
    title: { fr: 'Titre', en: 'Title' },
    publisher: { fr: 'Éditeur', en: 'Publisher' },
    consultedAt: { fr: 'Consultée le', en: 'Consulted on' },
  },
}

/** The label of a diff path; an unknown path (a field added without a label) shows as itself. */
export function fieldLabel(field: string): FieldLabel {
  return FIELD_LABELS[field] ?? { fr: field, en: field }
}

/** The label of a path of an actor's diff. */
export function actorFieldLabel(field: string): FieldLabel {
  return ACTOR_FIELD_LABELS[field] ?? fieldLabel(field)
}

/** The label of a path of an event's diff. */
export function eventFieldLabel(field: string): FieldLabel {
  return EVENT_FIELD_LABELS[field] ?? fieldLabel(field)
}
