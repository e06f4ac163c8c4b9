/** Worker entry point: HTTP requests go to the Hono app. */
import { app } from './app'

export default {
  fetch: app.fetch,
} satisfies ExportedHandler<Env>
