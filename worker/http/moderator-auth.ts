/**
 * Moderator authentication for the API: `Authorization: Bearer <token>`, checked
 * against the `MODERATOR_TOKENS` secret (`name:token` pairs). Tokens are compared as
 * SHA-256 digests in constant time, so neither their content nor their length leaks
 * through timing.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { sha256Bytes } from '../lib/crypto'
import { ProblemError } from './problem'

interface ModeratorToken {
  name: string
  digest: Uint8Array
}

async function parseTokens(secret: string | undefined): Promise<ModeratorToken[]> {
  const pairs = (secret ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
  return Promise.all(
    pairs.map(async (pair) => {
      const at = pair.indexOf(':')
      const name = at > 0 ? pair.slice(0, at) : 'moderator'
      const token = at > 0 ? pair.slice(at + 1) : pair
      return { name, digest: await sha256Bytes(token) }
    })
  )
}

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/

export const requireModerator: MiddlewareHandler<AppEnv> = async (c, next) => {
  const match = BEARER.exec(c.req.header('authorization') ?? '')
  if (!match?.[1]) {
    throw new ProblemError(
      401,
      'Un jeton de modération est requis (en-tête Authorization: Bearer).',
      undefined,
      {
        'www-authenticate': 'Bearer realm="moderation"',
      }
    )
  }
  const presented = await sha256Bytes(match[1])
  let found: string | undefined
  // Compare against every configured token, without stopping early.
  for (const token of await parseTokens(c.env.MODERATOR_TOKENS)) {
    if (crypto.subtle.timingSafeEqual(presented, token.digest) && token.name.length > 0)
      found ??= token.name
  }
  if (!found) throw new ProblemError(403, 'Ce jeton de modération n’est pas reconnu.')
  c.set('moderator', found)
  await next()
}
