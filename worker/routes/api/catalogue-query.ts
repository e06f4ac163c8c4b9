/**
 * Shared by the streamed exports and the feeds, which are plain Hono routes (their bodies
 * are streams or XML, not typed JSON): validates the list filters with the same schema as
 * `GET /api/experiments`, so `?theme=…&region=…` means the same everywhere.
 */
import type { Context } from 'hono'
import type { ActorFilters } from '../../db/actors'
import type { CatalogueFilters } from '../../db/experiments'
import type { AppEnv } from '../../env'
import { fieldErrors, ProblemError } from '../../http/problem'
import { ActorFilterQuery, CatalogueFilterQuery, resolveEvidence } from './params'

export function catalogueFilters(c: Context<AppEnv>): CatalogueFilters {
  const parsed = CatalogueFilterQuery.safeParse(c.req.queries())
  if (!parsed.success) {
    throw new ProblemError(
      400,
      'Certains filtres sont invalides.',
      fieldErrors(parsed.error.issues, 'query')
    )
  }
  return resolveEvidence(parsed.data)
}

/** The actors' list filters, validated like `GET /api/actors` (exports of actors). */
export function actorFilters(c: Context<AppEnv>): ActorFilters {
  const parsed = ActorFilterQuery.safeParse(c.req.queries())
  if (!parsed.success) {
    throw new ProblemError(
      400,
      'Certains filtres sont invalides.',
      fieldErrors(parsed.error.issues, 'query')
    )
  }
  return parsed.data
}
