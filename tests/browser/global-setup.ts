/**
 * Starts the Worker for the browser tests: a fresh local D1 state directory (migrations
 * and territory reference, copied from the template the bench and eval smokes share),
 * `wrangler dev` on a free port with the embedded search engine, and the real catalogue
 * (data/relevance) published through the bulk import. The URL reaches the tests through
 * `inject('baseUrl')`.
 */
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { freePort, loadRealCatalogue, startWorker } from '../../scripts/lib/local-dev'
import { preparedDatabase } from '../../scripts/lib/prepared-database'
import { addModerator } from '../../scripts/lib/moderators'

declare module 'vitest' {
  interface ProvidedContext {
    baseUrl: string
    /** Records of the catalogue loaded (the real one, data/relevance). */
    catalogueCount: number
    /** A desk account for tests/browser/moderation.test.ts. */
    moderator: { name: string; password: string }
    /** The moderators' API token, for tests that prepare records through the API. */
    moderatorToken: string
  }
}

export default async function setup(project: TestProject) {
  const persistTo = mkdtempSync(path.join(tmpdir(), 'observatoire-browser-'))
  await preparedDatabase(persistTo)
  const moderator = { name: 'navigateur', password: randomBytes(18).toString('base64url') }
  await addModerator(moderator.name, { remote: false, persistTo }, moderator.password)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const token = randomBytes(24).toString('base64url')
  const worker = await startWorker({
    port,
    persistTo,
    // Rate limits off: the catalogue import and the form tests post faster than a person.
    vars: {
      MODERATOR_TOKENS: `browser:${token}`,
      MEILI_HOST: '',
      PUBLIC_BASE_URL: url,
      RATE_LIMITS: 'off',
      // Key of the IP pseudonyms (worker/http/client-ip.ts); any value works for tests.
      IP_HASH_SECRET: 'browser-ip-hash-secret-0123456789',
      MAIL_SENDER: 'local',
    },
  })
  try {
    const count = await loadRealCatalogue(url, token)
    await waitForIndex(url, count)
    project.provide('baseUrl', url)
    project.provide('catalogueCount', count)
    project.provide('moderator', moderator)
    project.provide('moderatorToken', token)
  } catch (err) {
    await worker.stop()
    throw err
  }
  return async () => {
    await worker.stop()
    rmSync(persistTo, { recursive: true, force: true })
  }
}

/**
 * The search index is fed through the outbox after each approval; wait until the
 * search page sees the whole catalogue so tests never race the sync.
 */
async function waitForIndex(url: string, expected: number): Promise<void> {
  const deadline = Date.now() + 60_000
  let seen = 0
  while (Date.now() < deadline) {
    const html = await (await fetch(`${url}/`)).text()
    seen = Number(/<h2 id="resultats">(\d+) expériences/.exec(html)?.[1] ?? 0)
    if (seen >= expected) return
    await new Promise((r) => setTimeout(r, 500))
  }
  throw new Error(`search index shows ${seen} of ${expected} catalogue experiments after 60 s`)
}
