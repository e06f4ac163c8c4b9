/**
 * `/territoires/{code}/contributeurs`: the published actors in a territory (or below it),
 * alphabetically, each with what it brought by role — recognition without a ranking.
 */
import type { Contributor } from '../../../worker/domain/actor-links'
import { ACTOR_KINDS } from '../../../worker/domain/actor-vocabularies'
import { labelOf } from '../../../worker/domain/vocabularies'
import { useT } from '../../i18n'

export function ContributorsPage({
  place,
  contributors,
}: {
  place: { code: string; name: string }
  contributors: readonly Contributor[]
}) {
  const t = useT()
  const n = t.network
  const r = n.recognition
  return (
    <>
      <h1>{n.contributors.title(place.name)}</h1>
      <p class="lead">{n.contributors.lead}</p>
      {contributors.length === 0 ? (
        <p>{n.contributors.none}</p>
      ) : (
        <ul class="contributors">
          {contributors.map((a) => (
            <li>
              <p>
                <a href={`/acteurs/${a.slug}`}>{a.name}</a> ({labelOf(ACTOR_KINDS, a.kind, t.lang)})
              </p>
              <ul class="contributions">
                {a.led > 0 && <li>{r.led(a.led)}</li>}
                {a.partnered > 0 && <li>{r.partnered(a.partnered)}</li>}
                {a.inspired > 0 && <li>{r.inspired(a.inspired)}</li>}
                {a.takenUp > 0 && <li>{r.takenUp(a.takenUp)}</li>}
                {a.replicated > 0 && <li>{r.replicated(a.replicated)}</li>}
                {a.offers > 0 && <li>{r.offers(a.offers)}</li>}
                {a.events > 0 && <li>{r.events(a.events)}</li>}
                {a.reviewed > 0 && <li>{r.reviewed(a.reviewed)}</li>}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/territoires/${place.code}`}>{place.name}</a>
      </p>
    </>
  )
}
