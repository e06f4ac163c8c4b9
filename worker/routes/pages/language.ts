/**
 * `/langue/{fr|en}`: remembers the reader's choice of interface language in a cookie
 * and goes back to the page they were on. Works without JavaScript (a plain link).
 */
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import type { AppEnv } from '../../env'

const HOME = '/'
const SELF = 'https://observatoire.invalid'

/**
 * Only a path of this site, else the home page. Browsers drop tabs and newlines and read a
 * backslash as `/` (so `/%09/example.com` → `/<tab>/example.com` → `//example.com`, another
 * origin): controls, backslashes and encoded slashes are refused outright, then the WHATWG URL
 * parser, the one browsers use, must resolve the rest to this origin and to a path that
 * does not itself start with `//` (`/.//example.com` does).
 */
export function safeReturn(value: string | undefined): string {
  if (
    !value?.startsWith('/') ||
    /[\\\u0000-\u001f\u007f]|%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i.test(value)
  )
    return HOME
  let url: URL
  try {
    url = new URL(value, SELF)
  } catch {
    return HOME
  }
  if (url.origin !== SELF || url.pathname.startsWith('//')) return HOME
  return url.pathname + url.search + url.hash
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
