/** Public actors API: submit a structure or place (no account), list and read published ones. */
import { createRoute, z } from '@hono/zod-openapi'
import { Actor, ActorId, ActorInput } from '../../domain/actor'
import { ACTOR_FACETS, type ActorFacet } from '../../domain/actor-search'
import { ENGINES } from '../../domain/search'
import { getPublishedActor, toActor } from '../../db/actors'
import { jsonBody } from '../../http/body'
import { type FieldError, ProblemError } from '../../http/problem'
import { spendRateLimit, tooManyRequests } from '../../http/rate-limit'
import { createRouter } from '../../http/router'
import { searchActors } from '../../services/actor-search'
import { possibleDuplicates, submitActor, type PossibleDuplicate } from '../../services/actors'
import { MESSAGES } from '../../../web/i18n'
import { ActorSearchQuerySchema, encodeCursor, PageQuery, pageOfCursor, QueryFlag } from './params'
import { problems } from './responses'

const ActorSubmissionResponse = z
  .object({
    id: ActorId,
    slug: z.string(),
    status: z.literal('pending'),
    editToken: z.string().openapi({
      description: 'Jeton privé de modification, affiché une seule fois : conservez-le.',
    }),
  })
  .openapi('ActorSubmission')

const submit = createRoute({
  method: 'post',
  path: '/actors',
  tags: ['Acteurs'],
  summary: 'Entrer dans le réseau (sans compte)',
  description:
    'Une structure ou un lieu : un nom, un type, un territoire et un seul besoin suffisent. La fiche attend la modération ; la réponse contient un jeton privé de modification, montré une seule fois.',
  middleware: jsonBody(),
  request: {
    query: z.object({
      confirm: QueryFlag.openapi({
        description:
          'true : enregistrer malgré les acteurs publiés qui lui ressemblent (réponse 409 sans lui)',
      }),
    }),
    body: { required: true, content: { 'application/json': { schema: ActorInput } } },
  },
  responses: {
    201: {
      description: 'Fiche reçue, en attente de modération',
      content: { 'application/json': { schema: ActorSubmissionResponse } },
    },
    400: problems[400],
    409: {
      ...problems[409],
      description:
        'Des acteurs publiés lui ressemblent (même SIRET, SIREN ou RNA, ou même nom dans la même commune) : `errors[]` nomme le champ en cause et le lien de chacun ; rien n’est enregistré. Si la structure est bien différente, renvoyer la requête avec `confirm=true`.',
    },
    413: problems[413],
    415: problems[415],
    429: problems[429],
  },
})

const ActorPage = z
  .object({
    items: z.array(Actor),
    nextCursor: z.string().nullable().openapi({
      description: 'À passer en `cursor` pour la page suivante ; null en fin de liste',
    }),
    total: z.number().int().openapi({ description: 'Acteurs publiés correspondants' }),
    facets: z
      .object(
        Object.fromEntries(
          ACTOR_FACETS.map((f) => [f, z.record(z.string(), z.number().int())])
        ) as {
          [F in ActorFacet]: z.ZodRecord<z.ZodString, z.ZodNumber>
        }
      )
      .openapi({
        description:
          'Comptes par valeur de chaque filtre (un filtre choisi est compté sans sa propre sélection). `territory` ne compte que les régions et les départements (`reg:`, `dep:`, au plus ~120 codes, comme les facettes `region` et `department` de `/api/search`) et les territoires choisis dans `territory` : le compte d’une commune ou d’un EPCI se demande en le choisissant.',
      }),
    engine: z.enum(ENGINES).openapi({
      description:
        'Moteur qui a répondu : le moteur intégré répond quand Meilisearch ne répond pas',
    }),
  })
  .openapi('ActorPage')

const list = createRoute({
  method: 'get',
  path: '/actors',
  tags: ['Acteurs'],
  summary: 'Rechercher les acteurs publiés',
  description:
    'Texte libre et filtres (OU dans un filtre, ET entre filtres), avec les comptes par facette ; sans texte, les plus récemment publiés d’abord, avec du texte les plus pertinents. Pagination par curseur. Si Meilisearch est indisponible, le moteur intégré répond (`engine`).',
  request: { query: ActorSearchQuerySchema.extend(PageQuery.shape) },
  responses: {
    200: {
      description: 'Une page d’acteurs',
      content: { 'application/json': { schema: ActorPage } },
    },
    400: problems[400],
  },
})

const read = createRoute({
  method: 'get',
  path: '/actors/{id}',
  tags: ['Acteurs'],
  summary: 'Lire un acteur publié',
  request: {
    params: z.object({
      id: z.string().min(1).max(120).openapi({ description: 'Identifiant ou slug' }),
    }),
  },
  responses: {
    200: { description: 'La fiche publiée', content: { 'application/json': { schema: Actor } } },
    404: problems[404],
  },
})

export const actorsApi = createRouter()
  .openapi(submit, async (c) => {
    const input = c.req.valid('json')
    if (!c.req.valid('query').confirm) {
      // Already in the network? As the form's confirmation step: published look-alikes only.
      const duplicates = await possibleDuplicates(c.var.db, input, undefined, true)
      if (duplicates.length > 0)
        throw new ProblemError(
          409,
          'Cette structure est peut-être déjà dans le réseau. Si elle est différente, renvoyez la requête avec confirm=true.',
          duplicates.map((d) => duplicateError(d, input))
        )
    }
    // Validated: only now does the request spend the submission budget.
    const wait = await spendRateLimit(c, 'submit')
    if (wait > 0) throw tooManyRequests(wait)
    const submission = await submitActor(c.var.db, input)
    return c.json({ ...submission, status: 'pending' as const }, 201, {
      'cache-control': 'no-store',
    })
  })
  .openapi(list, async (c) => {
    const { cursor, limit, q, ...filters } = c.req.valid('query')
    const { actors, result, nextPage } = await searchActors(c.env, c.var.db, {
      q,
      filters,
      page: pageOfCursor(cursor),
      hitsPerPage: limit,
    })
    return c.json(
      {
        items: actors,
        nextCursor: nextPage ? encodeCursor([String(nextPage)]) : null,
        total: result.total,
        facets: result.facets,
        engine: result.engine,
      },
      200
    )
  })
  .openapi(read, async (c) => {
    const row = await getPublishedActor(c.var.db, c.req.valid('param').id)
    if (!row) throw new ProblemError(404, 'Aucun acteur publié ne correspond.')
    return c.json(toActor(row), 200)
  })

/** A published look-alike, on the field that makes it one, with its page's address. */
function duplicateError(d: PossibleDuplicate, input: ActorInput): FieldError {
  const field = d.why === 'siren' && !input.siren ? 'siret' : d.why
  const why = MESSAGES.fr.actors.form.duplicateWhy[d.why]
  return {
    pointer: `/${field}`,
    message: `${why.charAt(0).toUpperCase()}${why.slice(1)} que « ${d.name} », déjà publié : /acteurs/${encodeURIComponent(d.slug)}`,
  }
}
