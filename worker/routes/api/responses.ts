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
} as const

export const bearerAuth = [{ moderatorToken: [] }]
