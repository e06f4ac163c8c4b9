/**
 * Moderation use cases, shared by the bearer-token API and the desk pages: approve,
 * reject, request changes, unpublish, soft delete, restore, merge — for every kind of
 * record with the lifecycle (experiments, actors, events).
 *
 * Each decision checks the lifecycle (a forbidden move is a 409), then commits the new
 * state, a revision snapshot, the search outbox rows and an audit row in one batch,
 * guarded by the revision it read (optimistic concurrency: a concurrent change makes
 * the whole decision a 409, never a silent overwrite).
 */
import {
  ALLOWED_FROM,
  MODERATION_ACTIONS,
  REASON_MAX,
  REASON_MIN,
  REASON_REQUIRED,
  type ModerationAction,
} from '../../domain/moderation'
import type { AuditEntry } from '../../db/audit'
import type { ExperimentRow } from '../../db/experiments'
import type { Change } from '../../db/revisions'
import { getLifecycleRow, type LifecycleRow, type ModerationState } from '../../db/moderation'
import type { RecordKind } from '../../db/record-kinds'
import type { Db } from '../../db/session'
import { ProblemError } from '../../http/problem'
import { conflict, writeRecord } from '../records'
import type { ModeratorActor } from './actor'

export interface ModerationCommand {
  action: ModerationAction
  reason?: string | undefined
  /** For `merge`: the id of the experiment that absorbs this one. */
  into?: string | undefined
  /** The revision the moderator decided on; if the record moved since, 409. */
  expectedRevision?: number | undefined
}

/** The actions a moderator may take on this record now (for the desk's forms). */
export function allowedActions(row: LifecycleRow): ModerationAction[] {
  return MODERATION_ACTIONS.filter((action) => isAllowed(row, action))
}

function isAllowed(row: LifecycleRow, action: ModerationAction): boolean {
  if (row.deleted_at !== null) return action === 'restore'
  if (action === 'restore') return false
  return ALLOWED_FROM[action].includes(row.status)
}

/** How each kind of record is named in the messages of a decision. */
const NOUNS: Record<RecordKind, { unknown: string; deleted: string }> = {
  experiment: {
    unknown: 'Aucune expérience ne porte cet identifiant.',
    deleted: 'Impossible : l’expérience est supprimée ; restaurez-la d’abord.',
  },
  actor: {
    unknown: 'Aucun acteur ne porte cet identifiant.',
    deleted: 'Impossible : la fiche de l’acteur est supprimée ; restaurez-la d’abord.',
  },
  event: {
    unknown: 'Aucun événement ne porte cet identifiant.',
    deleted: 'Impossible : l’événement est supprimé ; restaurez-le d’abord.',
  },
}

/** A decision on an experiment; the updated row. */
export function moderate(
  db: Db,
  id: string,
  command: ModerationCommand,
  actor: ModeratorActor,
  now = new Date()
): Promise<ExperimentRow> {
  return moderateRecord<ExperimentRow>(db, 'experiment', id, command, actor, now)
}

/** A decision on a record of `kind`; the updated row. */
export async function moderateRecord<Row extends LifecycleRow>(
  db: Db,
  kind: RecordKind,
  id: string,
  command: ModerationCommand,
  actor: ModeratorActor,
  now = new Date()
): Promise<Row> {
  const notFound = () => new ProblemError(404, NOUNS[kind].unknown)
  const reason = checkReason(command)
  const row = await getLifecycleRow<Row>(db, kind, id)
  if (!row) throw notFound()
  if (command.expectedRevision !== undefined && command.expectedRevision !== row.revision) {
    throw conflict()
  }
  if (!isAllowed(row, command.action)) {
    throw new ProblemError(
      409,
      row.deleted_at !== null
        ? NOUNS[kind].deleted
        : `Impossible : la fiche est au statut « ${row.status} ».`
    )
  }
  const mergeTarget =
    command.action === 'merge' ? await checkMergeTarget(db, kind, row, command) : null
  const at = now.toISOString()
  const next = nextState(row, command.action, reason, actor, at, mergeTarget)
  const change: Change = { action: command.action, actor: `moderator:${actor.name}`, reason, at }
  const audit: AuditEntry = {
    at,
    actor: change.actor,
    action: command.action,
    target: `${kind}:${id}`,
    reason: reason ?? null,
    detail: {
      from: row.status,
      to: next.status,
      revision: row.revision + 1,
      via: actor.via,
      ...(mergeTarget ? { mergedInto: mergeTarget } : {}),
    },
    ipHash: actor.ipHash ?? null,
  }

  await writeRecord(db, {
    kind: 'moderation',
    id,
    readRevision: row.revision,
    next,
    change,
    audit,
    record: kind,
  })
  const updated = await getLifecycleRow<Row>(db, kind, id)
  if (!updated) throw notFound()
  return updated
}

function checkReason(command: ModerationCommand): string | undefined {
  const reason = command.reason?.trim() || undefined
  if (REASON_REQUIRED.has(command.action) && (!reason || reason.length < REASON_MIN)) {
    throw new ProblemError(400, 'Certaines données sont invalides.', [
      {
        pointer: '/reason',
        message: `Indiquez la raison (${REASON_MIN} caractères au moins).`,
      },
    ])
  }
  if (reason && reason.length > REASON_MAX) {
    throw new ProblemError(400, 'Certaines données sont invalides.', [
      { pointer: '/reason', message: `${REASON_MAX} caractères au maximum.` },
    ])
  }
  return reason
}

async function checkMergeTarget(
  db: Db,
  kind: RecordKind,
  row: LifecycleRow,
  command: ModerationCommand
): Promise<string> {
  const into = command.into?.trim() ?? ''
  const invalid = (message: string) =>
    new ProblemError(400, 'Certaines données sont invalides.', [{ pointer: '/into', message }])
  if (!into) throw invalid('Indiquez l’identifiant de l’expérience qui absorbe ce doublon.')
  if (into === row.id) throw invalid('Une expérience ne peut pas être fusionnée dans elle-même.')
  const target = await getLifecycleRow(db, kind, into)
  if (!target) throw invalid(NOUNS[kind].unknown)
  // A merged record is never a target: merge chains stay acyclic.
  if (target.status === 'merged' || target.deleted_at !== null) {
    throw new ProblemError(
      409,
      'L’expérience cible est elle-même fusionnée ou supprimée ; choisissez la fiche qui reste.'
    )
  }
  return target.id
}

function nextState(
  row: LifecycleRow,
  action: ModerationAction,
  reason: string | undefined,
  actor: ModeratorActor,
  at: string,
  mergeTarget: string | null
): ModerationState {
  const keep: ModerationState = {
    status: row.status,
    note: reason ?? null,
    deletedAt: null,
    deletedBy: null,
    statusBeforeDelete: null,
    mergedInto: row.merged_into,
  }
  switch (action) {
    case 'approve':
      return { ...keep, status: 'published', note: null }
    case 'reject':
      return { ...keep, status: 'rejected' }
    case 'request-changes':
      return { ...keep, status: 'changes_requested' }
    case 'unpublish':
      return { ...keep, status: 'unpublished' }
    case 'merge':
      return { ...keep, status: 'merged', mergedInto: mergeTarget }
    case 'delete':
      // A deleted record is never public (CHECK in D1): a published one leaves the site.
      return {
        ...keep,
        status: row.status === 'published' ? 'unpublished' : row.status,
        deletedAt: at,
        deletedBy: `moderator:${actor.name}`,
        statusBeforeDelete: row.status,
      }
    case 'restore':
      return {
        ...keep,
        status: row.status_before_delete ?? row.status,
        note: reason ?? row.moderation_note,
      }
  }
}
