/**
 * `/langue/{fr|en}`: remembers the reader's choice of interface language in a cookie
 * and goes back to the page they were on. Works without JavaScript (a plain link).
 */
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import type { AppEnv } from '../../env'

/** Only local paths: an absolute or protocol-relative URL would make an open redirect. */
function safeReturn(value: string | undefined): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/'
}

export const languageSwitch = new Hono<AppEnv>().get('/langue/:lang{fr|en}', (c) => {
  setCookie(c, 'lang', c.req.param('lang'), {
    path: '/',
    maxAge: 365 * 86_400,
    sameSite: 'Lax',
    httpOnly: true,
    secure: new URL(c.req.url).protocol === 'https:',
  })
  c.header('cache-control', 'no-store')
  return c.redirect(safeReturn(c.req.query('retour')), 303)
})
