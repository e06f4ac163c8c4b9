/**
 * The DCAT-AP catalogue entry (JSON-LD) that data.gouv.fr harvests: one dataset, its four
 * distributions and the schemas they conform to.
 */
import { LICENCE, SCHEMA_PATH } from './schema'

/** The DCAT catalogue of `base`, given how many records are published and since when. */
export function dcatCatalog(
  base: string,
  { count, issued, modified }: { count: number; issued: string | null; modified: string | null }
) {
  const distribution = (format: string, mediaType: string, title: string) => ({
    '@id': `${base}/api/exports/experiments.${format}`,
    '@type': 'dcat:Distribution',
    'dct:title': title,
    'dcat:accessURL': { '@id': `${base}/api/exports/experiments.${format}` },
    'dcat:downloadURL': { '@id': `${base}/api/exports/experiments.${format}` },
    'dcat:mediaType': mediaType,
    'dct:format': format.toUpperCase(),
    'dct:license': { '@id': LICENCE.url },
    ...(format === 'csv'
      ? { 'dct:conformsTo': { '@id': `${base}${SCHEMA_PATH}/experiment.tableschema.json` } }
      : { 'dct:conformsTo': { '@id': `${base}${SCHEMA_PATH}/experiment.schema.json` } }),
  })
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
        'dct:language': 'fr',
        'dct:license': { '@id': LICENCE.url },
        'dct:rights': LICENCE.title,
        'dct:accrualPeriodicity': { '@id': 'http://purl.org/cld/freq/continuous' },
        'dct:spatial': { '@id': 'http://publications.europa.eu/resource/authority/country/FRA' },
        ...(issued ? { 'dct:issued': { '@value': issued, '@type': 'xsd:dateTime' } } : {}),
        ...(modified ? { 'dct:modified': { '@value': modified, '@type': 'xsd:dateTime' } } : {}),
        'dcat:landingPage': { '@id': `${base}/` },
        'dcat:contactPoint': {
          '@type': 'vcard:Organization',
          'vcard:fn': 'Observatoire des expérimentations numériques locales',
          'vcard:hasURL': { '@id': `${base}/api/docs` },
        },
        'dct:conformsTo': { '@id': `${base}${SCHEMA_PATH}/experiment.tableschema.json` },
        'dcat:distribution': [
          distribution('csv', 'text/csv', 'Export CSV'),
          distribution('json', 'application/json', 'Export JSON'),
          distribution('ndjson', 'application/x-ndjson', 'Export NDJSON'),
          distribution('geojson', 'application/geo+json', 'Export GeoJSON'),
        ],
      },
    ],
  }
}
