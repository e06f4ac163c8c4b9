/**
 * Private edit access (migrations 0006, 0017): the edit token stored as a hash on each
 * record, the sessions it is exchanged for, and the writes only a submitter makes
 * (private contact, "still accurate") — for every kind of record, each in its own tables
 * (db/record-kinds.ts). Every content change goes through the kind's one writer.
 */
import type { ExperimentRow } from './experiments'
import { EDITABLE_TABLES, type EditableKind, type RecordRow } from './record-kinds'
import { revisionStatements } from './revisions'
import type { Db } from './session'

/** The record of `kind` whose current edit token has this hash (any status). */
export async function findByEditTokenHash<Row extends RecordRow = ExperimentRow>(
  db: Db,
  hash: string,
  kind: EditableKind = 'experiment'
): Promise<Row | null> {
  return db
    .prepare(`SELECT * FROM ${EDITABLE_TABLES[kind].table} WHERE edit_token_hash = ?1`)
    .bind(hash)
    .first<Row>()
}

interface NewEditSession {
  idHash: string
  recordId: string
  tokenHash: string
  at: string
  expiresAt: string
}

/**
 * Opens a session, renews the token's expiry (a used link stays alive) — both only if
 * the token is still the current one. Callers check the first result's `changes`.
 */
export function openEditSessionStatements(
  db: Db,
  s: NewEditSession,
  tokenExpiresAt: string,
  kind: EditableKind = 'experiment'
): D1PreparedStatement[] {
  const { table, sessions, key } = EDITABLE_TABLES[kind]
  return [
    db
      .prepare(
        `INSERT INTO ${sessions} (id_hash, ${key}, token_hash, created_at, expires_at)
         SELECT ?1, id, ?3, ?4, ?5 FROM ${table}
         WHERE id = ?2 AND edit_token_hash = ?3 AND edit_token_expires_at > ?4`
      )
      .bind(s.idHash, s.recordId, s.tokenHash, s.at, s.expiresAt),
    renewEditTokenStatement(db, s.recordId, s.tokenHash, tokenExpiresAt, s.at, kind),
    // Expired sessions of any record are useless; sweep them while we are here.
    db.prepare(`DELETE FROM ${sessions} WHERE expires_at <= ?1`).bind(s.at),
  ]
}

/** Renews the expiry of a record's edit token, only if it is still the current, unexpired one. */
export function renewEditTokenStatement(
  db: Db,
  id: string,
  tokenHash: string,
  expiresAt: string,
  at: string,
  kind: EditableKind
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE ${EDITABLE_TABLES[kind].table} SET edit_token_expires_at = ?3
       WHERE id = ?1 AND edit_token_hash = ?2 AND edit_token_expires_at > ?4`
    )
    .bind(id, tokenHash, expiresAt, at)
}

/**
 * The record a live session may edit: the session has not expired and was opened with
 * the record's current, unexpired token (re-issuing or revoking the link ends it).
 */
export async function findEditSession<Row extends RecordRow = ExperimentRow>(
  db: Db,
  idHash: string,
  now: string,
  kind: EditableKind = 'experiment'
): Promise<Row | null> {
  const { table, sessions, key } = EDITABLE_TABLES[kind]
  return db
    .prepare(
      `SELECT e.* FROM ${sessions} s JOIN ${table} e ON e.id = s.${key}
       WHERE s.id_hash = ?1 AND s.expires_at > ?2
         AND e.edit_token_hash = s.token_hash AND e.edit_token_expires_at > ?2`
    )
    .bind(idHash, now)
    .first<Row>()
}

export function closeEditSession(
  db: Db,
  idHash: string,
  kind: EditableKind = 'experiment'
): D1PreparedStatement {
  return db.prepare(`DELETE FROM ${EDITABLE_TABLES[kind].sessions} WHERE id_hash = ?1`).bind(idHash)
}

/** A new token replaces the old one, whose sessions end with it. */
export function replaceEditTokenStatements(
  db: Db,
  id: string,
  tokenHash: string,
  expiresAt: string,
  kind: EditableKind = 'experiment'
): D1PreparedStatement[] {
  const { table, sessions, key } = EDITABLE_TABLES[kind]
  return [
    db
      .prepare(`UPDATE ${table} SET edit_token_hash = ?2, edit_token_expires_at = ?3 WHERE id = ?1`)
      .bind(id, tokenHash, expiresAt),
    db.prepare(`DELETE FROM ${sessions} WHERE ${key} = ?1`).bind(id),
  ]
}

/** Stores the submitter's own (never published) contact details. */
export function updatePrivateContact(
  db: Db,
  id: string,
  contact: unknown,
  kind: EditableKind = 'experiment'
): D1PreparedStatement {
  return db
    .prepare(`UPDATE ${EDITABLE_TABLES[kind].table} SET private_contact = ?2 WHERE id = ?1`)
    .bind(id, JSON.stringify(contact))
}

/**
 * "Still accurate": a new revision with the same content and `last_verified_at` = now,
 * plus outbox rows so the indexes see the date. Guarded by the revision the caller read.
 */
export function verifyStatements(
  db: Db,
  id: string,
  readRevision: number,
  actor: string,
  at: string,
  kind: EditableKind = 'experiment'
): D1PreparedStatement[] {
  const revision = readRevision + 1
  return [
    db
      .prepare(
        `UPDATE ${EDITABLE_TABLES[kind].table} SET revision = revision + 1, last_verified_at = ?3,
           updated_at = ?3
         WHERE id = ?1 AND revision = ?2 AND status = 'published'`
      )
      .bind(id, readRevision, at),
    ...revisionStatements(db, id, revision, { action: 'verify', actor, at }, kind),
  ]
}
