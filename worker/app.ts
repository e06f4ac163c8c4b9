/**
 * The Hono application: middleware, routers, the OpenAPI document and the single
 * error handler that turns every failure into RFC 9457 problem details.
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { AppEnv } from './env'
import { d1Session } from './db/session'
import { ProblemError, problemResponse } from './http/problem'
import { abuseRateLimits } from './http/rate-limit'
import { securityHeaders } from './http/security-headers'
import { editingApi } from './routes/api/editing'
import { docsApi } from './routes/api/docs'
import { experimentsApi } from './routes/api/experiments'
import { feedsApi } from './routes/api/feeds'
import { exportsApi } from './routes/api/exports'
import { importApi } from './routes/api/import'
import { moderationApi } from './routes/api/moderation'
import { searchApi } from './routes/api/search'
import { reportsApi } from './routes/api/reports'
import { statsApi } from './routes/api/stats'
import { territoriesApi } from './routes/api/territories'
import { comparePage } from './routes/pages/compare'
import { territoryPage } from './routes/pages/territory'
import { moderationDesk } from './routes/pages/moderation'
import { notFoundPage, pages, wantsHtml } from './routes/pages'

export const api = new OpenAPIHono<AppEnv>()
  .route('/', experimentsApi)
  .route('/', territoriesApi)
  .route('/', moderationApi)
  .route('/', searchApi)
  .route('/', editingApi)
  .route('/', reportsApi)
  .route('/', exportsApi)
  .route('/', importApi)
  .route('/', feedsApi)
  .route('/', docsApi)
  .route('/', statsApi)

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

app.onError((err) => {
  if (err instanceof ProblemError) return problemResponse(err.toProblem(), err.headers)
  if (err instanceof HTTPException) {
    // Raised by Hono itself, e.g. "Malformed JSON in request body".
    const status = err.status as ContentfulStatusCode
    const detail = status === 400 ? 'Le corps de la requête n’est pas un JSON valide.' : err.message
    return problemResponse(new ProblemError(status, detail).toProblem())
  }
  console.error('unhandled error', err)
  return problemResponse(
    new ProblemError(
      500,
      'Une erreur inattendue est survenue ; elle a été journalisée.'
    ).toProblem()
  )
})
