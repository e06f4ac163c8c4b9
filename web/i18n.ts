/**
 * Interface text of the public pages, in one dictionary per language. French is the
 * reference; `en` must have exactly the same keys (the `Messages` type enforces it), so a
 * missing translation is a type error rather than a blank on the page. Labels of codes
 * (themes, stages…) are not here: they come from worker/domain/vocabularies.ts.
 */
import { createContext, useContext } from 'hono/jsx'

export const LANGS = ['fr', 'en'] as const
export type Lang = (typeof LANGS)[number]

const fr = {
  lang: 'fr' as Lang,
  siteName: 'Observatoire des expérimentations numériques locales',
  skipLink: 'Aller au contenu',
  nav: {
    label: 'Navigation principale',
    search: 'Rechercher',
    submit: 'Proposer une expérience',
    compare: 'Comparer les territoires',
  },
  footer: {
    api: 'API',
    data: 'Données ouvertes',
    accessibility: 'Accessibilité : partiellement conforme',
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
    },
    unknownYear: 'Inconnue',
    results: (n: number) =>
      n === 0 ? 'Aucune expérience' : n === 1 ? '1 expérience' : `${n} expériences`,
    resultsFor: (q: string) => `pour « ${q} »`,
    activeFilters: 'Filtres actifs',
    removeFilter: (label: string) => `Retirer le filtre ${label}`,
    emptyTitle: 'Aucune expérience ne correspond à cette recherche.',
    emptyHint: 'Essayez de retirer un filtre :',
    emptyHintText: 'Essayez d’autres mots-clés, plus généraux, ou sans accents particuliers.',
    mapTitle: 'Répartition par région',
    mapHelp: 'Cliquez sur une région pour filtrer les résultats.',
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
      'Cette fiche n’a pas été confirmée depuis plus de 18 mois : certaines informations peuvent être dépassées.',
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
      n === 1 ? 'Un champ est à corriger' : `${n} champs sont à corriger`,
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
      scope: [
        'Portée de l’expérience',
        'Des territoires français, la France entière (programme national) ou un lieu hors de France.',
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
  notFound: {
    title: 'Page introuvable',
    text: 'Cette adresse ne correspond à aucune page. Vérifiez-la, ou repartez de la recherche.',
  },
}

export type Messages = typeof fr

const en: Messages = {
  lang: 'en',
  siteName: 'Observatory of local digital experiments in France',
  skipLink: 'Skip to content',
  nav: {
    label: 'Main navigation',
    search: 'Search',
    submit: 'Submit an experiment',
    compare: 'Compare territories',
  },
  footer: {
    api: 'API',
    data: 'Open data',
    accessibility: 'Accessibility: partially compliant',
    licence: 'Data published under the Etalab Open Licence 2.0.',
    switchLang: 'Version française',
    switchLangCode: 'fr',
  },
  common: { yes: 'Yes', no: 'No', notProvided: 'Not provided', and: 'and' },
  home: {
    title: 'Search experiments',
    intro:
      'Digital experiments run by French local authorities and their neighbours, described by those who led them or from the public sources each record cites: what was done, with which means, and what was learnt.',
    searchLabel: 'Keywords',
    searchHelp: 'For example: mobile mediation, participatory budget, Bretagne…',
    searchButton: 'Search',
    filtersTitle: 'Refine',
    applyFilters: 'Apply filters',
    resetFilters: 'Clear all',
    sortLabel: 'Sort by',
    sorts: {
      relevance: 'Relevance',
      recent: 'Most recent',
      evidence: 'Level of evidence',
      completeness: 'Most complete',
    },
    facets: {
      theme: 'Theme',
      region: 'Region',
      department: 'Département',
      level: 'Lead',
      stage: 'Stage',
      evidence: 'Level of evidence',
      year: 'Start year',
      scope: 'Scope',
      country: 'Country (outside France)',
    },
    unknownYear: 'Unknown',
    results: (n: number) =>
      n === 0 ? 'No experiment' : n === 1 ? '1 experiment' : `${n} experiments`,
    resultsFor: (q: string) => `for “${q}”`,
    activeFilters: 'Active filters',
    removeFilter: (label: string) => `Remove the filter ${label}`,
    emptyTitle: 'No experiment matches this search.',
    emptyHint: 'Try removing a filter:',
    emptyHintText: 'Try other, more general keywords.',
    mapTitle: 'By region',
    mapHelp: 'Click a region to filter the results.',
    pagination: 'Pagination',
    previous: 'Previous page',
    next: 'Next page',
    page: (n: number) => `Page ${n}`,
    pageOf: (n: number, total: number) => `page ${n} of ${total}`,
    searchUnavailable: 'Search is temporarily unavailable. Please try again in a moment.',
    didYouMean: 'Did you mean',
    degraded: 'Fallback search: the main engine is not answering, results may be less precise.',
    evidenceShort: (label: string) => `Evidence: ${label}`,
    since: (year: number) => `since ${year}`,
    unknownStart: 'Start date unknown',
  },
  experiment: {
    summary: 'Summary',
    facts: 'At a glance',
    lead: 'Lead',
    territories: 'Territories',
    scope: 'Scope',
    nationalScope: 'All of France',
    place: 'Place',
    regions: 'Regions',
    departments: 'Départements',
    population: 'Population covered',
    themes: 'Themes',
    stage: 'Stage',
    outcome: 'Outcome',
    dates: 'Period',
    from: (d: string) => `since ${d}`,
    fromTo: (a: string, b: string) => `from ${a} to ${b}`,
    unknownStart: 'start date unknown',
    untilOnly: (d: string) => `start date unknown, until ${d}`,
    publics: 'Target publics',
    programmes: 'National programmes',
    keywords: 'Keywords',
    website: 'Website',
    partners: 'Partners',
    narrative: 'The story',
    resultsTitle: 'Results',
    indicators: 'Indicators',
    indicatorCols: {
      label: 'Indicator',
      baseline: 'Baseline',
      target: 'Target',
      value: 'Measured value',
      measuredAt: 'Date',
      method: 'Method',
    },
    peopleReached: 'People reached',
    evaluationDocuments: 'Evaluation documents',
    evidence: 'Level of evidence',
    evidenceOf: (n: number, label: string) => `Level ${n} of 4: ${label}`,
    means: 'Means and funding',
    budget: 'Total budget',
    staff: 'Staff (full-time equivalents)',
    funding: 'Funding',
    fundingCols: { type: 'Funder', programme: 'Programme', amount: 'Amount' },
    lessons: 'Lessons',
    resources: 'Reusable resources',
    inspiredBy: 'Inspired by',
    contact: 'Public contact',
    sources: 'Sources',
    consultedAt: (d: string) => `accessed: ${d}`,
    similar: 'Similar experiments',
    similarNone: 'No similar experiment yet.',
    cite: 'Cite / reuse',
    permalink: 'Permanent link',
    licence: 'Licence',
    citation: 'How to cite this record',
    json: 'Record data (JSON)',
    lastVerified: 'Last verified',
    neverVerified: 'never verified',
    published: 'Published on',
    completeness: 'Record completeness',
    completenessValue: (n: number) => `${n}%`,
    notFoundTitle: 'Experiment not found',
    notFoundText:
      'No published experiment matches this address. It may have been withdrawn, or it is still awaiting moderation.',
    backToSearch: 'Back to search',
    toVerify: 'to be checked',
    toVerifyHelp:
      'This record has not been confirmed for more than 18 months: some information may be out of date.',
    history: 'Version history',
    report: 'Report a problem with this record',
    consultedOn: 'accessed on',
  },
  form: {
    ...fr.form,
    territoryUnknown: (names: readonly string[]) =>
      `Territories: no territory is called ${names.map((n) => `“${n}”`).join(', ')}. Give the name of a commune, an intercommunality, a département or a région, or its code (com:35238, epci:243500741, dep:29, reg:53).`,
    territoryToChoose: (names: readonly string[]) =>
      `Territories: say which ${names.map((n) => `“${n}”`).join(', ')} you mean by choosing in the list below the field.`,
    territoryChoiceSeveral: (name: string) =>
      `Several territories are called “${name}”: which one?`,
    territoryChoiceClose: (name: string) =>
      `No territory is called exactly “${name}”: is it one of these?`,
    // The form is not translated yet; the fields added for real records are.
    fields: {
      ...fr.form.fields,
      scope: [
        'Scope of the experiment',
        'French territories, all of France (a national programme) or a place outside France.',
      ],
      'abroad.country': ['Country', 'For an experiment outside France.'],
      'abroad.subdivision': [
        'Region or province of the country (optional)',
        'ISO 3166-2 code, e.g. BE-WAL (Wallonia), CH-VD (canton of Vaud), CA-QC (Quebec)',
      ],
      'abroad.place': ['Place', 'Town or area, as people name it, e.g. Namur'],
      startDate: [
        'Start date',
        'YYYY, YYYY-MM or YYYY-MM-DD, e.g. 2021-09. Leave empty if unknown: the record will say “start date unknown”.',
      ],
      source: ['Source', ''],
      'source.url': ['Address of the source', 'Page or document the facts come from: https://…'],
      'source.title': ['Title of the page or document', ''],
      'source.publisher': ['Publisher', 'E.g. Banque des Territoires, City of Rennes'],
      'source.consultedAt': ['Accessed on', 'YYYY, YYYY-MM or YYYY-MM-DD'],
    },
  },
  notFound: {
    title: 'Page not found',
    text: 'This address matches no page. Check it, or start again from the search.',
  },
}

export const MESSAGES: Record<Lang, Messages> = { fr, en }

/**
 * The language of a request: an explicit `lang` cookie (set by the switch link) wins,
 * then the first supported language in Accept-Language, then French.
 */
export function negotiateLang(
  cookie: string | undefined,
  acceptLanguage: string | undefined
): Lang {
  const chosen = /(?:^|;\s*)lang=(fr|en)\b/.exec(cookie ?? '')?.[1]
  if (chosen === 'fr' || chosen === 'en') return chosen
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q) }
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) if (tag === 'fr' || tag === 'en') return tag
  return 'fr'
}

/** Messages for the page being rendered (set by `I18n.Provider` in `renderPage`). */
export const I18n = createContext<Messages>(fr)

export function useT(): Messages {
  return useContext(I18n)
}
