/**
 * Catalogue use cases: submitting an experiment (moderating it: services/moderation/),
 * written through the one record writer (records.ts).
 */
import type { ExperimentInput, Status } from '../domain/experiment'
import type { Db } from '../db/session'
import { secretToken, sha256Hex, ulid } from '../lib/crypto'
import { slugFor, writeRecord } from './records'

/** How long a private edit link stays valid; using it renews it (issue: private edit links). */
const EDIT_TOKEN_LIFETIME_DAYS = 365

/** When an edit token issued (or renewed) at `now` stops working. */
export function editTokenExpiry(now: Date): string {
  return new Date(now.getTime() + EDIT_TOKEN_LIFETIME_DAYS * 86_400_000).toISOString()
}

export interface Submission {
  id: string
  slug: string
  status: Status
  editToken: string
}

/** Stores a public submission as `pending` and returns its private edit token, once. */
export async function submitExperiment(
  db: Db,
  input: ExperimentInput,
  now = new Date()
): Promise<Submission> {
  const { privateContact, ...content } = input
  const id = ulid(now.getTime())
  const editToken = secretToken()
  await writeRecord(db, {
    kind: 'create',
    id,
    content,
    status: 'pending',
    publishedAt: null,
    privateContact,
    editTokenHash: await sha256Hex(editToken),
    editTokenExpiresAt: editTokenExpiry(now),
    change: { action: 'submit', actor: 'submitter', at: now.toISOString() },
  })
  return { id, slug: slugFor(content.title, id), status: 'pending', editToken }
}
