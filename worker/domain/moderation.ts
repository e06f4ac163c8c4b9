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

export const REASON_MIN = 5
export const REASON_MAX = 2000
