/** OpenAPI response entries shared by the routes. */
import { ProblemSchema } from '../../http/problem'

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
})

export const problems = {
  400: problem('Données invalides : `errors[]` nomme chaque champ'),
  401: problem('Jeton de modération absent'),
  403: problem('Jeton de modération non reconnu'),
  404: problem('Introuvable'),
  409: problem('Conflit avec l’état actuel'),
  413: problem('Corps de requête trop volumineux'),
  415: problem('Le corps doit être du JSON (Content-Type: application/json)'),
  429: problem('Trop de requêtes : réessayer après le délai de `Retry-After` (secondes)'),
} as const

export const bearerAuth = [{ moderatorToken: [] }]

/** A moderator-only route: no token, or a token not recognised. */
export const guarded = { 401: problems[401], 403: problems[403] }

/** What a moderator's decision with a JSON body can fail with. */
export const decisionProblems = {
  400: problems[400],
  ...guarded,
  404: problems[404],
  409: problems[409],
  413: problems[413],
  415: problems[415],
}
