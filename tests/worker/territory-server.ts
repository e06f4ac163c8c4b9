/**
 * Vitest global setup (Node, once per run): serves the territory reference's SQL
 * statements on a loopback port for tests/worker/setup.ts, which loads them into each
 * file's fresh D1.
 *
 * Why not a binding: each test file gets its own workerd, and an 8 MB binding is
 * serialised into every one's configuration and parsed at its start, which cost more than
 * loading the rows; fetching them from here costs a loopback request.
 */
import { createServer } from 'node:http'
import type { TestProject } from 'vitest/node'
import { territoryStatements } from '../../scripts/lib/territory-reference'

declare module 'vitest' {
  interface ProvidedContext {
    /** Where tests/worker/setup.ts fetches the territory reference (JSON array of SQL). */
    territorySqlUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // The full reference, built by the same code as `npm start` uses.
  const body = JSON.stringify(territoryStatements())
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || !address) throw new Error('territory server has no port')
  project.provide('territorySqlUrl', `http://127.0.0.1:${address.port}/`)
  return () => new Promise<void>((resolve) => server.close(() => resolve()))
}
