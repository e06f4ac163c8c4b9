/**
 * The network parts of an actor's page: its experiments (porteur or partner), what it
 * brought by role (no ranking), and « Qui a besoin de ce que j'apporte ? » — nearby
 * actors needing the skills it offers, from the search engines.
 */
import type { Contributions, LinkedExperiment, Review } from '../../worker/domain/actor-links'
import type { Match } from '../../worker/domain/matching'
import type { Replication } from '../../worker/domain/replication'
import { useT } from '../i18n'
import { MatchList } from './NetworkHelpPage'

export interface ActorNetworkProps {
  experiments: readonly LinkedExperiment[]
  /** Practices it declared it reproduced, approved. */
  replicated: readonly Replication[]
  /** Its published feedback on others' practices. */
  reviews: readonly Review[]
  contributions: Contributions
  offers: number
  /** Actors needing what it offers; null when it offers nothing yet. */
  needing: readonly Match[] | null
}

export function ActorNetwork(props: ActorNetworkProps) {
  const t = useT()
  const n = t.network
  const c = props.contributions
  const r = n.recognition
  return (
    <>
      <section aria-labelledby="s-experiences" class="actor-experiments">
        <h2 id="s-experiences">{n.linkedExperiments.title}</h2>
        {props.experiments.length === 0 ? (
          <p>{n.linkedExperiments.none}</p>
        ) : (
          <ul>
            {props.experiments.map((e) => (
              <li>
                <a href={`/experiences/${e.slug}`}>{e.title}</a> (
                {e.role === 'lead' ? n.linkedExperiments.lead : n.linkedExperiments.partner})
              </li>
            ))}
          </ul>
        )}
        <p class="help">{n.linkedExperiments.linkWith}</p>
        {props.replicated.length > 0 && (
          <>
            <h3>{n.linkedExperiments.replicatedTitle}</h3>
            <ul class="actor-replications">
              {props.replicated.map((r) => (
                <li>
                  {n.linkedExperiments.replicatedItem}{' '}
                  <a href={`/experiences/${r.source.slug}`}>{r.source.title}</a>{' '}
                  {n.linkedExperiments.replicatedIn(r.territory.name)}
                </li>
              ))}
            </ul>
          </>
        )}
        {props.reviews.length > 0 && (
          <>
            <h3>{n.linkedExperiments.reviewsTitle}</h3>
            <ul class="actor-reviews">
              {props.reviews.map((review) => (
                <li>
                  {n.linkedExperiments.reviewItem}{' '}
                  <a href={`/experiences/${review.experiment.slug}#retour-${review.id}`}>
                    {review.experiment.title}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="s-apports" class="actor-recognition">
        <h2 id="s-apports">{r.title}</h2>
        <p class="help">{r.lead}</p>
        <dl class="recognition">
          {(
            [
              [r.roles.innovator, r.led(c.led)],
              [r.roles.partner, r.partnered(c.partnered)],
              [r.roles.inspirer, r.inspired(c.inspired)],
              [r.roles.inspirer, r.takenUp(c.takenUp)],
              [r.roles.replicator, r.replicated(c.replicated)],
              [r.roles.resource, r.offers(props.offers)],
              [r.roles.organiser, r.events(c.events)],
              [r.roles.reviewer, r.reviewed(c.reviewed)],
            ] as const
          ).map(([role, count]) => (
            <div>
              <dt>{role}</dt>
              <dd>{count}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="s-besoins-proches" class="actor-reverse">
        <h2 id="s-besoins-proches">{n.reverse.title}</h2>
        {props.needing === null ? (
          <p>{n.reverse.noOffers}</p>
        ) : props.needing.length === 0 ? (
          <p>{n.reverse.none}</p>
        ) : (
          <>
            <p class="help">{n.reverse.lead}</p>
            <MatchList items={props.needing} fallback={false} direction="needs" />
          </>
        )}
      </section>
    </>
  )
}
