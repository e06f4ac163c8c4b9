/**
 * Moderators' decisions on what a submitter proposes for a published record (approve,
 * reject), and the re-issue of a lost or leaked edit link. Used by the API and the desk.
 */
import { applyChanges, type ChangeSet } from '../../domain/change-set'
import { ExperimentContent } from '../../domain/experiment'
import { diffContent, type FieldChange } from '../../domain/revision-diff'
import { appendAudit } from '../../db/audit'
import { replaceEditTokenStatements } from '../../db/edit-access'
import { getExperiment } from '../../db/experiments'
import {
  auditProposalDecision,
  getProposal,
  markApproved,
  markRejected,
  type ProposalRow,
} from '../../db/proposals'
import type { Change } from '../../db/revisions'
import { wroteRow, type Db } from '../../db/session'
import { ProblemError } from '../../http/problem'
import { secretToken, sha256Hex } from '../../lib/crypto'
import { editTokenExpiry } from '../submission'
import { writeRecord } from '../records'
import { moderatorIp, moderatorName, type ModeratorRef } from './actor'

async function pendingProposal(db: Db, id: string): Promise<ProposalRow> {
  const proposal = await getProposal(db, id)
  if (!proposal) throw new ProblemError(404, 'Aucune proposition ne porte cet identifiant.')
  if (proposal.status !== 'pending') {
    throw new ProblemError(409, `Cette proposition est déjà traitée (« ${proposal.status} »).`)
  }
  return proposal
}

/**
 * What approving a proposal would make of the record as it stands now: its change set
 * applied to the current content (older proposals without one replace the content whole),
 * and the field-level changes that amounts to, from the one diff.
 */
export function proposalOutcome(
  currentData: string,
  proposal: Pick<ProposalRow, 'changes' | 'data'>
): { content: unknown; changes: FieldChange[] } {
  const current: unknown = JSON.parse(currentData)
  const content: unknown = proposal.changes
    ? applyChanges(current, JSON.parse(proposal.changes) as ChangeSet)
    : JSON.parse(proposal.data)
  return { content, changes: diffContent(current, content) }
}

/**
 * Applies a waiting proposal to its (still published) experiment through the record
 * writer: new revision + outbox rows, the proposal marked approved and an audit row, in
 * one batch guarded by the revision read.
 */
export async function approveProposal(
  db: Db,
  id: string,
  moderator: ModeratorRef,
  now = new Date()
): Promise<{ experimentId: string; revision: number }> {
  const proposal = await pendingProposal(db, id)
  const row = await getExperiment(db, proposal.experiment_id)
  if (!row) throw new ProblemError(404, 'L’expérience de cette proposition n’existe plus.')
  if (row.status !== 'published' || row.deleted_at !== null) {
    throw new ProblemError(
      409,
      'L’expérience n’est plus publiée : rejetez la proposition ou republiez d’abord la fiche.'
    )
  }
  const at = now.toISOString()
  const actor = `moderator:${moderatorName(moderator)}`
  const revision = row.revision + 1
  const change: Change = { action: 'edit', actor, reason: `Proposition ${id} du porteur`, at }
  const parsed = ExperimentContent.safeParse(proposalOutcome(row.data, proposal).content)
  if (!parsed.success) {
    // The record moved since the owner's edit so that their fields no longer fit with it.
    throw new ProblemError(
      409,
      'Cette proposition ne s’applique plus à la fiche telle qu’elle est : refusez-la et demandez au porteur de recommencer.'
    )
  }
  const content = parsed.data
  const results = await writeRecord(
    db,
    { kind: 'content', id: row.id, readRevision: row.revision, content, change },
    [
      markApproved(db, id, row.id, revision, actor, at),
      auditProposalDecision(db, id, 'approved', {
        at,
        actor,
        reason: null,
        detail: { revision, baseRevision: proposal.base_revision },
        ipHash: moderatorIp(moderator),
      }),
    ]
  )
  if (!wroteRow(results.at(-2))) {
    // Decided by someone else between our read and our write: the content was the same
    // proposal, so the record is right; report the race rather than hide it.
    throw new ProblemError(409, 'Cette proposition vient d’être traitée par quelqu’un d’autre.')
  }
  return { experimentId: row.id, revision }
}

export async function rejectProposal(
  db: Db,
  id: string,
  moderator: ModeratorRef,
  reason: string,
  now = new Date()
): Promise<{ experimentId: string }> {
  const trimmed = reason.trim()
  if (trimmed.length < 5 || trimmed.length > 2000) {
    throw new ProblemError(400, 'Certaines données sont invalides.', [
      { pointer: '/reason', message: 'Indiquez la raison du refus (5 à 2000 caractères).' },
    ])
  }
  const proposal = await pendingProposal(db, id)
  const at = now.toISOString()
  const actor = `moderator:${moderatorName(moderator)}`
  const [update] = await db.batch([
    markRejected(db, id, actor, trimmed, at),
    auditProposalDecision(db, id, 'rejected', {
      at,
      actor,
      reason: trimmed,
      detail: {},
      ipHash: moderatorIp(moderator),
    }),
  ])
  if (!wroteRow(update)) {
    throw new ProblemError(409, 'Cette proposition vient d’être traitée par quelqu’un d’autre.')
  }
  return { experimentId: proposal.experiment_id }
}

/**
 * A new edit link for a record (the submitter lost theirs, or it leaked): the old token
 * and every session opened with it stop working at once. The token is returned once.
 */
export async function reissueEditLink(
  db: Db,
  id: string,
  moderator: ModeratorRef,
  now = new Date()
): Promise<{ editToken: string; expiresAt: string }> {
  const row = await getExperiment(db, id)
  if (!row) throw new ProblemError(404, 'Aucune expérience ne porte cet identifiant.')
  const editToken = secretToken()
  const expiresAt = editTokenExpiry(now)
  const at = now.toISOString()
  await db.batch([
    ...replaceEditTokenStatements(db, id, await sha256Hex(editToken), expiresAt),
    appendAudit(db, {
      at,
      actor: `moderator:${moderatorName(moderator)}`,
      action: 'reissue-edit-link',
      target: `experiment:${id}`,
      detail: { expiresAt },
      ipHash: moderatorIp(moderator),
    }),
  ])
  return { editToken, expiresAt }
}
