import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { realActorInput, realActors } from './scripts/lib/real-actors'
import { realCatalogueRows } from './scripts/lib/real-catalogue'

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'))
  const searchMigrations = await readD1Migrations(
    path.join(import.meta.dirname, 'migrations', 'search')
  )
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        main: './worker/index.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            // The full territory reference, served by tests/worker/territory-server.ts
            // (a binding this size slowed every file's workerd start).
            TEST_TERRITORY_SQL_URL: inject('territorySqlUrl'),
            // The real catalogue's import rows, converted by the code `npm start` loads them with.
            TEST_REAL_CATALOGUE: realCatalogueRows(),
            // The real actors (data/network) as the actor import receives them.
            TEST_REAL_ACTORS: realActors().map(realActorInput),
            MODERATOR_TOKENS:
              'alice:test-moderator-token-alice-0123456789,bob:test-moderator-token-bob-0123456789',
            TEST_SEARCH_MIGRATIONS: searchMigrations,
            // Rate limits off for the suites (many requests from one client); the
            // rate-limit tests turn them on per request with their own RATE_LIMITS.
            RATE_LIMITS: 'off',
            // Key of the IP pseudonyms (worker/http/client-ip.ts).
            IP_HASH_SECRET: 'test-ip-hash-secret-0123456789abcdef',
            // Notifications to contributors go to the local recorder (table local_mail).
            MAIL_SENDER: 'local',
            // The Worker's own Meilisearch stays off by default: one index shared by files
            // running in parallel made results depend on other files' data. The real
            // server started by tests/global-setup.ts (key scoped to `test-*` indexes) is
            // given to the search tests, which each use their own index uid.
            MEILI_HOST: '',
            MEILI_KEY: '',
            TEST_MEILI_HOST: inject('meiliHost'),
            TEST_MEILI_KEY: inject('meiliKey'),
            TEST_MEILI_SKIP_REASON: inject('meiliSkipReason'),
            TEST_FAULT_HOST: inject('faultHost'),
            TEST_FAULT_KEY: inject('faultKey'),
            TEST_FAULT_CONTROL: inject('faultControl'),
          },
        },
      })),
    ],
    test: {
      include: ['tests/worker/**/*.test.ts'],
      testTimeout: 30_000,
      globalSetup: ['./tests/global-setup.ts', './tests/worker/territory-server.ts'],
      setupFiles: ['./tests/worker/setup.ts'],
    },
  }
})
