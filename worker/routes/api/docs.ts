/**
 * `/api/docs`: the API reference, rendered on the server from the OpenAPI document so it
 * reads without JavaScript and cannot drift from the routes. A small script
 * (web/public/static/api-docs.js) adds filtering and copy buttons; styles and script
 * come from our own static files, as the CSP forbids inline code and other hosts.
 */
import { createRoute, z } from '@hono/zod-openapi'
import { html } from 'hono/html'
import type { HtmlEscapedString } from 'hono/utils/html'
import { createRouter } from '../../http/router'
import { publicBase } from '../../http/public-base'

interface Parameter {
  name: string
  in: string
  required?: boolean
  description?: string
  schema?: Schema
}
interface Schema {
  type?: string | string[]
  enum?: unknown[]
  items?: Schema
  anyOf?: Schema[]
  default?: unknown
  $ref?: string
}
interface Operation {
  summary?: string
  description?: string
  tags?: string[]
  parameters?: Parameter[]
  security?: unknown[]
  requestBody?: { content?: Record<string, unknown> }
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>
}
interface OpenApiDocument {
  info: { title: string; version: string; description?: string }
  paths: Record<string, Record<string, Operation>>
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const

function typeLabel(schema: Schema | undefined): string {
  if (!schema) return ''
  if (schema.$ref) return schema.$ref.split('/').at(-1) ?? ''
  if (schema.anyOf) return schema.anyOf.map(typeLabel).join(' | ')
  if (schema.enum) return schema.enum.map(String).join(' | ')
  if (schema.type === 'array') return `${typeLabel(schema.items)}[]`
  return Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? '')
}

function curlOf(base: string, method: string, path: string, op: Operation): string {
  const auth = op.security?.length ? ` -H 'Authorization: Bearer <jeton>'` : ''
  const body = op.requestBody ? ` -H 'Content-Type: application/json' -d @fiche.json` : ''
  const verb = method === 'get' ? '' : ` -X ${method.toUpperCase()}`
  return `curl${verb}${auth}${body} '${base}/api${path}'`
}

function operation(base: string, path: string, method: string, op: Operation) {
  const anchor = `${method}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`
  const params = op.parameters ?? []
  return html`<article
    class="op"
    id="${anchor}"
    data-search="${`${method} ${path} ${op.summary ?? ''} ${(op.tags ?? []).join(' ')}`.toLowerCase()}"
  >
    <h3>
      <a href="#${anchor}"
        ><span class="method method-${method}">${method.toUpperCase()}</span>
        <code>/api${path}</code></a
      >
    </h3>
    <p class="summary">
      ${op.summary ?? ''}${op.security?.length ? html` <span class="badge">jeton requis</span>` : ''}
    </p>
    ${op.description ? html`<p>${op.description}</p>` : ''}
    ${
      params.length
        ? html`<div
            class="table-scroll"
            role="region"
            tabindex="0"
            aria-label="Paramètres de ${method.toUpperCase()} /api${path}"
          >
            <table>
              <caption>
                Paramètres
              </caption>
              <thead>
                <tr>
                  <th scope="col">Nom</th>
                  <th scope="col">Où</th>
                  <th scope="col">Type</th>
                  <th scope="col">Description</th>
                </tr>
              </thead>
              <tbody>
                ${params.map(
                  (p) =>
                    html`<tr>
                      <td><code>${p.name}</code>${p.required ? ' *' : ''}</td>
                      <td>${p.in}</td>
                      <td>${typeLabel(p.schema)}</td>
                      <td>${p.description ?? ''}</td>
                    </tr>`
                )}
              </tbody>
            </table>
          </div>`
        : ''
    }
    ${
      op.requestBody?.content
        ? html`<p>
            Corps : ${Object.keys(op.requestBody.content).map((t) => html`<code>${t}</code> `)}
          </p>`
        : ''
    }
    <dl class="responses">
      ${Object.entries(op.responses ?? {}).map(
        ([status, r]) =>
          html`<dt class="status-${status.slice(0, 1)}">${status}</dt>
            <dd>
              ${r.description ?? ''}
              ${Object.keys(r.content ?? {}).map((t) => html`<code>${t}</code> `)}
            </dd>`
      )}
    </dl>
    <pre
      class="curl"
      tabindex="0"
      role="region"
      aria-label="Exemple curl de ${method.toUpperCase()} /api${path}"
    ><code>${curlOf(base, method, path, op)}</code></pre>
  </article>`
}

function page(doc: OpenApiDocument, base: string): HtmlEscapedString | Promise<HtmlEscapedString> {
  const byTag = new Map<string, [string, string, Operation][]>()
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      const tag = op.tags?.[0] ?? 'Autres'
      byTag.set(tag, [...(byTag.get(tag) ?? []), [path, method, op]])
    }
  }
  return html`<!doctype html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Référence de l’API — ${doc.info.title}</title>
        <link rel="stylesheet" href="/static/api-docs.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <script src="/static/api-docs.js" defer></script>
      </head>
      <body>
        <a class="skip" href="#reference">Aller à la référence</a>
        <header>
          <p><a href="/">← Retour à l’Observatoire</a></p>
          <h1>Référence de l’API</h1>
          <p>${doc.info.description ?? ''}</p>
          <p>
            Version ${doc.info.version} · document OpenAPI 3.1 :
            <a href="/api/openapi.json"><code>/api/openapi.json</code></a>
          </p>
        </header>
        <main id="reference">
          <section class="intro">
            <h2>Réutiliser les données</h2>
            <ul>
              <li>
                Exports (mêmes filtres que la liste) :
                <a href="/api/exports/experiments.csv">CSV</a>,
                <a href="/api/exports/experiments.json">JSON</a>,
                <a href="/api/exports/experiments.ndjson">NDJSON</a>,
                <a href="/api/exports/experiments.geojson">GeoJSON</a>
              </li>
              <li>
                Schémas : <a href="/api/schemas/v1/experiment.schema.json">JSON Schema</a>,
                <a href="/api/schemas/v1/experiment.tableschema.json">Table Schema</a> ; catalogue
                <a href="/api/catalog.jsonld">DCAT</a>
              </li>
              <li>
                Flux Atom :
                <a href="/api/feeds/experiments.atom">dernières publications</a> (ajoutez les
                filtres de votre recherche)
              </li>
            </ul>
            <p>
              Tout ce qu’il faut pour réutiliser les données (formats, licence, citation) :
              <a href="/donnees">page Données ouvertes</a>.
            </p>
            <p>
              Données sous Licence Ouverte 2.0. Erreurs au format
              <code>application/problem+json</code> (RFC 9457).
            </p>
          </section>
          <nav aria-label="Sections">
            <ul>
              ${[...byTag.keys()].map((tag) => html`<li><a href="#tag-${tag.replace(/\W+/g, '-')}">${tag}</a></li>`)}
            </ul>
          </nav>
          <p class="filter" hidden>
            <label for="filter">Filtrer les opérations</label>
            <input id="filter" type="search" autocomplete="off" />
          </p>
          ${[...byTag.entries()].map(
            ([tag, ops]) =>
              html`<section class="tag" id="tag-${tag.replace(/\W+/g, '-')}">
                <h2>${tag}</h2>
                ${ops.map(([path, method, op]) => operation(base, path, method, op))}
              </section>`
          )}
        </main>
      </body>
    </html>`
}

const docsRoute = createRoute({
  method: 'get',
  path: '/docs',
  tags: ['Documentation'],
  summary: 'Référence de l’API (page HTML)',
  responses: {
    200: { description: 'La référence', content: { 'text/html': { schema: z.string() } } },
  },
})

const openApiRoute = createRoute({
  method: 'get',
  path: '/openapi.json',
  tags: ['Documentation'],
  summary: 'Document OpenAPI 3.1 de l’API',
  responses: {
    200: {
      description: 'Le document OpenAPI',
      content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
    },
  },
})

/**
 * The reference router. It renders the document that `loadDocument` returns (the app's
 * own /api/openapi.json) rather than importing the app, which mounts this router.
 */
export function docsApi(loadDocument: () => Promise<unknown>) {
  const router = createRouter()
  router.openAPIRegistry.registerPath(docsRoute)
  router.openAPIRegistry.registerPath(openApiRoute)
  router.get(docsRoute.path, async (c) => {
    const doc = (await loadDocument()) as OpenApiDocument
    return c.html(await page(doc, publicBase(c)), 200, { 'cache-control': 'public, max-age=300' })
  })
  return router
}
