/**
 * Security headers on every Worker response: a strict CSP (no inline script, nothing
 * from other hosts), HSTS for one year, no sniffing, no framing — except for the
 * embeddable view (`/integrer`), which other sites show in an iframe.
 */
import type { MiddlewareHandler } from 'hono'

/** `'none'`: no site may frame the page; `*`: any site may (the embeddable view only). */
export type FrameAncestors = "'none'" | '*'

function contentSecurityPolicy(frameAncestors: FrameAncestors): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ')
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy("'none'")

/**
 * What a route sets for a page any site may frame. The middleware then leaves out
 * `X-Frame-Options: DENY`, which would contradict it (browsers that know CSP ignore it,
 * older ones would still refuse the frame).
 */
export const FRAMEABLE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': contentSecurityPolicy('*'),
}

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cross-origin-opener-policy': 'same-origin',
  'permissions-policy': 'geolocation=(), camera=(), microphone=(), payment=()',
}

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  for (const [name, value] of Object.entries(HEADERS)) {
    if (!c.res.headers.has(name)) c.res.headers.set(name, value)
  }
  const csp = c.res.headers.get('content-security-policy') ?? ''
  if (csp.includes("frame-ancestors 'none'") && !c.res.headers.has('x-frame-options')) {
    c.res.headers.set('x-frame-options', 'DENY')
  }
}
