/**
 * Experience feedback (migration 0015): written by anyone against a published record,
 * decided by moderators; readers' reports of a published one send it back to the desk.
 */
import type { Db } from './session'

export interface FeedbackRow {
  id: string
  experiment_id: string
  role: 'lead' | 'adopter' | 'partner' | 'user' | 'observer'
  territory: string | null
  /** The actor of the network it speaks for (migration 0022), checked when stored. */
  actor_id: string | null
  author_name: string
  tried: string
  worked: string
  did_not_work: string
  recommend: 'yes' | 'rather-yes' | 'rather-no' | 'no'
  arguments_for: string
  arguments_against: string
  status: 'pending' | 'published' | 'rejected'
  reports: number
  created_at: string
  decided_at: string | null
  decided_by: string | null
  reason: string | null
}

export interface FeedbackView extends FeedbackRow {
  territory_name: string | null
  actor_slug: string | null
  actor_name: string | null
  experiment_title: string
  experiment_slug: string
}

export type NewFeedback = Omit<
  FeedbackRow,
  'status' | 'reports' | 'decided_at' | 'decided_by' | 'reason'
>

/** Stores feedback if the record is published right now; `changes` says whether it did. */
export function insertFeedback(db: Db, f: NewFeedback): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO feedback (id, experiment_id, role, territory, author_name, tried, worked,
         did_not_work, recommend, arguments_for, arguments_against, status, created_at, actor_id)
       SELECT ?1, id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'pending', ?12, ?13
       FROM experiments WHERE id = ?2 AND status = 'published'`
    )
    .bind(
      f.id,
      f.experiment_id,
      f.role,
      f.territory,
      f.author_name,
      f.tried,
      f.worked,
      f.did_not_work,
      f.recommend,
      f.arguments_for,
      f.arguments_against,
      f.created_at,
      f.actor_id
    )
}

// The actor it speaks for is named only while that actor is published.
const VIEW = `SELECT f.*, t.name AS territory_name, e.title AS experiment_title, e.slug AS experiment_slug,
    ac.slug AS actor_slug, ac.name AS actor_name
  FROM feedback f JOIN experiments e ON e.id = f.experiment_id
  LEFT JOIN territories t ON t.code = f.territory
  LEFT JOIN actors ac ON ac.id = f.actor_id AND ac.status = 'published'`

/**
 * The reviews of the actor `actor` (an SQL expression) as a FROM clause: published feedback
 * it gave on a published record it neither leads nor partners — others' records, never its
 * own. Its contributions count them and its page lists them, from this one definition.
 */
export const reviewsFrom = (actor: string) => `feedback f
  JOIN experiments e ON e.id = f.experiment_id AND e.status = 'published'
  WHERE f.actor_id = ${actor} AND f.status = 'published'
    AND NOT EXISTS (SELECT 1 FROM experiment_actors l
      WHERE l.experiment_id = f.experiment_id AND l.actor_id = f.actor_id)`

export interface ReviewRow {
  id: string
  experiment_id: string
  experiment_slug: string
  experiment_title: string
  decided_at: string
}

/** An actor's reviews of others' records, most recently published first. */
export async function reviewsBy(db: Db, actorId: string, limit = 100): Promise<ReviewRow[]> {
  const { results } = await db
    .prepare(
      `SELECT f.id, e.id AS experiment_id, e.slug AS experiment_slug, e.title AS experiment_title,
         f.decided_at
       FROM ${reviewsFrom('?1')}
       ORDER BY f.decided_at DESC, f.id DESC LIMIT ?2`
    )
    .bind(actorId, limit)
    .all<ReviewRow>()
  return results
}

/** Published feedback on a record, oldest first. */
export async function publishedFeedbackOf(db: Db, experimentId: string): Promise<FeedbackView[]> {
  const { results } = await db
    .prepare(
      `${VIEW} WHERE f.experiment_id = ?1 AND f.status = 'published' ORDER BY f.decided_at, f.id`
    )
    .bind(experimentId)
    .all<FeedbackView>()
  return results
}

/** What the desk must look at: pending feedback, and published feedback readers reported. */
export async function feedbackToModerate(db: Db, limit = 200): Promise<FeedbackView[]> {
  const { results } = await db
    .prepare(
      `${VIEW} WHERE f.status = 'pending' OR (f.status = 'published' AND f.reports > 0)
       ORDER BY f.created_at, f.id LIMIT ?1`
    )
    .bind(limit)
    .all<FeedbackView>()
  return results
}

export async function getFeedback(db: Db, id: string): Promise<FeedbackView | null> {
  return db.prepare(`${VIEW} WHERE f.id = ?1`).bind(id).first<FeedbackView>()
}

/** A reader's report on published feedback (on that record, when one is named). */
export function reportFeedback(
  db: Db,
  id: string,
  experimentId: string | null = null
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE feedback SET reports = reports + 1
       WHERE id = ?1 AND status = 'published' AND (?2 IS NULL OR experiment_id = ?2)`
    )
    .bind(id, experimentId)
}

/**
 * Publishes (or keeps, clearing its reports) or rejects feedback awaiting a decision;
 * matches nothing when nothing awaits one.
 */
export function decideFeedback(
  db: Db,
  id: string,
  d: { status: 'published' | 'rejected'; by: string; reason: string | null; at: string }
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE feedback SET status = ?2, reports = 0, decided_at = ?3, decided_by = ?4, reason = ?5
       WHERE id = ?1 AND (status = 'pending' OR (status = 'published' AND reports > 0))`
    )
    .bind(id, d.status, d.at, d.by, d.reason)
}

/** The audit row of a decision, inserted only if that decision just landed. */
export function auditFeedbackDecision(
  db: Db,
  id: string,
  entry: { at: string; actor: string; reason: string | null; ipHash: string | null }
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, reason, detail, ip_hash)
       SELECT ?2, ?3, CASE status WHEN 'published' THEN 'publish-feedback' ELSE 'reject-feedback' END,
              'experiment:' || experiment_id, ?4, json_object('feedback', id), ?5
       FROM feedback WHERE id = ?1 AND decided_at = ?2 AND decided_by = ?3`
    )
    .bind(id, entry.at, entry.actor, entry.reason, entry.ipHash)
}
