/**
 * The kinds of record that share the lifecycle (submission, moderation, revisions,
 * outbox): each one's tables, the columns every one of them has, and the mapping of those
 * columns to the API shapes. Table names in SQL come only from this constant, never
 * from input.
 */
import type { Derived, PrivateContact, Status } from '../domain/experiment'

export const RECORD_TABLES = {
  experiment: {
    table: 'experiments',
    revisions: 'experiment_revisions',
    key: 'experiment_id',
    snapshot: 'data',
  },
  actor: { table: 'actors', revisions: 'actor_revisions', key: 'actor_id', snapshot: 'data' },
  // An event's history keeps what came out of it too (migration 0016).
  event: {
    table: 'events',
    revisions: 'event_revisions',
    key: 'event_id',
    snapshot: `CASE WHEN restitution IS NULL THEN data
               ELSE json_set(data, '$.restitution', json(restitution)) END`,
  },
} as const
export type RecordKind = keyof typeof RECORD_TABLES

/**
 * The kinds whose owner edits them through a private link (migrations 0006, 0009, 0017,
 * 0021): their edit sessions, proposed edits, owner replies and reader reports, and the
 * column that names a record (for the desk's queues).
 */
export const EDITABLE_TABLES = {
  experiment: {
    ...RECORD_TABLES.experiment,
    sessions: 'edit_sessions',
    proposals: 'proposals',
    replies: 'owner_replies',
    reports: 'reports',
    name: 'title',
  },
  actor: {
    ...RECORD_TABLES.actor,
    sessions: 'actor_edit_sessions',
    proposals: 'actor_proposals',
    replies: 'actor_owner_replies',
    reports: 'actor_reports',
    name: 'name',
  },
  event: {
    ...RECORD_TABLES.event,
    sessions: 'event_edit_sessions',
    proposals: 'event_proposals',
    replies: 'event_owner_replies',
    reports: 'event_reports',
    name: 'title',
  },
} as const
export type EditableKind = keyof typeof EDITABLE_TABLES
export const EDITABLE_KINDS = Object.keys(EDITABLE_TABLES) as EditableKind[]

/** The lifecycle columns of every kind of record (migrations 0002, 0005, 0013, 0016). */
export interface RecordRow {
  id: string
  slug: string
  status: Status
  revision: number
  data: string
  derived: string
  private_contact: string
  edit_token_hash: string
  edit_token_expires_at: string
  moderation_note: string | null
  created_at: string
  updated_at: string
  published_at: string | null
  last_verified_at: string | null
  deleted_at: string | null
  deleted_by: string | null
  status_before_delete: Status | null
  merged_into: string | null
}

/** Identity, dates and derived fields of a stored record (`RECORD_FIELDS` and its id). */
export function recordFields(row: RecordRow) {
  return {
    id: row.id,
    slug: row.slug,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    lastVerifiedAt: row.last_verified_at,
    derived: JSON.parse(row.derived) as Derived,
  }
}

/** What only moderators see of a record (`MODERATION_FIELDS`). */
export function moderationFields(row: RecordRow) {
  return {
    status: row.status,
    privateContact: JSON.parse(row.private_contact) as PrivateContact,
    moderationNote: row.moderation_note,
  }
}
