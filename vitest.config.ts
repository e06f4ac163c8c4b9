import path from 'node:path'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { territoryStatements } from './scripts/lib/territory-reference'

export default defineConfig(async () => {
  const migrations = await readD1Migrations(path.join(import.meta.dirname, 'migrations'))
  return {
    plugins: [
      cloudflareTest({
        main: './worker/index.ts',
        wrangler: { configPath: './wrangler.toml' },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            // The full territory reference, built by the same code as `npm start` uses.
            TEST_TERRITORY_SQL: territoryStatements(),
            MODERATOR_TOKENS:
              'alice:test-moderator-token-alice-0123456789,bob:test-moderator-token-bob-0123456789',
            MEILI_HOST: '',
            MEILI_KEY: '',
          },
        },
      }),
    ],
    test: {
      include: ['tests/worker/**/*.test.ts'],
      testTimeout: 30_000,
      setupFiles: ['./tests/worker/setup.ts'],
    },
  }
})
