/**
 * The DCAT-AP catalogue entry (JSON-LD) that data.gouv.fr harvests: the experiments and
 * the events, their distributions and the schemas they conform to.
 */
import { EVENT_TABLE_SCHEMA_PATH } from './events'
import { LICENCE, SCHEMA_PATH } from './schema'

/** How many records of a dataset are published, since when, last changed when. */
export interface DatasetDates {
  count: number
  issued: string | null
  modified: string | null
}

/** One downloadable file of a dataset, and the schema it conforms to. */
function distribution(
  base: string,
  path: string,
  name: string,
  mediaType: string,
  conformsTo: string | null
) {
  return {
    '@id': `${base}${path}`,
    '@type': 'dcat:Distribution',
    'dct:title': `Export ${name}`,
    'dcat:accessURL': { '@id': `${base}${path}` },
    'dcat:downloadURL': { '@id': `${base}${path}` },
    'dcat:mediaType': mediaType,
    'dct:format': path.slice(path.lastIndexOf('.') + 1).toUpperCase(),
    'dct:license': { '@id': LICENCE.url },
    ...(conformsTo ? { 'dct:conformsTo': { '@id': `${base}${conformsTo}` } } : {}),
  }
}

/** What every dataset of the catalogue says alike: language, licence, updates, coverage, dates. */
const datasetFields = ({ issued, modified }: DatasetDates) => ({
  'dct:language': 'fr',
  'dct:license': { '@id': LICENCE.url },
  'dct:rights': LICENCE.title,
  'dct:accrualPeriodicity': { '@id': 'http://purl.org/cld/freq/continuous' },
  'dct:spatial': { '@id': 'http://publications.europa.eu/resource/authority/country/FRA' },
  ...(issued ? { 'dct:issued': { '@value': issued, '@type': 'xsd:dateTime' } } : {}),
  ...(modified ? { 'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' } } : {}),
})

/** The DCAT catalogue of `base`, given how many records of each dataset are published. */
export function dcatCatalog(base: string, experiments: DatasetDates, events: DatasetDates) {
  const { count } = experiments
  const experimentFile = (name: string, mediaType: string) =>
    distribution(
      base,
      `/api/exports/experiments.${name.toLowerCase()}`,
      name,
      mediaType,
      name === 'CSV'
        ? `${SCHEMA_PATH}/experiment.tableschema.json`
        : `${SCHEMA_PATH}/experiment.schema.json`
    )
  const eventFile = (name: string, ext: string, mediaType: string) =>
    distribution(
      base,
      `/api/exports/events.${ext}`,
      name,
      mediaType,
      ext === 'csv' ? EVENT_TABLE_SCHEMA_PATH : null
    )
  const publisher = {
    '@type': 'vcard:Organization',
    'vcard:fn': 'Observatoire des expérimentations numériques locales',
    'vcard:hasURL': { '@id': `${base}/api/docs` },
  }
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      vcard: 'http://www.w3.org/2006/vcard/ns#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${base}/api/catalog.jsonld`,
    '@type': 'dcat:Catalog',
    'dct:title': 'Observatoire des expérimentations numériques locales',
    'dct:description':
      'Catalogue des jeux de données de l’Observatoire des expérimentations numériques locales.',
    'dct:language': 'fr',
    'foaf:homepage': { '@id': `${base}/` },
    'dct:license': { '@id': LICENCE.url },
    'dcat:dataset': [
      {
        '@id': `${base}/api/catalog.jsonld#experiments`,
        '@type': 'dcat:Dataset',
        'dct:identifier': 'experimentations-numeriques-locales',
        'dct:title': 'Expérimentations numériques des collectivités',
        'dct:description': `Fiches publiées des expérimentations numériques locales (${count} fiches) : porteur, territoires, thématiques, étape, moyens, résultats et enseignements. Données mises à jour en continu.`,
        'dcat:keyword': [
          'collectivités',
          'numérique',
          'inclusion numérique',
          'innovation publique',
          'expérimentation',
        ],
        ...datasetFields(experiments),
        'dcat:landingPage': { '@id': `${base}/` },
        'dcat:contactPoint': publisher,
        'dct:conformsTo': { '@id': `${base}${SCHEMA_PATH}/experiment.tableschema.json` },
        'dcat:distribution': [
          experimentFile('CSV', 'text/csv'),
          experimentFile('JSON', 'application/json'),
          experimentFile('NDJSON', 'application/x-ndjson'),
          experimentFile('GeoJSON', 'application/geo+json'),
        ],
      },
      {
        '@id': `${base}/api/catalog.jsonld#events`,
        '@type': 'dcat:Dataset',
        'dct:identifier': 'evenements-numerique-local',
        'dct:title': 'Événements du numérique local et ce qui en est sorti',
        'dct:description': `Agenda des événements publiés (${events.count} événements) : débats citoyens, ateliers, forums, visites de lieux… avec leurs dates (heure locale et fuseau, outre-mer compris), lieu ou lien en ligne, organisateurs, thématiques et, après coup, leur restitution (participants, idées, propositions, désaccords). Données mises à jour en continu.`,
        'dcat:keyword': [
          'agenda',
          'débat citoyen',
          'numérique',
          'inclusion numérique',
          'participation',
        ],
        ...datasetFields(events),
        'dcat:landingPage': { '@id': `${base}/evenements` },
        'dcat:contactPoint': publisher,
        'dct:conformsTo': { '@id': `${base}${EVENT_TABLE_SCHEMA_PATH}` },
        'dcat:distribution': [
          eventFile('CSV', 'csv', 'text/csv'),
          eventFile('JSON', 'json', 'application/json'),
          eventFile('GeoJSON', 'geojson', 'application/geo+json'),
          eventFile('iCalendar', 'ics', 'text/calendar'),
        ],
      },
    ],
  }
}
