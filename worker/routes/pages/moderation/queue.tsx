/** `/moderation`: the queue (pending submissions, changes requested, proposals, reports, bin). */
import { Hono } from 'hono'
import type { ExperimentContent } from '../../../domain/experiment'
import { ACTOR_KINDS } from '../../../domain/actor-vocabularies'
import { labelOf } from '../../../domain/vocabularies'
import { listActorsAwaitingModeration } from '../../../db/actors'
import { listEventsAwaitingModeration } from '../../../db/events'
import type { ExperimentRow } from '../../../db/experiments'
import { listAwaitingModeration, listDeleted } from '../../../db/moderation'
import { listPendingProposals } from '../../../db/proposals'
import { listPendingReplications } from '../../../db/replications'
import type { EditableKind } from '../../../db/record-kinds'
import { listOpenReports } from '../../../db/reports'
import { requireDeskSession, type DeskEnv } from '../../../http/moderator-session'
import { DeskLayout } from '../../../../web/components/moderation/DeskLayout'
import {
  FeedbackQueue,
  ReplicationQueue,
} from '../../../../web/components/moderation/ContributionQueue'
import { feedbackToModerate } from '../../../db/feedback'
import { toModeratedFeedback } from '../../../services/feedback'
import { Queue, type QueueItem } from '../../../../web/components/moderation/Queue'
import { toModeratedReplication } from '../../../services/replications'
import { CONTRIBUTION_NOTICES } from './contributions'
import { renderDesk } from './render'

const QUEUE_LIMIT = 200

/** Where each kind's records have their desk page, and what the queue calls them. */
const DESK_SEGMENTS: Record<EditableKind, string> = {
  experiment: 'experiences',
  actor: 'acteurs',
  event: 'evenements',
}
const KIND_NAMES: Record<EditableKind, string> = {
  experiment: 'Expérience',
  actor: 'Acteur',
  event: 'Événement',
}

function toItem(row: ExperimentRow, at: string): QueueItem {
  const content = JSON.parse(row.data) as ExperimentContent
  return {
    id: row.id,
    title: row.title,
    lead: content.lead.name,
    status: row.status,
    at,
    // Published once already: the desk shows what changed since.
    resubmission: row.published_at !== null,
  }
}

export const queuePage = new Hono<DeskEnv>().get('/moderation', requireDeskSession, async (c) => {
  const db = c.var.db
  const [awaiting, actors, events, deleted, proposals, reports, replications, feedback] =
    await Promise.all([
      listAwaitingModeration(db, QUEUE_LIMIT),
      listActorsAwaitingModeration(db, QUEUE_LIMIT),
      listEventsAwaitingModeration(db, QUEUE_LIMIT),
      listDeleted(db, 50),
      listPendingProposals(db, QUEUE_LIMIT),
      listOpenReports(db, QUEUE_LIMIT),
      listPendingReplications(db, QUEUE_LIMIT),
      feedbackToModerate(db, QUEUE_LIMIT),
    ])
  const done = c.req.query('fait')
  return renderDesk(
    c,
    <DeskLayout title="File de modération" path="/moderation" user={c.var.session}>
      <Queue
        submissions={awaiting
          .filter((r) => r.status === 'pending')
          .map((r) => toItem(r, r.created_at))}
        actors={actors.map((r) => ({
          id: r.id,
          title: r.name,
          lead: labelOf(ACTOR_KINDS, r.kind),
          status: r.status,
          at: r.created_at,
        }))}
        events={events.map((r) => ({
          id: r.id,
          title: r.title,
          lead: (JSON.parse(r.data) as { organiserName: string }).organiserName,
          status: r.status,
          at: r.pending_proposal_at ?? r.created_at,
          // Published already: what waits is the organiser's change.
          resubmission: Boolean(r.pending_proposal_at),
        }))}
        changesRequested={awaiting
          .filter((r) => r.status === 'changes_requested')
          .map((r) => toItem(r, r.updated_at))}
        proposals={proposals.map((p) => ({
          id: p.id,
          experimentId: p.experiment_id,
          title: p.experiment_title,
          at: p.created_at,
        }))}
        reports={reports.map((r) => ({
          id: r.id,
          href: `/moderation/${DESK_SEGMENTS[r.record_kind]}/${r.record_id}#signalements`,
          kind: KIND_NAMES[r.record_kind],
          title: r.record_title,
          reason: r.reason,
          message: r.message,
          at: r.created_at,
        }))}
        deleted={deleted.map((r) => toItem(r, r.deleted_at ?? r.updated_at))}
        notice={done ? CONTRIBUTION_NOTICES[done] : undefined}
      />
      <ReplicationQueue
        items={replications.map(toModeratedReplication)}
        csrfToken={c.var.session.csrfToken}
      />
      <FeedbackQueue
        items={feedback.map(toModeratedFeedback)}
        csrfToken={c.var.session.csrfToken}
      />
    </DeskLayout>
  )
})
