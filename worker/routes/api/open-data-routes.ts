/**
 * What every open-data file route shares (experiments, actors, events): its OpenAPI entry
 * (the list's filters, the file's type, a 400 on a bad filter) and its response headers
 * (download name, public cache, readable from any origin). The routes are plain Hono
 * routes registered by hand, because their bodies are streams or text.
 */
import { createRoute, type z } from '@hono/zod-openapi'
import { problems } from './responses'

export const OPEN_DATA_TAG = 'Données ouvertes'
export const PUBLIC_CACHE = 'public, max-age=300'

/** The OpenAPI entry of a GET route answering a file for some filters. */
export function fileRoute(spec: {
  path: string
  summary: string
  description?: string
  query: z.ZodObject
  contentType: string
  schema: z.ZodType
}) {
  return createRoute({
    method: 'get',
    path: spec.path,
    tags: [OPEN_DATA_TAG],
    summary: spec.summary,
    ...(spec.description ? { description: spec.description } : {}),
    request: { query: spec.query },
    responses: {
      200: { description: 'Le fichier', content: { [spec.contentType]: { schema: spec.schema } } },
      400: problems[400],
    },
  })
}

/** A file's response; with `fileName`, browsers save it under that name. */
export function fileResponse(
  body: ReadableStream<Uint8Array> | string,
  contentType: string,
  fileName?: string
): Response {
  return new Response(body, {
    headers: {
      'content-type': contentType,
      ...(fileName ? { 'content-disposition': `attachment; filename="${fileName}"` } : {}),
      'cache-control': PUBLIC_CACHE,
      'access-control-allow-origin': '*',
    },
  })
}
