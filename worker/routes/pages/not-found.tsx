/** The HTML 404 for browsers; API clients keep getting problem+json from app.notFound. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../../env'
import { NotFound } from '../../../web/components/NotFound'
import { messagesFor, renderPage } from './render'

/** Whether a request that matched nothing should get the HTML page rather than JSON. */
export function wantsHtml(c: Context<AppEnv>): boolean {
  return !c.req.path.startsWith('/api/') && (c.req.header('accept') ?? '').includes('text/html')
}

export function notFoundPage(c: Context<AppEnv>): Promise<Response> {
  return renderPage(c, messagesFor(c), <NotFound />, { status: 404 })
}

/**
 * The HTML error page for browsers (CSRF refusal, oversize form, unexpected failure…):
 * same words as the problem+json `title`/`detail`, in the site's layout.
 */
export function errorPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  detail: string
): Promise<Response> {
  return renderPage(c, messagesFor(c), <NotFound title={title} text={detail} />, { status })
}
