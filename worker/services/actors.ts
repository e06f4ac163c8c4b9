/**
 * Actor use cases: submitting a structure or place (from a need alone if it likes) and
 * the one writer of an actor's content. Moderation decisions go through the shared
 * lifecycle (services/moderation/decisions.ts, `moderateRecord(…, 'actor', …)`).
 */
import { ActorContent, type ActorInput } from '../domain/actor'
import { ACTOR_DIFF } from '../domain/revision-diff'
import type { Derived, Status } from '../domain/experiment'
import { deriveFields } from '../domain/scope'
import {
  actorsLike,
  getActor,
  insertActorStatements,
  reviseActorStatements,
  type ActorRow,
  type NewActor,
} from '../db/actors'
import { slugify } from '../domain/text'
import type { Change } from '../db/revisions'
import { wroteRow, type Db } from '../db/session'
import { placeStatements } from '../db/actor-places'
import { ancestriesOf, coverage, findTerritories } from '../db/territories'
import { ProblemError } from '../http/problem'
import { secretToken, sha256Hex, ulid } from '../lib/crypto'
import { editTokenExpiry, pendingSubmission } from './submission'
import type { OwnerKind } from './owner-kind'
import { conflict, referenceErrors, slugFor } from './records'

/** The derived fields of an actor: names and coverage of its territories, its scope level. */
export async function deriveActor(db: Db, content: ActorContent): Promise<Derived> {
  const [territories, covered] = await Promise.all([
    findTerritories(db, content.territories),
    coverage(db, content.territories),
  ])
  const errors = referenceErrors(content, territories, new Set())
  if (errors.length > 0) throw new ProblemError(400, 'Certaines références sont inconnues.', errors)
  return deriveFields(content, (code) => territories.get(code), covered)
}

type ActorWrite =
  | ({ kind: 'create'; change: Change } & Omit<NewActor, 'derived' | 'slug'>)
  | {
      kind: 'content'
      id: string
      readRevision: number
      content: ActorContent
      change: Change
      status?: Status
    }

/**
 * The one writer of an actor's content: derives, then writes the state, the revision,
 * the outbox and index rows (and `extra`) in one batch. A content change guarded by a
 * revision someone else moved meanwhile is a 409.
 */
export async function writeActor(
  db: Db,
  write: ActorWrite,
  extra: D1PreparedStatement[] = []
): Promise<D1Result[]> {
  const [derived, [places = []]] = await Promise.all([
    deriveActor(db, write.content),
    ancestriesOf(db, [write.content.territories]),
  ])
  const statements =
    write.kind === 'create'
      ? insertActorStatements(
          db,
          { ...write, slug: slugFor(write.content.name, write.id), derived },
          write.change
        )
      : reviseActorStatements(
          db,
          write.id,
          write.readRevision,
          write.content,
          derived,
          write.change,
          write.status
        )
  let results: D1Result[]
  try {
    // Where it is, with every territory above, for « Qui peut m'aider ? » (same batch).
    const revision = write.kind === 'create' ? 1 : write.readRevision + 1
    results = await db.batch([
      ...statements,
      ...placeStatements(db, write.id, revision, places),
      ...extra,
    ])
  } catch (err) {
    if (write.kind === 'content') {
      const current = await getActor(db, write.id)
      if (current && current.revision !== write.readRevision) throw conflict()
    }
    throw err
  }
  if (write.kind === 'content' && !wroteRow(results[0])) throw conflict()
  return results
}

/** Actors as their owners edit them (services/editing.ts); actors have no score. */
export const ACTOR_EDITING: OwnerKind<ActorContent, ActorRow> = {
  kind: 'actor',
  diff: ACTOR_DIFF,
  schema: ActorContent,
  current: (row) => row.data,
  derive: async (db, content) => ({ derived: await deriveActor(db, content), completeness: 0 }),
  write: (db, write, extra) => writeActor(db, { kind: 'content', ...write }, extra),
}

/** Why another actor may be the same structure. */
export type DuplicateReason = 'siret' | 'siren' | 'rna' | 'name'

export interface PossibleDuplicate {
  id: string
  slug: string
  name: string
  status: Status
  why: DuplicateReason
}

/** A name as compared for duplicates: case, accents, punctuation and spacing set aside. */
const sameNameKey = (name: string) => slugify(name, 200)

/**
 * Actors that may be the same structure as `content`: the same SIRET, SIREN (or SIRET's
 * SIREN) or RNA, or the same name once normalised in the same commune. The public form
 * shows the published ones before storing; moderators see all of them on the desk.
 */
export async function possibleDuplicates(
  db: Db,
  content: Pick<ActorContent, 'name' | 'siret' | 'siren' | 'rna' | 'territories'>,
  exceptId?: string,
  publishedOnly = false
): Promise<PossibleDuplicate[]> {
  const siren = content.siren ?? content.siret?.slice(0, 9)
  const who = {
    siret: content.siret,
    siren,
    rna: content.rna,
    commune: content.territories.find((code) => code.startsWith('com:')),
  }
  const key = sameNameKey(content.name)
  const rows = await actorsLike(db, who, { exceptId, publishedOnly })
  return rows.flatMap((row) => {
    const other = JSON.parse(row.data) as ActorContent
    const why: DuplicateReason | null =
      content.siret && other.siret === content.siret
        ? 'siret'
        : siren && (other.siren === siren || other.siret?.slice(0, 9) === siren)
          ? 'siren'
          : content.rna && other.rna === content.rna
            ? 'rna'
            : sameNameKey(other.name) === key
              ? 'name'
              : null
    return why ? [{ id: row.id, slug: row.slug, name: row.name, status: row.status, why }] : []
  })
}

export interface ActorSubmission {
  id: string
  slug: string
  editToken: string
}

/** Stores a public submission as `pending` and returns its private edit token, once. */
export async function submitActor(
  db: Db,
  input: ActorInput,
  now = new Date()
): Promise<ActorSubmission> {
  const { privateContact, ...content } = input
  const { id, editToken, create } = await pendingSubmission(now)
  await writeActor(db, { ...create, content, privateContact })
  return { id, slug: slugFor(content.name, id), editToken }
}

/**
 * A moderator's bulk entry of actors taken from public sources (the seed of real
 * actors): each created published, with a revision saying who imported it. Returns the
 * new ids in the order of the rows. Not idempotent: `npm start` runs it on an empty
 * database only, as it does the catalogue.
 */
export async function importActors(
  db: Db,
  rows: readonly ActorInput[],
  moderator: string,
  now = new Date()
): Promise<string[]> {
  const ids: string[] = []
  for (const [i, input] of rows.entries()) {
    const { privateContact, ...content } = input
    // Ids in row order even within one millisecond.
    const id = ulid(now.getTime() + i)
    await writeActor(db, {
      kind: 'create',
      id,
      content,
      status: 'published',
      publishedAt: now.toISOString(),
      privateContact,
      // Nobody holds an edit link to an imported actor: the hash of a token never issued.
      editTokenHash: await sha256Hex(secretToken()),
      editTokenExpiresAt: editTokenExpiry(now),
      change: { action: 'import', actor: `moderator:${moderator}`, at: now.toISOString() },
    })
    ids.push(id)
  }
  return ids
}
