/**
 * The organiser's change waiting on a published event (its announcement edited, or what
 * came out of it added): the event as it would read once applied, the organiser's message,
 * and the two decisions — apply it, or turn it down with a reason the organiser receives.
 */
import type { Child } from 'hono/jsx'
import { formatDateTime } from './labels'
import { FieldMessage, Hidden } from './RecordForms'

export function EventProposal(props: {
  id: string
  proposedAt: string
  message: string | undefined
  /** The event as it would read once the change is applied. */
  preview: Child
  csrfToken: string
  error?: string | undefined
}) {
  const base = `/moderation/evenements/${props.id}/modification`
  return (
    <section aria-labelledby="a-modification" class="desk-proposal">
      <h2 id="a-modification">Modification de l’organisateur à relire</h2>
      <p>
        Proposée le {formatDateTime(props.proposedAt)}. La version publiée reste en ligne d’ici là.
      </p>
      {props.message && (
        <blockquote>
          <p>{props.message}</p>
        </blockquote>
      )}
      <form method="post" action={`${base}/publier`} class="desk-action">
        <Hidden csrfToken={props.csrfToken} />
        <button type="submit" class="button primary">
          Publier la modification
        </button>
      </form>
      <form method="post" action={`${base}/refuser`} class="desk-action">
        <Hidden csrfToken={props.csrfToken} />
        <div class={`field${props.error ? ' has-error' : ''}`}>
          <label for="raison-modification">Raison du refus (envoyée à l’organisateur)</label>
          <FieldMessage id="raison-modification-erreur" error={props.error} />
          <textarea
            id="raison-modification"
            name="raison"
            rows={3}
            aria-describedby={props.error ? 'raison-modification-erreur' : undefined}
            aria-invalid={props.error ? 'true' : undefined}
          ></textarea>
        </div>
        <button type="submit" class="button">
          Refuser la modification
        </button>
      </form>
      <details>
        <summary>L’événement une fois la modification publiée</summary>
        {props.preview}
      </details>
    </section>
  )
}
