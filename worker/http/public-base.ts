/**
 * The absolute base of every link the Worker writes (one-time edit links, permalinks,
 * citations, feeds, DCAT ids): `PUBLIC_BASE_URL` when production sets it, else the origin
 * the request reached, so a Worker started on any host or port links to itself.
 */
import { trimTrailing } from '../domain/text'

/** Takes a Hono context, or anything with the environment and the request URL (a notifier). */
export function publicBase(c: { env: Env; req: { url: string } }): string {
  return trimTrailing(c.env.PUBLIC_BASE_URL || new URL(c.req.url).origin, '/')
}
