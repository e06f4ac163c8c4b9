/**
 * The pieces of the moderation record page that post or show changes: the hidden CSRF and
 * revision fields, field-level error messages, the field-by-field diff table and the
 * decision form of one action.
 */
import type { ModerationAction } from '../../../worker/domain/moderation'
import type { FieldChange } from '../../../worker/domain/revision-diff'
import { valueText } from '../../value-text'
import type { Status } from '../../../worker/domain/experiment'
import {
  ACTION_LABELS,
  ACTION_SLUGS,
  formatDateTime,
  reportReasonLabel,
  STATUS_LABELS,
} from './labels'
import { TableRegion } from '../TableRegion'

export interface FormError {
  /** The form the error belongs to (an action, `proposal-reject`…), or none: page-level. */
  form?: string
  field?: 'reason' | 'into'
  message: string
}

export function Hidden({ csrfToken, revision }: { csrfToken: string; revision?: number }) {
  return (
    <>
      <input type="hidden" name="_csrf" value={csrfToken} />
      {revision !== undefined && <input type="hidden" name="revision" value={String(revision)} />}
    </>
  )
}

export function FieldMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="field-error" id={id}>
      {error}
    </p>
  ) : null
}

export function DiffTable({ changes, caption }: { changes: FieldChange[]; caption: string }) {
  if (changes.length === 0) return <p class="empty">Aucune différence de contenu.</p>
  return (
    <TableRegion label={caption}>
      <table class="desk-table desk-diff">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Champ</th>
            <th scope="col">Version publiée</th>
            <th scope="col">Nouvelle version</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr>
              <th scope="row">{c.label.fr}</th>
              <td>
                {valueText(c.before, 'fr', c.field) ? (
                  <del>{valueText(c.before, 'fr', c.field)}</del>
                ) : (
                  <em>(vide)</em>
                )}
              </td>
              <td>
                {valueText(c.after, 'fr', c.field) ? (
                  <ins>{valueText(c.after, 'fr', c.field)}</ins>
                ) : (
                  <em>(vide)</em>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

const REASON_HELP: Partial<Record<ModerationAction, string>> = {
  reject: 'Obligatoire ; conservée dans l’historique et le journal.',
  'request-changes': 'Message destiné au porteur : dites précisément quoi compléter.',
  unpublish: 'Obligatoire ; la fiche quitte le site et la recherche.',
  delete: 'Obligatoire ; la fiche reste restaurable depuis la corbeille.',
  restore: 'Facultatif.',
  merge: 'Facultatif.',
}

export function ActionForm(props: {
  action: ModerationAction
  record: { id: string; revision: number }
  csrfToken: string
  error?: FormError | undefined
  values?: { reason?: string; into?: string } | undefined
  /** The desk address of the record's kind (actors: `/moderation/acteurs`). */
  basePath?: string
}) {
  const { action, record } = props
  const slug = ACTION_SLUGS[action]
  const mine = props.error?.form === action ? props.error : undefined
  const reasonError = mine?.field === 'reason' ? mine.message : undefined
  const intoError = mine?.field === 'into' ? mine.message : undefined
  const reasonId = `raison-${slug}`
  const intoId = `cible-${slug}`
  const needsReason = action !== 'approve'
  return (
    <form
      method="post"
      action={`${props.basePath ?? '/moderation/experiences'}/${record.id}/${slug}`}
      class={`desk-action desk-action-${slug}`}
      aria-labelledby={`titre-${slug}`}
    >
      <h3 id={`titre-${slug}`}>{ACTION_LABELS[action]}</h3>
      <Hidden csrfToken={props.csrfToken} revision={record.revision} />
      {action === 'merge' && (
        <div class={`field${intoError ? ' has-error' : ''}`}>
          <label for={intoId}>Identifiant de la fiche qui reste</label>
          <p class="help" id={`${intoId}-aide`}>
            26 caractères, visible dans l’adresse de sa page de modération.
          </p>
          <FieldMessage id={`${intoId}-erreur`} error={intoError} />
          <input
            id={intoId}
            name="cible"
            type="text"
            required
            maxlength={26}
            value={mine ? (props.values?.into ?? '') : ''}
            aria-describedby={[intoError ? `${intoId}-erreur` : '', `${intoId}-aide`]
              .join(' ')
              .trim()}
            aria-invalid={intoError ? 'true' : undefined}
          />
        </div>
      )}
      {needsReason && (
        <div class={`field${reasonError ? ' has-error' : ''}`}>
          <label for={reasonId}>
            {action === 'request-changes' ? 'Message au porteur' : 'Raison'}
          </label>
          <p class="help" id={`${reasonId}-aide`}>
            {REASON_HELP[action]}
          </p>
          <FieldMessage id={`${reasonId}-erreur`} error={reasonError} />
          <textarea
            id={reasonId}
            name="raison"
            rows={3}
            maxlength={2000}
            required={action !== 'restore' && action !== 'merge'}
            aria-describedby={[reasonError ? `${reasonId}-erreur` : '', `${reasonId}-aide`]
              .join(' ')
              .trim()}
            aria-invalid={reasonError ? 'true' : undefined}
          >
            {mine ? (props.values?.reason ?? '') : ''}
          </textarea>
        </div>
      )}
      <p class="actions">
        <button
          type="submit"
          class={`button${action === 'approve' || action === 'restore' ? ' primary' : ''}`}
        >
          {ACTION_LABELS[action]}
        </button>
      </p>
    </form>
  )
}

/** An owner's proposed edit of a published record: the diff, then publish or refuse (with a reason). */
export function ProposalSection({
  proposal,
  recordId,
  basePath,
  csrfToken,
  error,
}: {
  proposal: { id: string; at: string; changes: FieldChange[]; message: string | null }
  recordId: string
  /** Where the decisions post: `{basePath}/{id}/approuver|refuser`. */
  basePath: string
  csrfToken: string
  error?: FormError | undefined
}) {
  return (
    <section aria-labelledby="proposition-titre" id="proposition" class="box">
      <h2 id="proposition-titre">Modification proposée le {formatDateTime(proposal.at)}</h2>
      {proposal.message && (
        <figure class="owner-reply">
          <figcaption>Message du porteur (jamais publié) :</figcaption>
          <blockquote>
            <p>{proposal.message}</p>
          </blockquote>
        </figure>
      )}
      <DiffTable changes={proposal.changes} caption="Proposition comparée à la version publiée" />
      <form method="post" action={`${basePath}/${proposal.id}/approuver`}>
        <Hidden csrfToken={csrfToken} />
        <input type="hidden" name="fiche" value={recordId} />
        <p class="actions">
          <button type="submit" class="button primary">
            Publier la modification
          </button>
        </p>
      </form>
      <form method="post" action={`${basePath}/${proposal.id}/refuser`}>
        <Hidden csrfToken={csrfToken} />
        <input type="hidden" name="fiche" value={recordId} />
        <div class={`field${error?.form === 'proposal-reject' ? ' has-error' : ''}`}>
          <label for="raison-proposition">Raison du refus de la modification</label>
          <FieldMessage
            id="raison-proposition-erreur"
            error={error?.form === 'proposal-reject' ? error.message : undefined}
          />
          <textarea
            id="raison-proposition"
            name="raison"
            rows={2}
            maxlength={2000}
            required
            aria-describedby={
              error?.form === 'proposal-reject' ? 'raison-proposition-erreur' : undefined
            }
            aria-invalid={error?.form === 'proposal-reject' ? 'true' : undefined}
          ></textarea>
        </div>
        <p class="actions">
          <button type="submit" class="button">
            Refuser la modification
          </button>
        </p>
      </form>
    </section>
  )
}

/** A record's open reports, each with a form to close it (and say what was done). */
export function ReportsSection({
  reports,
  recordId,
  basePath,
  csrfToken,
}: {
  reports: readonly { id: string; reason: string; message: string; at: string }[]
  recordId: string
  /** Where the closures post: `{basePath}/{report id}/clore`. */
  basePath: string
  csrfToken: string
}) {
  if (reports.length === 0) return null
  return (
    <section aria-labelledby="signalements-titre" id="signalements">
      <h2 id="signalements-titre">Signalements ouverts</h2>
      <ul class="desk-list">
        {reports.map((r, i) => (
          <li>
            <p>
              {formatDateTime(r.at)} — <strong>{reportReasonLabel(r.reason)}</strong>
              {r.message && <q class="desk-quote">{r.message}</q>}
            </p>
            <form method="post" action={`${basePath}/${r.id}/clore`}>
              <Hidden csrfToken={csrfToken} />
              <input type="hidden" name="fiche" value={recordId} />
              <label for={`resolution-${i}`}>Suite donnée (facultatif)</label>
              <input id={`resolution-${i}`} name="raison" type="text" maxlength={500} />{' '}
              <button type="submit" class="button small">
                Clore le signalement
              </button>
            </form>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Other records that may be the same (same identifier, same name in the same place). */
export function PossibleDuplicates({
  duplicates,
}: {
  duplicates: readonly { id: string; name: string; status: Status; why: string }[]
}) {
  if (duplicates.length === 0) return null
  return (
    <section aria-labelledby="a-doublons" id="doublons">
      <h2 id="a-doublons">Doublons possibles</h2>
      <ul class="desk-list">
        {duplicates.map((d) => (
          <li>
            <a href={`/moderation/acteurs/${d.id}`}>{d.name}</a> ({STATUS_LABELS[d.status]}) —{' '}
            {d.why}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The owner's answer to a request for changes, next to what the moderators asked. */
export function OwnerReplySection({ reply }: { reply: { message: string; at: string } }) {
  return (
    <section aria-labelledby="reponse-porteur" class="box important">
      <h2 id="reponse-porteur">
        Réponse du porteur, le {formatDateTime(reply.at)} (jamais publiée)
      </h2>
      <blockquote>
        <p>{reply.message}</p>
      </blockquote>
    </section>
  )
}
