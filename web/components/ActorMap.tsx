/**
 * `/acteurs`' map: the matching actors per département (the engines' `territory` facet,
 * which holds every territory above an actor's places) and a pin per listed actor that has
 * a place, linking to its page. The list stays the accessible twin; no JavaScript needed.
 */
import type { Actor } from '../../worker/domain/actor'
import type { ActorSearchResult } from '../../worker/domain/actor-search'
import { actorsHref, type ActorListQuery } from '../actor-query'
import { useT } from '../i18n'
import { recordPins } from '../map/pins'
import { countsOnEveryArea, FranceMap } from './FranceMap'

const DEPARTMENT = 'dep:'

export function ActorMap(props: {
  actors: readonly Actor[]
  query: ActorListQuery
  facets: ActorSearchResult['facets']
}) {
  const t = useT()
  const m = t.actors.map
  const counts: Record<string, number> = {}
  for (const [code, count] of Object.entries(props.facets.territory))
    if (code.startsWith(DEPARTMENT)) counts[code.slice(DEPARTMENT.length)] = count
  const values = countsOnEveryArea('dep', counts)
  const selected = (props.query.territory ?? [])
    .filter((c) => c.startsWith(DEPARTMENT))
    .map((c) => c.slice(DEPARTMENT.length))
  const pins = recordPins(
    props.actors.map((a) => ({ slug: a.slug, point: a.derived.point, actor: a }))
  ).map(({ hit, x, y }) => ({
    x,
    y,
    count: 1,
    label: hit.actor.name,
    place: hit.actor.name,
    href: `/acteurs/${encodeURIComponent(hit.slug)}`,
  }))
  return (
    <section class="map-section" aria-labelledby="carte-acteurs-titre">
      <h2 id="carte-acteurs-titre" class="map-heading">
        {m.title}
      </h2>
      <p class="help">{m.help}</p>
      <FranceMap
        id="carte-acteurs"
        level="dep"
        values={values}
        selected={selected}
        hrefFor={(code) =>
          `${actorsHref({ ...props.query, territory: [`${DEPARTMENT}${code}`] })}#carte-acteurs-titre`
        }
        caption={m.caption(pins.length)}
        legendTitle={m.legend}
        pins={pins}
        pinsTitle={m.pins}
      />
    </section>
  )
}
