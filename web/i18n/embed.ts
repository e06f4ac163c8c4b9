/**
 * Text of the embeddable view (`/integrer`), of the « Intégrer sur votre site » disclosure
 * on the search and territory pages, and of its section on `/donnees`.
 */
import { countOf } from './plural'

export const embedFr = {
  title: 'Expérimentations numériques locales',
  titleFor: (parts: readonly string[]) =>
    `Expérimentations numériques locales — ${parts.join(', ')}`,
  count: (n: number) => countOf('fr', n, 'expérience publiée', 'expériences publiées'),
  seeAll: (n: number) =>
    `Voir ${n > 1 ? 'les ' : ''}${countOf('fr', n, 'expérience', 'expériences')} sur l’observatoire`,
  newTab: ' (nouvel onglet)',
  mapTitle: 'Répartition par région',
  mapLegend: 'Expériences',
  empty: 'Aucune expérience publiée ne correspond pour l’instant.',
  unavailable: 'La recherche est momentanément indisponible ; réessayez dans quelques minutes.',
  source: 'Source :',
  description:
    'Expérimentations numériques de collectivités et de leurs partenaires, tirées de l’observatoire, sous Licence Ouverte.',
  licence: 'Licence Ouverte 2.0',
  dataUnder: 'données sous',
  unknownTerritoryTitle: 'Territoire inconnu',
  unknownTerritory: (value: string) =>
    `Le paramètre territory « ${value} » ne désigne aucune région ni aucun département du référentiel. Exemples : territory=reg:53 pour une région, territory=dep:35 pour un département.`,
  snippet: {
    summary: 'Intégrer sur votre site',
    help: 'Copiez ce code dans une page de votre site : il y affiche ces expériences (liste et carte), toujours à jour. Sans cookie ni script ; chaque fiche s’ouvre sur l’observatoire dans un nouvel onglet.',
    code: 'Code d’intégration à copier',
    preview: 'Voir l’aperçu',
  },
  data: {
    title: 'Intégrer sur votre site',
    lead: 'Une collectivité, un réseau ou un média peut afficher sur son propre site les expériences d’un territoire ou d’une thématique : une liste compacte et une carte, dans un cadre (iframe), à jour à chaque visite, sans cookie ni script.',
    params: (names: string) =>
      `L’adresse accepte les paramètres de la recherche (${names}), ainsi que territory (reg:53 pour une région, dep:35 pour un département) et lang (fr ou en). Les pages de recherche et de territoire donnent le code prêt à copier sous « Intégrer sur votre site ».`,
  },
}

export const embedEn: typeof embedFr = {
  title: 'Local digital experiments',
  titleFor: (parts: readonly string[]) => `Local digital experiments — ${parts.join(', ')}`,
  count: (n: number) => countOf('en', n, 'published experiment', 'published experiments'),
  seeAll: (n: number) =>
    `See ${n > 1 ? 'all ' : ''}${countOf('en', n, 'experiment', 'experiments')} on the observatory`,
  newTab: ' (new tab)',
  mapTitle: 'By region',
  mapLegend: 'Experiments',
  empty: 'No published experiment matches yet.',
  unavailable: 'Search is unavailable for the moment; try again in a few minutes.',
  source: 'Source:',
  description:
    'Digital experiments of French local authorities and their partners, from the observatory, under the Etalab Open Licence.',
  licence: 'Etalab Open Licence 2.0',
  dataUnder: 'data under the',
  unknownTerritoryTitle: 'Unknown territory',
  unknownTerritory: (value: string) =>
    `The territory parameter “${value}” names no region or département of the reference. Examples: territory=reg:53 for a region, territory=dep:35 for a département.`,
  snippet: {
    summary: 'Embed on your website',
    help: 'Copy this code into a page of your website: it shows these experiments there (list and map), always up to date. No cookie, no script; each record opens on the observatory in a new tab.',
    code: 'Embed code to copy',
    preview: 'Preview',
  },
  data: {
    title: 'Embed on your website',
    lead: 'A local authority, a network or a newspaper can show the experiments of a territory or a theme on its own website: a compact list and a map, in a frame (iframe), up to date at each visit, with no cookie and no script.',
    params: (names: string) =>
      `The address takes the search parameters (${names}), plus territory (reg:53 for a region, dep:35 for a département) and lang (fr or en). The search and territory pages give the code ready to copy under “Embed on your website”.`,
  },
}
