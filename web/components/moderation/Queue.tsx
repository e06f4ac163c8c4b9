/**
 * `/moderation`: what waits for a moderator. Submissions first (oldest first: first come,
 * first reviewed), then those sent back for changes, proposed edits of published records,
 * open reports, and the bin of deleted records.
 */
import type { Status } from '../../../worker/domain/experiment'
import { DeskNotice } from './DeskLayout'
import { formatDateTime, reportReasonLabel, STATUS_LABELS } from './labels'
import { TableRegion } from '../TableRegion'

export interface QueueItem {
  id: string
  title: string
  lead: string
  status: Status
  /** When it entered this state (submission, last change). */
  at: string
  /** Set for re-submissions: a published version exists to diff against. */
  resubmission?: boolean
}

export interface QueueProposal {
  id: string
  experimentId: string
  title: string
  at: string
}

export interface QueueReport {
  id: string
  /** The reported record's desk page. */
  href: string
  /** Its kind (experiment, actor, event), in words. */
  kind: string
  title: string
  reason: string
  message: string
  at: string
}

export interface QueueProps {
  submissions: QueueItem[]
  /** Actors of the network waiting for a decision (their own desk pages). */
  actors?: QueueItem[]
  /** Events waiting for a decision, or with an organiser's change (their own desk pages). */
  events?: QueueItem[]
  changesRequested: QueueItem[]
  proposals: QueueProposal[] | null
  reports: QueueReport[] | null
  deleted: QueueItem[]
  notice?: string
}

function ItemTable({
  caption,
  items,
  dateLabel,
  hrefBase = '/moderation/experiences',
  leadLabel = 'Porteur',
}: {
  caption: string
  items: QueueItem[]
  dateLabel: string
  hrefBase?: string
  leadLabel?: string
}) {
  if (items.length === 0) return <p class="empty">Rien en attente.</p>
  return (
    <TableRegion label={caption}>
      <table class="desk-table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Fiche</th>
            <th scope="col">{leadLabel}</th>
            <th scope="col">Statut</th>
            <th scope="col">{dateLabel}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr>
              <th scope="row">
                <a href={`${hrefBase}/${item.id}`}>{item.title}</a>
                {item.resubmission && <span class="desk-tag"> re-soumission</span>}
              </th>
              <td>{item.lead}</td>
              <td>{STATUS_LABELS[item.status]}</td>
              <td>{formatDateTime(item.at)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

export function Queue(props: QueueProps) {
  return (
    <>
      <h1>File de modération</h1>
      {props.notice && <DeskNotice kind="done" text={props.notice} />}

      <section aria-labelledby="q-submissions">
        <h2 id="q-submissions">
          Propositions à examiner <span class="count">({props.submissions.length})</span>
        </h2>
        <ItemTable
          caption="Propositions à examiner"
          items={props.submissions}
          dateLabel="Reçue le"
        />
      </section>

      {props.actors && (
        <section aria-labelledby="q-actors">
          <h2 id="q-actors">
            Acteurs du réseau à examiner <span class="count">({props.actors.length})</span>
          </h2>
          <ItemTable
            caption="Acteurs du réseau à examiner"
            items={props.actors}
            dateLabel="Reçu le"
            hrefBase="/moderation/acteurs"
            leadLabel="Type"
          />
        </section>
      )}

      {props.events && (
        <section aria-labelledby="q-events">
          <h2 id="q-events">
            Événements à examiner <span class="count">({props.events.length})</span>
          </h2>
          <ItemTable
            caption="Événements à examiner"
            items={props.events}
            dateLabel="Reçu le"
            hrefBase="/moderation/evenements"
            leadLabel="Organisateur"
          />
        </section>
      )}

      <section aria-labelledby="q-changes">
        <h2 id="q-changes">
          Modifications demandées <span class="count">({props.changesRequested.length})</span>
        </h2>
        <ItemTable
          caption="Fiches renvoyées au porteur pour modifications"
          items={props.changesRequested}
          dateLabel="Dernière action"
        />
      </section>

      {props.proposals && (
        <section aria-labelledby="q-proposals">
          <h2 id="q-proposals">
            Modifications proposées de fiches publiées{' '}
            <span class="count">({props.proposals.length})</span>
          </h2>
          {props.proposals.length === 0 ? (
            <p class="empty">Rien en attente.</p>
          ) : (
            <ul class="desk-list">
              {props.proposals.map((p) => (
                <li>
                  <a href={`/moderation/experiences/${p.experimentId}#proposition`}>{p.title}</a> —
                  proposée le {formatDateTime(p.at)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      {props.reports && (
        <section aria-labelledby="q-reports">
          <h2 id="q-reports">
            Signalements ouverts <span class="count">({props.reports.length})</span>
          </h2>
          {props.reports.length === 0 ? (
            <p class="empty">Aucun signalement ouvert.</p>
          ) : (
            <ul class="desk-list">
              {props.reports.map((r) => (
                <li>
                  {r.kind} : <a href={r.href}>{r.title}</a> — {reportReasonLabel(r.reason)}, le{' '}
                  {formatDateTime(r.at)}
                  {r.message && <q class="desk-quote">{r.message}</q>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="q-bin">
        <h2 id="q-bin">
          Corbeille <span class="count">({props.deleted.length})</span>
        </h2>
        <ItemTable
          caption="Fiches supprimées (restaurables)"
          items={props.deleted}
          dateLabel="Supprimée le"
        />
      </section>
    </>
  )
}
