/**
 * Replications API: anyone declares that a territory reproduced a published practice
 * (pending moderation); readers get a record's approved replications (received and
 * declared), its spread over generations, and every approved replication as an edge list
 * (JSON, CSV). Moderators decide in routes/api/moderation/replications.ts.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { getPublishedExperiment, type ExperimentRow } from '../../db/experiments'
import { approvedReplicationsBy, approvedReplicationsOf } from '../../db/replications'
import type { Db } from '../../db/session'
import { Replication, ReplicationInput } from '../../domain/replication'
import { Spread, SpreadStats } from '../../domain/spread'
import { TerritoryCode } from '../../domain/territory'
import { THEMES, codesOf } from '../../domain/vocabularies'
import { jsonBody } from '../../http/body'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { replicationsCsv } from '../../open-data/replications'
import {
  allApprovedReplications,
  declareReplication,
  spreadOf,
  toReplication,
} from '../../services/replications'
import { MOST_REPLICATED_MAX, spreadStats } from '../../services/replication-stats'
import { problems } from './responses'

const TAG = 'Essaimage'
const PUBLIC_CACHE = 'public, max-age=300'

const IdParam = z.object({
  id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
})

async function published(db: Db, idOrSlug: string): Promise<ExperimentRow> {
  const row = await getPublishedExperiment(db, idOrSlug)
  if (!row) throw new ProblemError(404, 'Aucune expérience publiée ne correspond.')
  return row
}

const declare = createRoute({
  method: 'post',
  path: '/experiments/{id}/replications',
  tags: [TAG],
  summary: 'Déclarer « nous l’avons reproduite »',
  description:
    'Sans compte. La déclaration attend la modération ; une fois approuvée, elle apparaît sur les deux fiches et compte dans « adoptée par ». Limité en débit par adresse IP.',
  middleware: jsonBody(16 * 1024),
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: ReplicationInput } } },
  },
  responses: {
    201: {
      description: 'Déclaration reçue, en attente de modération',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
    400: problems[400],
    404: problems[404],
    413: problems[413],
    415: problems[415],
    429: problems[429],
  },
})

const ofRecord = createRoute({
  method: 'get',
  path: '/experiments/{id}/replications',
  tags: [TAG],
  summary: 'Reproductions approuvées d’une fiche',
  description:
    '`received` : les territoires qui ont reproduit cette pratique ; `declared` : les pratiques que cette fiche déclare avoir reproduites.',
  request: { params: IdParam },
  responses: {
    200: {
      description: 'Les plus anciennes d’abord',
      content: {
        'application/json': {
          schema: z.object({ received: z.array(Replication), declared: z.array(Replication) }),
        },
      },
    },
    404: problems[404],
  },
})

const spread = createRoute({
  method: 'get',
  path: '/experiments/{id}/spread',
  tags: [TAG],
  summary: 'Essaimage d’une pratique',
  description:
    'Les fiches qui la citent (« inspirée de ») et les reproductions approuvées, génération par génération (3 au plus, 40 liens au plus), et le nombre de territoires qui l’ont adoptée.',
  request: { params: IdParam },
  responses: {
    200: { description: 'L’essaimage', content: { 'application/json': { schema: Spread } } },
    404: problems[404],
  },
})

const exportJson = createRoute({
  method: 'get',
  path: '/exports/replications.json',
  tags: ['Données ouvertes'],
  summary: 'Reproductions approuvées (liste d’arêtes, JSON)',
  responses: {
    200: {
      description:
        'Une arête par reproduction : de la pratique source au territoire qui l’a reproduite',
      content: { 'application/json': { schema: z.array(Replication) } },
    },
  },
})

const exportCsv = createRoute({
  method: 'get',
  path: '/exports/replications.csv',
  tags: ['Données ouvertes'],
  summary: 'Reproductions approuvées (liste d’arêtes, CSV)',
  description:
    'UTF-8, séparateur virgule, dates ISO 8601 ; colonnes `source_id` → `territory` (et `adopter_id` quand la fiche du territoire est liée).',
  responses: {
    200: { description: 'Le CSV', content: { 'text/csv': { schema: z.string() } } },
  },
})

const stats = createRoute({
  method: 'get',
  path: '/stats/replications',
  tags: ['Statistiques'],
  summary: 'Essaimage en chiffres',
  description:
    'Les pratiques les plus reprises (toutes, d’une thématique ou couvrant un territoire) et, pour chaque région ou département, les reprises reçues (pratiques du territoire reprises ailleurs) et données (reprises faites par le territoire), rapportées à la population et au nombre de collectivités. Une reprise est une reproduction approuvée ou une fiche publiée qui en cite une autre (« inspirée de »).',
  request: {
    query: z.object({
      level: z
        .enum(['reg', 'dep'])
        .default('reg')
        .openapi({ description: 'Niveau des territoires' }),
      theme: z.enum(codesOf(THEMES)).optional(),
      territory: TerritoryCode.optional().openapi({
        description: 'Seulement les pratiques couvrant ce territoire (reg:53, dep:35)',
      }),
      limit: z.coerce.number().int().min(1).max(MOST_REPLICATED_MAX).default(10),
    }),
  },
  responses: {
    200: { description: 'Les chiffres', content: { 'application/json': { schema: SpreadStats } } },
    400: problems[400],
  },
})

export const replicationsApi = createRouter()
  .openapi(declare, async (c) => {
    const row = await published(c.var.db, c.req.valid('param').id)
    const id = await declareReplication(c.var.db, row, c.req.valid('json'))
    return c.json({ id }, 201, { 'cache-control': 'no-store' })
  })
  .openapi(ofRecord, async (c) => {
    const row = await published(c.var.db, c.req.valid('param').id)
    const [received, declared] = await Promise.all([
      approvedReplicationsOf(c.var.db, [row.id]),
      approvedReplicationsBy(c.var.db, row.id),
    ])
    return c.json(
      { received: received.map(toReplication), declared: declared.map(toReplication) },
      200,
      { 'cache-control': PUBLIC_CACHE }
    )
  })
  .openapi(spread, async (c) => {
    const row = await published(c.var.db, c.req.valid('param').id)
    return c.json(await spreadOf(c.var.db, row), 200, { 'cache-control': PUBLIC_CACHE })
  })
  .openapi(exportJson, async (c) =>
    c.json(await allApprovedReplications(c.var.db), 200, {
      'cache-control': PUBLIC_CACHE,
      'access-control-allow-origin': '*',
    })
  )
  .openapi(exportCsv, async (c) =>
    c.body(replicationsCsv(await allApprovedReplications(c.var.db)), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="reproductions.csv"',
      'cache-control': PUBLIC_CACHE,
      'access-control-allow-origin': '*',
    })
  )
  .openapi(stats, async (c) => {
    const q = c.req.valid('query')
    return c.json(
      await spreadStats(c.var.db, {
        levels: [q.level],
        theme: q.theme,
        area: q.territory,
        limit: q.limit,
      }),
      200,
      { 'cache-control': PUBLIC_CACHE }
    )
  })
