/**
 * Whether a missing Meilisearch may skip the suites that need it. In CI (`CI=true`) it
 * may not: the run fails with the reason, so a CI image without the binary cannot pass
 * green with the contract, fault and bench-smoke suites silently skipped. Locally, they
 * skip and say why.
 */
export function meilisearchRequired(
  env: Readonly<Record<string, string | undefined>> = process.env
): boolean {
  return /^(1|true|yes)$/i.test(env.CI ?? '')
}

/** Throws in CI; elsewhere warns and returns the reason the suites will skip. */
export function noMeilisearch(
  reason: string,
  env: Readonly<Record<string, string | undefined>> = process.env
): string {
  if (meilisearchRequired(env)) {
    throw new Error(`Meilisearch is required in CI (CI=true) and missing: ${reason}`)
  }
  console.warn(`Meilisearch-backed tests will be skipped: ${reason}`)
  return reason
}
