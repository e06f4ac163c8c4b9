/**
 * Node-side tests that need real processes or the file system rather than the Workers
 * pool: the layer rules on the import graph (tests/architecture) and the benchmark's smoke
 * mode (tests/bench) and the local outbox drain (tests/local), which start Meilisearch and
 * `wrangler dev` themselves, and the committed map data against `npm run maps` (tests/maps).
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: [
      'tests/architecture/**/*.test.ts',
      'tests/bench/**/*.test.ts',
      'tests/local/**/*.test.ts',
      'tests/maps/**/*.test.ts',
    ],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 300_000,
  },
})
