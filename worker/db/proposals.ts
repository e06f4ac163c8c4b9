/**
 * Proposed revisions (migration 0006): a submitter's edit of a published experiment,
 * waiting for a moderator while the published version stays visible.
 */
import type { ChangeSet } from '../domain/change-set'
import type { Derived, ExperimentContent } from '../domain/experiment'
import type { Db } from './session'

type ProposalStatus = 'pending' | 'approved' | 'rejected' | 'superseded'

export interface ProposalRow {
  id: string
  experiment_id: string
  base_revision: number
  status: ProposalStatus
  data: string
  derived: string
  completeness: number
  created_at: string
  decided_at: string | null
  decided_by: string | null
  reason: string | null
  applied_revision: number | null
  /** The owner's change set (JSON `ChangeSet`); null on proposals older than migration 0009. */
  changes: string | null
  /** The owner's message to the moderators, if any. */
  message: string | null
}

/** A waiting proposal with what the desk shows next to it. */
export interface PendingProposal extends ProposalRow {
  experiment_slug: string
  experiment_title: string
  /** The current (published) content, to diff against. */
  current_data: string
  current_revision: number
}

interface NewProposal {
  id: string
  experimentId: string
  baseRevision: number
  /** The record as it would read once approved now (what the owner's form shows next). */
  content: ExperimentContent
  /** Only the fields the owner changed: what approval applies. */
  changes: ChangeSet
  message: string | null
  derived: Derived
  completeness: number
  at: string
}

/**
 * A new proposal, superseding the one already waiting for this experiment (if any): the
 * submitter's latest edit is the one a moderator should read.
 */
export function proposeStatements(db: Db, p: NewProposal): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `UPDATE proposals SET status = 'superseded', decided_at = ?2, decided_by = 'submitter'
         WHERE experiment_id = ?1 AND status = 'pending'`
      )
      .bind(p.experimentId, p.at),
    db
      .prepare(
        `INSERT INTO proposals (id, experiment_id, base_revision, status, data, derived, completeness,
           created_at, changes, message)
         VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?6, ?7, ?8, ?9)`
      )
      .bind(
        p.id,
        p.experimentId,
        p.baseRevision,
        JSON.stringify(p.content),
        JSON.stringify(p.derived),
        p.completeness,
        p.at,
        JSON.stringify(p.changes),
        p.message
      ),
  ]
}

export async function getProposal(db: Db, id: string): Promise<ProposalRow | null> {
  return db.prepare('SELECT * FROM proposals WHERE id = ?1').bind(id).first<ProposalRow>()
}

/** The proposal waiting for this experiment, if any. */
export async function getPendingProposalFor(
  db: Db,
  experimentId: string
): Promise<ProposalRow | null> {
  return db
    .prepare(`SELECT * FROM proposals WHERE experiment_id = ?1 AND status = 'pending'`)
    .bind(experimentId)
    .first<ProposalRow>()
}

/** Waiting proposals, oldest first, with the current version of their experiment. */
export async function listPendingProposals(db: Db, limit = 200): Promise<PendingProposal[]> {
  const { results } = await db
    .prepare(
      `SELECT p.*, e.slug AS experiment_slug, e.title AS experiment_title,
              e.data AS current_data, e.revision AS current_revision
       FROM proposals p JOIN experiments e ON e.id = p.experiment_id
       WHERE p.status = 'pending' ORDER BY p.created_at, p.id LIMIT ?1`
    )
    .bind(limit)
    .all<PendingProposal>()
  return results
}

/**
 * Marks an approved proposal, only if the experiment update it belongs to applied (the
 * row is at `revision`, written at `at`) and the proposal is still pending.
 */
export function markApproved(
  db: Db,
  id: string,
  experimentId: string,
  revision: number,
  decidedBy: string,
  at: string
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE proposals SET status = 'approved', decided_at = ?5, decided_by = ?4, applied_revision = ?3
       WHERE id = ?1 AND status = 'pending'
         AND EXISTS (SELECT 1 FROM experiments WHERE id = ?2 AND revision = ?3 AND updated_at = ?5)`
    )
    .bind(id, experimentId, revision, decidedBy, at)
}

export function markRejected(
  db: Db,
  id: string,
  decidedBy: string,
  reason: string,
  at: string
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE proposals SET status = 'rejected', decided_at = ?4, decided_by = ?2, reason = ?3
       WHERE id = ?1 AND status = 'pending'`
    )
    .bind(id, decidedBy, reason, at)
}

/**
 * The audit row of a proposal decision, inserted only if that decision just landed (the
 * proposal now has this status and decision time), like the desk's guarded audit rows.
 */
export function auditProposalDecision(
  db: Db,
  id: string,
  status: 'approved' | 'rejected',
  entry: {
    at: string
    actor: string
    reason: string | null
    detail: Record<string, unknown>
    ipHash: string | null
  }
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, reason, detail, ip_hash)
       SELECT ?2, ?3, ?4, 'experiment:' || experiment_id, ?5, ?6, ?7 FROM proposals
       WHERE id = ?1 AND status = ?8 AND decided_at = ?2`
    )
    .bind(
      id,
      entry.at,
      entry.actor,
      status === 'approved' ? 'approve-proposal' : 'reject-proposal',
      entry.reason,
      JSON.stringify({ proposal: id, ...entry.detail }),
      entry.ipHash,
      status
    )
}

/** The last proposal of this experiment a moderator refused, with the reason. */
export async function latestRejectedProposal(
  db: Db,
  experimentId: string
): Promise<{ reason: string; at: string } | null> {
  return db
    .prepare(
      `SELECT reason, decided_at AS at FROM proposals
       WHERE experiment_id = ?1 AND status = 'rejected' ORDER BY decided_at DESC LIMIT 1`
    )
    .bind(experimentId)
    .first()
}
