/**
 * Optional Cloudflare Turnstile on the public HTML forms (perf-security.md §4.3). It is on
 * only when both TURNSTILE_SITE_KEY and TURNSTILE_SECRET are configured, so local and test
 * runs never call Cloudflare. The token is always checked server-side (siteverify), once,
 * with an idempotency key so a retried verification is not counted as a replay. Pages that
 * show the widget widen their CSP with `turnstileCsp()`; others keep the strict default.
 */
import { CONTENT_SECURITY_POLICY } from './security-headers'

declare global {
  namespace Cloudflare {
    interface Env {
      /** Turnstile secret (a secret, never a var). */
      TURNSTILE_SECRET?: string
      /** Turnstile site key (public). */
      TURNSTILE_SITE_KEY?: string
    }
  }
}

export const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com'
export const TURNSTILE_SCRIPT = `${TURNSTILE_ORIGIN}/turnstile/v0/api.js`
const SITEVERIFY = `${TURNSTILE_ORIGIN}/turnstile/v0/siteverify`
/** The form field the widget fills in. */
export const TURNSTILE_FIELD = 'cf-turnstile-response'

export interface TurnstileConfig {
  siteKey: string
  secret: string
}

export function turnstileConfig(env: Env): TurnstileConfig | null {
  const siteKey = env.TURNSTILE_SITE_KEY?.trim()
  const secret = env.TURNSTILE_SECRET?.trim()
  return siteKey && secret ? { siteKey, secret } : null
}

/** The default CSP plus what the widget needs: its script and its iframe. */
export function turnstileCsp(): string {
  return CONTENT_SECURITY_POLICY.replace(
    "script-src 'self'",
    `script-src 'self' ${TURNSTILE_ORIGIN}`
  ).concat(`; frame-src ${TURNSTILE_ORIGIN}`)
}

interface SiteverifyAnswer {
  success: boolean
  action?: string
  hostname?: string
  'error-codes'?: string[]
}

/**
 * Whether a widget token is valid for this action. Tokens are ≤ 2048 characters; anything
 * else is refused without asking Cloudflare. A network failure is retried once with the
 * same idempotency key, then fails closed.
 */
export async function verifyTurnstile(
  config: TurnstileConfig,
  token: string | undefined,
  opts: { ip?: string | undefined; action?: string; fetcher?: typeof fetch } = {}
): Promise<boolean> {
  if (!token || token.length > 2048) return false
  const body = new URLSearchParams({
    secret: config.secret,
    response: token,
    idempotency_key: crypto.randomUUID(),
  })
  if (opts.ip) body.set('remoteip', opts.ip)
  const send = opts.fetcher ?? fetch
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const res = await send(SITEVERIFY, { method: 'POST', body })
      if (!res.ok) continue
      const answer = (await res.json()) as SiteverifyAnswer
      if (!answer.success) return false
      return !opts.action || !answer.action || answer.action === opts.action
    } catch {
      // retried once, then refused below
    }
  }
  return false
}
