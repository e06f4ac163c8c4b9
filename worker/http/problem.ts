/**
 * RFC 9457 problem details. Every error the API returns goes through `ProblemError`
 * and `problemResponse`, so clients always get `application/problem+json` with a
 * French `title`/`detail` and, for invalid input, an `errors[]` list naming each field.
 */
import { z } from '@hono/zod-openapi'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** One invalid field: `pointer` (JSON Pointer) for bodies, `parameter` for query/path. */
export interface FieldError {
  pointer?: string
  parameter?: string
  message: string
}

export interface Problem {
  type: string
  title: string
  status: number
  detail?: string
  errors?: FieldError[]
}

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: '/problemes/validation' }),
    title: z.string().openapi({ example: 'Requête invalide' }),
    status: z.number().int().openapi({ example: 400 }),
    detail: z.string().optional(),
    errors: z
      .array(
        z.object({
          pointer: z.string().optional().openapi({ example: '/lead/name' }),
          parameter: z.string().optional().openapi({ example: 'theme' }),
          message: z.string(),
        })
      )
      .optional(),
  })
  .openapi('Problem')

const TITLES: Record<number, [type: string, title: string]> = {
  400: ['/problemes/validation', 'Requête invalide'],
  401: ['/problemes/authentification', 'Authentification requise'],
  403: ['/problemes/interdit', 'Accès refusé'],
  404: ['/problemes/introuvable', 'Ressource introuvable'],
  405: ['/problemes/methode', 'Méthode non autorisée'],
  409: ['/problemes/conflit', 'Conflit'],
  413: ['/problemes/trop-volumineux', 'Requête trop volumineuse'],
  415: ['/problemes/type-de-contenu', 'Type de contenu non pris en charge'],
  422: ['/problemes/validation', 'Données invalides'],
  429: ['/problemes/limite-de-debit', 'Trop de requêtes'],
  500: ['/problemes/erreur-interne', 'Erreur interne'],
  503: ['/problemes/indisponible', 'Service momentanément indisponible'],
}

export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>
  ) {
    super(detail ?? TITLES[status]?.[1] ?? 'Erreur')
  }

  toProblem(): Problem {
    const [type, title] = TITLES[this.status] ?? ['about:blank', 'Erreur']
    return {
      type,
      title,
      status: this.status,
      ...(this.message !== title ? { detail: this.message } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
    }
  }
}

export function problemResponse(problem: Problem, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  })
}

/** Field errors from zod issues; `target` says where the input came from. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[], target: string): FieldError[] {
  // An unknown key is reported on its parent; name the key itself so clients can find it.
  const located = issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [...issue.path, key],
          message: `Champ inconnu : ${key}.`,
        }))
      : [{ path: issue.path, message: issue.message }]
  )
  return located.map(({ path, message }) => {
    const segments = path.map(String)
    if (target === 'json' || target === 'form') {
      const pointer =
        '/' + segments.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/')
      return { pointer, message }
    }
    return { parameter: segments.join('.'), message }
  })
}
