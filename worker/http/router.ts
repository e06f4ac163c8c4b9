/**
 * One factory for every API router, so all of them share the validation hook:
 * a zod failure on any route becomes a 400 problem naming each invalid field.
 * (The hook only applies to routes registered on an instance created with it.)
 */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { AppEnv } from '../env'
import { fieldErrors, ProblemError } from './problem'

export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ProblemError(
          400,
          'Certaines données sont invalides.',
          fieldErrors(result.error.issues, result.target)
        )
      }
    },
  })
}
