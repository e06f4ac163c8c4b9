/**
 * Catalogue use cases: submitting an experiment (moderating it: services/moderation/). Each use case
 * validates what only the database can tell (territory codes, links), derives what
 * statistics need, then commits the change, its revision and its outbox rows in one
 * batch.
 */
import { completeness } from '../domain/completeness'
import type { ExperimentInput, Status } from '../domain/experiment'
import { deriveFields } from '../domain/scope'
import type { Territory } from '../domain/territory'
import { slugify } from '../domain/text'
import { existingExperimentIds, insertExperiment } from '../db/experiments'
import type { Db } from '../db/session'
import { coverage, findTerritories } from '../db/territories'
import { ProblemError, type FieldError } from '../http/problem'
import { secretToken, sha256Hex, ulid } from '../lib/crypto'

/** How long a private edit link stays valid; using it renews it (issue: private edit links). */
export const EDIT_TOKEN_LIFETIME_DAYS = 365

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
  const [known, covered] = await Promise.all([
    assertReferencesExist(db, content.territories, content.inspiredBy ?? []),
    coverage(db, content.territories),
  ])
  const id = ulid(now.getTime())
  const slug = `${slugify(content.title, 70)}-${id.slice(-6).toLowerCase()}`
  const editToken = secretToken()
  const at = now.toISOString()

  await db.batch(
    insertExperiment(
      db,
      {
        id,
        slug,
        content,
        derived: deriveFields(content, (code) => known.get(code)?.name, covered),
        privateContact,
        completeness: completeness(content),
        editTokenHash: await sha256Hex(editToken),
        editTokenExpiresAt: editTokenExpiry(now),
      },
      { action: 'submit', actor: 'submitter', at }
    )
  )
  return { id, slug, status: 'pending', editToken }
}

/** Unknown territory codes or `inspiredBy` ids are 400s naming each offending entry. */
async function assertReferencesExist(
  db: Db,
  territories: readonly string[],
  inspiredBy: readonly string[]
): Promise<Map<string, Territory>> {
  const [known, experiments] = await Promise.all([
    findTerritories(db, territories),
    existingExperimentIds(db, inspiredBy),
  ])
  const errors: FieldError[] = [
    ...territories.flatMap((code, i) =>
      known.has(code)
        ? []
        : [
            {
              pointer: `/territories/${i}`,
              message: `Territoire inconnu dans le référentiel : ${code}.`,
            },
          ]
    ),
    ...inspiredBy.flatMap((id, i) =>
      experiments.has(id)
        ? []
        : [{ pointer: `/inspiredBy/${i}`, message: `Expérience inconnue : ${id}.` }]
    ),
  ]
  if (errors.length > 0) throw new ProblemError(400, 'Certaines références sont inconnues.', errors)
  return known
}
