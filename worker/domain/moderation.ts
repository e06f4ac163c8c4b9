/**
 * The moderation lifecycle as rules: which decisions exist, from which statuses each may
 * be taken, and which must say why. The use cases (services/moderation/) enforce them; the
 * desk's components read them to offer only the allowed forms.
 */
import { STATUSES, type Status } from './experiment'

export const MODERATION_ACTIONS = [
  'approve',
  'reject',
  'request-changes',
  'unpublish',
  'delete',
  'restore',
  'merge',
] as const
export type ModerationAction = (typeof MODERATION_ACTIONS)[number]

/** Which statuses each action may start from (a deleted record only allows `restore`). */
export const ALLOWED_FROM: Record<ModerationAction, readonly Status[]> = {
  approve: ['pending', 'changes_requested', 'rejected', 'unpublished'],
  reject: ['pending', 'changes_requested'],
  'request-changes': ['pending'],
  unpublish: ['published'],
  delete: STATUSES,
  restore: STATUSES,
  merge: ['pending', 'changes_requested', 'published', 'rejected', 'unpublished'],
}

/** Decisions that must say why (ASVS 16.2: the audit log records the reason). */
export const REASON_REQUIRED: ReadonlySet<ModerationAction> = new Set([
  'reject',
  'request-changes',
  'unpublish',
  'delete',
])

/** What a revision records as its cause: a contributor's or an import's change, or a decision. */
export const CHANGE_ACTIONS = [
  'submit',
  'edit',
  'verify',
  'import',
  'import-update',
  ...MODERATION_ACTIONS,
] as const
export type ChangeAction = (typeof CHANGE_ACTIONS)[number]

/**
 * Every action the audit log records: the changes above, decisions on contributions
 * (proposals, reports, replications, feedback; some written in SQL by db/), and the
 * desk's sessions. Listed so that each one has a label wherever it is shown.
 */
export const AUDIT_ACTIONS = [
  ...CHANGE_ACTIONS,
  'reissue-edit-link',
  'approve-proposal',
  'reject-proposal',
  // An event organiser's change, decided (services/events.ts).
  'proposal-approve',
  'proposal-reject',
  'close-report',
  'approve-replication',
  'reject-replication',
  'publish-feedback',
  'reject-feedback',
  'login',
  'login-failed',
  'login-throttled',
  'logout',
  'csrf-rejected',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

export const REASON_MIN = 5
export const REASON_MAX = 2000
