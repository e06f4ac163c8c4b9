/** Worker entry point: HTTP requests go to the Hono app; the cron drains the search outbox. */
import { app } from './app'
import { drainOutbox, logDrain } from './search/sync'

export default {
  fetch: app.fetch,
  // Safety net of the search outbox: delivers whatever the post-write nudge missed.
  async scheduled(_controller, env, ctx) {
    ctx.waitUntil(
      drainOutbox(env).then(logDrain, (error: unknown) => {
        console.error('search sync failed', error)
        throw error
      })
    )
  },
} satisfies ExportedHandler<Env>
