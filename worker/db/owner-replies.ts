/**
 * The owner's answers to a moderator's request for changes (migrations 0009, 0017):
 * private, read by moderators on the desk and by the owner on their private page.
 */
import { EDITABLE_TABLES, type EditableKind } from './record-kinds'
import type { Db } from './session'

export interface OwnerReply {
  message: string
  at: string
  revision: number
}

/**
 * The reply of the edit that brings record `id` to `revision` at `at`; inserted only if
 * that edit applied (same guard as the revision rows).
 */
export function insertOwnerReply(
  db: Db,
  id: string,
  revision: number,
  message: string,
  at: string,
  kind: EditableKind = 'experiment'
): D1PreparedStatement {
  const { table, replies, key } = EDITABLE_TABLES[kind]
  return db
    .prepare(
      `INSERT INTO ${replies} (${key}, revision, message, created_at)
       SELECT ?1, ?2, ?3, ?4
       WHERE EXISTS (SELECT 1 FROM ${table} WHERE id = ?1 AND revision = ?2 AND updated_at = ?4)`
    )
    .bind(id, revision, message, at)
}

/** The latest reply to this record, if any. */
export async function latestOwnerReply(
  db: Db,
  id: string,
  kind: EditableKind = 'experiment'
): Promise<OwnerReply | null> {
  const { replies, key } = EDITABLE_TABLES[kind]
  return db
    .prepare(
      `SELECT message, created_at AS at, revision FROM ${replies}
       WHERE ${key} = ?1 ORDER BY id DESC LIMIT 1`
    )
    .bind(id)
    .first<OwnerReply>()
}
