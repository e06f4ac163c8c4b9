/**
 * Guards for HTML form posts, the counterpart of `jsonBody()`: a size cap (413), then only
 * urlencoded or multipart bodies (415) in strict UTF-8 (400), parsed once here so a malformed body is a 400
 * rather than an exception in the handler. Hono caches the parsed form, so handlers read
 * it again with `c.req.formData()` at no cost.
 */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../env'
import { ProblemError } from './problem'
import { utf8Body } from './utf8'

/** Large enough for the full submission form (the JSON cap), small for the short forms. */
export const MAX_FORM_BODY_BYTES = 256 * 1024

const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i

export function formBody(maxBytes = MAX_FORM_BODY_BYTES): MiddlewareHandler<AppEnv>[] {
  return [
    bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new ProblemError(413, 'Le formulaire dépasse la taille autorisée.')
      },
    }),
    async (c, next) => {
      if (!FORM_TYPE.test(c.req.header('content-type') ?? '')) {
        throw new ProblemError(415, 'Envoyez ce formulaire depuis la page du site.')
      }
      await next()
    },
    utf8Body(),
    async (c, next) => {
      try {
        await c.req.formData()
      } catch {
        throw new ProblemError(400, 'Le formulaire envoyé est illisible.')
      }
      await next()
    },
  ]
}
