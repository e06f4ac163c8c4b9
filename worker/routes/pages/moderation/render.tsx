/**
 * Rendering and form plumbing shared by the desk pages: French only, never cached,
 * never indexed, no Referer leaving the desk; and the CSRF gate every desk POST passes.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { every } from 'hono/combine'
import type { JSX } from 'hono/jsx/jsx-runtime'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { appendAudit } from '../../../db/audit'
import type { AppEnv } from '../../../env'
import { CSRF_FIELD, isSameOrigin, tokensMatch } from '../../../http/csrf'
import { formBody } from '../../../http/form'
import { clientIpHash, type DeskEnv } from '../../../http/moderator-session'
import { ProblemError } from '../../../http/problem'
import type { FormError } from '../../../../web/components/moderation/RecordForms'
import { MESSAGES } from '../../../../web/i18n'
import { renderPage } from '../render'

export const DESK_HEADERS = {
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'same-origin',
}

export function renderDesk(
  c: Context<DeskEnv> | Context<AppEnv>,
  page: JSX.Element,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {}
): Promise<Response> {
  return renderPage(c as Context<AppEnv>, MESSAGES.fr, page, {
    status,
    headers: { ...DESK_HEADERS, ...headers },
  })
}

/**
 * Desk forms are small (a reason, an id, a token): size cap, form content types only,
 * and a malformed body is a 400, never an exception in a handler.
 */
export const deskForm: MiddlewareHandler = every(...formBody(16 * 1024))

/** A string field of the form `deskForm` already parsed (Hono caches it), or ''. */
export async function formField(c: Context, name: string): Promise<string> {
  const value = (await c.req.formData()).get(name)
  return typeof value === 'string' ? value : ''
}

/**
 * The CSRF gate of every state-changing desk form: same origin AND the session's token.
 * A refusal is logged (ASVS 16.3.3) and answered with a plain page, nothing changed.
 */
export const requireDeskCsrf: MiddlewareHandler<DeskEnv> = async (c, next) => {
  const token = await formField(c, CSRF_FIELD)
  if (!isSameOrigin(c) || !tokensMatch(c.var.session.csrfToken, token)) {
    await appendAudit(c.var.db, {
      at: new Date().toISOString(),
      actor: `moderator:${c.var.session.moderator}`,
      action: 'csrf-rejected',
      target: null,
      detail: { path: new URL(c.req.url).pathname },
      ipHash: await clientIpHash(c),
    }).run()
    return c.text(
      'Formulaire refusé : il ne provient pas du bureau de modération ou a expiré. Rechargez la page puis recommencez.',
      403,
      DESK_HEADERS
    )
  }
  await next()
}

/**
 * A refused decision as the error its form shows (on the reason or target field when the
 * problem names one); rethrows what is not a refusal.
 */
export function decisionFormError(err: unknown, form: string): FormError & { status: number } {
  if (!(err instanceof ProblemError)) throw err
  const first = err.errors?.[0]
  const field =
    first?.pointer === '/reason' ? 'reason' : first?.pointer === '/into' ? 'into' : undefined
  return {
    form,
    ...(field ? { field } : {}),
    message: first?.message ?? err.message,
    status: err.status,
  }
}
