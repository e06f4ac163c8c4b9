/**
 * CSRF defence of the desk forms, two independent layers (ASVS 3.5.1–3.5.3):
 * - the request must come from this origin: `Origin` equal to ours, or, when a browser
 *   omits it, `Sec-Fetch-Site: same-origin`; a request with neither is refused (fail closed);
 * - the form must carry the session's synchronizer token (hidden field `_csrf`), compared
 *   in constant time. The token is random per session and never leaves it.
 */
import type { Context } from 'hono'

export const CSRF_FIELD = '_csrf'

export function isSameOrigin(c: Context): boolean {
  const origin = c.req.header('origin')
  if (origin !== undefined) return origin === new URL(c.req.url).origin
  return c.req.header('sec-fetch-site') === 'same-origin'
}

export function tokensMatch(expected: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length !== expected.length) return false
  let diff = 0
  for (let i = 0; i < expected.length; i++) diff |= expected.charCodeAt(i) ^ presented.charCodeAt(i)
  return diff === 0
}
