/**
 * Text of the territorial statistics: the comparison page, the territory pages, their
 * charts and the France map. Counts go through `countOf` (plural rules of the language).
 */
import { frenchOf } from '../../worker/domain/territory-articles'
import { countOf } from './plural'

type Level = 'reg' | 'dep'
/** A région or département as the text names it (French needs the code for « du »/« de la »). */
type Place = { code: string; name: string }

const experimentsFr = (n: number) => countOf('fr', n, 'expérience', 'expériences')
const experimentsEn = (n: number) => countOf('en', n, 'experiment', 'experiments')

export const territoriesFr = {
  compareTitle: 'Comparer les territoires',
  compareTitleWith: (names: readonly string[]) => `Comparer : ${names.join(', ')}`,
  compareDescription:
    'Comparer les expériences numériques des régions et départements, rapportées à la population et au nombre de collectivités.',
  compareLead:
    'Les nombres bruts mesurent surtout qui a pris le temps de décrire ses expériences : ici, chaque territoire est aussi rapporté à sa population et au nombre de ses collectivités (communes et intercommunalités), et comparé à la moyenne nationale.',
  errors: {
    year: (field: 'debut' | 'fin') =>
      `${field === 'debut' ? 'Année de début' : 'Année de fin'} : saisissez une année sur 4 chiffres.`,
    yearOrder: 'L’année de début est postérieure à l’année de fin.',
    unknownTerritory: (slot: number, text: string) =>
      `Territoire ${slot} : aucune région ni aucun département ne correspond à « ${text} ».`,
    twoDifferent: 'Choisissez au moins deux territoires différents.',
  },
  form: {
    territoriesLegend: 'Territoires à comparer (2 à 4)',
    territoriesHelp:
      'Nom ou code d’une région ou d’un département : « Bretagne », « reg:53 », « dep:35 ».',
    territory: (slot: number) => `Territoire ${slot}`,
    experimentsLegend: 'Expériences prises en compte',
    theme: 'Thématique',
    allThemes: 'Toutes les thématiques',
    yearFrom: 'Démarrées à partir de (année)',
    yearTo: 'Démarrées jusqu’en (année)',
    mapLegend: 'Carte',
    measure: 'Mesure',
    level: 'Découpage',
    regions: 'Régions',
    departments: 'Départements',
    submit: 'Comparer',
  },
  measures: {
    habitants: 'Expériences pour 100 000 habitants',
    collectivites: 'Expériences pour 100 collectivités',
    nombre: 'Expériences publiées',
  },
  mapTitle: (measure: string) => `Carte : ${measure.toLowerCase()}`,
  mapCaption: (measure: string, level: Level, theme: string | null, national: string | null) =>
    `${measure}, par ${level === 'reg' ? 'région' : 'département'}${theme ? ` (${theme})` : ''}. France entière : ${national ?? 'non disponible'}.`,
  downloadLevel: (level: Level) =>
    `Télécharger les statistiques par ${level === 'reg' ? 'région' : 'département'} (CSV, UTF-8)`,
  downloadAll: (level: Level) =>
    `Télécharger les statistiques ${level === 'reg' ? 'de toutes les régions' : 'de tous les départements'} (CSV, UTF-8)`,
  scopeNational: (all: number, national: number) =>
    `France entière : ${experimentsFr(all)}, dont ${experimentsFr(national)} de portée nationale, comptées dans aucune région ni aucun département.`,
  scopeAbroad: (n: number) =>
    `Hors de France : ${experimentsFr(n)}, comptées dans aucune statistique française.`,
  results: 'Résultats',
  keyFigures: 'Chiffres clés, expériences publiées',
  measure: 'Mesure',
  notAvailable: 'non disponible',
  notAvailableShort: 'n.d.',
  notProvided: 'non renseigné',
  withRecords: (value: string, records: number) =>
    `${value} (${countOf('fr', records, 'fiche', 'fiches')})`,
  rows: {
    experiments: 'Expériences publiées',
    per100k: 'Pour 100 000 habitants',
    per100Collectivites: 'Pour 100 collectivités',
    population: 'Population',
    collectivites: 'Collectivités (communes + EPCI)',
    budget: 'Budget médian',
    peopleReached: 'Personnes touchées',
  },
  downloadComparison: 'Télécharger cette comparaison (CSV, UTF-8)',
  charts: {
    densityTitle: 'Expériences rapportées à la population et aux collectivités',
    densityDescription:
      'Plus la barre est longue, plus le territoire compte d’expériences publiées au regard de sa taille. Chaque mesure a sa propre échelle. En gris : la France entière.',
    themesTitle: 'Part des expériences par thématique',
    themesDescription:
      'Une expérience peut porter jusqu’à trois thématiques : les parts d’un territoire peuvent dépasser 100 % au total.',
    stagesTitle: 'Part des expériences par étape',
    evidenceTitle: 'Part des expériences par niveau de preuve',
    evidenceDescription: 'Du simple déclaratif (0) à l’évaluation comparative (4).',
    theme: 'Thématique',
    stage: 'Étape',
    evidence: 'Niveau de preuve',
    dataOf: (title: string) => `Données du graphique « ${title} »`,
  },
  territory: {
    description: (place: Place) =>
      `Les expériences numériques publiées ${frenchOf(place)}, comparées à la moyenne nationale.`,
    kind: (level: Level) => (level === 'reg' ? 'Région' : 'Département'),
    inhabitants: 'habitants',
    communes: 'communes',
    epci: 'intercommunalités',
    themesTitle: (name: string) =>
      `Part des expériences par thématique : ${name} et France entière`,
    themesDescription:
      'Une expérience peut porter jusqu’à trois thématiques. En gris : la France entière.',
    france: 'France entière',
    experiments: 'Expériences publiées',
    none: 'Aucune expérience publiée pour ce territoire pour l’instant.',
    submit: 'Proposer une expérience',
    since: (year: string) => `Depuis ${year}`,
    unknownStart: 'Date de démarrage inconnue',
    evidence: (label: string) => `Preuve : ${label}`,
    pagination: 'Pages d’expériences',
    first: 'Premières expériences',
    next: 'Expériences suivantes',
    profileTitle: 'Profil face à la moyenne nationale',
    profileCaption: (place: Place) => `Chiffres clés ${frenchOf(place)} et de la France entière`,
    gap: 'Écart',
    profileRows: {
      per100k: 'Expériences pour 100 000 habitants',
      per100Collectivites: 'Expériences pour 100 collectivités',
      evaluated: 'Part évaluée (niveau de preuve 2 ou plus)',
      mature: 'Part déployée ou pérennisée',
      budget: 'Budget médian',
    },
    nearAverage: 'proche de la moyenne nationale',
    timesAverage: (ratio: string) => `${ratio} fois la moyenne nationale`,
    noneHere: 'aucune ici (moyenne nationale non nulle)',
    strengthsTitle: 'Points forts et points faibles',
    noProfile: 'Pas encore d’expérience publiée : aucun profil à établir.',
    strongTitle: 'Thématiques plus présentes qu’en moyenne',
    noStrong: 'Aucune thématique nettement au-dessus de la moyenne nationale.',
    weakTitle: 'Thématiques moins présentes qu’en moyenne',
    noWeak: 'Aucune thématique nettement en dessous de la moyenne nationale.',
    profileLine: (label: string, here: string, there: string) =>
      `${label} : ${here} des expériences ici, ${there} en France`,
    profileRule:
      'Une thématique est « plus présente » quand sa part atteint 1,25 fois la part nationale (et au moins deux expériences), « moins présente » quand elle ne dépasse pas 0,75 fois une part nationale d’au moins 5 %.',
    departmentsTitle: 'Départements de la région',
    departmentsCaption: 'Expériences publiées par département',
    department: 'Département',
    experimentsColumn: 'Expériences',
  },
  map: {
    noData: 'donnée non disponible',
    range: (min: string, max: string) => `de ${min} à ${max}`,
    legendClass: 'Classe de la légende',
    areaLabel: (name: string, measure: string, value: string) => `${name}, ${measure} : ${value}`,
    dataTable: (caption: string) => `${caption} (tableau des données de la carte)`,
    area: (level: Level) => (level === 'reg' ? 'Région' : 'Département'),
    pinsTable: (title: string) => `${title} (tableau des repères de la carte)`,
    pinPlace: 'Lieu',
    pinCount: 'Expériences',
    credit:
      'Source : IGN – Admin Express COG 2018, INSEE ; mise en forme france-geojson (Licence Ouverte). Outre-mer en encarts, chacun à sa propre échelle.',
  },
}

export type TerritoriesMessages = typeof territoriesFr

export const territoriesEn: TerritoriesMessages = {
  compareTitle: 'Compare territories',
  compareTitleWith: (names) => `Compare: ${names.join(', ')}`,
  compareDescription:
    'Compare the digital experiments of régions and départements, relative to their population and number of local authorities.',
  compareLead:
    'Raw numbers mostly measure who took the time to describe their experiments: here, each territory is also related to its population and to its number of local authorities (communes and intercommunalities), and compared with the national average.',
  errors: {
    year: (field) =>
      `${field === 'debut' ? 'Start year' : 'End year'}: enter a year with 4 digits.`,
    yearOrder: 'The start year is after the end year.',
    unknownTerritory: (slot, text) =>
      `Territory ${slot}: no région or département matches “${text}”.`,
    twoDifferent: 'Choose at least two different territories.',
  },
  form: {
    territoriesLegend: 'Territories to compare (2 to 4)',
    territoriesHelp: 'Name or code of a région or a département: “Bretagne”, “reg:53”, “dep:35”.',
    territory: (slot) => `Territory ${slot}`,
    experimentsLegend: 'Experiments taken into account',
    theme: 'Theme',
    allThemes: 'All themes',
    yearFrom: 'Started from (year)',
    yearTo: 'Started until (year)',
    mapLegend: 'Map',
    measure: 'Measure',
    level: 'Areas',
    regions: 'Régions',
    departments: 'Départements',
    submit: 'Compare',
  },
  measures: {
    habitants: 'Experiments per 100,000 inhabitants',
    collectivites: 'Experiments per 100 local authorities',
    nombre: 'Published experiments',
  },
  mapTitle: (measure) => `Map: ${measure.toLowerCase()}`,
  mapCaption: (measure, level, theme, national) =>
    `${measure}, by ${level === 'reg' ? 'région' : 'département'}${theme ? ` (${theme})` : ''}. All of France: ${national ?? 'not available'}.`,
  downloadLevel: (level) =>
    `Download the statistics by ${level === 'reg' ? 'région' : 'département'} (CSV, UTF-8)`,
  downloadAll: (level) =>
    `Download the statistics of all ${level === 'reg' ? 'régions' : 'départements'} (CSV, UTF-8)`,
  scopeNational: (all, national) =>
    `All of France: ${experimentsEn(all)}, of which ${experimentsEn(national)} national in scope, counted in no région or département.`,
  scopeAbroad: (n) => `Outside France: ${experimentsEn(n)}, counted in no French statistics.`,
  results: 'Results',
  keyFigures: 'Key figures, published experiments',
  measure: 'Measure',
  notAvailable: 'not available',
  notAvailableShort: 'n/a',
  notProvided: 'not provided',
  withRecords: (value, records) => `${value} (${countOf('en', records, 'record', 'records')})`,
  rows: {
    experiments: 'Published experiments',
    per100k: 'Per 100,000 inhabitants',
    per100Collectivites: 'Per 100 local authorities',
    population: 'Population',
    collectivites: 'Local authorities (communes + EPCI)',
    budget: 'Median budget',
    peopleReached: 'People reached',
  },
  downloadComparison: 'Download this comparison (CSV, UTF-8)',
  charts: {
    densityTitle: 'Experiments relative to population and local authorities',
    densityDescription:
      'The longer the bar, the more published experiments the territory has for its size. Each measure has its own scale. In grey: all of France.',
    themesTitle: 'Share of experiments by theme',
    themesDescription:
      'An experiment may have up to three themes: a territory’s shares may add up to more than 100 %.',
    stagesTitle: 'Share of experiments by stage',
    evidenceTitle: 'Share of experiments by evidence level',
    evidenceDescription: 'From a plain statement (0) to a comparative evaluation (4).',
    theme: 'Theme',
    stage: 'Stage',
    evidence: 'Evidence level',
    dataOf: (title) => `Data of the chart “${title}”`,
  },
  territory: {
    description: ({ name }) =>
      `Digital experiments published for ${name}, compared with the national average.`,
    kind: (level) => (level === 'reg' ? 'Région' : 'Département'),
    inhabitants: 'inhabitants',
    communes: 'communes',
    epci: 'intercommunalities',
    themesTitle: (name) => `Share of experiments by theme: ${name} and all of France`,
    themesDescription: 'An experiment may have up to three themes. In grey: all of France.',
    france: 'All of France',
    experiments: 'Published experiments',
    none: 'No experiment published for this territory yet.',
    submit: 'Share an experiment',
    since: (year) => `Since ${year}`,
    unknownStart: 'Start date unknown',
    evidence: (label) => `Evidence: ${label}`,
    pagination: 'Pages of experiments',
    first: 'First experiments',
    next: 'Next experiments',
    profileTitle: 'Profile against the national average',
    profileCaption: ({ name }) => `Key figures of ${name} and of all of France`,
    gap: 'Gap',
    profileRows: {
      per100k: 'Experiments per 100,000 inhabitants',
      per100Collectivites: 'Experiments per 100 local authorities',
      evaluated: 'Share evaluated (evidence level 2 or more)',
      mature: 'Share rolled out or sustained',
      budget: 'Median budget',
    },
    nearAverage: 'close to the national average',
    timesAverage: (ratio) => `${ratio} times the national average`,
    noneHere: 'none here (national average above zero)',
    strengthsTitle: 'Strengths and weaknesses',
    noProfile: 'No published experiment yet: no profile to draw.',
    strongTitle: 'Themes more present than on average',
    noStrong: 'No theme clearly above the national average.',
    weakTitle: 'Themes less present than on average',
    noWeak: 'No theme clearly below the national average.',
    profileLine: (label, here, there) =>
      `${label}: ${here} of the experiments here, ${there} in France`,
    profileRule:
      'A theme is “more present” when its share reaches 1.25 times the national share (with at least two experiments), “less present” when it is at most 0.75 times a national share of at least 5 %.',
    departmentsTitle: 'Départements of the région',
    departmentsCaption: 'Published experiments by département',
    department: 'Département',
    experimentsColumn: 'Experiments',
  },
  map: {
    noData: 'no data available',
    range: (min, max) => `from ${min} to ${max}`,
    legendClass: 'Legend class',
    areaLabel: (name, measure, value) => `${name}, ${measure}: ${value}`,
    dataTable: (caption) => `${caption} (data table of the map)`,
    area: (level) => (level === 'reg' ? 'Région' : 'Département'),
    pinsTable: (title) => `${title} (table of the map's pins)`,
    pinPlace: 'Place',
    pinCount: 'Experiments',
    credit:
      'Source: IGN – Admin Express COG 2018, INSEE; formatted by france-geojson (Licence Ouverte / Open Licence). Overseas régions in insets, each at its own scale.',
  },
}
