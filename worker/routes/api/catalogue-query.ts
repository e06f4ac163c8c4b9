/**
 * Shared by the streamed exports and the feeds, which are plain Hono routes (their bodies
 * are streams or XML, not typed JSON): validates the list filters with the same schema as
 * `GET /api/experiments`, so `?theme=…&region=…` means the same everywhere.
 */
import type { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { ActorFilters } from '../../db/actors'
import type { CatalogueFilters } from '../../db/experiments'
import type { AgendaFilters, AgendaWhen } from '../../domain/agenda'
import type { AppEnv } from '../../env'
import { fieldErrors, ProblemError } from '../../http/problem'
import { ActorFilterQuery, CatalogueFilterQuery, EventFilterQuery, resolveEvidence } from './params'

/** The request's query parsed by `schema`, or a 400 naming each bad parameter. */
function validQuery<T extends z.ZodType>(c: Context<AppEnv>, schema: T): z.output<T> {
  const parsed = schema.safeParse(c.req.queries())
  if (!parsed.success) {
    throw new ProblemError(
      400,
      'Certains filtres sont invalides.',
      fieldErrors(parsed.error.issues, 'query')
    )
  }
  return parsed.data
}

export function catalogueFilters(c: Context<AppEnv>): CatalogueFilters {
  return resolveEvidence(validQuery(c, CatalogueFilterQuery))
}

/** The actors' list filters, validated like `GET /api/actors` (exports of actors). */
export function actorFilters(c: Context<AppEnv>): ActorFilters {
  return validQuery(c, ActorFilterQuery)
}

/**
 * The agenda's filters, validated like `GET /api/events` (feeds and exports of events);
 * without `when`, the route's own period (upcoming for feeds, all for exports).
 */
export function agendaFilters(c: Context<AppEnv>, when: AgendaWhen): AgendaFilters {
  const filters = validQuery(c, EventFilterQuery)
  return { ...filters, when: filters.when ?? when }
}
