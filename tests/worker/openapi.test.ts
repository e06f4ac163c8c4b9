import { describe, expect, it } from 'vitest'
import { app } from '../../worker/app'
import { request } from './fixtures'

interface Doc {
  openapi: string
  info: { title?: string; version?: string }
  servers?: { url: string }[]
  paths: Record<string, Record<string, unknown>>
  components?: Record<string, Record<string, unknown>>
}
interface Operation {
  operationId?: string
  tags?: string[]
  parameters?: { name?: string; in?: string; required?: boolean; schema?: unknown }[]
  requestBody?: { content?: Record<string, { schema?: unknown }> }
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>
  security?: Record<string, string[]>[]
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

async function openapi(): Promise<Doc> {
  const res = await request('/api/openapi.json')
  expect(res.status).toBe(200)
  return res.json()
}

function operations(doc: Doc): [string, string, Operation][] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => m in item).map(
      (m) => [path, m, item[m] as Operation] as [string, string, Operation]
    )
  )
}

/** Every `$ref` in the document, for checking that each one resolves. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out)
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v)
      else refs(v, out)
    }
  }
  return out
}

function resolve(doc: Doc, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined
  let node: unknown = doc
  for (const part of ref.slice(2).split('/')) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~')
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}

describe('OpenAPI document', () => {
  it('is a structurally valid OpenAPI 3.1 document', async () => {
    const doc = await openapi()
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/)
    expect(doc.info.title).toBeTruthy()
    expect(doc.info.version).toBeTruthy()
    const ids = new Set<string>()
    const schemes = Object.keys(doc.components?.securitySchemes ?? {})
    for (const [path, method, op] of operations(doc)) {
      const where = `${method.toUpperCase()} ${path}`
      expect(path, where).toMatch(/^\//)
      if (op.operationId) {
        expect(ids.has(op.operationId), `duplicate operationId ${op.operationId}`).toBe(false)
        ids.add(op.operationId)
      }
      // Responses: at least one, valid codes, each with a description.
      const responses = Object.entries(op.responses ?? {})
      expect(responses.length, where).toBeGreaterThan(0)
      for (const [code, response] of responses) {
        expect(code, where).toMatch(/^([1-5](\d\d|XX)|default)$/)
        expect(response.description, `${where} ${code}`).toBeTruthy()
        // Errors are RFC 9457 problem details everywhere.
        if (/^[45]/.test(code))
          expect(Object.keys(response.content ?? {}), `${where} ${code}`).toEqual([
            'application/problem+json',
          ])
      }
      // Parameters: known locations; path templates and path parameters match exactly.
      const templated = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])
      const params = op.parameters ?? []
      for (const p of params) {
        expect(['query', 'header', 'path', 'cookie'], `${where} ${p.name}`).toContain(p.in)
        expect(p.name, where).toBeTruthy()
        expect(p.schema, `${where} ${p.name}`).toBeDefined()
        if (p.in === 'path') expect(p.required, `${where} ${p.name}`).toBe(true)
      }
      expect(
        params
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .sort(),
        where
      ).toEqual(templated.sort())
      for (const requirement of op.security ?? [])
        for (const name of Object.keys(requirement)) expect(schemes, where).toContain(name)
    }
    for (const ref of refs(doc)) expect(resolve(doc, ref), ref).toBeDefined()
  })

  it('documents every API route of the application', async () => {
    const doc = await openapi()
    const base = doc.servers?.[0]?.url ?? ''
    const routes = app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => ({
        method: r.method.toLowerCase(),
        path: r.path.slice(base.length).replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}'),
      }))
    expect(routes.length).toBeGreaterThan(10)
    const missing = routes
      .filter((r) => !doc.paths[r.path]?.[r.method])
      .map((r) => `${r.method.toUpperCase()} ${base}${r.path}`)
    expect(missing).toEqual([])
  })

  it('covers the open-data routes with examples of their parameters', async () => {
    const doc = await openapi()
    for (const path of [
      '/exports/experiments.csv',
      '/exports/experiments.json',
      '/exports/experiments.ndjson',
      '/exports/experiments.geojson',
      '/schemas/v1/experiment.schema.json',
      '/schemas/v1/experiment.tableschema.json',
      '/catalog.jsonld',
      '/feeds/experiments.atom',
      '/moderation/import',
      '/docs',
    ])
      expect(doc.paths[path], path).toBeDefined()
    const csv = doc.paths['/exports/experiments.csv']!.get as Operation
    expect(csv.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['theme', 'region', 'department', 'level', 'stage', 'evidence'])
    )
  })
})

describe('API reference page', () => {
  it('renders every operation without inline script or style', async () => {
    const res = await request('/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    const page = await res.text()
    expect(page).toContain('<script src="/static/api-docs.js" defer></script>')
    expect(page).toContain('href="/static/api-docs.css"')
    expect(page).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/)
    expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i)
    const doc = await openapi()
    for (const [path] of operations(doc)) expect(page).toContain(`/api${path}`)
  })
})
