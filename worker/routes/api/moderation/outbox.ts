/**
 * `POST /api/moderation/outbox/drain`: delivers what the search outbox holds, the job the
 * cron trigger does in production. Locally the cron never reaches the Worker (with
 * `[assets]`, wrangler's scheduled event goes to the assets router: workers-sdk#9882), so
 * `npm start` calls this route every minute instead; a moderator can also call it after an
 * outage rather than wait for the next cron.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { SEARCH_TARGETS } from '../../../db/outbox'
import { requireModerator } from '../../../http/moderator-auth'
import { createRouter } from '../../../http/router'
import { drainOutbox, logDrain, type DrainReport } from '../../../search/sync'
import { bearerAuth, guarded } from '../responses'

const DrainReports = z
  .object({
    reports: z.array(
      z.object({
        target: z.enum(SEARCH_TARGETS),
        delivered: z.number().int().openapi({ description: 'Lignes livrées et retirées' }),
        failed: z.number().int().openapi({ description: 'Échecs, réessayés plus tard' }),
        released: z.number().int().openapi({ description: 'Fiche modifiée pendant la livraison' }),
        skipped: z.string().optional().openapi({ description: 'Moteur non configuré' }),
      }) satisfies z.ZodType<DrainReport>
    ),
  })
  .openapi('OutboxDrain')

const drain = createRoute({
  method: 'post',
  path: '/moderation/outbox/drain',
  tags: ['Modération'],
  summary: 'Livrer la file de synchronisation des index',
  description:
    'Fait ce que fait le déclencheur planifié (cron) en production : livre aux index de recherche les changements en attente, avec le même report exponentiel en cas d’échec. Utile en local (`npm start` l’appelle chaque minute) et après une panne.',
  security: bearerAuth,
  middleware: [requireModerator],
  responses: {
    200: {
      description: 'Ce que la livraison a fait, par moteur',
      content: { 'application/json': { schema: DrainReports } },
    },
    ...guarded,
  },
})

export const outboxApi = createRouter().openapi(drain, async (c) => {
  const reports = await drainOutbox(c.env)
  logDrain(reports)
  return c.json({ reports }, 200, { 'cache-control': 'no-store' })
})
