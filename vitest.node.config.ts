/**
 * Node-side tests that need real processes rather than the Workers pool: for now the
 * benchmark's smoke mode (tests/bench), which starts Meilisearch and `wrangler dev` itself.
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/bench/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
  },
})
