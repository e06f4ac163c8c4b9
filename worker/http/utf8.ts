/**
 * Request bodies must be UTF-8. Left to the platform, an invalid byte silently becomes
 * U+FFFD (in the raw body or behind a `%FF` of a form field) and the damaged text is
 * stored and exported as if typed (issue 15): the body is decoded strictly instead and
 * refused with a 400. Runs after the size cap; Hono caches the bytes, so the handler's
 * own `json()`, `formData()` or `text()` reads them again at no network cost.
 */
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { ProblemError } from './problem'

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

const invalid = () =>
  new ProblemError(400, 'Le corps de la requête n’est pas un texte UTF-8 valide.')

/** The body as text, or a 400 when its bytes are not UTF-8. */
export async function utf8Text(c: Context<AppEnv>): Promise<string> {
  try {
    return STRICT_UTF8.decode(await c.req.arrayBuffer())
  } catch {
    throw invalid()
  }
}

/** Every name and value of an urlencoded body, percent-decoded, is UTF-8. */
function urlencodedIsUtf8(body: string): boolean {
  try {
    for (const pair of body.split('&')) {
      // A bare `%` is read literally by URLSearchParams: escape it so only `%XX` is decoded.
      decodeURIComponent(pair.replaceAll('+', ' ').replace(/%(?![0-9a-f]{2})/gi, '%25'))
    }
    return true
  } catch {
    return false
  }
}

/** Refuses a body that is not UTF-8, in its bytes or, for a form, in its `%XX` escapes. */
export function utf8Body(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const text = await utf8Text(c)
    const type = c.req.header('content-type') ?? ''
    if (/^application\/x-www-form-urlencoded/i.test(type) && !urlencodedIsUtf8(text)) {
      throw invalid()
    }
    await next()
  }
}
