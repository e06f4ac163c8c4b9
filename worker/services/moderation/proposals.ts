/**
 * Moderators' decisions on what a submitter proposes for a published record (approve,
 * reject), and the re-issue of a lost or leaked edit link. Used by the API and the desk.
 */
import { proposalOutcome } from '../../domain/change-set'
import { appendAudit } from '../../db/audit'
import { replaceEditTokenStatements } from '../../db/edit-access'
import { getExperiment } from '../../db/experiments'
import { getLifecycleRow } from '../../db/moderation'
import type { EditableKind, RecordRow } from '../../db/record-kinds'
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
import { ACTOR_EDITING } from '../actors'
import { EVENT_EDITING } from '../events'
import type { OwnerKind } from '../owner-kind'
import { EXPERIMENT_EDITING } from '../records'
import { moderatorIp, moderatorName, type ModeratorRef } from './actor'

/** Every kind an owner edits, for the decisions on their proposals. */
const OWNER_KINDS = { experiment: EXPERIMENT_EDITING, actor: ACTOR_EDITING, event: EVENT_EDITING }

async function pendingProposal(db: Db, id: string, kind: EditableKind): Promise<ProposalRow> {
  const proposal = await getProposal(db, id, kind)
  if (!proposal) throw new ProblemError(404, 'Aucune proposition ne porte cet identifiant.')
  if (proposal.status !== 'pending') {
    throw new ProblemError(409, `Cette proposition est déjà traitée (« ${proposal.status} »).`)
  }
  return proposal
}

/**
 * Applies a waiting proposal to its (still published) record through the kind's one
 * writer: new revision + outbox rows, the proposal marked approved and an audit row, in
 * one batch guarded by the revision read.
 */
export async function approveProposal(
  db: Db,
  id: string,
  moderator: ModeratorRef,
  now = new Date(),
  kind: EditableKind = 'experiment'
): Promise<{ recordId: string; revision: number }> {
  const proposal = await pendingProposal(db, id, kind)
  const row = await getLifecycleRow<RecordRow>(db, kind, proposal.record_id)
  if (!row) throw new ProblemError(404, 'La fiche de cette proposition n’existe plus.')
  if (row.status !== 'published' || row.deleted_at !== null) {
    throw new ProblemError(
      409,
      'La fiche n’est plus publiée : rejetez la proposition ou republiez d’abord la fiche.'
    )
  }
  const at = now.toISOString()
  const actor = `moderator:${moderatorName(moderator)}`
  const revision = row.revision + 1
  const change: Change = { action: 'edit', actor, reason: `Proposition ${id} du porteur`, at }
  const spec: OwnerKind<unknown> = OWNER_KINDS[kind]
  const parsed = spec.schema.safeParse(
    proposalOutcome(spec.current(row), proposal, spec.diff).content
  )
  if (!parsed.success) {
    // The record moved since the owner's edit so that their fields no longer fit with it.
    throw new ProblemError(
      409,
      'Cette proposition ne s’applique plus à la fiche telle qu’elle est : refusez-la et demandez au porteur de recommencer.'
    )
  }
  const decided = [
    markApproved(db, id, row.id, revision, actor, at, kind),
    auditProposalDecision(
      db,
      id,
      'approved',
      {
        at,
        actor,
        reason: null,
        detail: { revision, baseRevision: proposal.base_revision },
        ipHash: moderatorIp(moderator),
      },
      kind
    ),
  ]
  const write = { id: row.id, readRevision: row.revision, change, content: parsed.data }
  const results = await spec.write(db, write, decided)
  if (!wroteRow(results.at(-2))) {
    // Decided by someone else between our read and our write: the content was the same
    // proposal, so the record is right; report the race rather than hide it.
    throw new ProblemError(409, 'Cette proposition vient d’être traitée par quelqu’un d’autre.')
  }
  return { recordId: row.id, revision }
}

export async function rejectProposal(
  db: Db,
  id: string,
  moderator: ModeratorRef,
  reason: string,
  now = new Date(),
  kind: EditableKind = 'experiment'
): Promise<{ recordId: string }> {
  const trimmed = reason.trim()
  if (trimmed.length < 5 || trimmed.length > 2000) {
    throw new ProblemError(400, 'Certaines données sont invalides.', [
      { pointer: '/reason', message: 'Indiquez la raison du refus (5 à 2000 caractères).' },
    ])
  }
  const proposal = await pendingProposal(db, id, kind)
  const at = now.toISOString()
  const actor = `moderator:${moderatorName(moderator)}`
  const [update] = await db.batch([
    markRejected(db, id, actor, trimmed, at, kind),
    auditProposalDecision(
      db,
      id,
      'rejected',
      { at, actor, reason: trimmed, detail: {}, ipHash: moderatorIp(moderator) },
      kind
    ),
  ])
  if (!wroteRow(update)) {
    throw new ProblemError(409, 'Cette proposition vient d’être traitée par quelqu’un d’autre.')
  }
  return { recordId: proposal.record_id }
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
