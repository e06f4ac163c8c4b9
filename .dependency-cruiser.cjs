/**
 * The layer rules of the code, checked on the real import graph by `npm run test:deps`
 * (first step of `npm test`) and by tests/architecture/dependency-rules.test.ts.
 * Paths are relative to the repository root. A violation names the rule, the importing
 * file and the imported one.
 *
 *   worker/domain/   schemas and vocabularies: no storage, index, HTTP or pages
 *   worker/db/       D1 queries: no use cases, HTTP or pages
 *   worker/search/   engines and outbox drain: no HTTP or pages
 *   worker/services/ use cases: no HTTP or pages
 *   worker/open-data/ serialisers: no storage, index, HTTP or pages
 *   web/             page components: only worker/domain/ and web/ itself
 *   worker/routes/   the only place that wires HTTP → services → rendering
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment:
        'worker/domain/ describes records and vocabularies; it knows no storage, index, HTTP, use case or page.',
      severity: 'error',
      from: { path: '^worker/domain/' },
      to: {
        path: [
          '^worker/(db|search|services|routes|http)/',
          '^worker/(app|env|index)\\.ts$',
          '^web/',
          '^node_modules/hono/',
        ],
      },
    },
    {
      name: 'db-knows-no-http',
      comment: 'worker/db/ holds the SQL; it knows no use case, HTTP or page.',
      severity: 'error',
      from: { path: '^worker/db/' },
      to: {
        path: [
          '^worker/(services|routes|http|search)/',
          '^worker/(app|env|index)\\.ts$',
          '^web/',
          '^node_modules/hono/',
        ],
      },
    },
    {
      name: 'search-knows-no-http',
      comment: 'worker/search/ holds the engines and the outbox drain; it knows no HTTP or page.',
      severity: 'error',
      from: { path: '^worker/search/' },
      to: {
        path: [
          '^worker/(services|routes|http)/',
          '^worker/(app|env|index)\\.ts$',
          '^web/',
          '^node_modules/hono/',
        ],
      },
    },
    {
      name: 'services-know-no-http',
      comment: 'worker/services/ holds the use cases; routes call them, never the other way round.',
      severity: 'error',
      from: { path: '^worker/services/' },
      to: {
        // Known exception: use cases still report failures as RFC 9457 problems
        // (ProblemError with a status); turning them into domain errors mapped at the edge
        // is follow-up work, and no other http/ module may be imported.
        pathNot: '^worker/http/problem\\.ts$',
        path: [
          '^worker/(routes|http)/',
          '^worker/(app|env|index)\\.ts$',
          '^web/',
          '^node_modules/hono/',
        ],
      },
    },
    {
      name: 'open-data-only-serialises',
      comment:
        'worker/open-data/ turns records into files and files into rows: it reads no storage or index and knows no route or page.',
      severity: 'error',
      from: { path: '^worker/open-data/' },
      to: {
        // Same known exception as services/: a malformed import file is reported as a problem.
        pathNot: '^worker/http/problem\\.ts$',
        path: [
          '^worker/(db|search|services|routes|http)/',
          '^worker/(app|env|index)\\.ts$',
          '^web/',
          '^node_modules/hono/',
        ],
      },
    },
    {
      name: 'web-imports-only-domain',
      comment:
        'Page components receive plain data from the routes: they import worker/domain/ and web/ only.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^worker/', pathNot: '^worker/domain/' },
    },
    {
      name: 'no-circular',
      comment: 'An import cycle makes the load order matter and the layers meaningless.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'A module of the Worker that nothing imports is dead code (entry points excepted).',
      severity: 'error',
      from: {
        orphan: true,
        path: '^worker/',
        pathNot: ['^worker/index\\.ts$', '\\.d\\.ts$', '\\.md$'],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a component typed by a db/ row still depends on db/.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
