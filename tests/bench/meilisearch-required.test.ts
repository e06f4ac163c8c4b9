/**
 * The rule the global setup and the bench smoke test apply when the Meilisearch binary
 * is missing: a failure naming the reason in CI, a skip with the reason elsewhere.
 */
import { describe, expect, it, vi } from 'vitest'
import { noMeilisearch } from '../meilisearch-required'

describe('a missing Meilisearch', () => {
  it('fails the run in CI, with the reason', () => {
    expect(() => noMeilisearch('no binary on this machine', { CI: 'true' })).toThrow(
      'Meilisearch is required in CI (CI=true) and missing: no binary on this machine'
    )
  })

  it('skips with the reason outside CI', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(noMeilisearch('no binary on this machine', {})).toBe('no binary on this machine')
    expect(warn).toHaveBeenCalledWith(
      'Meilisearch-backed tests will be skipped: no binary on this machine'
    )
    warn.mockRestore()
  })
})
