/**
 * Desk sessions for named moderators (ASVS V6/V7): sign-in with a password checked
 * against a PBKDF2 hash, a fresh 256-bit session id at every sign-in (rotation), only
 * its SHA-256 stored, cookie `__Host-obs_session` (Secure, HttpOnly, SameSite=Lax,
 * Path=/), 30 minutes idle and 12 hours absolute expiry, sign-out, and failed sign-ins
 * limited per account and IP and per account across IPs. Sign-ins, failures and
 * sign-outs go to the audit log.
 *
 * The two sign-in limits trade guessing against lockout: per (account, IP), 5 failures
 * lock that pair for 15 minutes; per account, from any IP, 20 failures lock the account
 * for what remains of a 5-minute window. So a botnet gets at most 20 guesses per
 * 5 minutes per account, and an attacker who stops can keep a moderator out for
 * 5 minutes at most; one who keeps sending wrong passwords does keep the account locked
 * while it lasts (the API token still works, and the audit log names the attack).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppEnv } from '../env'
import { appendAudit } from '../db/audit'
import {
  clearFailures,
  createSessionStatements,
  deleteExpiredSessions,
  deleteSession,
  getModerator,
  getSession,
  MODERATOR_NAME,
  recentFailures,
  recordFailure,
  replacePasswordHash,
  touchSession,
} from '../db/moderators'
import { secretToken, sha256Hex } from '../lib/crypto'
import { clientHash } from './client-ip'
import { hashPassword, needsRehash, verifyPassword } from '../lib/password'

export const SESSION_COOKIE = '__Host-obs_session'
export const IDLE_TIMEOUT_MS = 30 * 60_000
export const ABSOLUTE_TIMEOUT_MS = 12 * 3_600_000
export const LOGIN_MAX_FAILURES = 5
export const LOGIN_WINDOW_MS = 15 * 60_000
export const LOGIN_ACCOUNT_MAX_FAILURES = 20
export const LOGIN_ACCOUNT_WINDOW_MS = 5 * 60_000
/** last_seen_at is only rewritten after this much time, so reading pages costs no write each. */
const TOUCH_EVERY_MS = 60_000

export interface DeskSession {
  moderator: string
  csrfToken: string
}

/** The desk's context: the app's plus the signed-in session. */
export type DeskEnv = {
  Bindings: AppEnv['Bindings']
  Variables: AppEnv['Variables'] & { session: DeskSession }
}

/**
 * The client's pseudonym in the audit log and the sign-in limits: its network keyed with
 * the rotating secret (client-ip.ts), truncated.
 */
export async function clientIpHash(c: Context): Promise<string> {
  return (await clientHash(c, 'audit')).slice(0, 16)
}

export type SignInResult =
  | { ok: true; moderator: string }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number }

export async function signIn(
  c: Context<AppEnv>,
  name: string,
  password: string,
  now = new Date()
): Promise<SignInResult> {
  const db = c.var.db
  const at = now.toISOString()
  const ipHash = await clientIpHash(c)
  const account = name.trim().toLowerCase()
  const keyHash = await sha256Hex(`login:${account}:${ipHash}`)
  const accountKey = await sha256Hex(`login-account:${account}`)
  const cutoff = new Date(now.getTime() - LOGIN_WINDOW_MS).toISOString()
  const accountCutoff = new Date(now.getTime() - LOGIN_ACCOUNT_WINDOW_MS).toISOString()

  const [pairFailures, accountFailures] = await Promise.all([
    recentFailures(db, keyHash, cutoff),
    recentFailures(db, accountKey, accountCutoff),
  ])
  const pairLocked = pairFailures >= LOGIN_MAX_FAILURES
  if (pairLocked || accountFailures >= LOGIN_ACCOUNT_MAX_FAILURES) {
    await appendAudit(db, {
      at,
      actor: 'anonymous',
      action: 'login-throttled',
      target: MODERATOR_NAME.test(account) ? `moderator:${account}` : null,
      ipHash,
    }).run()
    return {
      ok: false,
      reason: 'rate-limited',
      retryAfterSeconds: (pairLocked ? LOGIN_WINDOW_MS : LOGIN_ACCOUNT_WINDOW_MS) / 1000,
    }
  }

  const moderator = MODERATOR_NAME.test(account) ? await getModerator(db, account) : null
  // verifyPassword does the full PBKDF2 work even without an account: no timing oracle.
  const valid = await verifyPassword(password, moderator?.password_hash ?? null)
  if (!moderator || !valid || moderator.disabled_at !== null) {
    await db.batch([
      recordFailure(db, keyHash, at, cutoff),
      recordFailure(db, accountKey, at, accountCutoff),
      appendAudit(db, {
        at,
        actor: 'anonymous',
        action: 'login-failed',
        // Only name accounts that exist: typos of passwords into the name field stay out.
        target: moderator ? `moderator:${moderator.name}` : null,
        ipHash,
      }),
    ])
    return { ok: false, reason: 'invalid' }
  }

  const sessionId = secretToken()
  const presented = getCookie(c, SESSION_COOKIE)
  await db.batch([
    deleteExpiredSessions(db, at, new Date(now.getTime() - IDLE_TIMEOUT_MS).toISOString()),
    ...createSessionStatements(
      db,
      {
        id_hash: await sha256Hex(sessionId),
        moderator: moderator.name,
        csrf_token: secretToken(),
        created_at: at,
        last_seen_at: at,
        expires_at: new Date(now.getTime() + ABSOLUTE_TIMEOUT_MS).toISOString(),
      },
      presented ? await sha256Hex(presented) : null
    ),
    clearFailures(db, keyHash),
    // Hashed with a lower cost than today's: the password is at hand, store it at the new cost.
    ...(needsRehash(moderator.password_hash)
      ? [
          replacePasswordHash(
            db,
            moderator.name,
            moderator.password_hash,
            await hashPassword(password)
          ),
        ]
      : []),
    appendAudit(db, {
      at,
      actor: `moderator:${moderator.name}`,
      action: 'login',
      target: `moderator:${moderator.name}`,
      ipHash,
    }),
  ])
  setCookie(c, SESSION_COOKIE, sessionId, {
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: ABSOLUTE_TIMEOUT_MS / 1000,
  })
  return { ok: true, moderator: moderator.name }
}

/** The valid session behind the cookie, refreshing its idle clock; null otherwise. */
export async function currentSession(
  c: Context<AppEnv>,
  now = new Date()
): Promise<DeskSession | null> {
  const cookie = getCookie(c, SESSION_COOKIE)
  if (!cookie || cookie.length > 100) return null
  const idHash = await sha256Hex(cookie)
  const row = await getSession(c.var.db, idHash)
  if (!row) return null
  const t = now.getTime()
  const expired =
    Date.parse(row.expires_at) <= t || Date.parse(row.last_seen_at) + IDLE_TIMEOUT_MS <= t
  if (expired) {
    await deleteSession(c.var.db, idHash).run()
    return null
  }
  if (t - Date.parse(row.last_seen_at) >= TOUCH_EVERY_MS) {
    await touchSession(c.var.db, idHash, now.toISOString())
  }
  return { moderator: row.moderator, csrfToken: row.csrf_token }
}

export async function signOut(c: Context<DeskEnv>, now = new Date()): Promise<void> {
  const cookie = getCookie(c, SESSION_COOKIE)
  const at = now.toISOString()
  const statements = [
    appendAudit(c.var.db, {
      at,
      actor: `moderator:${c.var.session.moderator}`,
      action: 'logout',
      target: `moderator:${c.var.session.moderator}`,
      ipHash: await clientIpHash(c),
    }),
  ]
  if (cookie) statements.push(deleteSession(c.var.db, await sha256Hex(cookie)))
  await c.var.db.batch(statements)
  clearSessionCookie(c)
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { secure: true, httpOnly: true, sameSite: 'Lax', path: '/' })
}

/**
 * Guards the desk pages: without a valid session, a GET goes to the sign-in page and
 * anything else is refused. Desk pages are private and never cached.
 */
export const requireDeskSession: MiddlewareHandler<DeskEnv> = async (c, next) => {
  const session = await currentSession(c as unknown as Context<AppEnv>)
  if (!session) {
    if (getCookie(c, SESSION_COOKIE)) clearSessionCookie(c)
    c.header('cache-control', 'no-store')
    if (c.req.method === 'GET' || c.req.method === 'HEAD') {
      return c.redirect('/moderation/connexion', 303)
    }
    return c.text('Session expirée : reconnectez-vous.', 401)
  }
  c.set('session', session)
  c.set('moderator', session.moderator)
  await next()
}
