/**
 * Catalogue use cases: submitting an experiment (moderating it: services/moderation/),
 * written through the one record writer (records.ts).
 */
import type { ExperimentInput, Status } from '../domain/experiment'
import type { Db } from '../db/session'
import { slugFor, writeRecord } from './records'
import { pendingSubmission } from './submission'

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
  const { id, editToken, create } = await pendingSubmission(now)
  await writeRecord(db, { ...create, content, privateContact })
  return { id, slug: slugFor(content.title, id), status: 'pending', editToken }
}
