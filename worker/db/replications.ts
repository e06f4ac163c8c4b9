/**
 * Replications (migration 0015): declared by anyone, decided by moderators, public once
 * approved. A declaration is stored only against a published source, which the insert
 * itself checks, so a race with an unpublish cannot attach one to a hidden record.
 */
import type { ReplicationStatus } from '../domain/replication'
import type { Db } from './session'

export interface ReplicationRow {
  id: string
  source_id: string
  adopter_id: string | null
  territory: string
  region: string | null
  declarant_name: string
  declarant_kind: string
  actor_id: string | null
  relation: 'replicated' | 'adapted' | 'inspired'
  progress: 'planned' | 'in-progress' | 'done' | 'abandoned'
  start_date: string | null
  adaptations: string
  link: string | null
  status: ReplicationStatus
  created_at: string
  decided_at: string | null
  decided_by: string | null
  reason: string | null
}

/** A row with the titles and slugs a reader needs (source, adopter) and the territory's name. */
export interface ReplicationView extends ReplicationRow {
  source_slug: string
  source_title: string
  adopter_slug: string | null
  adopter_title: string | null
  territory_name: string | null
  actor_slug: string | null
  actor_name: string | null
}

export type NewReplication = Omit<ReplicationRow, 'status' | 'decided_at' | 'decided_by' | 'reason'>

/** Stores a declaration if the source is published right now; `changes` says whether it did. */
export function insertReplication(db: Db, r: NewReplication): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO replications (id, source_id, adopter_id, territory, region, declarant_name,
         declarant_kind, actor_id, relation, progress, start_date, adaptations, link, status, created_at)
       SELECT ?1, id, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, 'pending', ?14
       FROM experiments WHERE id = ?2 AND status = 'published'`
    )
    .bind(
      r.id,
      r.source_id,
      r.adopter_id,
      r.territory,
      r.region,
      r.declarant_name,
      r.declarant_kind,
      r.actor_id,
      r.relation,
      r.progress,
      r.start_date,
      r.adaptations,
      r.link,
      r.created_at
    )
}

// Public replications link published records only: an approved declaration whose source
// or adopter record was unpublished since stops showing (the adopter link alone if only
// the adopter went away); the declaring actor is named only while it is published.
const VIEW = `SELECT r.*, s.slug AS source_slug, s.title AS source_title,
    a.slug AS adopter_slug, a.title AS adopter_title, t.name AS territory_name,
    ac.slug AS actor_slug, ac.name AS actor_name
  FROM replications r
  JOIN experiments s ON s.id = r.source_id
  LEFT JOIN experiments a ON a.id = r.adopter_id AND a.status = 'published'
  LEFT JOIN actors ac ON ac.id = r.actor_id AND ac.status = 'published'
  LEFT JOIN territories t ON t.code = r.territory`

/** Approved replications whose source is one of `sourceIds` (published sources only). */
export async function approvedReplicationsOf(
  db: Db,
  sourceIds: readonly string[]
): Promise<ReplicationView[]> {
  if (sourceIds.length === 0) return []
  const { results } = await db
    .prepare(
      `${VIEW} WHERE r.source_id IN (SELECT value FROM json_each(?1))
         AND r.status = 'approved' AND s.status = 'published'
       ORDER BY r.decided_at, r.id`
    )
    .bind(JSON.stringify(sourceIds))
    .all<ReplicationView>()
  return results
}

/** Approved replications declared with `adopterId` as the adopter's own record. */
export async function approvedReplicationsBy(
  db: Db,
  adopterId: string
): Promise<ReplicationView[]> {
  const { results } = await db
    .prepare(
      `${VIEW} WHERE r.adopter_id = ?1 AND r.status = 'approved' AND s.status = 'published'
       ORDER BY r.decided_at, r.id`
    )
    .bind(adopterId)
    .all<ReplicationView>()
  return results
}

/** Approved replications an actor of the network declared (published sources), newest first. */
export async function approvedReplicationsDeclaredBy(
  db: Db,
  actorId: string
): Promise<ReplicationView[]> {
  const { results } = await db
    .prepare(
      `${VIEW} WHERE r.actor_id = ?1 AND r.status = 'approved' AND s.status = 'published'
       ORDER BY r.decided_at DESC, r.id DESC`
    )
    .bind(actorId)
    .all<ReplicationView>()
  return results
}

/** Every approved replication of a published source, oldest first, from `afterId` (exports). */
export async function listApprovedReplications(
  db: Db,
  afterId: string,
  limit: number
): Promise<ReplicationView[]> {
  const { results } = await db
    .prepare(
      `${VIEW} WHERE r.status = 'approved' AND s.status = 'published' AND r.id > ?1
       ORDER BY r.id LIMIT ?2`
    )
    .bind(afterId, limit)
    .all<ReplicationView>()
  return results
}

/** Declarations waiting for a moderator, oldest first. */
export async function listPendingReplications(db: Db, limit = 200): Promise<ReplicationView[]> {
  const { results } = await db
    .prepare(`${VIEW} WHERE r.status = 'pending' ORDER BY r.created_at, r.id LIMIT ?1`)
    .bind(limit)
    .all<ReplicationView>()
  return results
}

export async function getReplication(db: Db, id: string): Promise<ReplicationView | null> {
  return db.prepare(`${VIEW} WHERE r.id = ?1`).bind(id).first<ReplicationView>()
}

/** Decides a pending declaration; matches nothing (changes = 0) when it was already decided. */
export function decideReplication(
  db: Db,
  id: string,
  decision: { status: 'approved' | 'rejected'; by: string; reason: string | null; at: string }
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE replications SET status = ?2, decided_at = ?3, decided_by = ?4, reason = ?5
       WHERE id = ?1 AND status = 'pending'`
    )
    .bind(id, decision.status, decision.at, decision.by, decision.reason)
}

/** The audit row of a decision, inserted only if that decision just landed. */
export function auditReplicationDecision(
  db: Db,
  id: string,
  entry: { at: string; actor: string; reason: string | null; ipHash: string | null }
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, reason, detail, ip_hash)
       SELECT ?2, ?3, CASE status WHEN 'approved' THEN 'approve-replication' ELSE 'reject-replication' END,
              'experiment:' || source_id, ?4, json_object('replication', id, 'territory', territory), ?5
       FROM replications WHERE id = ?1 AND decided_at = ?2 AND decided_by = ?3`
    )
    .bind(id, entry.at, entry.actor, entry.reason, entry.ipHash)
}
