/**
 * The actors as open data: the whitelist of their public keys and the CSV, which follows
 * the conventions of the national "lieux de médiation numérique" standard (schema.json
 * 0.2.0): its column names where a column means the same thing (`nom`, `pivot`,
 * `code_insee`, `typologie`, `services`…), its values (the standard's own wording), `;`
 * between multiple values, ISO 8601 dates, UTF-8; then the network's own columns.
 */
import { Actor } from '../domain/actor'
import {
  ACTOR_PROGRAMMES,
  LMN_PUBLICS,
  LMN_SERVICES,
  type LmnTerm,
} from '../domain/actor-vocabularies'
import { inseeCode, territoryKind } from '../domain/territory'
import { csvLine, neutraliseFormula } from './csv'
import { keepKeys, type StreamShape } from './files'

/** An actor reduced to its published keys. */
export const publicActor = keepKeys<Actor>(Object.keys(Actor.shape))

/** The standard's values of some codes (codes without one are left out). */
const lmnValues = (terms: readonly LmnTerm[], codes: readonly string[] | undefined) =>
  (codes ?? []).flatMap((code) => terms.find((t) => t.code === code)?.lmn ?? []).join(';')

/** The columns of the actors' CSV and how each cell is read from an actor. */
export const ACTOR_CSV_COLUMNS: readonly [name: string, cell: (a: Actor) => string][] = [
  ['id', (a) => a.id],
  ['nom', (a) => a.name],
  ['pivot', (a) => a.siret ?? a.rna ?? ''],
  ['siren', (a) => a.siren ?? ''],
  [
    'commune',
    (a) => a.derived.territories.find((t) => territoryKind(t.code) === 'com')?.name ?? '',
  ],
  ['code_insee', (a) => inseeCode(a.territories.find((c) => territoryKind(c) === 'com') ?? '')],
  ['code_postal', (a) => a.address?.postcode ?? ''],
  ['adresse', (a) => a.address?.street ?? ''],
  ['typologie', (a) => (a.mediation?.typologies ?? []).join(';')],
  ['courriels', (a) => a.publicContact?.email ?? ''],
  ['site_web', (a) => a.website ?? ''],
  ['presentation_detail', (a) => a.description ?? ''],
  ['services', (a) => lmnValues(LMN_SERVICES, a.mediation?.services)],
  ['publics_specifiquement_adresses', (a) => lmnValues(LMN_PUBLICS, a.mediation?.publics)],
  ['dispositif_programmes_nationaux', (a) => lmnValues(ACTOR_PROGRAMMES, a.programmes)],
  ['date_maj', (a) => a.updatedAt.slice(0, 10)],
  // The network's own columns.
  ['type_structure', (a) => a.kind],
  ['territoires', (a) => a.territories.join(';')],
  ['programmes', (a) => (a.programmes ?? []).join(';')],
  ['competences_offertes', (a) => a.offers.map((o) => o.skill).join(';')],
  ['competences_recherchees', (a) => a.needs.map((n) => n.skill).join(';')],
  ['url', (a) => `/acteurs/${a.slug}`],
]

export const actorCsvFile: StreamShape<Actor> = {
  head: csvLine(ACTOR_CSV_COLUMNS.map(([name]) => name)),
  tail: '',
  page: (actors) =>
    actors
      .map((a) => csvLine(ACTOR_CSV_COLUMNS.map(([, cell]) => neutraliseFormula(cell(a)))))
      .join(''),
}
