// Runs before each test file (storage is isolated per file): schema, then the real
// territory reference. applyD1Migrations skips migrations that already ran.
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
const loaded = await env.DB.prepare(
  "SELECT value FROM territory_reference WHERE key = 'version'"
).first()
if (!loaded) {
  const res = await fetch(env.TEST_TERRITORY_SQL_URL)
  if (!res.ok)
    throw new Error(`territory reference: ${res.status} from ${env.TEST_TERRITORY_SQL_URL}`)
  const statements = (await res.json()) as string[]
  await env.DB.batch(statements.map((sql) => env.DB.prepare(sql)))
}

// The embedded search engine's own database (SEARCH_DB), as wrangler.toml declares it.
await applyD1Migrations(env.SEARCH_DB, env.TEST_SEARCH_MIGRATIONS)
