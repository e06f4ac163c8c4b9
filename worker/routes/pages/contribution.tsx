/**
 * What the anonymous contribution forms on a record (report, replication, feedback)
 * share: the published record they are about (a plain 404 otherwise) and, when Turnstile
 * is configured, the widget's script and the CSP that lets it load; never cached.
 */
import type { Context } from 'hono'
import type { AppEnv } from '../../env'
import { getPublishedExperiment, type ExperimentRow } from '../../db/experiments'
import { TURNSTILE_SCRIPT, turnstileCsp, type TurnstileConfig } from '../../http/turnstile'
import { NotFound } from '../../../web/components/NotFound'
import { messagesFor, renderPage } from './render'

/** The published record of the `idOrSlug` route parameter, or null. */
export async function publishedRecord(c: Context<AppEnv>): Promise<ExperimentRow | null> {
  const idOrSlug = c.req.param('idOrSlug') ?? ''
  return idOrSlug.length <= 120 ? getPublishedExperiment(c.var.db, idOrSlug) : null
}

export function recordNotFound(c: Context<AppEnv>) {
  const t = messagesFor(c)
  return renderPage(
    c,
    t,
    <NotFound title={t.experiment.notFoundTitle} text={t.experiment.notFoundText} />,
    { status: 404 }
  )
}

export function contributionHead(turnstile: TurnstileConfig | null) {
  return turnstile ? <script src={TURNSTILE_SCRIPT} async defer></script> : undefined
}

export function contributionHeaders(turnstile: TurnstileConfig | null): Record<string, string> {
  return {
    'cache-control': 'no-store',
    ...(turnstile ? { 'content-security-policy': turnstileCsp() } : {}),
  }
}
