/**
 * The desk page of one record of a kind with the shared lifecycle (an actor, an event):
 * its status and private contact (moderators only), the decisions allowed now, what waits
 * besides (an owner's proposed edit, an organiser's change), the public page as readers
 * would see it, and its history.
 */
import type { Child } from 'hono/jsx'
import type { Status } from '../../../worker/domain/experiment'
import type { ModerationAction } from '../../../worker/domain/moderation'
import { Fact } from '../Fact'
import { DeskNotice } from './DeskLayout'
import { auditLabel, formatDateTime, STATUS_LABELS } from './labels'
import { ActionForm, type FormError } from './RecordForms'

export interface LifecycleRecordProps {
  record: { id: string; revision: number; createdAt: string }
  status: Status
  moderationNote: string | null
  privateContact: { name?: string; email?: string; phone?: string }
  revisions: { revision: number; action: string; status: string; actor: string; at: string }[]
  actions: ModerationAction[]
  csrfToken: string
  /** The desk address of the record's kind (`/moderation/acteurs`). */
  basePath: string
  /** The public page as readers will see it. */
  preview: Child
  /** What else waits on this record (a proposed edit), after the decisions. */
  pending?: Child
  notice?: string | undefined
  error?: FormError | undefined
  values?: { reason?: string; into?: string } | undefined
}

export function LifecycleRecord(props: LifecycleRecordProps) {
  const { record } = props
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
          <Fact label="Révision">{String(record.revision)}</Fact>
          <Fact label="Reçue le">{formatDateTime(record.createdAt)}</Fact>
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
            record={record}
            csrfToken={props.csrfToken}
            error={props.error}
            values={props.values}
            basePath={props.basePath}
          />
        ))}
      </section>
      {props.pending}
      <section aria-labelledby="a-public" class="desk-preview">
        <h2 id="a-public">La fiche telle que les lecteurs la verront</h2>
        {props.preview}
      </section>
      <section aria-labelledby="a-historique">
        <h2 id="a-historique">Historique</h2>
        <ol class="desk-list">
          {props.revisions.map((r) => (
            <li>
              Révision {r.revision} — {auditLabel(r.action)} par {r.actor}, le{' '}
              {formatDateTime(r.at)} ({STATUS_LABELS[r.status as Status] ?? r.status})
            </li>
          ))}
        </ol>
      </section>
    </>
  )
}
