/**
 * Moderator accounts, desk sessions and failed sign-in counters (migration 0005).
 * Sessions are looked up by the SHA-256 of their id: the cookie value itself is never
 * stored.
 */
import type { Db } from './session'

interface ModeratorRow {
  name: string
  password_hash: string
  created_at: string
  disabled_at: string | null
}

interface SessionRow {
  id_hash: string
  moderator: string
  csrf_token: string
  created_at: string
  last_seen_at: string
  expires_at: string
}

/** Account names: short, lower-case, safe in URLs, logs and SQL literals. */
export const MODERATOR_NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/

export async function getModerator(db: Db, name: string): Promise<ModeratorRow | null> {
  return db.prepare('SELECT * FROM moderators WHERE name = ?1').bind(name).first<ModeratorRow>()
}

export function insertModerator(
  db: Db,
  name: string,
  passwordHash: string,
  at: string
): D1PreparedStatement {
  return db
    .prepare('INSERT INTO moderators (name, password_hash, created_at) VALUES (?1, ?2, ?3)')
    .bind(name, passwordHash, at)
}

/** A new hash of the same password (a raised cost), only if it did not change meanwhile. */
export function replacePasswordHash(
  db: Db,
  name: string,
  previous: string,
  next: string
): D1PreparedStatement {
  return db
    .prepare('UPDATE moderators SET password_hash = ?3 WHERE name = ?1 AND password_hash = ?2')
    .bind(name, previous, next)
}

/**
 * The same insert as one SQL text, for `wrangler d1 execute --command` (scripts cannot
 * bind parameters there). Only accepts values whose alphabet cannot break a literal.
 */
export function insertModeratorSql(name: string, passwordHash: string, at: string): string {
  if (!MODERATOR_NAME.test(name)) throw new Error(`invalid moderator name: ${name}`)
  if (!/^[A-Za-z0-9$_-]+$/.test(passwordHash)) throw new Error('invalid password hash')
  if (!/^[0-9TZ:.-]+$/.test(at)) throw new Error('invalid timestamp')
  return `INSERT INTO moderators (name, password_hash, created_at) VALUES ('${name}', '${passwordHash}', '${at}')`
}

/**
 * Disables an account and ends its sessions at once (scripts, like `insertModeratorSql`).
 * The row stays: audit entries keep naming it.
 */
export function disableModeratorSql(name: string, at: string): string {
  if (!MODERATOR_NAME.test(name)) throw new Error(`invalid moderator name: ${name}`)
  if (!/^[0-9TZ:.-]+$/.test(at)) throw new Error('invalid timestamp')
  return `UPDATE moderators SET disabled_at = '${at}' WHERE name = '${name}' AND disabled_at IS NULL; DELETE FROM moderator_sessions WHERE moderator = '${name}'`
}

export function moderatorExistsSql(name: string): string {
  if (!MODERATOR_NAME.test(name)) throw new Error(`invalid moderator name: ${name}`)
  return `SELECT name FROM moderators WHERE name = '${name}'`
}

// ── Sessions ─────────────────────────────────────────────────────────────────

/** A new session; `replacedIdHash` (the session presented at sign-in, if any) goes away. */
export function createSessionStatements(
  db: Db,
  s: SessionRow,
  replacedIdHash: string | null
): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM moderator_sessions WHERE id_hash = ?1').bind(replacedIdHash),
    db
      .prepare(
        `INSERT INTO moderator_sessions (id_hash, moderator, csrf_token, created_at, last_seen_at, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)`
      )
      .bind(s.id_hash, s.moderator, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at),
  ]
}

/** A session of an enabled account, if it exists (expiry is judged by the caller). */
export async function getSession(db: Db, idHash: string): Promise<SessionRow | null> {
  return db
    .prepare(
      `SELECT s.* FROM moderator_sessions s JOIN moderators m ON m.name = s.moderator
       WHERE s.id_hash = ?1 AND m.disabled_at IS NULL`
    )
    .bind(idHash)
    .first<SessionRow>()
}

export async function touchSession(db: Db, idHash: string, at: string): Promise<void> {
  await db
    .prepare('UPDATE moderator_sessions SET last_seen_at = ?2 WHERE id_hash = ?1')
    .bind(idHash, at)
    .run()
}

export function deleteSession(db: Db, idHash: string): D1PreparedStatement {
  return db.prepare('DELETE FROM moderator_sessions WHERE id_hash = ?1').bind(idHash)
}

/** Housekeeping at sign-in: sessions past their absolute or idle expiry. */
export function deleteExpiredSessions(
  db: Db,
  now: string,
  idleCutoff: string
): D1PreparedStatement {
  return db
    .prepare('DELETE FROM moderator_sessions WHERE expires_at <= ?1 OR last_seen_at <= ?2')
    .bind(now, idleCutoff)
}

// ── Failed sign-ins ──────────────────────────────────────────────────────────

/** Failures counted in the window that is still open at `cutoff`. */
export async function recentFailures(db: Db, keyHash: string, cutoff: string): Promise<number> {
  const row = await db
    .prepare('SELECT failures FROM login_attempts WHERE key_hash = ?1 AND window_start > ?2')
    .bind(keyHash, cutoff)
    .first<{ failures: number }>()
  return row?.failures ?? 0
}

/** Counts one failure; a window that closed before `cutoff` starts over at `at`. */
export function recordFailure(
  db: Db,
  keyHash: string,
  at: string,
  cutoff: string
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO login_attempts (key_hash, window_start, failures) VALUES (?1, ?2, 1)
       ON CONFLICT (key_hash) DO UPDATE SET
         failures = CASE WHEN window_start <= ?3 THEN 1 ELSE failures + 1 END,
         window_start = CASE WHEN window_start <= ?3 THEN ?2 ELSE window_start END`
    )
    .bind(keyHash, at, cutoff)
}

export function clearFailures(db: Db, keyHash: string): D1PreparedStatement {
  return db.prepare('DELETE FROM login_attempts WHERE key_hash = ?1').bind(keyHash)
}
