/**
 * Text of the open-data page (`/donnees`), of the « download / follow » links on the
 * search and territory pages, and of feed titles.
 */
export const openDataFr = {
  title: 'Données ouvertes',
  description:
    'Le catalogue des expérimentations numériques locales en CSV, JSON, NDJSON et GeoJSON, avec ses schémas, son catalogue DCAT, ses flux Atom et son API, sous Licence Ouverte 2.0.',
  lead: 'Toutes les fiches publiées sont réutilisables librement, y compris à des fins commerciales, sous la Licence Ouverte 2.0 (Etalab). Les coordonnées privées des porteurs ne figurent dans aucun fichier, flux ni réponse de l’API.',
  filtered: 'Les fichiers et le flux ci-dessous suivent les filtres de votre recherche :',
  notInFiles: (what: string) =>
    `${what} ne s’applique pas aux fichiers, qui contiennent toutes les fiches correspondant aux autres filtres.`,
  textSearch: (q: string) => `La recherche par mots « ${q} »`,
  startYear: 'L’année de lancement',
  wholeCatalogue: 'Données de tout le catalogue',
  filesTitle: 'Fichiers',
  filesLead:
    'Produits à la demande à partir des fiches publiées : toujours à jour, sans pagination, encodés en UTF-8.',
  formats: {
    csv: 'Pour un tableur : une ligne par fiche, séparateur virgule, valeurs multiples séparées par « ; », dates ISO 8601 (conventions de schema.data.gouv.fr).',
    json: 'Un tableau de fiches complètes, de la même forme que l’API.',
    ndjson: 'Une fiche JSON par ligne, à lire au fil de l’eau pour les gros volumes.',
    geojson: 'Une entité par fiche, placée au centre de ses territoires, pour une carte ou un SIG.',
  },
  download: (format: string) => `Télécharger en ${format}`,
  schemasTitle: 'Schémas',
  tableSchema: 'Table Schema du CSV',
  tableSchemaHelp: 'Chaque colonne avec son titre, sa description, son type et ses contraintes.',
  jsonSchema: 'JSON Schema d’une fiche',
  jsonSchemaHelp: 'La forme des exports JSON et NDJSON et des propriétés GeoJSON.',
  definitionsTitle: 'Définitions',
  budgetBandsTitle: 'Tranches de budget',
  budgetBandsLead:
    'Le filtre « Budget total » classe le budget total déclaré d’une fiche (en euros, sur toute la durée de l’expérience) ; la borne basse est incluse, la haute exclue. Les tranches suivent la répartition des montants cités par les fiches réelles, de quelques milliers d’euros à plusieurs centaines de millions. Les fiches sans budget n’entrent dans aucune tranche.',
  territorySizeTitle: 'Taille et densité des territoires',
  territorySizeLead:
    'Les filtres « Taille du territoire » et « Densité du territoire », et la rubrique « Dans des territoires comme celui-ci », classent le premier territoire déclaré d’une fiche (commune, intercommunalité ou département ; une région n’a pas de taille). La taille est la population municipale du référentiel INSEE, par les seuils courants des publications de l’INSEE. La densité est la population divisée par la superficie (IGN Admin Express COG 2018), avec les seuils de la grille communale de densité de l’INSEE : celle-ci classe des carreaux de 1 km² (1 500 habitants par km² et plus : dense ; 300 : intermédiaire ; 25 : peu dense ; en dessous : très peu dense), nous appliquons ces seuils au territoire entier. Une commune au centre dense et au vaste espace rural ressort donc parfois une classe en dessous de la grille officielle. Les communes créées depuis 2018 n’ont pas de superficie connue, donc pas de classe de densité.',
  costTitle: 'Coût par personne touchée',
  costText:
    'Budget total de la fiche ÷ nombre de personnes touchées, arrondi à l’euro, sur toute la durée de l’expérience ; absent quand l’un des deux manque. Il dit ce que l’expérience a coûté par personne, pas ce que coûterait sa reproduction. Colonne cost_per_beneficiary_eur du CSV, champ costPerBeneficiaryEur du JSON et de l’API.',
  toVerifyTitle: 'À vérifier',
  toVerifyText:
    'Une fiche est « à vérifier » quand elle n’a jamais été confirmée ou que sa dernière vérification (last_verified_at) date de plus de 18 mois. Son porteur la confirme en un clic depuis son lien privé de modification ; le filtre toVerify=true la retrouve.',
  dcatTitle: 'Catalogue DCAT',
  dcat: 'Catalogue DCAT-AP (JSON-LD)',
  dcatHelp:
    'Décrit le jeu de données et ses distributions pour le moissonnage par data.gouv.fr ou tout catalogue.',
  feedsTitle: 'Flux Atom',
  feedAll: 'Dernières publications de tout le catalogue',
  feedFiltered: 'Dernières publications correspondant à votre recherche',
  feedsHelp:
    'Sur la page de recherche et sur chaque page de territoire, le lien « Suivre cette recherche (Atom) » donne le flux de ce que vous regardez.',
  apiTitle: 'API',
  apiDocs: 'Documentation de l’API',
  apiDocsHelp:
    'Recherche, fiches, territoires, statistiques : chaque route avec ses paramètres et un exemple.',
  openApi: 'Description OpenAPI 3.1',
  licenceTitle: 'Licence',
  licence:
    'Les données sont publiées sous la Licence Ouverte 2.0 (Etalab), compatible avec les licences CC BY 4.0 et ODC-BY. Vous pouvez les copier, les modifier et les redistribuer, à condition de mentionner leur source et la date de leur dernière mise à jour.',
  licenceLink: 'Texte de la Licence Ouverte 2.0',
  citeTitle: 'Citer',
  citeLead: 'Pour le jeu de données :',
  citation: (site: string, base: string, date: string) =>
    `${site}, catalogue des expérimentations, ${base}/donnees, consulté le ${date}. Licence Ouverte 2.0.`,
  citeRecord:
    'Pour une fiche, sa page donne une citation prête à copier (rubrique « Citer / réutiliser ») et son lien permanent.',
  links: {
    label: 'Réutiliser ces résultats',
    download: 'Télécharger ces résultats',
    follow: 'Suivre cette recherche (Atom)',
  },
  feedTitleAll: 'Expériences — dernières publications',
  feedTitle: (parts: readonly string[]) => `Expériences — ${parts.join(', ')}`,
  feedText: (q: string) => `« ${q} »`,
  feedOr: ' ou ',
}

export const openDataEn: typeof openDataFr = {
  title: 'Open data',
  description:
    'The catalogue of local digital experiments as CSV, JSON, NDJSON and GeoJSON, with its schemas, DCAT catalogue, Atom feeds and API, under the Etalab Open Licence 2.0.',
  lead: 'Every published record may be reused freely, commercially too, under the Etalab Open Licence 2.0. The leads’ private contact details are in no file, feed or API answer.',
  filtered: 'The files and the feed below follow the filters of your search:',
  notInFiles: (what: string) =>
    `${what} does not apply to the files, which hold every record matching the other filters.`,
  textSearch: (q: string) => `The keyword search “${q}”`,
  startYear: 'The start year',
  wholeCatalogue: 'Data of the whole catalogue',
  filesTitle: 'Files',
  filesLead:
    'Produced on request from the published records: always up to date, not paginated, UTF-8 encoded.',
  formats: {
    csv: 'For a spreadsheet: one row per record, comma separator, multiple values separated by “;”, ISO 8601 dates (schema.data.gouv.fr conventions).',
    json: 'An array of complete records, in the same shape as the API.',
    ndjson: 'One JSON record per line, to stream large volumes.',
    geojson: 'One feature per record, placed at the centre of its territories, for a map or a GIS.',
  },
  download: (format: string) => `Download as ${format}`,
  schemasTitle: 'Schemas',
  tableSchema: 'Table Schema of the CSV',
  tableSchemaHelp: 'Every column with its title, description, type and constraints.',
  jsonSchema: 'JSON Schema of a record',
  jsonSchemaHelp: 'The shape of the JSON and NDJSON exports and of the GeoJSON properties.',
  definitionsTitle: 'Definitions',
  budgetBandsTitle: 'Budget bands',
  budgetBandsLead:
    'The “Total budget” filter sorts the total budget a record declares (in euros, over the whole experiment); the lower bound is included, the upper one excluded. The bands follow the amounts the real records name, from a few thousand euros to several hundred million. Records without a budget are in no band.',
  territorySizeTitle: 'Territory size and density',
  territorySizeLead:
    'The “Territory size” and “Population density” filters, and the “In places like this one” section, classify the first territory a record declares (commune, intercommunality or département; a région has no size). Size is the INSEE reference population, in the thresholds INSEE’s publications commonly use. Density is the population divided by the area (IGN Admin Express COG 2018), with the thresholds of INSEE’s municipal density grid: the grid classifies 1 km² cells (1,500 inhabitants per km² and more: dense; 300: intermediate; 25: sparse; below: very sparse), we apply them to the whole territory. A commune with a dense centre and a large rural area may therefore come out one class below the official grid. Communes created since 2018 have no known area, hence no density class.',
  costTitle: 'Cost per person reached',
  costText:
    'The record’s total budget ÷ the number of people reached, rounded to the euro, over the whole experiment; absent when either is missing. It says what the experiment cost per person, not what reproducing it would cost. Column cost_per_beneficiary_eur of the CSV, field costPerBeneficiaryEur of the JSON and the API.',
  toVerifyTitle: 'To be checked',
  toVerifyText:
    'A record is “to be checked” when it was never confirmed or its last verification (last_verified_at) is more than 18 months old. Its lead confirms it in one click from their private edit link; the filter toVerify=true finds it.',
  dcatTitle: 'DCAT catalogue',
  dcat: 'DCAT-AP catalogue (JSON-LD)',
  dcatHelp:
    'Describes the dataset and its distributions for harvesting by data.gouv.fr or any catalogue.',
  feedsTitle: 'Atom feeds',
  feedAll: 'Latest publications of the whole catalogue',
  feedFiltered: 'Latest publications matching your search',
  feedsHelp:
    'On the search page and on every territory page, the “Follow this search (Atom)” link gives the feed of what you are looking at.',
  apiTitle: 'API',
  apiDocs: 'API documentation',
  apiDocsHelp:
    'Search, records, territories, statistics: every route with its parameters and an example.',
  openApi: 'OpenAPI 3.1 description',
  licenceTitle: 'Licence',
  licence:
    'The data is published under the Etalab Open Licence 2.0, compatible with CC BY 4.0 and ODC-BY. You may copy, modify and redistribute it, provided you name its source and the date it was last updated.',
  licenceLink: 'Text of the Open Licence 2.0',
  citeTitle: 'How to cite',
  citeLead: 'For the dataset:',
  citation: (site: string, base: string, date: string) =>
    `${site}, catalogue of experiments, ${base}/donnees, accessed on ${date}. Etalab Open Licence 2.0.`,
  citeRecord:
    'For one record, its page gives a citation ready to copy (“Cite / reuse”) and its permanent link.',
  links: {
    label: 'Reuse these results',
    download: 'Download these results',
    follow: 'Follow this search (Atom)',
  },
  feedTitleAll: 'Experiments — latest publications',
  feedTitle: (parts: readonly string[]) => `Experiments — ${parts.join(', ')}`,
  feedText: (q: string) => `“${q}”`,
  feedOr: ' or ',
}
