/**
 * Private edit access (migration 0006): the edit token stored as a hash on `experiments`,
 * the sessions it is exchanged for, and the writes only a submitter makes (private
 * contact, "still accurate"). Every record change goes through services/records.ts.
 */
import type { ExperimentRow } from './experiments'
import { revisionStatements } from './revisions'
import type { Db } from './session'

/** The record whose current edit token has this hash (any status). */
export async function findByEditTokenHash(db: Db, hash: string): Promise<ExperimentRow | null> {
  return db
    .prepare('SELECT * FROM experiments WHERE edit_token_hash = ?1')
    .bind(hash)
    .first<ExperimentRow>()
}

interface NewEditSession {
  idHash: string
  experimentId: string
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
  tokenExpiresAt: string
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO edit_sessions (id_hash, experiment_id, token_hash, created_at, expires_at)
         SELECT ?1, id, ?3, ?4, ?5 FROM experiments
         WHERE id = ?2 AND edit_token_hash = ?3 AND edit_token_expires_at > ?4`
      )
      .bind(s.idHash, s.experimentId, s.tokenHash, s.at, s.expiresAt),
    db
      .prepare(
        `UPDATE experiments SET edit_token_expires_at = ?3
         WHERE id = ?1 AND edit_token_hash = ?2 AND edit_token_expires_at > ?4`
      )
      .bind(s.experimentId, s.tokenHash, tokenExpiresAt, s.at),
    // Expired sessions of any record are useless; sweep them while we are here.
    db.prepare('DELETE FROM edit_sessions WHERE expires_at <= ?1').bind(s.at),
  ]
}

/**
 * The record a live session may edit: the session has not expired and was opened with
 * the record's current, unexpired token (re-issuing or revoking the link ends it).
 */
export async function findEditSession(
  db: Db,
  idHash: string,
  now: string
): Promise<ExperimentRow | null> {
  return db
    .prepare(
      `SELECT e.* FROM edit_sessions s JOIN experiments e ON e.id = s.experiment_id
       WHERE s.id_hash = ?1 AND s.expires_at > ?2
         AND e.edit_token_hash = s.token_hash AND e.edit_token_expires_at > ?2`
    )
    .bind(idHash, now)
    .first<ExperimentRow>()
}

export function closeEditSession(db: Db, idHash: string): D1PreparedStatement {
  return db.prepare('DELETE FROM edit_sessions WHERE id_hash = ?1').bind(idHash)
}

/** A new token replaces the old one, whose sessions end with it. */
export function replaceEditTokenStatements(
  db: Db,
  id: string,
  tokenHash: string,
  expiresAt: string
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        'UPDATE experiments SET edit_token_hash = ?2, edit_token_expires_at = ?3 WHERE id = ?1'
      )
      .bind(id, tokenHash, expiresAt),
    db.prepare('DELETE FROM edit_sessions WHERE experiment_id = ?1').bind(id),
  ]
}

/** Stores the submitter's own (never published) contact details. */
export function updatePrivateContact(db: Db, id: string, contact: unknown): D1PreparedStatement {
  return db
    .prepare('UPDATE experiments SET private_contact = ?2 WHERE id = ?1')
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
  at: string
): D1PreparedStatement[] {
  const revision = readRevision + 1
  return [
    db
      .prepare(
        `UPDATE experiments SET revision = revision + 1, last_verified_at = ?3, updated_at = ?3
         WHERE id = ?1 AND revision = ?2 AND status = 'published'`
      )
      .bind(id, readRevision, at),
    ...revisionStatements(db, id, revision, { action: 'verify', actor, at }),
  ]
}
