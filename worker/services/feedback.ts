/**
 * Experience feedback: anyone leaves structured feedback on a published practice; a
 * moderator publishes or rejects it (audit row in the same batch); readers may report a
 * published one, which puts it back before a moderator (still shown until decided).
 */
import type { ExperimentRow } from '../db/experiments'
import {
  auditFeedbackDecision,
  decideFeedback,
  getFeedback,
  insertFeedback,
  reportFeedback,
  reviewsBy,
  type FeedbackView,
} from '../db/feedback'
import { wroteRow, type Db } from '../db/session'
import { getTerritory } from '../db/territories'
import type { Review } from '../domain/actor-links'
import type { Feedback, FeedbackInput, ModeratedFeedback } from '../domain/feedback'
import { ProblemError } from '../http/problem'
import { ulid } from '../lib/crypto'
import { creditedActorErrors } from './credited-actor'
import { moderatorIp, moderatorName, type ModeratorRef } from './moderation/actor'

export async function leaveFeedback(
  db: Db,
  record: ExperimentRow,
  input: FeedbackInput,
  now = new Date()
): Promise<string> {
  const [territory, actorErrors] = await Promise.all([
    input.territory ? getTerritory(db, input.territory) : null,
    creditedActorErrors(db, input.actorId),
  ])
  const errors = [
    ...(input.territory && !territory
      ? [{ pointer: '/territory', message: `Territoire inconnu : ${input.territory}.` }]
      : []),
    ...actorErrors,
  ]
  if (errors.length > 0) {
    throw new ProblemError(400, 'Certaines références sont inconnues.', errors)
  }
  const id = ulid(now.getTime())
  const [result] = await db.batch([
    insertFeedback(db, {
      id,
      experiment_id: record.id,
      role: input.role,
      territory: input.territory ?? null,
      actor_id: input.actorId ?? null,
      author_name: input.authorName,
      tried: input.tried,
      worked: input.worked,
      did_not_work: input.didNotWork,
      recommend: input.recommend,
      arguments_for: JSON.stringify(input.argumentsFor),
      arguments_against: JSON.stringify(input.argumentsAgainst),
      created_at: now.toISOString(),
    }),
  ])
  if (!wroteRow(result)) throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
  return id
}

/**
 * A reader's report; 404 when no published feedback has this id (on this record, when the
 * report comes from a record's page).
 */
export async function reportFeedbackById(
  db: Db,
  id: string,
  experimentId: string | null = null
): Promise<FeedbackView> {
  const [result] = await db.batch([reportFeedback(db, id, experimentId)])
  const feedback = wroteRow(result) ? await getFeedback(db, id) : null
  if (!feedback) throw new ProblemError(404, 'Aucun retour publié ne porte cet identifiant.')
  return feedback
}

export async function decideFeedbackAs(
  db: Db,
  id: string,
  decision: 'published' | 'rejected',
  moderator: ModeratorRef,
  reason: string | null,
  now = new Date()
): Promise<void> {
  if (!(await getFeedback(db, id))) {
    throw new ProblemError(404, 'Aucun retour ne porte cet identifiant.')
  }
  const at = now.toISOString()
  const by = `moderator:${moderatorName(moderator)}`
  const [update] = await db.batch([
    decideFeedback(db, id, { status: decision, by, reason, at }),
    auditFeedbackDecision(db, id, { at, actor: by, reason, ipHash: moderatorIp(moderator) }),
  ])
  if (!wroteRow(update)) throw new ProblemError(409, 'Ce retour n’attend aucune décision.')
}

export function toFeedback(f: FeedbackView): Feedback {
  return {
    id: f.id,
    experimentId: f.experiment_id,
    role: f.role,
    territory: f.territory ? { code: f.territory, name: f.territory_name ?? f.territory } : null,
    actor:
      f.actor_id && f.actor_slug && f.actor_name
        ? { id: f.actor_id, slug: f.actor_slug, name: f.actor_name }
        : null,
    authorName: f.author_name,
    tried: f.tried,
    worked: f.worked,
    didNotWork: f.did_not_work,
    recommend: f.recommend,
    argumentsFor: JSON.parse(f.arguments_for) as string[],
    argumentsAgainst: JSON.parse(f.arguments_against) as string[],
    publishedAt: f.status === 'published' ? f.decided_at : null,
  }
}

export function toModeratedFeedback(f: FeedbackView): ModeratedFeedback {
  return {
    ...toFeedback(f),
    status: f.status,
    reports: f.reports,
    createdAt: f.created_at,
    experimentTitle: f.experiment_title,
    experimentSlug: f.experiment_slug,
  }
}

/** An actor's reviews of others' published records (its page, the API). */
export async function reviewsOf(db: Db, actorId: string): Promise<Review[]> {
  return (await reviewsBy(db, actorId)).map((r) => ({
    id: r.id,
    experiment: { id: r.experiment_id, slug: r.experiment_slug, title: r.experiment_title },
    publishedAt: r.decided_at,
  }))
}
