/**
 * What the indexes hold for one published actor: public fields only, with the labels of
 * its kind, skills, programmes and places in French and English (so « médiathèque »,
 * « public library », « ateliers » or « Brittany » find it), the list's facets and the
 * fields matching filters on. One mapping for both engines.
 */
import type { ActorContent } from '../domain/actor'
import { ACTOR_KINDS, ACTOR_PROGRAMMES, LMN_SERVICES } from '../domain/actor-vocabularies'
import type { Derived } from '../domain/experiment'
import { skillFilterValues } from '../domain/matching'
import { skillLabel } from '../domain/skills'
import { labelOf, SCOPES, type Term } from '../domain/vocabularies'
import type { ActorRow } from '../db/actors'
import { stemsOfText } from './analysis'
import { clean } from './documents'
import { regionLabels } from './lexicon'
import type { ActorDocument } from './types'

/** An actor's row and what the index also says of it, read from its links and places. */
export interface ActorSource {
  row: ActorRow
  /** Its places with every territory above (db/actor-places.ts). */
  places: readonly string[]
  /** Top themes of the published experiments it leads or partners. */
  themes: readonly string[]
  /** How many published experiments it leads or partners. */
  experiments: number
}

/** Builds the document of a published actor; throws on a row whose JSON is not an actor. */
export function toActorDocument({ row, places, themes, experiments }: ActorSource): ActorDocument {
  const content = JSON.parse(row.data) as Partial<ActorContent>
  const derived = JSON.parse(row.derived) as Partial<Derived>
  if (
    typeof content.name !== 'string' ||
    !Array.isArray(content.offers) ||
    !Array.isArray(content.needs) ||
    !Array.isArray(derived.territories) ||
    !Array.isArray(derived.regions) ||
    !Array.isArray(derived.departments)
  ) {
    throw new Error(`actor ${row.id} revision ${row.revision}: malformed data or derived JSON`)
  }
  const bilingual = (terms: readonly Term[], code: string) => [
    labelOf(terms, code),
    labelOf(terms, code, 'en'),
  ]
  const skills = [...content.offers, ...content.needs].map((e) => e.skill)
  const programmes = content.programmes ?? []
  const national = content.scope === 'national'
  const refs = [...derived.territories, ...derived.departments, ...derived.regions]
  const labels = [
    ...new Set([
      ...bilingual(ACTOR_KINDS, row.kind),
      ...skills.flatMap((code) => [skillLabel(code), skillLabel(code, 'en')]),
      ...programmes.flatMap((code) => bilingual(ACTOR_PROGRAMMES, code)),
      ...refs.map((t) => t.name),
      ...regionLabels(derived.regions.map((t) => t.code.slice(t.code.indexOf(':') + 1))),
      ...(national ? bilingual(SCOPES, 'national') : []),
    ]),
  ].map(clean)
  const body = clean(
    [
      ...[...content.offers, ...content.needs].flatMap((e) => (e.text ? [e.text] : [])),
      ...(content.mediation?.services ?? []).map((code) => labelOf(LMN_SERVICES, code)),
    ].join('\n')
  )
  const name = clean(content.name)
  const description = clean(content.description ?? '')
  return {
    id: row.id,
    slug: row.slug,
    revision: row.revision,
    name,
    description,
    labels,
    body,
    stems: stemsOfText([name, description, ...labels, body].join(' ')),
    kind: row.kind,
    offerSkills: skillFilterValues(content.offers),
    needSkills: skillFilterValues(content.needs),
    places: [...places],
    national,
    themes: [...themes],
    territories: [
      ...new Set([...(content.territories ?? []), ...refs.map((t) => t.code), ...places]),
    ],
    programmes,
    experiments,
    publishedAt: row.published_at ?? row.updated_at,
  }
}
