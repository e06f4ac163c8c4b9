/** The HTML 404 for browsers; API clients keep getting problem+json from app.notFound. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../../env'
import { NotFound } from '../../../web/components/NotFound'
import { messagesFor, renderPage } from './render'

/**
 * Whether an error should be an HTML page rather than JSON: outside the API, for a client
 * that accepts HTML or that posted a form (only browsers and their scripts do).
 */
export function wantsHtml(c: Context<AppEnv>): boolean {
  if (c.req.path.startsWith('/api/')) return false
  if ((c.req.header('accept') ?? '').includes('text/html')) return true
  return /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i.test(
    c.req.header('content-type') ?? ''
  )
}

/** A kind's own words for its 404 (`t.experiment`, `t.actors`, `t.events`). */
interface NotFoundWords {
  notFoundTitle: string
  notFoundText: string
}

/** The HTML 404; `words` picks a kind's own title and text from the reader's dictionary. */
export function notFoundPage(
  c: Context<AppEnv>,
  words?: (t: ReturnType<typeof messagesFor>) => NotFoundWords
): Promise<Response> {
  const t = messagesFor(c)
  const own = words?.(t)
  return renderPage(c, t, <NotFound title={own?.notFoundTitle} text={own?.notFoundText} />, {
    status: 404,
  })
}

/**
 * The HTML error page for browsers (CSRF refusal, oversize form, unexpected failure…):
 * same words as the problem+json `title`/`detail`, in the site's layout.
 */
export function errorPage(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  title: string,
  detail: string,
  headers: Record<string, string> = {}
): Promise<Response> {
  return renderPage(c, messagesFor(c), <NotFound title={title} text={detail} />, {
    status,
    headers,
  })
}
