/**
 * The queue's contributions on published records: declared replications (and experience
 * feedback), each with what a moderator needs to judge it and the two decisions.
 */
import type { ModeratedReplication } from '../../../worker/domain/replication'
import {
  FEEDBACK_ROLES,
  RECOMMEND_LEVELS,
  type ModeratedFeedback,
} from '../../../worker/domain/feedback'
import { REPLICATION_PROGRESS, REPLICATION_RELATIONS } from '../../../worker/domain/replication'
import { LEAD_KINDS, labelOf } from '../../../worker/domain/vocabularies'
import { formatDateTime } from './labels'
import { Hidden } from './RecordForms'

/** Approve and reject buttons, with an optional reason, posting to `action/{approuver|refuser}`. */
export function DecisionForms({
  action,
  csrfToken,
  index,
  what,
}: {
  action: string
  csrfToken: string
  index: string
  what: string
}) {
  return (
    <div class="desk-decisions">
      <form method="post" action={`${action}/approuver`}>
        <Hidden csrfToken={csrfToken} />
        <button type="submit" class="button small">
          Publier {what}
        </button>
      </form>
      <form method="post" action={`${action}/refuser`}>
        <Hidden csrfToken={csrfToken} />
        <label for={`raison-${index}`}>Motif du refus (facultatif)</label>
        <input id={`raison-${index}`} name="raison" type="text" maxlength={500} />{' '}
        <button type="submit" class="button small">
          Refuser {what}
        </button>
      </form>
    </div>
  )
}

export function ReplicationQueue({
  items,
  csrfToken,
}: {
  items: readonly ModeratedReplication[]
  csrfToken: string
}) {
  return (
    <section aria-labelledby="q-replications">
      <h2 id="q-replications">
        Reproductions déclarées <span class="count">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p class="empty">Rien en attente.</p>
      ) : (
        <ul class="desk-list">
          {items.map((r) => (
            <li>
              <p>
                <strong>{r.territory.name}</strong> ({r.territory.code}) déclare avoir reproduit{' '}
                <a href={`/experiences/${r.source.slug}`}>{r.source.title}</a> — le{' '}
                {formatDateTime(r.createdAt)}
              </p>
              <ul>
                <li>
                  Déclarant : {r.declarant.name} ({labelOf(LEAD_KINDS, r.declarant.kind)})
                </li>
                <li>
                  {labelOf(REPLICATION_RELATIONS, r.relation)},{' '}
                  {labelOf(REPLICATION_PROGRESS, r.progress).toLowerCase()}
                  {r.startDate && `, depuis ${r.startDate}`}
                </li>
                {r.actor && (
                  <li>
                    Sa structure dans le réseau :{' '}
                    <a href={`/acteurs/${r.actor.slug}`}>{r.actor.name}</a>
                  </li>
                )}
                {r.adopter && (
                  <li>
                    Sa fiche : <a href={`/experiences/${r.adopter.slug}`}>{r.adopter.title}</a>
                  </li>
                )}
                {r.link && (
                  <li>
                    Sa page : <span class="break">{r.link}</span>
                  </li>
                )}
                {r.adaptations && (
                  <li>
                    Adaptations : <q class="desk-quote">{r.adaptations}</q>
                  </li>
                )}
              </ul>
              <DecisionForms
                action={`/moderation/reproductions/${r.id}`}
                csrfToken={csrfToken}
                index={r.id}
                what="la reproduction"
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

export function FeedbackQueue({
  items,
  csrfToken,
}: {
  items: readonly ModeratedFeedback[]
  csrfToken: string
}) {
  return (
    <section aria-labelledby="q-feedback">
      <h2 id="q-feedback">
        Retours d’expérience (nouveaux ou signalés) <span class="count">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p class="empty">Rien en attente.</p>
      ) : (
        <ul class="desk-list">
          {items.map((f) => (
            <li>
              <p>
                <strong>{f.authorName}</strong> ({labelOf(FEEDBACK_ROLES, f.role)}
                {f.territory && `, ${f.territory.name}`}) sur{' '}
                <a href={`/experiences/${f.experimentSlug}`}>{f.experimentTitle}</a> — le{' '}
                {formatDateTime(f.createdAt)}
                {f.status === 'published' && ` — publié, signalé ${f.reports} fois`}
              </p>
              <ul>
                {f.actor && (
                  <li>
                    Au nom de la structure du réseau :{' '}
                    <a href={`/acteurs/${f.actor.slug}`}>{f.actor.name}</a>
                  </li>
                )}
                <li>Essayé : {f.tried}</li>
                {f.worked && <li>A marché : {f.worked}</li>}
                {f.didNotWork && <li>N’a pas marché : {f.didNotWork}</li>}
                <li>Recommande : {labelOf(RECOMMEND_LEVELS, f.recommend)}</li>
                {f.argumentsFor.length > 0 && <li>Pour : {f.argumentsFor.join(' · ')}</li>}
                {f.argumentsAgainst.length > 0 && (
                  <li>Contre : {f.argumentsAgainst.join(' · ')}</li>
                )}
              </ul>
              <DecisionForms
                action={`/moderation/retours/${f.id}`}
                csrfToken={csrfToken}
                index={f.id}
                what="le retour"
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
