/**
 * The desk page of one actor: its status and private contact (moderators only), the
 * public page as readers would see it, its history, and the decisions allowed now.
 */
import type { Actor } from '../../../worker/domain/actor'
import type { Status } from '../../../worker/domain/experiment'
import type { ModerationAction } from '../../../worker/domain/moderation'
import type { FieldChange } from '../../../worker/domain/revision-diff'
import { ActorView } from '../ActorView'
import { Fact } from '../Fact'
import { DeskNotice } from './DeskLayout'
import { formatDateTime, STATUS_LABELS } from './labels'
import { ActionForm, ProposalSection, type FormError } from './RecordForms'

export interface ActorRecordProps {
  actor: Actor
  status: Status
  moderationNote: string | null
  privateContact: { name?: string; email?: string; phone?: string }
  revisions: { revision: number; action: string; status: string; actor: string; at: string }[]
  actions: ModerationAction[]
  csrfToken: string
  notice?: string | undefined
  error?: FormError | undefined
  values?: { reason?: string; into?: string } | undefined
  /** The owner's proposed edit of the published actor, if one waits. */
  proposal?: { id: string; at: string; changes: FieldChange[]; message: string | null } | null
}

export function ActorRecord(props: ActorRecordProps) {
  const { actor } = props
  return (
    <>
      {props.notice && <DeskNotice kind="done" text={props.notice} />}
      {props.error && !props.error.field && <DeskNotice kind="error" text={props.error.message} />}
      <p>
        <a href="/moderation">← File de modération</a>
      </p>
      <section aria-labelledby="a-etat">
        <h2 id="a-etat">État de la fiche</h2>
        <dl class="facts">
          <Fact label="Statut">{STATUS_LABELS[props.status]}</Fact>
          {props.moderationNote && <Fact label="Dernière raison">{props.moderationNote}</Fact>}
          <Fact label="Révision">{String(actor.revision)}</Fact>
          <Fact label="Reçue le">{formatDateTime(actor.createdAt)}</Fact>
          <Fact label="Contact privé">
            {[props.privateContact.name, props.privateContact.email, props.privateContact.phone]
              .filter(Boolean)
              .join(' · ')}
          </Fact>
        </dl>
      </section>
      <section aria-labelledby="a-decisions" class="desk-actions">
        <h2 id="a-decisions">Décisions</h2>
        {props.actions.map((action) => (
          <ActionForm
            action={action}
            record={actor}
            csrfToken={props.csrfToken}
            error={props.error}
            values={props.values}
            basePath="/moderation/acteurs"
          />
        ))}
      </section>
      {props.proposal && (
        <ProposalSection
          proposal={props.proposal}
          recordId={actor.id}
          basePath="/moderation/acteurs/propositions"
          csrfToken={props.csrfToken}
          error={props.error}
        />
      )}
      <section aria-labelledby="a-public" class="desk-preview">
        <h2 id="a-public">La fiche telle que les lecteurs la verront</h2>
        <ActorView actor={actor} />
      </section>
      <section aria-labelledby="a-historique">
        <h2 id="a-historique">Historique</h2>
        <ol class="desk-list">
          {props.revisions.map((r) => (
            <li>
              Révision {r.revision} — {r.action} par {r.actor}, le {formatDateTime(r.at)} (
              {STATUS_LABELS[r.status as Status] ?? r.status})
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
