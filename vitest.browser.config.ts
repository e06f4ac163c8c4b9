/**
 * Browser tests: real Chromium (Debian's, never downloaded) driven by playwright-core
 * against `wrangler dev` started once by tests/browser/global-setup.ts. Node
 * environment, one file at a time: the machine is small and the worker is shared.
 */
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./tests/browser/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
})
