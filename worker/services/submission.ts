/**
 * What every public submission starts with, whatever the kind of record (experiment,
 * actor): a new id, the `pending` status and a private edit link, returned once (only its
 * hash is stored), whose expiry every use renews.
 */
import type { Change } from '../db/revisions'
import { secretToken, sha256Hex, ulid } from '../lib/crypto'

/** How long a private edit link stays valid; using it renews it (issue: private edit links). */
const EDIT_TOKEN_LIFETIME_DAYS = 365

/** When an edit token issued (or renewed) at `now` stops working. */
export function editTokenExpiry(now: Date): string {
  return new Date(now.getTime() + EDIT_TOKEN_LIFETIME_DAYS * 86_400_000).toISOString()
}

/** A new pending record's id, its edit token, and the fields of its `create` write. */
export async function pendingSubmission(now: Date) {
  const id = ulid(now.getTime())
  const editToken = secretToken()
  const change: Change = { action: 'submit', actor: 'submitter', at: now.toISOString() }
  return {
    id,
    editToken,
    create: {
      kind: 'create',
      id,
      status: 'pending',
      publishedAt: null,
      editTokenHash: await sha256Hex(editToken),
      editTokenExpiresAt: editTokenExpiry(now),
      change,
    } as const,
  }
}
