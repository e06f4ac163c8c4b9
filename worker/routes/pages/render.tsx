/**
 * Rendering helpers shared by the page routes: language negotiation, the doctype, and
 * the headers every HTML page carries.
 */
import type { Context } from 'hono'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from '../../env'
import { I18n, MESSAGES, negotiateLang, type Messages } from '../../../web/i18n'

export function messagesFor(c: Context<AppEnv>): Messages {
  return MESSAGES[negotiateLang(c.req.header('cookie'), c.req.header('accept-language'))]
}

export interface RenderOptions {
  status?: ContentfulStatusCode
  headers?: Record<string, string>
}

/**
 * Renders a page element with its messages in context. The element is built by the
 * caller but its components run only when serialised here, inside the provider.
 */
export async function renderPage(
  c: Context<AppEnv>,
  t: Messages,
  page: JSX.Element,
  { status = 200, headers = {} }: RenderOptions = {}
): Promise<Response> {
  const body = await (<I18n.Provider value={t}>{page}</I18n.Provider>).toString()
  return c.html(`<!doctype html>${body}`, status, {
    // The language depends on these request headers, so shared caches must key on them.
    vary: 'Accept-Language, Cookie',
    'content-language': t.lang,
    ...headers,
  })
}
