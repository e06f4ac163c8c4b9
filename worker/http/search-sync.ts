import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env'
import { drainOutbox } from '../search/sync'

/**
 * After every successful write request (API, pages, import), drain the outbox without
 * delaying the response. One place for every route, so a new writing route cannot
 * forget it; the cron trigger delivers whatever this misses. With an empty outbox
 * this costs one query.
 */
export const syncSearchAfterWrites: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next()
  if (READ_METHODS.has(c.req.method) || c.res.status >= 400) return
  let ctx: Pick<ExecutionContext, 'waitUntil'>
  try {
    ctx = c.executionCtx
  } catch {
    return // app.request() in unit tests has no execution context
  }
  nudgeSearchSync(ctx, c.env)
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function nudgeSearchSync(ctx: Pick<ExecutionContext, 'waitUntil'>, env: Env): void {
  ctx.waitUntil(
    drainOutbox(env, { maxBatches: 2 }).then(
      () => undefined,
      (error: unknown) => console.warn('search sync nudge failed', error)
    )
  )
}
