/** The actors of the network an experiment names (porteur, partners), each linking to its page. */
import type { LinkedActor } from '../../worker/domain/actor-links'
import { useT } from '../i18n'

export function ExperimentActors({ actors }: { actors: readonly LinkedActor[] }) {
  const t = useT()
  const x = t.network.experimentActors
  if (actors.length === 0) return null
  return (
    <section aria-labelledby="s-acteurs" class="experiment-actors">
      <h2 id="s-acteurs">{x.title}</h2>
      <ul>
        {actors.map((a) => (
          <li>
            {a.role === 'lead' ? x.lead : x.partner} : <a href={`/acteurs/${a.slug}`}>{a.name}</a>
          </li>
        ))}
      </ul>
    </section>
  )
}
