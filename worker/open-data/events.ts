/**
 * The events as open data: the whitelist of their public keys, the CSV (one row per
 * event, columns named after the API's fields in snake case like the experiments' export,
 * each documented once here) and the Table Schema generated from the same column list, so
 * the file and its documentation cannot drift apart.
 */
import { Event } from '../domain/event'
import { csvLine, neutraliseFormula } from './csv'
import { keepKeys, type StreamShape } from './files'
import { LICENCE, SCHEMA_PATH } from './schema'

/** An event reduced to its published keys. */
export const publicEvent = keepKeys<Event>(Object.keys(Event.shape))

const LIST = 'Valeurs multiples séparées par des points-virgules.'
const JSON_CELL = 'Tableau JSON dans la cellule.'

interface EventColumn {
  name: string
  title: string
  description: string
  type: 'string' | 'integer' | 'datetime' | 'array'
  required?: boolean
  /** Table Schema constraints beyond `required`. */
  enum?: readonly string[]
  cell: (e: Event) => string | number | undefined | null
}

const list = (values: readonly string[] | undefined) => (values ?? []).join(';')
const json = (values: readonly unknown[] | undefined) =>
  values && values.length > 0 ? JSON.stringify(values) : ''
const placeName = (e: Event) => e.derived.territories.find((t) => t.code === e.place?.commune)?.name

/** The CSV's columns, in file order. */
export const EVENT_CSV_COLUMNS: readonly EventColumn[] = [
  {
    name: 'id',
    title: 'Identifiant',
    description: 'Identifiant stable de l’événement (ULID), jamais réutilisé.',
    type: 'string',
    required: true,
    cell: (e) => e.id,
  },
  {
    name: 'slug',
    title: 'Identifiant lisible',
    description: 'Fragment d’adresse de sa page : /evenements/{slug}.',
    type: 'string',
    required: true,
    cell: (e) => e.slug,
  },
  {
    name: 'title',
    title: 'Titre',
    description: 'Titre de l’événement.',
    type: 'string',
    required: true,
    cell: (e) => e.title,
  },
  {
    name: 'kind',
    title: 'Type',
    description:
      'Débat citoyen, atelier, conférence, forum, formation, visite, hackathon, rencontre, webinaire (codes).',
    type: 'string',
    required: true,
    cell: (e) => e.kind,
  },
  {
    name: 'description',
    title: 'Description',
    description: 'Ce qui s’y passe, pour qui.',
    type: 'string',
    required: true,
    cell: (e) => e.description,
  },
  {
    name: 'starts_at',
    title: 'Début (heure locale)',
    description:
      'Date et heure de début, heure locale du lieu (AAAA-MM-JJTHH:MM), dans le fuseau time_zone.',
    type: 'string',
    required: true,
    cell: (e) => e.startsAt,
  },
  {
    name: 'ends_at',
    title: 'Fin (heure locale)',
    description: 'Date et heure de fin, heure locale du lieu.',
    type: 'string',
    required: true,
    cell: (e) => e.endsAt,
  },
  {
    name: 'time_zone',
    title: 'Fuseau horaire',
    description: 'Fuseau IANA du lieu (Europe/Paris, Indian/Reunion, America/Cayenne…).',
    type: 'string',
    required: true,
    cell: (e) => e.timeZone,
  },
  {
    name: 'starts_at_utc',
    title: 'Début (UTC)',
    description: 'Instant de début en UTC (ISO 8601).',
    type: 'datetime',
    required: true,
    cell: (e) => e.startsAtUtc,
  },
  {
    name: 'ends_at_utc',
    title: 'Fin (UTC)',
    description: 'Instant de fin en UTC (ISO 8601).',
    type: 'datetime',
    required: true,
    cell: (e) => e.endsAtUtc,
  },
  {
    name: 'attendance',
    title: 'Participation',
    description: 'on-site (sur place), online (en ligne) ou hybrid (les deux).',
    type: 'string',
    required: true,
    enum: ['on-site', 'online', 'hybrid'],
    cell: (e) => e.attendance,
  },
  {
    name: 'place_venue',
    title: 'Lieu',
    description: 'Nom du lieu.',
    type: 'string',
    cell: (e) => e.place?.venue,
  },
  {
    name: 'place_address_street',
    title: 'Adresse',
    description: 'Numéro et voie du lieu.',
    type: 'string',
    cell: (e) => e.place?.address?.street,
  },
  {
    name: 'place_address_postcode',
    title: 'Code postal',
    description: 'Code postal du lieu.',
    type: 'string',
    cell: (e) => e.place?.address?.postcode,
  },
  {
    name: 'place_commune',
    title: 'Commune (code)',
    description: 'Code typé de la commune du lieu : com:35238.',
    type: 'string',
    cell: (e) => e.place?.commune,
  },
  {
    name: 'place_commune_name',
    title: 'Commune',
    description: 'Nom de la commune du lieu (référentiel des territoires).',
    type: 'string',
    cell: placeName,
  },
  {
    name: 'online_url',
    title: 'Lien en ligne',
    description: 'Adresse pour participer en ligne.',
    type: 'string',
    cell: (e) => e.onlineUrl,
  },
  {
    name: 'territory',
    title: 'Territoire concerné',
    description:
      'Code typé du territoire concerné (com:, epci:, dep:, reg:), s’il diffère de la commune du lieu.',
    type: 'string',
    cell: (e) => e.territory,
  },
  {
    name: 'derived_departments_codes',
    title: 'Départements (codes)',
    description: `Codes typés des départements concernés. ${LIST}`,
    type: 'string',
    cell: (e) => list(e.derived.departments.map((t) => t.code)),
  },
  {
    name: 'derived_regions_codes',
    title: 'Régions (codes)',
    description: `Codes typés des régions concernées. ${LIST}`,
    type: 'string',
    cell: (e) => list(e.derived.regions.map((t) => t.code)),
  },
  {
    name: 'organiser_name',
    title: 'Organisateur',
    description: 'Qui organise, tel qu’annoncé.',
    type: 'string',
    required: true,
    cell: (e) => e.organiserName,
  },
  {
    name: 'organisers',
    title: 'Organisateurs (fiches acteurs)',
    description: `Identifiants des fiches acteurs qui organisent (/acteurs/{id}). ${LIST}`,
    type: 'string',
    cell: (e) => list(e.organisers),
  },
  {
    name: 'themes',
    title: 'Thématiques',
    description: `Codes des thématiques (mediation, mediation.itinerance…). ${LIST}`,
    type: 'string',
    required: true,
    cell: (e) => list(e.themes),
  },
  {
    name: 'audiences',
    title: 'Publics',
    description: `Codes des publics visés. ${LIST}`,
    type: 'string',
    cell: (e) => list(e.audiences),
  },
  {
    name: 'price',
    title: 'Tarif',
    description: 'free (gratuit) ou paid (payant).',
    type: 'string',
    required: true,
    enum: ['free', 'paid'],
    cell: (e) => e.price,
  },
  {
    name: 'price_note',
    title: 'Précision sur le tarif',
    description: 'Montant, conditions.',
    type: 'string',
    cell: (e) => e.priceNote,
  },
  {
    name: 'registration_url',
    title: 'Inscription',
    description: 'Adresse d’inscription.',
    type: 'string',
    cell: (e) => e.registrationUrl,
  },
  {
    name: 'access',
    title: 'Accessibilité',
    description: `Codes : step-free (fauteuil roulant), hearing-loop (boucle magnétique), sign-language (LSF), easy-read (FALC), captions (sous-titrage). ${LIST}`,
    type: 'string',
    cell: (e) => list(e.access),
  },
  {
    name: 'access_note',
    title: 'Précisions d’accessibilité',
    description: 'Informations d’accessibilité en texte libre.',
    type: 'string',
    cell: (e) => e.accessNote,
  },
  {
    name: 'public_contact_email',
    title: 'Contact public',
    description: 'Adresse de contact publiée par l’organisateur.',
    type: 'string',
    cell: (e) => e.publicContact?.email,
  },
  {
    name: 'restitution_participants',
    title: 'Participants',
    description: 'Nombre de participants, d’après la restitution.',
    type: 'integer',
    cell: (e) => e.restitution?.participants,
  },
  {
    name: 'restitution_summary',
    title: 'Ce qui en est sorti',
    description: 'Résumé de la restitution.',
    type: 'string',
    cell: (e) => e.restitution?.summary,
  },
  {
    name: 'restitution_ideas',
    title: 'Idées',
    description: `Les idées principales. ${JSON_CELL}`,
    type: 'array',
    cell: (e) => json(e.restitution?.ideas),
  },
  {
    name: 'restitution_proposals',
    title: 'Propositions',
    description: `Les propositions. ${JSON_CELL}`,
    type: 'array',
    cell: (e) => json(e.restitution?.proposals),
  },
  {
    name: 'restitution_disagreements',
    title: 'Désaccords',
    description: `Les désaccords exprimés. ${JSON_CELL}`,
    type: 'array',
    cell: (e) => json(e.restitution?.disagreements),
  },
  {
    name: 'restitution_experiments',
    title: 'Expériences présentées ou inspirées',
    description: `[{"experimentId", "relation"}], relation presented ou inspired. ${JSON_CELL}`,
    type: 'array',
    cell: (e) => json(e.restitution?.experiments),
  },
  {
    name: 'restituted_at',
    title: 'Date de la restitution',
    description: 'Quand la restitution a été publiée (ISO 8601).',
    type: 'datetime',
    cell: (e) => e.restitutedAt,
  },
  {
    name: 'revision',
    title: 'Révision',
    description: 'Numéro de révision (SEQUENCE de l’iCalendar).',
    type: 'integer',
    required: true,
    cell: (e) => e.revision,
  },
  {
    name: 'published_at',
    title: 'Date de publication',
    description: 'Première publication (ISO 8601).',
    type: 'datetime',
    cell: (e) => e.publishedAt,
  },
  {
    name: 'updated_at',
    title: 'Date de mise à jour',
    description: 'Dernière modification (ISO 8601).',
    type: 'datetime',
    required: true,
    cell: (e) => e.updatedAt,
  },
]

export const eventCsvFile: StreamShape<Event> = {
  head: csvLine(EVENT_CSV_COLUMNS.map((c) => c.name)),
  tail: '',
  page: (events) =>
    events
      .map((e) =>
        csvLine(
          EVENT_CSV_COLUMNS.map((c) => {
            const value = c.cell(e)
            if (value === undefined || value === null) return ''
            return typeof value === 'number' ? String(value) : neutraliseFormula(value)
          })
        )
      )
      .join(''),
}

export const EVENT_TABLE_SCHEMA_PATH = `${SCHEMA_PATH}/event.tableschema.json`

/** The frictionless Table Schema of the events' CSV. */
export function eventTableSchema(baseUrl: string) {
  return {
    $schema: 'https://frictionlessdata.io/schemas/table-schema.json',
    name: 'evenements-numerique-local',
    title: 'Événements du numérique local',
    description:
      'Événements publiés sur l’agenda de l’Observatoire (débats citoyens, ateliers, forums…) et ce qui en est sorti. CSV en UTF-8, séparateur virgule, valeurs multiples séparées par des points-virgules, listes de textes en tableau JSON, dates ISO 8601, cellules vides pour les valeurs absentes ; une cellule de texte qui commencerait par =, +, -, @ est précédée d’une apostrophe. Les coordonnées privées ne sont jamais publiées.',
    version: '1.0.0',
    homepage: `${baseUrl}/api/docs`,
    path: `${baseUrl}/api/exports/events.csv`,
    licenses: [{ name: LICENCE.id, title: LICENCE.title, path: LICENCE.url }],
    missingValues: [''],
    primaryKey: 'id',
    fields: EVENT_CSV_COLUMNS.map((c) => ({
      name: c.name,
      title: c.title,
      description: c.description,
      type: c.type,
      ...(c.type === 'datetime' ? { format: 'default' } : {}),
      ...(c.required || c.enum
        ? {
            constraints: {
              ...(c.required ? { required: true } : {}),
              ...(c.enum ? { enum: [...c.enum] } : {}),
            },
          }
        : {}),
    })),
  }
}
