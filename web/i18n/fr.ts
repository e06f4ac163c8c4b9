/**
 * French interface text: the reference dictionary. Its shape is the `Messages` type every
 * other language must match. Areas with much text have their own file (territories.ts, open-data.ts, accessibility.ts, embed.ts).
 */
import type { Lang } from './lang'
import { VERIFY_AFTER_MONTHS } from '../../worker/domain/freshness'
import { actorsFr } from './actors'
import { agendaFr } from './agenda'
import { eventsFr } from './events'
import { accessibilityFr } from './accessibility'
import { embedFr } from './embed'
import { networkFr } from './network'
import { pickerFr } from './picker'
import { openDataFr } from './open-data'
import { feedbackFr } from './feedback'
import { paroleFr } from './parole'
import { spreadFr } from './spread'
import { countOf } from './plural'
import { territoriesFr } from './territories'

export const fr = {
  lang: 'fr' as Lang,
  siteName: 'Observatoire des expérimentations numériques locales',
  skipLink: 'Aller au contenu',
  nav: {
    label: 'Navigation principale',
    search: 'Rechercher',
    submit: 'Proposer une expérience',
    compare: 'Comparer les territoires',
    actors: 'Acteurs du réseau',
    events: 'Agenda',
  },
  footer: {
    api: 'API',
    data: 'Données ouvertes',
    accessibility: 'Accessibilité : non conforme',
    licence: 'Données publiées sous Licence Ouverte 2.0 (Etalab).',
    switchLang: 'English version',
    switchLangCode: 'en',
  },
  common: {
    yes: 'Oui',
    no: 'Non',
    notProvided: 'Non renseigné',
    and: 'et',
  },
  home: {
    title: 'Rechercher une expérience',
    intro:
      'Des expériences numériques menées par des collectivités françaises et leurs voisins, décrites par leurs porteurs ou d’après des sources publiques citées sur chaque fiche : ce qui a été fait, avec quels moyens, et ce qu’on en a appris.',
    searchLabel: 'Mots-clés',
    searchHelp: 'Par exemple : médiation itinérante, budget participatif, Bretagne…',
    searchButton: 'Rechercher',
    filtersTitle: 'Affiner',
    applyFilters: 'Appliquer les filtres',
    resetFilters: 'Tout effacer',
    sortLabel: 'Trier par',
    sorts: {
      relevance: 'Pertinence',
      recent: 'Les plus récentes',
      evidence: 'Niveau de preuve',
      completeness: 'Fiches les plus complètes',
    },
    facets: {
      theme: 'Thématique',
      region: 'Région',
      department: 'Département',
      level: 'Porteur',
      stage: 'Étape',
      evidence: 'Niveau de preuve',
      year: 'Année de lancement',
      scope: 'Portée',
      country: 'Pays (hors de France)',
      budget: 'Budget total',
      fundingType: 'Financeur',
      programme: 'Programme de financement',
      size: 'Taille du territoire',
      density: 'Densité du territoire',
    },
    freshness: 'Fraîcheur',
    toVerifyFilter: 'À vérifier',
    toVerifyFilterHelp: `Fiches jamais confirmées ou dont la dernière vérification date de plus de ${VERIFY_AFTER_MONTHS} mois`,
    evidenceAny: 'Tous les niveaux',
    evidenceAtLeast: (label: string) => `Au moins : ${label}`,
    evidenceOnly: (label: string) => `Seulement : ${label}`,
    unknownYear: 'Inconnue',
    results: (n: number) =>
      n === 0 ? 'Aucune expérience' : countOf('fr', n, 'expérience', 'expériences'),
    resultsFor: (q: string) => `pour « ${q} »`,
    activeFilters: 'Filtres actifs',
    removeFilter: (label: string) => `Retirer le filtre ${label}`,
    emptyTitle: 'Aucune expérience ne correspond à cette recherche.',
    emptyHint: 'Essayez de retirer un filtre :',
    emptyHintText: 'Essayez d’autres mots-clés, plus généraux, ou sans accents particuliers.',
    mapTitle: 'Sur la carte',
    mapLevelsLabel: 'Niveau de la carte',
    mapLevels: { reg: 'Par région', dep: 'Par département' },
    mapCaption: (level: 'reg' | 'dep'): string =>
      level === 'reg' ? 'Expériences par région' : 'Expériences par département',
    mapLegend: 'Expériences correspondantes',
    mapHelp: (level: 'reg' | 'dep') =>
      `Cliquez sur ${level === 'reg' ? 'une région' : 'un département'} ou sur un repère pour filtrer les résultats.`,
    pinsDepartments: 'Repères : expériences par département (surface proportionnelle au nombre)',
    pinsRecords: 'Repères : une expérience chacun',
    pinLabel: (place: string, n: number) =>
      `${place} : ${countOf('fr', n, 'expérience', 'expériences')}`,
    pagination: 'Pagination',
    previous: 'Page précédente',
    next: 'Page suivante',
    page: (n: number) => `Page ${n}`,
    pageOf: (n: number, total: number) => `page ${n} sur ${total}`,
    searchUnavailable:
      'La recherche est momentanément indisponible. Réessayez dans quelques instants.',
    didYouMean: 'Vouliez-vous dire',
    degraded:
      'Recherche de secours : le moteur principal ne répond pas, les résultats peuvent être moins précis.',
    evidenceShort: (label: string) => `Preuve : ${label}`,
    since: (year: number) => `depuis ${year}`,
    unknownStart: 'Date de démarrage inconnue',
  },
  alike: {
    title: 'Dans des territoires comme celui-ci',
    intro: (size: string, density: string | null, themes: string | null) =>
      `Expériences de communes, d’intercommunalités et de départements de même taille (${size.toLowerCase()}${density ? `, ${density.toLowerCase()}` : ''})${themes ? ` sur les mêmes thématiques (${themes})` : ''}.`,
    none: 'Aucune autre expérience dans des territoires de cette taille pour l’instant.',
    all: 'Voir toutes les expériences de territoires comme celui-ci',
  },
  experiment: {
    summary: 'Résumé',
    facts: 'En bref',
    lead: 'Porteur',
    territories: 'Territoires',
    scope: 'Portée',
    nationalScope: 'France entière',
    place: 'Lieu',
    regions: 'Régions',
    departments: 'Départements',
    population: 'Population couverte',
    themes: 'Thématiques',
    stage: 'Étape',
    outcome: 'Bilan',
    dates: 'Période',
    from: (d: string) => `depuis ${d}`,
    fromTo: (a: string, b: string) => `de ${a} à ${b}`,
    unknownStart: 'date de démarrage inconnue',
    untilOnly: (d: string) => `date de démarrage inconnue, jusqu’à ${d}`,
    publics: 'Publics',
    programmes: 'Programmes nationaux',
    keywords: 'Mots-clés',
    website: 'Site web',
    partners: 'Partenaires',
    narrative: 'Le récit',
    resultsTitle: 'Résultats',
    indicators: 'Indicateurs',
    indicatorCols: {
      label: 'Indicateur',
      baseline: 'Situation de départ',
      target: 'Cible',
      value: 'Valeur mesurée',
      measuredAt: 'Date',
      method: 'Méthode',
    },
    peopleReached: 'Personnes touchées',
    evaluationDocuments: 'Documents d’évaluation',
    evidence: 'Niveau de preuve',
    evidenceOf: (n: number, label: string) => `Niveau ${n} sur 4 : ${label}`,
    means: 'Moyens et financement',
    budget: 'Budget total',
    staff: 'Équipe (équivalents temps plein)',
    costPerBeneficiary: 'Coût par personne touchée',
    costPerBeneficiaryHelp: '(budget total ÷ personnes touchées)',
    funding: 'Financements',
    fundingCols: { type: 'Financeur', programme: 'Programme', amount: 'Montant' },
    lessons: 'Enseignements',
    resources: 'Ressources réutilisables',
    inspiredBy: 'Inspirée de',
    contact: 'Contact public',
    sources: 'Sources',
    consultedAt: (d: string) => `consultée : ${d}`,
    similar: 'Expériences proches',
    similarNone: 'Aucune expérience proche pour l’instant.',
    cite: 'Citer / réutiliser',
    permalink: 'Adresse permanente',
    licence: 'Licence',
    citation: 'Pour citer cette fiche',
    json: 'Données de la fiche (JSON)',
    lastVerified: 'Dernière vérification',
    neverVerified: 'jamais vérifiée',
    published: 'Publiée le',
    completeness: 'Complétude de la fiche',
    completenessValue: (n: number) => `${n} %`,
    notFoundTitle: 'Expérience introuvable',
    notFoundText:
      'Aucune expérience publiée ne correspond à cette adresse. Elle a peut-être été retirée, ou elle attend encore la validation d’un modérateur.',
    backToSearch: 'Revenir à la recherche',
    toVerify: 'à vérifier',
    toVerifyHelp:
      'À vérifier : cette fiche n’a pas été confirmée depuis plus de 18 mois, certaines informations peuvent être dépassées.',
    toVerifyOwner:
      'Vous portez cette expérience ? Ouvrez le lien privé de modification reçu lors de votre proposition : le bouton « La fiche est toujours exacte » la confirme en un clic et retire ce badge.',
    toVerifyOwnerLink: 'Confirmer la fiche (lien privé déjà ouvert)',
    toVerifyReport: 'Vous savez ce qui a changé ? Signalez-le à l’équipe de modération',
    history: 'Historique des versions',
    report: 'Signaler un problème sur cette fiche',
    consultedOn: 'consulté le',
  },
  form: {
    title: 'Proposer une expérience',
    intro:
      'Décrivez une expérience numérique menée sur votre territoire. Seuls quelques champs sont obligatoires ; plus la fiche est complète, plus elle sera utile à d’autres collectivités. Elle sera relue par un modérateur avant publication.',
    requiredNote: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
    required: 'obligatoire',
    errorSummaryTitle: (n: number) =>
      n === 1
        ? 'Un champ est à corriger'
        : `${countOf('fr', n, 'champ', 'champs')} sont à corriger`,
    sections: {
      identity: 'L’expérience en quelques mots',
      lead: 'Porteur et territoire',
      classification: 'Thématiques et étape',
      narrative: 'Le récit',
      results: 'Résultats',
      means: 'Moyens et financement',
      sharing: 'Partage et contact public',
      privateContact: 'Vos coordonnées (jamais publiées)',
    },
    sectionHelp: {
      narrative:
        'Écrivez pour un agent ou un élu d’une autre collectivité qui voudrait s’en inspirer. Restez concret : chiffres, dates, noms d’outils.',
      results:
        'Les indicateurs permettent de comparer les expériences. Laissez vides les lignes inutiles.',
      means: 'Montants en euros, sans centimes.',
      privateContact:
        'Ces coordonnées servent uniquement aux modérateurs pour vous joindre. Elles ne sont ni affichées, ni exportées.',
    },
    fields: {
      title: ['Titre', 'Court et parlant. Ex. : « Un bus numérique dans les villages du Bocage »'],
      summary: [
        'Résumé',
        'En 2 ou 3 phrases (500 caractères au maximum) : quoi, pour qui, avec quel résultat.',
      ],
      'lead.name': ['Nom du porteur', 'Ex. : Communauté de communes du Pays de Redon'],
      'lead.kind': ['Type de porteur', ''],
      'lead.siren': ['SIREN du porteur', '9 chiffres, si vous le connaissez.'],
      'lead.rna': ['Numéro RNA (associations)', 'W suivi de 9 caractères.'],
      'lead.actorId': [
        'Fiche de la structure dans le réseau (facultatif)',
        'Cherchez-la par son nom pour relier l’expérience à sa page. Pas encore de fiche ? Présentez votre structure sur /acteurs/proposer.',
      ],
      scope: [
        'Portée de l’expérience',
        'Des territoires français (indiquez-les ci-dessous), la France entière (programme national) ou un lieu hors de France (pays et lieu ci-dessous).',
      ],
      'abroad.country': ['Pays', 'Pour une expérience hors de France.'],
      'abroad.subdivision': [
        'Région ou province du pays (facultatif)',
        'Code ISO 3166-2. Ex. : BE-WAL (Wallonie), CH-VD (canton de Vaud), CA-QC (Québec)',
      ],
      'abroad.place': ['Lieu', 'Ville ou territoire, tel qu’on le nomme. Ex. : Namur'],
      territories: [
        'Territoires concernés',
        'Noms ou codes séparés par des virgules : Rennes, Redon Agglomération, Finistère, Bretagne, ou com:35238, epci:243500741, dep:29, reg:53. Pour un nom que portent plusieurs communes, ajoutez le département entre parenthèses : Saint-Denis (La Réunion).',
      ],
      territorySearch: [
        'Rechercher un territoire',
        'Saisissez un nom de commune, d’intercommunalité, de département ou de région, puis choisissez dans la liste.',
      ],
      themes: ['Thématiques', 'De 1 à 3 thématiques.'],
      stage: ['Étape actuelle', ''],
      outcome: ['Bilan à ce jour', ''],
      startDate: [
        'Date de début',
        'Format AAAA, AAAA-MM ou AAAA-MM-JJ. Ex. : 2021-09. Laissez vide si vous ne la connaissez pas : la fiche dira « date de démarrage inconnue ».',
      ],
      endDate: ['Date de fin', 'Laissez vide si l’expérience continue.'],
      publics: ['Publics visés', ''],
      programmes: ['Programmes nationaux mobilisés', ''],
      keywords: ['Mots-clés', 'Séparés par des virgules. Ex. : bus, zones rurales, démarches'],
      'narrative.context': [
        'Contexte et problème de départ',
        'Ex. : « 40 % des habitants de plus de 70 ans n’avaient jamais fait de démarche en ligne ; la maison France Services la plus proche était à 35 km. »',
      ],
      'narrative.description': [
        'Ce qui a été fait',
        'Les grandes étapes, l’organisation, les outils. Ex. : « Un camping-car aménagé passe chaque semaine dans 12 communes… »',
      ],
      'narrative.novelty': ['Ce qui est nouveau', 'Ce qui distingue cette expérience.'],
      'narrative.governance': [
        'Gouvernance et partenaires',
        'Qui décide, qui finance, qui agit. Ex. : « Pilotage par le Département, avec la CAF et 3 associations. »',
      ],
      'narrative.users': [
        'Les usagers',
        'Qui en bénéficie et quelle place leur est faite (ateliers, retours, co-conception).',
      ],
      'narrative.results': [
        'Résultats',
        'Ce qui a changé, avec des chiffres si possible. Ex. : « 1 200 accompagnements la première année. »',
      ],
      'narrative.difficulties': [
        'Difficultés rencontrées',
        'Ce qui a coincé et comment vous l’avez surmonté : c’est souvent le plus utile.',
      ],
      'narrative.successConditions': [
        'Conditions de réussite',
        'Ce qui est indispensable pour que ça marche.',
      ],
      'narrative.advice': [
        'Conseils pour reproduire',
        'Ce que vous diriez à une collectivité qui veut se lancer.',
      ],
      evidenceLevel: ['Niveau de preuve des résultats', ''],
      'results.peopleReached': ['Nombre de personnes touchées', 'Un nombre entier.'],
      indicator: ['Indicateur', ''],
      'indicator.label': ['Intitulé', 'Ex. : Nombre d’accompagnements par mois'],
      'indicator.unit': ['Unité', 'Ex. : personnes, %, jours'],
      'indicator.baseline': ['Valeur de départ', ''],
      'indicator.target': ['Cible', ''],
      'indicator.value': ['Valeur mesurée', ''],
      'indicator.measuredAt': ['Date de mesure', 'AAAA, AAAA-MM ou AAAA-MM-JJ'],
      'indicator.method': ['Méthode de mesure', ''],
      'means.budgetEur': ['Budget total (€)', 'Ex. : 120000'],
      'means.staffFte': ['Équipe (équivalents temps plein)', 'Ex. : 1,5'],
      funding: ['Financement', ''],
      'funding.type': ['Financeur', ''],
      'funding.programme': ['Programme', 'Ex. : Conseillers numériques'],
      'funding.amountEur': ['Montant (€)', ''],
      partner: ['Partenaire', ''],
      'partner.name': ['Nom', ''],
      'partner.role': ['Rôle', 'Ex. : co-financeur, animation des ateliers'],
      'partner.actorId': [
        'Fiche du partenaire dans le réseau (facultatif)',
        'Cherchez-la par son nom pour relier le partenaire à sa page.',
      ],
      licence: ['Licence de la fiche', 'La Licence Ouverte permet à tous de réutiliser la fiche.'],
      website: ['Site web de l’expérience', 'Adresse complète, commençant par https://'],
      'publicContact.role': [
        'Contact public : fonction ou service',
        'Ex. : Service inclusion numérique',
      ],
      'publicContact.email': [
        'Contact public : adresse e-mail',
        'Une adresse générique de préférence (affichée sur la fiche).',
      ],
      source: ['Source', ''],
      'source.url': [
        'Adresse de la source',
        'Page ou document d’où viennent les faits. Ex. : https://…',
      ],
      'source.title': ['Titre de la page ou du document', ''],
      'source.publisher': ['Éditeur', 'Ex. : Banque des Territoires, Ville de Rennes'],
      'source.consultedAt': ['Consultée le', 'AAAA, AAAA-MM ou AAAA-MM-JJ'],
      'privateContact.name': ['Votre nom', ''],
      'privateContact.email': ['Votre adresse e-mail', 'Ex. : prenom.nom@mairie.fr'],
      'privateContact.phone': ['Votre téléphone', ''],
      language: ['Langue de la fiche', ''],
      evaluationDocument: ['Document d’évaluation', ''],
      'evaluationDocument.title': ['Titre du document', 'Ex. : Rapport d’évaluation 2023'],
      'evaluationDocument.url': ['Adresse du document', 'Commençant par https://'],
      resource: ['Ressource réutilisable', ''],
      'resource.title': ['Titre de la ressource', 'Ex. : Questionnaire aux usagers'],
      'resource.url': ['Adresse de la ressource', 'Commençant par https://'],
      'resource.licence': ['Licence de la ressource', 'Ex. : CC-BY-4.0'],
      inspiredBy: [
        'Inspirée de',
        'Les expériences publiées dont celle-ci s’inspire : cherchez-les par leur titre ou leur territoire ; décochez pour en retirer une.',
      ],
      ownerMessage: [
        'Message à l’équipe de modération (facultatif)',
        'Ce que vous avez changé ou votre réponse à sa demande. Jamais publié.',
      ],
    },
    choose: 'Choisir…',
    none: 'Non précisé',
    honeypot: 'Ne remplissez pas ce champ',
    submit: 'Envoyer la proposition',
    autocompleteNoResult: 'Aucun territoire trouvé.',
    autocompleteResults: 'territoires trouvés, utilisez les flèches pour choisir.',
    selectedTerritories: 'Territoires choisis',
    territoryUnknown: (names: readonly string[]) =>
      `Territoires : aucun territoire ne s’appelle ${names.map((n) => `« ${n} »`).join(', ')}. Indiquez le nom d’une commune, d’une intercommunalité, d’un département ou d’une région, ou son code (com:35238, epci:243500741, dep:29, reg:53).`,
    territoryToChoose: (names: readonly string[]) =>
      `Territoires : précisez ${names.map((n) => `« ${n} »`).join(', ')} en choisissant dans la liste sous le champ.`,
    territoryChoiceSeveral: (name: string) =>
      `Plusieurs territoires s’appellent « ${name} » : lequel ?`,
    territoryChoiceClose: (name: string) =>
      `Aucun territoire ne s’appelle exactement « ${name} » : s’agit-il de l’un de ceux-ci ?`,
    remove: 'Retirer',
    similarTitle: 'Cette expérience existe peut-être déjà',
    similarIntro:
      'Des expériences proches sont déjà publiées. Si l’une d’elles est la vôtre, inutile de la proposer à nouveau ; sinon, confirmez l’envoi.',
    similarConfirm: 'Ma proposition est différente : l’envoyer',
    similarBack: 'Revenir au formulaire',
    doneTitle: 'Merci, votre proposition est enregistrée',
    doneIntro: (title: string) => `« ${title} » a bien été reçue.`,
    doneEditTitle: 'Votre lien privé de modification',
    doneEditHelp:
      'Ce lien n’est affiché qu’une seule fois : enregistrez-le maintenant (favori, courriel à vous-même). Il permet de modifier la fiche pendant un an, sans compte. Ne le partagez pas.',
    doneNextTitle: 'Et maintenant ?',
    doneNext: [
      'Un modérateur relit la fiche, en général sous quelques jours ouvrés.',
      'S’il a une question, il vous écrit à l’adresse privée que vous avez indiquée.',
      'Une fois validée, la fiche est publiée et trouvable dans la recherche.',
    ],
    doneAnother: 'Proposer une autre expérience',
    invalidData: 'Certaines données sont invalides.',
  },
  rateLimit: {
    title: 'Trop d’envois en peu de temps',
    retryIn: (seconds: number) =>
      `Vous avez envoyé beaucoup de formulaires en peu de temps. Patientez ${seconds} seconde${seconds > 1 ? 's' : ''}, puis renvoyez le formulaire.`,
    kept: 'Ce que vous avez saisi est conservé ci-dessous.',
  },
  notFound: {
    title: 'Page introuvable',
    text: 'Cette adresse ne correspond à aucune page. Vérifiez-la, ou repartez de la recherche.',
  },
  territories: territoriesFr,
  actors: actorsFr,
  events: eventsFr,
  openData: openDataFr,
  accessibility: accessibilityFr,
  spread: spreadFr,
  feedback: feedbackFr,
  embed: embedFr,
  network: networkFr,
  agenda: agendaFr,
  parole: paroleFr,
  picker: pickerFr,
}

export type Messages = typeof fr
