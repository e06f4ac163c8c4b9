/**
 * French documentation of every open-data column: title and description, as
 * schema.data.gouv.fr asks for each field. The columns themselves are generated from the
 * zod schema (schema.ts); a test fails when a generated column has no entry here, so a
 * new field cannot be published undocumented.
 */
import { COST_PER_BENEFICIARY_FORMULA } from '../domain/cost'

type Doc = readonly [title: string, description: string]

const LIST = 'Valeurs multiples séparées par des points-virgules.'
const JSON_CELL = 'Tableau JSON dans la cellule.'

export const FIELD_DOCS: Readonly<Record<string, Doc>> = {
  id: ['Identifiant', 'Identifiant stable de la fiche (ULID), jamais réutilisé.'],
  slug: ['Identifiant lisible', 'Fragment d’adresse de la fiche : /experiences/{slug}.'],
  title: ['Titre', 'Titre de l’expérimentation.'],
  summary: ['Résumé', 'Résumé en langage clair (500 caractères au plus).'],
  language: ['Langue', 'Langue de la fiche (code ISO 639-1).'],
  licence: ['Licence', 'Licence de réutilisation de la fiche (identifiant SPDX).'],
  lead_name: ['Nom du porteur', 'Organisation qui porte l’expérimentation.'],
  lead_kind: ['Type de porteur', 'Commune, EPCI, département, région, association…'],
  lead_siren: ['SIREN du porteur', 'Numéro SIREN (9 chiffres) du porteur, s’il en a un.'],
  lead_rna: ['RNA du porteur', 'Numéro RNA de l’association porteuse, le cas échéant.'],
  lead_actor_id: [
    'Fiche acteur du porteur',
    'Identifiant de la fiche acteur du porteur dans le réseau (/acteurs/{id}), s’il en a une.',
  ],
  partners: [
    'Partenaires',
    `Partenaires, leur rôle et leur fiche acteur : [{"name", "role", "actorId"}]. ${JSON_CELL}`,
  ],
  scope: [
    'Portée',
    'territories (territoires français listés), national (France entière) ou abroad (hors de France).',
  ],
  territories: [
    'Territoires',
    `Codes typés des territoires concernés : com:35238, epci:200039865, dep:35, reg:53. ${LIST}`,
  ],
  abroad_country: [
    'Pays',
    'Fiche hors de France : pays (code ISO 3166-1 alpha-2, ex. BE, CH, CA, LU).',
  ],
  abroad_subdivision: [
    'Subdivision du pays',
    'Fiche hors de France : subdivision (code ISO 3166-2, ex. BE-WAL, CH-VD, CA-QC), facultative.',
  ],
  abroad_place: ['Lieu à l’étranger', 'Fiche hors de France : lieu, tel qu’on le nomme.'],
  themes: ['Thématiques', `Une à trois thématiques (premier ou second niveau). ${LIST}`],
  publics: ['Publics visés', `Publics cibles. ${LIST}`],
  programmes: ['Dispositifs nationaux', `Programmes nationaux mobilisés. ${LIST}`],
  keywords: ['Mots-clés', `Mots-clés libres. ${LIST}`],
  stage: ['Étape', 'Idée, conception, expérimentation, déploiement, pérennisation ou arrêt.'],
  outcome: ['Issue', 'Réussite, résultats mitigés, échec ou trop tôt pour le dire.'],
  start_date: [
    'Date de début',
    'Date ISO 8601 à l’année, au mois ou au jour (AAAA, AAAA-MM, AAAA-MM-JJ) ; vide si la source ne la donne pas.',
  ],
  end_date: ['Date de fin', 'Date ISO 8601 (AAAA, AAAA-MM, AAAA-MM-JJ) ; vide si en cours.'],
  narrative_context: ['Contexte', 'Contexte et problème de départ.'],
  narrative_description: ['Description', 'Ce qui a été fait.'],
  narrative_novelty: ['Ce qui est nouveau', 'Ce qui est innovant dans la démarche.'],
  narrative_governance: ['Gouvernance', 'Gouvernance et partenariats.'],
  narrative_users: ['Usagers', 'Usagers et place qui leur est faite.'],
  narrative_results: ['Résultats', 'Résultats obtenus, en texte.'],
  narrative_difficulties: ['Difficultés', 'Difficultés rencontrées.'],
  narrative_success_conditions: ['Conditions de réussite', 'Ce qui a permis de réussir.'],
  narrative_advice: ['Conseils pour reproduire', 'Conseils à qui voudrait s’en inspirer.'],
  means_budget_eur: ['Budget (€)', 'Budget total en euros, sur toute la durée.'],
  means_funding_sources: [
    'Financements',
    `Sources de financement : [{"type", "programme", "amountEur"}]. ${JSON_CELL}`,
  ],
  means_staff_fte: ['Équipe (ETP)', 'Moyens humains en équivalents temps plein.'],
  results_indicators: [
    'Indicateurs',
    `Indicateurs suivis : [{"label", "unit", "baseline", "target", "value", "measuredAt", "method"}]. ${JSON_CELL}`,
  ],
  results_people_reached: ['Personnes touchées', 'Nombre de personnes touchées.'],
  results_evaluation_documents: [
    'Évaluations',
    `Documents d’évaluation : [{"title", "url"}]. ${JSON_CELL}`,
  ],
  evidence_level: [
    'Niveau de preuve',
    '0 déclaratif, 1 suivi par indicateurs, 2 évaluation interne, 3 évaluation indépendante, 4 évaluation comparative.',
  ],
  inspired_by: [
    'Inspirée de',
    `Identifiants des expérimentations dont celle-ci s’inspire. ${LIST}`,
  ],
  resources: [
    'Ressources réutilisables',
    `Cahiers des charges, code, kits : [{"title", "url", "licence"}]. ${JSON_CELL}`,
  ],
  website: ['Site web', 'Adresse du site de l’expérimentation.'],
  sources: [
    'Sources',
    `Pages ou documents d’où viennent les faits : [{"url", "title", "publisher", "consultedAt"}]. ${JSON_CELL}`,
  ],
  public_contact_role: ['Contact (fonction)', 'Fonction ou service à contacter.'],
  public_contact_email: ['Contact (e-mail)', 'Adresse e-mail générique publique.'],
  revision: ['Révision', 'Numéro de la dernière révision de la fiche.'],
  created_at: ['Créée le', 'Date et heure de création (ISO 8601, UTC).'],
  updated_at: ['Mise à jour le', 'Date et heure de la dernière modification (ISO 8601, UTC).'],
  published_at: ['Publiée le', 'Date et heure de publication (ISO 8601, UTC).'],
  last_verified_at: ['Vérifiée le', 'Date de la dernière confirmation que la fiche est exacte.'],
  completeness: ['Complétude', 'Score de complétude de la fiche, de 0 à 100.'],
  cost_per_beneficiary_eur: [
    'Coût par personne touchée (€)',
    `Calculé : ${COST_PER_BENEFICIARY_FORMULA}.`,
  ],
  derived_territories_codes: [
    'Codes des territoires',
    `Codes typés des territoires déclarés. ${LIST}`,
  ],
  derived_territories_names: ['Noms des territoires', `Noms des territoires déclarés. ${LIST}`],
  derived_regions_codes: ['Codes des régions', `Régions couvertes (déduites). ${LIST}`],
  derived_regions_names: ['Noms des régions', `Régions couvertes (déduites). ${LIST}`],
  derived_departments_codes: ['Codes des départements', `Départements couverts (déduits). ${LIST}`],
  derived_departments_names: ['Noms des départements', `Départements couverts (déduits). ${LIST}`],
  derived_population_covered: [
    'Population couverte',
    'Population municipale des communes couvertes, selon le référentiel territorial chargé.',
  ],
  derived_scope_level: [
    'Portée déduite',
    'local, departemental, regional (le plus large territoire déclaré), national ou abroad.',
  ],
  derived_country_code: ['Code du pays', 'Fiche hors de France : code ISO 3166-1 alpha-2.'],
  derived_country_fr: ['Pays (français)', 'Fiche hors de France : nom du pays en français.'],
  derived_country_en: ['Pays (anglais)', 'Fiche hors de France : nom du pays en anglais.'],
  derived_point_lon: [
    'Longitude',
    'Centroïde du premier territoire déclaré (WGS 84, degrés décimaux) ; vide pour une fiche France entière ou hors de France.',
  ],
  derived_point_lat: [
    'Latitude',
    'Centroïde du premier territoire déclaré (WGS 84, degrés décimaux).',
  ],
  derived_territory_size_population_band: [
    'Tranche de population',
    'Premier territoire déclaré (commune, EPCI, département) : under-2k, 2k-10k, 10k-50k, 50k-200k ou over-200k habitants.',
  ],
  derived_territory_size_density_class: [
    'Classe de densité',
    'Premier territoire déclaré : very-sparse (< 25 hab./km²), sparse (25–300), intermediate (300–1 500) ou dense (≥ 1 500).',
  ],
  // Import-only columns.
  private_contact_name: ['Contact privé (nom)', 'Import seulement : jamais publié ni exporté.'],
  private_contact_email: ['Contact privé (e-mail)', 'Import seulement : jamais publié ni exporté.'],
  private_contact_phone: [
    'Contact privé (téléphone)',
    'Import seulement : jamais publié ni exporté.',
  ],
  territory_names: [
    'Territoires (noms)',
    `Import seulement : territoires par leur nom, résolus en codes ; le département ou la région entre parenthèses départage les homonymes (« Saint-Denis (La Réunion) »). ${LIST}`,
  ],
  source_id: [
    'Identifiant source',
    'Import seulement : identifiant stable chez le producteur ; réimporter la même valeur met la fiche à jour.',
  ],
}
