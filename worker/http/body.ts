/**
 * Guards for request bodies, applied before validation: JSON only (415 otherwise), a
 * size cap (413) and strict UTF-8 (400), so hostile or accidental payloads are refused before being parsed.
 */
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AppEnv } from '../env'
import { ProblemError } from './problem'
import { utf8Body } from './utf8'

/** Largest accepted experiment: the longest narrative fields together stay far below this. */
export const MAX_JSON_BODY_BYTES = 256 * 1024

const JSON_TYPE = /^application\/([a-z0-9.+-]+\+)?json\s*(;|$)/i

export function jsonBody(maxBytes = MAX_JSON_BODY_BYTES): MiddlewareHandler<AppEnv>[] {
  return [
    async (c, next) => {
      if (!JSON_TYPE.test(c.req.header('content-type') ?? '')) {
        throw new ProblemError(
          415,
          'Envoyez le corps en JSON avec l’en-tête Content-Type: application/json.'
        )
      }
      await next()
    },
    bodyLimit({
      maxSize: maxBytes,
      onError: () => {
        throw new ProblemError(
          413,
          `Le corps de la requête dépasse ${Math.round(maxBytes / 1024)} Kio.`
        )
      },
    }),
    utf8Body(),
  ]
}
