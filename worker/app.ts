/**
 * The Hono application: middleware, routers, the OpenAPI document and the single
 * error handler that turns every failure into RFC 9457 problem details.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env'
import { d1Session } from './http/d1-session'
import { ProblemError, problemResponse } from './http/problem'
import { abuseRateLimits } from './http/rate-limit'
import { securityHeaders } from './http/security-headers'
import { syncSearchAfterWrites } from './http/search-sync'
import { actorExportsApi } from './routes/api/actor-exports'
import { actorsApi } from './routes/api/actors'
import { eventExportsApi } from './routes/api/event-exports'
import { editingApi } from './routes/api/editing'
import { eventsApi } from './routes/api/events'
import { docsApi } from './routes/api/docs'
import { experimentsApi } from './routes/api/experiments'
import { feedsApi } from './routes/api/feeds'
import { exportsApi } from './routes/api/exports'
import { moderationApi } from './routes/api/moderation'
import { feedbackApi } from './routes/api/feedback'
import { replicationsApi } from './routes/api/replications'
import { networkApi } from './routes/api/network'
import { paroleApi } from './routes/api/parole'
import { pickerApi } from './routes/api/picker'
import { reportsApi } from './routes/api/reports'
import { searchApi } from './routes/api/search'
import { statsApi } from './routes/api/stats'
import { territoriesApi } from './routes/api/territories'
import { comparePage } from './routes/pages/compare'
import { territoryPage } from './routes/pages/territory'
import { moderationDesk } from './routes/pages/moderation'
import { errorPage, notFoundPage, pages, wantsHtml } from './routes/pages'

export const api = new OpenAPIHono<AppEnv>()
  .route('/', experimentsApi)
  .route('/', actorsApi)
  .route('/', actorExportsApi)
  .route('/', eventsApi)
  .route('/', eventExportsApi)
  .route('/', territoriesApi)
  .route('/', moderationApi)
  .route('/', editingApi)
  .route('/', reportsApi)
  .route('/', replicationsApi)
  .route('/', feedbackApi)
  .route('/', searchApi)
  .route('/', exportsApi)
  .route('/', feedsApi)
  .route('/', docsApi(openApiDocument))
  .route('/', statsApi)
  .route('/', networkApi)
  .route('/', paroleApi)
  .route('/', pickerApi)

/** The OpenAPI document as served, for the HTML reference at /api/docs. */
async function openApiDocument(): Promise<unknown> {
  return (await api.request('/openapi.json')).json()
}

api.openAPIRegistry.registerComponent('securitySchemes', 'moderatorToken', {
  type: 'http',
  scheme: 'bearer',
  description: 'Jeton de modérateur (secret MODERATOR_TOKENS)',
})

api.openAPIRegistry.registerComponent('securitySchemes', 'editToken', {
  type: 'http',
  scheme: 'bearer',
  description: 'Jeton privé de modification remis au porteur lors de la proposition',
})

api.doc31('/openapi.json', {
  openapi: '3.1.0',
  info: {
    title: 'Observatoire des expérimentations numériques locales',
    version: '1.0.0',
    description:
      'API du catalogue des expérimentations numériques des collectivités : proposition, modération, consultation et territoires. Erreurs au format RFC 9457 (application/problem+json).',
    license: {
      name: 'Licence Ouverte 2.0 (données)',
      url: 'https://www.etalab.gouv.fr/licence-ouverte-open-licence/',
    },
  },
  servers: [{ url: '/api' }],
})

export const app = new OpenAPIHono<AppEnv>()
  .use(securityHeaders)
  .use(d1Session)
  .use(abuseRateLimits)
  .use(syncSearchAfterWrites)
  .route('/api', api)
  .route('/', pages)
  .route('/', comparePage)
  .route('/', territoryPage)
  .route('/', moderationDesk)

app.notFound((c) =>
  wantsHtml(c)
    ? notFoundPage(c)
    : problemResponse(
        new ProblemError(404, 'Cette adresse ne correspond à aucune ressource.').toProblem()
      )
)

/** French wording for errors raised by Hono's own middleware (JSON parsing, CSRF, body limit). */
const HONO_ERROR_DETAILS: Partial<Record<number, string>> = {
  400: 'Le corps de la requête n’est pas un JSON valide.',
  403: 'Requête refusée : elle ne semble pas venir de ce site. Rechargez la page, puis réessayez.',
  413: 'Les données envoyées sont trop volumineuses.',
}

app.onError((err, c) => {
  const problem =
    err instanceof ProblemError
      ? err
      : err instanceof HTTPException
        ? new ProblemError(err.status as ContentfulStatusCode, HONO_ERROR_DETAILS[err.status])
        : undefined
  if (!problem) console.error('unhandled error', err)
  const shown =
    problem ?? new ProblemError(500, 'Une erreur inattendue est survenue ; elle a été journalisée.')
  if (wantsHtml(c)) {
    const { title, detail } = shown.toProblem()
    return errorPage(c, shown.status, title, detail ?? title, shown.headers)
  }
  return problemResponse(shown.toProblem(), shown.headers)
})
