/**
 * D1 access through the Sessions API, so read replicas can be switched on without code
 * changes. Reads start on any replica unless the client sends back the bookmark of its
 * last write (header `x-d1-bookmark`), which gives read-your-writes; requests that write
 * start on the primary.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'

const BOOKMARK_HEADER = 'x-d1-bookmark'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const d1Session: MiddlewareHandler<AppEnv> = async (c, next) => {
  const bookmark = c.req.header(BOOKMARK_HEADER)
  const constraint = SAFE_METHODS.has(c.req.method) ? 'first-unconstrained' : 'first-primary'
  // A bookmark is opaque; a malformed one would make D1 throw, so only trust its shape.
  const session = c.env.DB.withSession(
    bookmark && /^[0-9a-f-]{10,100}$/i.test(bookmark) ? bookmark : constraint
  )
  c.set('db', session)
  await next()
  const latest = session.getBookmark()
  if (latest) c.header(BOOKMARK_HEADER, latest)
}
