/**
 * The network's API built on the actors: « Qui peut m'aider ? » (and its reverse, by
 * `direction`), and an actor's place in the network (experiments, contributions, who
 * needs what it offers).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { Contributions, LinkedExperiment, Review } from '../../domain/actor-links'
import { Replication } from '../../domain/replication'
import { Match, MatchQuery, MatchResult } from '../../domain/matching'
import { ProblemError } from '../../http/problem'
import { createRouter } from '../../http/router'
import { getPublishedActor, toActor } from '../../db/actors'
import { findHelpers, networkOf } from '../../services/matching'
import { problems } from './responses'

const helpers = createRoute({
  method: 'get',
  path: '/network/helpers',
  tags: ['Réseau'],
  summary: 'Qui peut m’aider ? Les acteurs qui proposent une compétence, les plus proches d’abord',
  description:
    'Sans compte. Les acteurs publiés dont les offres (ou, avec direction=needs, les besoins) contiennent la compétence ou une compétence de la famille demandée, classés par proximité avec le territoire donné : même commune, même intercommunalité, même département, même région, puis ceux qui agissent dans toute la France ; à proximité égale, par nom. Chaque acteur vient avec les offres qui répondent et sa proximité. Calculé par le moteur de recherche (Meilisearch, ou le moteur embarqué : mêmes résultats).',
  request: { query: MatchQuery },
  responses: {
    200: {
      description: 'Acteurs correspondants, du plus proche au plus lointain',
      content: { 'application/json': { schema: MatchResult } },
    },
    400: problems[400],
  },
})

const ActorNetwork = z
  .object({
    experiments: z.array(LinkedExperiment),
    replicated: z.array(Replication).openapi({
      description: 'Les pratiques qu’il a déclaré avoir reproduites (déclarations approuvées)',
    }),
    reviews: z.array(Review).openapi({
      description:
        'Ses relectures : les retours d’expérience publiés donnés en son nom sur les expériences d’autres acteurs',
    }),
    contributions: Contributions,
    needing: z.array(Match).openapi({
      description:
        'Qui a besoin de ce qu’il apporte : les acteurs proches dont les besoins répondent à ses offres, les plus proches d’abord',
    }),
  })
  .openapi('ActorNetwork')

const network = createRoute({
  method: 'get',
  path: '/network/actors/{id}',
  tags: ['Réseau'],
  summary: 'La place d’un acteur dans le réseau',
  description:
    'Ses expériences publiées (porteur ou partenaire), ce qu’il a apporté compté par rôle sans classement, et les acteurs proches qui ont besoin de ce qu’il propose.',
  request: {
    params: z.object({
      id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
    }),
  },
  responses: {
    200: {
      description: 'Liens, apports et besoins proches',
      content: { 'application/json': { schema: ActorNetwork } },
    },
    404: problems[404],
  },
})

export const networkApi = createRouter()
  .openapi(helpers, async (c) => {
    const result = await findHelpers(c.env, c.var.db, c.req.valid('query'))
    return c.json(result, 200, { 'cache-control': 'public, max-age=60' })
  })
  .openapi(network, async (c) => {
    const row = await getPublishedActor(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucun acteur publié ne correspond.')
    const body = await networkOf(c.env, c.var.db, toActor(row))
    return c.json(body, 200, { 'cache-control': 'public, max-age=60' })
  })
