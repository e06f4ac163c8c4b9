/**
 * D1 access through the Sessions API, so read replicas can be switched on without code
 * changes. Reads start on any replica unless the client sends back the bookmark of its
 * last write (header `x-d1-bookmark`), which gives read-your-writes; requests that write
 * start on the primary.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'

/** What query helpers need: a D1 database or session. */
export type Db = Pick<D1Database, 'prepare' | 'batch'>

export const BOOKMARK_HEADER = 'x-d1-bookmark'

/**
 * True when a guarded single-row write (`UPDATE … WHERE id = ?1 AND revision = ?2`) found
 * its row; false means someone changed the row first. D1's `meta.changes` also counts the
 * rows that triggers write (migration 0007 bumps `catalogue_version` whenever a published
 * experiment changes), so "exactly 1" would read a success as a conflict.
 */
export function wroteRow(result: D1Result | undefined): boolean {
  return (result?.meta.changes ?? 0) > 0
}

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
