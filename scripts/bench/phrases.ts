/**
 * Phrase banks for the synthetic catalogue, one per top-level theme. Titles and narratives
 * are composed from these parts (action + object + public + place), so 100k records stay
 * plausible French, share the vocabulary real searches use (EPN, France Services, FttH,
 * tiers-lieux, budget participatif…) and still differ enough for ranking to matter.
 */
import type { TopThemeCode } from '../../worker/domain/vocabularies'

export interface ThemeBank {
  /** Title heads: what the collectivité set up. */
  actions: readonly string[]
  /** What it is about, appended to an action. */
  objects: readonly string[]
  /** Problem statements for the context section. */
  problems: readonly string[]
  /** Indicator labels with their unit and a typical scale. */
  indicators: readonly { label: string; unit: string; scale: number }[]
  /** Keywords a submitter would add. */
  keywords: readonly string[]
}

export const THEME_BANKS: Record<TopThemeCode, ThemeBank> = {
  mediation: {
    actions: [
      'Permanences de médiation numérique',
      'Bus numérique itinérant',
      'Ateliers d’initiation au numérique',
      'Réseau de conseillers numériques',
      'Point d’accompagnement aux démarches',
      'Parcours de formation des aidants',
      'Recyclerie d’ordinateurs reconditionnés',
    ],
    objects: [
      'pour les démarches administratives en ligne',
      'dans les mairies rurales',
      'pour les seniors isolés',
      'en lien avec France Services',
      'avec Aidants Connect',
      'pour l’usage du smartphone au quotidien',
      'dans les quartiers prioritaires',
    ],
    problems: [
      'Une part importante des habitants renonçait à ses droits faute de savoir utiliser les services en ligne.',
      'Les secrétaires de mairie étaient sollicitées pour des démarches qu’elles ne pouvaient pas accompagner.',
      'L’illectronisme touchait près d’un habitant sur cinq selon le diagnostic territorial.',
    ],
    indicators: [
      { label: 'Personnes accompagnées', unit: 'personnes', scale: 800 },
      { label: 'Démarches réalisées avec un aidant', unit: 'démarches', scale: 2000 },
      { label: 'Ordinateurs reconditionnés distribués', unit: 'équipements', scale: 300 },
    ],
    keywords: ['illectronisme', 'inclusion numérique', 'EPN', 'aidants', 'médiateurs', 'MSAP'],
  },
  participation: {
    actions: [
      'Budget participatif en ligne',
      'Plateforme de concertation citoyenne',
      'Conseil citoyen du numérique',
      'Consultation numérique sur le plan local d’urbanisme',
      'Application de signalement citoyen',
      'Assemblée citoyenne tirée au sort',
    ],
    objects: [
      'sur Decidim',
      'ouverte aux jeunes dès 16 ans',
      'avec des ateliers en présentiel',
      'pour l’aménagement des espaces publics',
      'à l’échelle intercommunale',
      'avec vote en ligne et en mairie',
    ],
    problems: [
      'La participation aux réunions publiques restait faible et peu représentative.',
      'Les habitants demandaient à être associés plus tôt aux projets d’aménagement.',
      'Les contributions papier étaient difficiles à synthétiser et à rendre publiques.',
    ],
    indicators: [
      { label: 'Participants au vote', unit: 'votants', scale: 5000 },
      { label: 'Projets déposés', unit: 'projets', scale: 300 },
      { label: 'Contributions en ligne', unit: 'contributions', scale: 2500 },
    ],
    keywords: ['civic tech', 'Decidim', 'démocratie participative', 'concertation', 'vote'],
  },
  'third-places': {
    actions: [
      'Ouverture d’un tiers-lieu numérique',
      'Fablab intercommunal',
      'Espace de coworking en centre-bourg',
      'Réseau de tiers lieux ruraux',
      'Espace public numérique (EPN)',
      'Micro-folie et atelier de fabrication',
    ],
    objects: [
      'dans une ancienne gare',
      'labellisé Fabrique de territoire',
      'avec un programme d’ateliers pour les jeunes',
      'adossé à la médiathèque',
      'animé par une association locale',
      'ouvert aux artisans et aux télétravailleurs',
    ],
    problems: [
      'Le territoire manquait de lieux pour se former et travailler à distance.',
      'Les jeunes quittaient le territoire faute d’offre de formation aux métiers du numérique.',
      'Plusieurs locaux communaux restaient vacants en centre-bourg.',
    ],
    indicators: [
      { label: 'Usagers réguliers du lieu', unit: 'usagers', scale: 400 },
      { label: 'Ateliers organisés', unit: 'ateliers', scale: 150 },
      { label: 'Postes de coworking occupés', unit: 'postes', scale: 30 },
    ],
    keywords: ['tiers-lieux', 'fablab', 'coworking', 'EPN', 'makers', 'fabrique'],
  },
  'public-services': {
    actions: [
      'Guichet numérique unique',
      'Dématérialisation des demandes d’urbanisme',
      'Prise de rendez-vous en ligne',
      'Portail citoyen',
      'Formation des agents aux outils collaboratifs',
      'Refonte accessible du site de la collectivité',
    ],
    objects: [
      'pour les démarches d’état civil',
      'conforme au RGAA',
      'avec FranceConnect',
      'pour les inscriptions scolaires',
      'mutualisé entre communes',
      'pour les demandes de logement social',
    ],
    problems: [
      'Les délais de traitement des demandes dépassaient plusieurs semaines.',
      'Les usagers devaient se déplacer pour des démarches simples.',
      'Le site de la collectivité n’était pas accessible aux personnes handicapées.',
    ],
    indicators: [
      { label: 'Démarches déposées en ligne', unit: 'démarches', scale: 6000 },
      { label: 'Délai moyen de traitement', unit: 'jours', scale: 20 },
      { label: 'Taux de conformité RGAA', unit: '%', scale: 100 },
    ],
    keywords: ['dématérialisation', 'FranceConnect', 'RGAA', 'GRU', 'démarches en ligne'],
  },
  'open-data': {
    actions: [
      'Portail de données ouvertes',
      'Publication des données budgétaires',
      'Observatoire territorial en open data',
      'Tableau de bord public',
      'Politique de gouvernance de la donnée',
      'Défi de réutilisation des données',
    ],
    objects: [
      'au format schema.data.gouv.fr',
      'avec datavisualisations interactives',
      'sur les subventions aux associations',
      'des transports et de la mobilité',
      'en partenariat avec OpenDataFrance',
      'avec un administrateur général des données',
    ],
    problems: [
      'Les obligations d’ouverture des données de la loi pour une République numérique n’étaient pas respectées.',
      'Les services produisaient les mêmes données plusieurs fois, sans référentiel commun.',
      'Les citoyens demandaient plus de transparence sur l’usage de l’argent public.',
    ],
    indicators: [
      { label: 'Jeux de données publiés', unit: 'jeux de données', scale: 200 },
      { label: 'Téléchargements mensuels', unit: 'téléchargements', scale: 3000 },
      { label: 'Réutilisations recensées', unit: 'réutilisations', scale: 40 },
    ],
    keywords: ['open data', 'données ouvertes', 'data.gouv.fr', 'SIG', 'transparence'],
  },
  sobriety: {
    actions: [
      'Plan de sobriété numérique',
      'Allongement de la durée de vie du parc informatique',
      'Écoconception du site de la collectivité',
      'Achats responsables de matériel reconditionné',
      'Mesure de l’empreinte environnementale du numérique',
    ],
    objects: [
      'conforme à la loi REEN',
      'avec un réemploi des postes des agents',
      'dans les écoles de la commune',
      'avec le référentiel général d’écoconception',
      'en partenariat avec une entreprise d’insertion',
    ],
    problems: [
      'Le parc informatique était renouvelé tous les quatre ans sans nécessité technique.',
      'La collectivité devait élaborer sa stratégie numérique responsable (loi REEN).',
      'Les pages du site pesaient plusieurs mégaoctets et se chargeaient mal en zone rurale.',
    ],
    indicators: [
      { label: 'Durée de vie moyenne des postes', unit: 'années', scale: 7 },
      { label: 'Équipements réemployés', unit: 'équipements', scale: 500 },
      { label: 'Poids moyen des pages', unit: 'Ko', scale: 900 },
    ],
    keywords: ['sobriété', 'REEN', 'reconditionnement', 'écoconception', 'numérique responsable'],
  },
  'e-health': {
    actions: [
      'Cabinet de téléconsultation',
      'Télémédecine en maison de santé',
      'Téléassistance pour le maintien à domicile',
      'Plateforme de coordination des soins',
      'Borne de téléconsultation en pharmacie',
    ],
    objects: [
      'dans un désert médical',
      'pour les personnes âgées dépendantes',
      'en lien avec l’hôpital de proximité',
      'avec des infirmiers assistants',
      'dans les EHPAD du territoire',
    ],
    problems: [
      'Le départ en retraite de plusieurs médecins généralistes laissait des patients sans suivi.',
      'Les personnes âgées souhaitaient rester à domicile le plus longtemps possible.',
      'Les délais pour consulter un spécialiste dépassaient six mois.',
    ],
    indicators: [
      { label: 'Téléconsultations réalisées', unit: 'consultations', scale: 3000 },
      { label: 'Patients suivis', unit: 'patients', scale: 600 },
      { label: 'Hospitalisations évitées', unit: 'séjours', scale: 80 },
    ],
    keywords: ['télémédecine', 'téléconsultation', 'e-santé', 'désert médical', 'autonomie'],
  },
  education: {
    actions: [
      'Classes numériques mobiles',
      'Éducation aux médias et à l’information',
      'Ateliers de programmation pour les collégiens',
      'Certification Pix pour les jeunes',
      'Plan numérique des écoles',
      'Prévention du cyberharcèlement',
    ],
    objects: [
      'dans les écoles rurales',
      'avec les médiathèques',
      'pour les élèves de CM2 et de sixième',
      'en partenariat avec l’Éducation nationale',
      'pendant le temps périscolaire',
    ],
    problems: [
      'Les écoles étaient inégalement équipées selon les communes.',
      'Les enseignants manquaient de ressources pour aborder l’esprit critique face aux écrans.',
      'Peu de jeunes du territoire s’orientaient vers les métiers du numérique.',
    ],
    indicators: [
      { label: 'Élèves sensibilisés', unit: 'élèves', scale: 2500 },
      { label: 'Classes équipées', unit: 'classes', scale: 120 },
      { label: 'Certifications Pix obtenues', unit: 'certifications', scale: 400 },
    ],
    keywords: ['école numérique', 'Pix', 'EMI', 'code', 'esprit critique', 'ENT'],
  },
  cybersecurity: {
    actions: [
      'Centre de réponse aux incidents cyber',
      'Sensibilisation des agents à la cybersécurité',
      'Migration vers les logiciels libres',
      'Hébergement souverain des données',
      'Plan de continuité après une cyberattaque',
    ],
    objects: [
      'mutualisé à l’échelle régionale',
      'avec l’ANSSI et le CSIRT régional',
      'pour les petites communes',
      'avec des exercices de crise',
      'au sein d’un syndicat informatique',
    ],
    problems: [
      'Une attaque par rançongiciel avait paralysé les services pendant trois semaines.',
      'Les petites communes n’avaient pas les moyens d’un responsable de la sécurité informatique.',
      'Les données des usagers étaient hébergées hors de l’Union européenne.',
    ],
    indicators: [
      { label: 'Agents sensibilisés', unit: 'agents', scale: 900 },
      { label: 'Incidents traités', unit: 'incidents', scale: 60 },
      { label: 'Postes migrés vers des logiciels libres', unit: 'postes', scale: 400 },
    ],
    keywords: ['cybersécurité', 'rançongiciel', 'CSIRT', 'logiciel libre', 'souveraineté'],
  },
  'smart-territory': {
    actions: [
      'Capteurs connectés pour la gestion de l’eau',
      'Éclairage public intelligent',
      'Application de covoiturage rural',
      'Hyperviseur urbain',
      'Transport à la demande réservable en ligne',
      'Suivi de la qualité de l’air par capteurs',
    ],
    objects: [
      'sur un réseau LoRaWAN',
      'pour réduire la facture énergétique',
      'entre les communes du bassin de vie',
      'avec des données ouvertes en temps réel',
      'pour les zones d’activité',
    ],
    problems: [
      'La facture d’électricité de l’éclairage public avait doublé en deux ans.',
      'Sans voiture, les habitants des hameaux ne pouvaient pas rejoindre le bourg.',
      'Les fuites du réseau d’eau étaient détectées trop tard.',
    ],
    indicators: [
      { label: 'Économies d’énergie', unit: '%', scale: 60 },
      { label: 'Trajets réalisés', unit: 'trajets', scale: 8000 },
      { label: 'Capteurs déployés', unit: 'capteurs', scale: 500 },
    ],
    keywords: ['smart city', 'IoT', 'LoRaWAN', 'mobilité', 'énergie', 'capteurs'],
  },
  connectivity: {
    actions: [
      'Déploiement de la fibre optique (FttH)',
      'Réseau d’initiative publique très haut débit',
      'Wi-Fi public gratuit',
      'Résorption des zones blanches',
      'Pylônes mutualisés New Deal Mobile',
    ],
    objects: [
      'dans les communes rurales',
      'jusqu’aux hameaux isolés',
      'dans les centres-bourgs et les gares',
      'avec un syndicat mixte départemental',
      'pour les zones d’activité économique',
    ],
    problems: [
      'Un tiers des foyers n’avait pas accès à un débit supérieur à 8 Mbit/s.',
      'Les entreprises renonçaient à s’installer faute de connexion fiable.',
      'Plusieurs hameaux étaient en zone blanche de téléphonie mobile.',
    ],
    indicators: [
      { label: 'Prises raccordables', unit: 'prises', scale: 40000 },
      { label: 'Taux de couverture FttH', unit: '%', scale: 100 },
      { label: 'Sites mobiles mis en service', unit: 'sites', scale: 30 },
    ],
    keywords: ['FttH', 'fibre', 'THD', 'zones blanches', 'RIP', '4G'],
  },
  economy: {
    actions: [
      'Place de marché en ligne des commerces locaux',
      'Parcours de compétences numériques pour demandeurs d’emploi',
      'Incubateur de start-up du territoire',
      'Accompagnement des artisans à la vente en ligne',
    ],
    objects: [
      'avec l’union des commerçants',
      'en lien avec les acteurs de l’emploi',
      'dans les centres-bourgs',
      'pour les très petites entreprises',
    ],
    problems: [
      'Les commerces de centre-bourg perdaient leur clientèle au profit de la vente en ligne.',
      'Les offres d’emploi exigeaient des compétences numériques que peu de candidats avaient.',
      'Les jeunes entreprises quittaient le territoire faute d’accompagnement.',
    ],
    indicators: [
      { label: 'Commerces en ligne', unit: 'commerces', scale: 120 },
      { label: 'Personnes formées', unit: 'personnes', scale: 300 },
      { label: 'Entreprises accompagnées', unit: 'entreprises', scale: 40 },
    ],
    keywords: ['commerce local', 'emploi', 'start-up', 'click and collect', 'TPE'],
  },
  governance: {
    actions: [
      'Schéma directeur du numérique',
      'Mutualisation des services informatiques',
      'Animation d’un réseau de référents numériques',
      'Stratégie numérique de territoire',
      'Groupement de commandes pour les logiciels métiers',
    ],
    objects: [
      'entre l’intercommunalité et ses communes',
      'avec un comité de pilotage élus-agents',
      'à l’échelle départementale',
      'co-construit avec les habitants',
      'porté par un syndicat mixte',
    ],
    problems: [
      'Chaque commune achetait ses logiciels seule, à des prix élevés.',
      'Les projets numériques se multipliaient sans vision d’ensemble.',
      'Les élus manquaient d’outils pour arbitrer les investissements numériques.',
    ],
    indicators: [
      { label: 'Communes adhérentes', unit: 'communes', scale: 80 },
      { label: 'Économies réalisées', unit: '€', scale: 200000 },
      { label: 'Référents formés', unit: 'référents', scale: 60 },
    ],
    keywords: ['mutualisation', 'SDUN', 'gouvernance', 'stratégie numérique', 'réseau'],
  },
}

/** Narrative fragments common to every theme. */
export const COMMON = {
  novelty: [
    'La nouveauté tient à la co-construction avec les usagers dès la conception.',
    'Le dispositif mutualise des moyens jusque-là dispersés entre plusieurs services.',
    'C’est la première fois que ce type d’action est mené à cette échelle sur le territoire.',
    'L’approche combine présence humaine et outils numériques simples.',
  ],
  governance: [
    'Un comité de pilotage réunit les élus, les services et les partenaires chaque trimestre.',
    'Le projet est piloté par la direction des systèmes d’information avec un élu référent.',
    'Une convention lie la collectivité aux associations partenaires.',
  ],
  users: [
    'Les usagers ont été associés par des ateliers et des entretiens.',
    'Un questionnaire de satisfaction est proposé après chaque accompagnement.',
    'Des habitants testeurs ont participé à chaque itération.',
  ],
  difficulties: [
    'Le recrutement des animateurs a pris plus de temps que prévu.',
    'La coordination entre les partenaires a demandé un effort important.',
    'Le financement au-delà de la phase d’expérimentation reste incertain.',
    'La communication auprès des publics les plus éloignés a été difficile.',
  ],
  successConditions: [
    'Un portage politique fort et durable.',
    'Des moyens humains dédiés, pas seulement des outils.',
    'Une évaluation prévue dès le démarrage.',
    'Un ancrage dans les lieux que les habitants fréquentent déjà.',
  ],
  advice: [
    'Commencer petit, mesurer, puis étendre.',
    'Associer les agents d’accueil dès le début.',
    'Prévoir un budget de fonctionnement, pas seulement d’investissement.',
    'S’appuyer sur les réseaux existants plutôt que d’en créer un nouveau.',
  ],
  partners: [
    'Banque des Territoires',
    'Préfecture',
    'Caisse d’allocations familiales',
    'Conseil départemental',
    'Région',
    'Association de médiation numérique',
    'Université',
    'Hub France Connectée',
    'La Poste',
    'Emmaüs Connect',
    'Chambre de commerce et d’industrie',
  ],
  roles: ['cofinanceur', 'partenaire opérationnel', 'évaluateur', 'prescripteur', 'hébergeur'],
} as const
