/**
 * `/moderation/experiences/{id}`: one record as moderators see it — status, private
 * contact, the whole record rendered like its public page (so a first submission is
 * never approved on its title alone), what changed against the published version (field by field), pending edit
 * proposal and reports, the decision forms allowed from the current state, and the
 * record's history. Every form posts the session's CSRF token and the revision shown, so
 * a decision taken on a stale page is refused instead of applied to something unseen.
 */
import type { Experiment, Status } from '../../../worker/domain/experiment'
import type { ModerationAction } from '../../../worker/domain/moderation'
import { DeskNotice } from './DeskLayout'
import { ExperimentIntro, ExperimentSections } from '../ExperimentView'
import type { FieldChange } from '../../../worker/domain/revision-diff'
import {
  ActionForm,
  DiffTable,
  FieldMessage,
  Hidden,
  OwnerReplySection,
  ProposalSection,
  ReportsSection,
  type FormError,
} from './RecordForms'
import { auditLabel, formatDateTime, statusLabel, STATUS_LABELS } from './labels'
import { TableRegion } from '../TableRegion'

export interface RecordSummary {
  id: string
  slug: string
  title: string
  lead: string
  status: Status
  statusBeforeDelete: Status | null
  deletedAt: string | null
  deletedBy: string | null
  mergedInto: string | null
  moderationNote: string | null
  revision: number
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  privateContact: Record<string, unknown>
}

export interface RecordViewProps {
  record: RecordSummary
  /** The whole current content, rendered with the public page's sections. */
  experiment: Experiment
  csrfToken: string
  actions: ModerationAction[]
  /** Against the last published revision (re-submissions), or null for a first submission. */
  diff: { baseRevision: number; changes: FieldChange[] } | null
  proposal: { id: string; at: string; changes: FieldChange[]; message: string | null } | null
  /** The owner's latest answer to a request for changes (private). */
  ownerReply: { message: string; at: string } | null
  reports: { id: string; reason: string; message: string; at: string }[]
  revisions: {
    revision: number
    action: string
    status: string
    actor: string
    reason: string | null
    at: string
  }[]
  audit: { at: string; actor: string; action: string; reason: string | null }[]
  notice?: string
  error?: FormError
  values?: { reason?: string; into?: string }
}

const CONTACT_LABELS: Record<string, string> = {
  name: 'Nom',
  email: 'Courriel',
  phone: 'Téléphone',
  role: 'Fonction',
}

export function RecordView(props: RecordViewProps) {
  const { record } = props
  const pageError = props.error && !props.error.field ? props.error : undefined
  const contact = Object.entries(props.record.privateContact).filter(
    ([, v]) => typeof v === 'string' && v !== ''
  )
  return (
    <>
      <p class="desk-breadcrumb">
        <a href="/moderation">← File de modération</a>
      </p>
      <h1>{record.title}</h1>
      {props.notice && <DeskNotice kind="done" text={props.notice} />}
      {pageError && <DeskNotice kind="error" text={pageError.message} />}

      <dl class="facts desk-facts">
        <div>
          <dt>Statut</dt>
          <dd>{statusLabel(record.status, record.deletedAt ? record.statusBeforeDelete : null)}</dd>
        </div>
        <div>
          <dt>Porteur</dt>
          <dd>{record.lead}</dd>
        </div>
        <div>
          <dt>Reçue le</dt>
          <dd>{formatDateTime(record.createdAt)}</dd>
        </div>
        <div>
          <dt>Dernière modification</dt>
          <dd>
            {formatDateTime(record.updatedAt)} (révision {record.revision})
          </dd>
        </div>
        {record.publishedAt && (
          <div>
            <dt>Première publication</dt>
            <dd>{formatDateTime(record.publishedAt)}</dd>
          </div>
        )}
        {record.deletedAt && (
          <div>
            <dt>Supprimée</dt>
            <dd>
              {formatDateTime(record.deletedAt)} par {record.deletedBy}
            </dd>
          </div>
        )}
        {record.mergedInto && (
          <div>
            <dt>Fusionnée dans</dt>
            <dd>
              <a href={`/moderation/experiences/${record.mergedInto}`}>{record.mergedInto}</a>
            </dd>
          </div>
        )}
        {record.moderationNote && (
          <div>
            <dt>Dernière note de modération</dt>
            <dd>{record.moderationNote}</dd>
          </div>
        )}
        <div>
          <dt>Identifiant</dt>
          <dd>
            <code>{record.id}</code>
          </dd>
        </div>
      </dl>
      {record.status === 'published' && (
        <p>
          <a href={`/experiences/${record.slug}`}>Voir la page publique</a>
        </p>
      )}

      {props.ownerReply && <OwnerReplySection reply={props.ownerReply} />}

      <section aria-labelledby="contact" class="box important desk-private">
        <h2 id="contact">
          <span class="badge private">Privé</span> Contact du porteur — jamais publié
        </h2>
        <p class="help">
          Réservé à la modération : n’apparaît ni sur la page publique, ni dans la recherche, ni
          dans les exports.
        </p>
        {contact.length === 0 ? (
          <p>Aucun.</p>
        ) : (
          <dl class="facts compact">
            {contact.map(([key, value]) => (
              <div>
                <dt>{CONTACT_LABELS[key] ?? key}</dt>
                <dd>{String(value)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section aria-labelledby="differences">
        <h2 id="differences">Différences avec la version publiée</h2>
        {props.diff ? (
          <DiffTable
            changes={props.diff.changes}
            caption={`Contenu actuel comparé à la révision publiée n° ${props.diff.baseRevision}`}
          />
        ) : (
          <p class="empty">Première proposition : aucune version publiée à comparer.</p>
        )}
      </section>

      <section aria-labelledby="fiche" class="desk-record experiment">
        <h2 id="fiche">
          {props.diff ? 'Fiche complète (version actuelle)' : 'Fiche telle qu’elle sera publiée'}
        </h2>
        <ExperimentIntro experiment={props.experiment} />
        <ExperimentSections experiment={props.experiment} />
      </section>

      {props.proposal && (
        <ProposalSection
          proposal={props.proposal}
          recordId={record.id}
          basePath="/moderation/propositions"
          csrfToken={props.csrfToken}
          error={props.error}
        />
      )}

      <ReportsSection
        reports={props.reports}
        recordId={record.id}
        basePath="/moderation/signalements"
        csrfToken={props.csrfToken}
      />

      <section aria-labelledby="decisions">
        <h2 id="decisions">Décisions</h2>
        {props.actions.length === 0 ? (
          <p class="empty">Aucune décision possible depuis ce statut.</p>
        ) : (
          props.actions.map((action) => (
            <ActionForm
              action={action}
              record={record}
              csrfToken={props.csrfToken}
              error={props.error}
              values={props.values}
            />
          ))
        )}
      </section>

      <section aria-labelledby="historique">
        <h2 id="historique">Historique</h2>
        <TableRegion label="Révisions de la fiche">
          <table class="desk-table">
            <caption class="visually-hidden">Révisions de la fiche</caption>
            <thead>
              <tr>
                <th scope="col">Révision</th>
                <th scope="col">Date</th>
                <th scope="col">Action</th>
                <th scope="col">Statut après</th>
                <th scope="col">Par</th>
                <th scope="col">Raison</th>
              </tr>
            </thead>
            <tbody>
              {props.revisions.map((r) => (
                <tr>
                  <td>{r.revision}</td>
                  <td>{formatDateTime(r.at)}</td>
                  <td>{auditLabel(r.action)}</td>
                  <td>{STATUS_LABELS[r.status as Status] ?? r.status}</td>
                  <td>{r.actor}</td>
                  <td>{r.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        {props.audit.length > 0 && (
          <>
            <h3>Journal de cette fiche</h3>
            <ul class="desk-list">
              {props.audit.map((a) => (
                <li>
                  {formatDateTime(a.at)} — {auditLabel(a.action)} par {a.actor}
                  {a.reason && <> : {a.reason}</>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  )
}
