/**
 * Proposed revisions (migrations 0006, 0017): a submitter's edit of a published record
 * (an experiment, an actor), waiting for a moderator while the published version stays
 * visible. Each kind has its own table (db/record-kinds.ts); rows name their record
 * `record_id` whatever the kind.
 */
import type { ChangeSet } from '../domain/change-set'
import type { Derived } from '../domain/experiment'
import { EDITABLE_TABLES, type EditableKind } from './record-kinds'
import type { Db } from './session'

type ProposalStatus = 'pending' | 'approved' | 'rejected' | 'superseded'

export interface ProposalRow {
  id: string
  /** The record proposed for (the table's `experiment_id` or `actor_id`). */
  record_id: string
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
  experiment_id: string
  experiment_slug: string
  experiment_title: string
  /** The current (published) content, to diff against. */
  current_data: string
  current_revision: number
}

interface NewProposal {
  id: string
  recordId: string
  baseRevision: number
  /** The record as it would read once approved now (what the owner's form shows next). */
  content: unknown
  /** Only the fields the owner changed: what approval applies. */
  changes: ChangeSet
  message: string | null
  derived: Derived
  completeness: number
  at: string
}

/** Every column of a proposal, with its record's id under one name whatever the kind. */
const columns = (kind: EditableKind) => `*, ${EDITABLE_TABLES[kind].key} AS record_id`

/**
 * A new proposal, superseding the one already waiting for this record (if any): the
 * submitter's latest edit is the one a moderator should read.
 */
export function proposeStatements(
  db: Db,
  p: NewProposal,
  kind: EditableKind = 'experiment'
): D1PreparedStatement[] {
  const { proposals, key } = EDITABLE_TABLES[kind]
  return [
    db
      .prepare(
        `UPDATE ${proposals} SET status = 'superseded', decided_at = ?2, decided_by = 'submitter'
         WHERE ${key} = ?1 AND status = 'pending'`
      )
      .bind(p.recordId, p.at),
    db
      .prepare(
        `INSERT INTO ${proposals} (id, ${key}, base_revision, status, data, derived, completeness,
           created_at, changes, message)
         VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?6, ?7, ?8, ?9)`
      )
      .bind(
        p.id,
        p.recordId,
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

export async function getProposal(
  db: Db,
  id: string,
  kind: EditableKind = 'experiment'
): Promise<ProposalRow | null> {
  return db
    .prepare(`SELECT ${columns(kind)} FROM ${EDITABLE_TABLES[kind].proposals} WHERE id = ?1`)
    .bind(id)
    .first<ProposalRow>()
}

/** The proposal waiting for this record, if any. */
export async function getPendingProposalFor(
  db: Db,
  recordId: string,
  kind: EditableKind = 'experiment'
): Promise<ProposalRow | null> {
  const { proposals, key } = EDITABLE_TABLES[kind]
  return db
    .prepare(`SELECT ${columns(kind)} FROM ${proposals} WHERE ${key} = ?1 AND status = 'pending'`)
    .bind(recordId)
    .first<ProposalRow>()
}

/** Waiting proposals, oldest first, with the current version of their experiment. */
export async function listPendingProposals(db: Db, limit = 200): Promise<PendingProposal[]> {
  const { results } = await db
    .prepare(
      `SELECT p.*, p.experiment_id AS record_id, e.slug AS experiment_slug, e.title AS experiment_title,
              e.data AS current_data, e.revision AS current_revision
       FROM proposals p JOIN experiments e ON e.id = p.experiment_id
       WHERE p.status = 'pending' ORDER BY p.created_at, p.id LIMIT ?1`
    )
    .bind(limit)
    .all<PendingProposal>()
  return results
}

/**
 * Marks an approved proposal, only if the record update it belongs to applied (the row is
 * at `revision`, written at `at`) and the proposal is still pending.
 */
export function markApproved(
  db: Db,
  id: string,
  recordId: string,
  revision: number,
  decidedBy: string,
  at: string,
  kind: EditableKind = 'experiment'
): D1PreparedStatement {
  const { table, proposals } = EDITABLE_TABLES[kind]
  return db
    .prepare(
      `UPDATE ${proposals} SET status = 'approved', decided_at = ?5, decided_by = ?4, applied_revision = ?3
       WHERE id = ?1 AND status = 'pending'
         AND EXISTS (SELECT 1 FROM ${table} WHERE id = ?2 AND revision = ?3 AND updated_at = ?5)`
    )
    .bind(id, recordId, revision, decidedBy, at)
}

export function markRejected(
  db: Db,
  id: string,
  decidedBy: string,
  reason: string,
  at: string,
  kind: EditableKind = 'experiment'
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ${EDITABLE_TABLES[kind].proposals} SET status = 'rejected', decided_at = ?4,
         decided_by = ?2, reason = ?3
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
  },
  kind: EditableKind = 'experiment'
): D1PreparedStatement {
  const { proposals, key } = EDITABLE_TABLES[kind]
  return db
    .prepare(
      `INSERT INTO audit_log (at, actor, action, target, reason, detail, ip_hash)
       SELECT ?2, ?3, ?4, ?9 || ':' || ${key}, ?5, ?6, ?7 FROM ${proposals}
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
      status,
      kind
    )
}

/** The last proposal of this record a moderator refused, with the reason. */
export async function latestRejectedProposal(
  db: Db,
  recordId: string,
  kind: EditableKind = 'experiment'
): Promise<{ reason: string; at: string } | null> {
  const { proposals, key } = EDITABLE_TABLES[kind]
  return db
    .prepare(
      `SELECT reason, decided_at AS at FROM ${proposals}
       WHERE ${key} = ?1 AND status = 'rejected' ORDER BY decided_at DESC LIMIT 1`
    )
    .bind(recordId)
    .first()
}
