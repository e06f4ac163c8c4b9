/**
 * Writing an experiment: the one path every change to a record takes (submission, owner
 * edit, moderation decision, proposal approval, "still accurate", import). It derives
 * what statistics and pages need from the content (territory names, coverage, scope,
 * completeness, and the slug of a new record), then writes the current state, the
 * revision and the outbox rows (and the caller's extra rows: audit, proposal, contact,
 * source link) in one D1 batch, guarded by the revision the caller read.
 */
import { completeness } from '../domain/completeness'
import { ExperimentContent, type Derived, type Status } from '../domain/experiment'
import { EXPERIMENT_DIFF } from '../domain/revision-diff'
import { deriveFields } from '../domain/scope'
import type { Territory } from '../domain/territory'
import { slugify } from '../domain/text'
import type { AuditEntry } from '../db/audit'
import {
  existingExperimentIds,
  insertExperimentStatements,
  reviseExperimentStatements,
} from '../db/experiments'
import { verifyStatements } from '../db/edit-access'
import { getLifecycleRow, moderationStatements, type ModerationState } from '../db/moderation'
import type { EditableKind, RecordKind } from '../db/record-kinds'
import { existingActorIds, linksOf, linkStatements } from '../db/experiment-actors'
import type { Change } from '../db/revisions'
import { wroteRow, type Db } from '../db/session'
import { coverage, findTerritories, type Coverage } from '../db/territories'
import { ProblemError, type FieldError } from '../http/problem'
import type { OwnerKind } from './owner-kind'

/** What only the database knows about a record's content: its territories and their coverage. */
export interface References {
  territories: ReadonlyMap<string, Territory>
  coverage: Coverage
}

type RecordWrite =
  | {
      kind: 'create'
      id: string
      content: ExperimentContent
      status: Status
      /** Publication date to keep when created `published` (an exported record). */
      publishedAt: string | null
      /** When its source was last checked (an imported record); else its publication. */
      lastVerifiedAt?: string | null
      privateContact: unknown
      editTokenHash: string
      editTokenExpiresAt: string
      change: Change
    }
  | {
      kind: 'content'
      id: string
      readRevision: number
      content: ExperimentContent
      change: Change
      /** The status the change moves the record to, when it does (an owner's answer). */
      status?: Status
    }
  | {
      kind: 'moderation'
      id: string
      readRevision: number
      next: ModerationState
      change: Change
      audit: AuditEntry
      /** The kind of record decided on (experiments by default). */
      record?: RecordKind
    }
  | {
      kind: 'verify'
      id: string
      readRevision: number
      change: Change
      /** The kind of record confirmed (experiments by default). */
      record?: EditableKind
    }

export const conflict = () =>
  new ProblemError(409, 'La fiche a été modifiée entre-temps ; rechargez-la puis recommencez.')

/** The slug of a new record: its title, then the end of its id (unique, stable). */
export function slugFor(title: string, id: string): string {
  return `${slugify(title, 70)}-${id.slice(-6).toLowerCase()}`
}

/** Derived fields and completeness of some content, from its references. */
export function derive(
  content: ExperimentContent,
  refs: References
): { derived: Derived; completeness: number } {
  return {
    derived: deriveFields(content, (code) => refs.territories.get(code), refs.coverage),
    completeness: completeness(content),
  }
}

/** Unknown territory codes or `inspiredBy` ids, one error each (a record cannot cite itself). */
export function referenceErrors(
  content: Pick<ExperimentContent, 'territories' | 'inspiredBy'>,
  territories: ReadonlyMap<string, Territory>,
  experiments: ReadonlySet<string>,
  selfId?: string
): FieldError[] {
  return [
    ...content.territories.flatMap((code, i) =>
      territories.has(code)
        ? []
        : [
            {
              pointer: `/territories/${i}`,
              message: `Territoire inconnu dans le référentiel : ${code}.`,
            },
          ]
    ),
    ...(content.inspiredBy ?? []).flatMap((id, i) =>
      experiments.has(id) && id !== selfId
        ? []
        : [{ pointer: `/inspiredBy/${i}`, message: `Expérience inconnue : ${id}.` }]
    ),
  ]
}

/**
 * Actor ids of the porteur and partners that name no actor, or one of `unpublished`
 * (where a link must be to an actor the public can see), one error each.
 */
export function actorReferenceErrors(
  content: Pick<ExperimentContent, 'lead' | 'partners'>,
  actors: ReadonlySet<string>,
  unpublished: ReadonlySet<string> = new Set()
): FieldError[] {
  const unknown = (actorId: string | undefined, pointer: string): FieldError[] =>
    actorId === undefined || (actors.has(actorId) && !unpublished.has(actorId))
      ? []
      : [
          {
            pointer,
            message: actors.has(actorId)
              ? `Acteur non publié (en attente, refusé ou fusionné) : ${actorId}. Publiez-le avant d’y lier une fiche.`
              : `Acteur inconnu : ${actorId}.`,
          },
        ]
  return [
    ...unknown(content.lead.actorId, '/lead/actorId'),
    ...(content.partners ?? []).flatMap((p, i) => unknown(p.actorId, `/partners/${i}/actorId`)),
  ]
}

/** The references of some content, or a 400 naming each unknown territory or link. */
export async function loadReferences(
  db: Db,
  content: ExperimentContent,
  selfId?: string
): Promise<References> {
  const [territories, experiments, covered, actors] = await Promise.all([
    findTerritories(db, content.territories),
    existingExperimentIds(db, content.inspiredBy ?? []),
    coverage(db, content.territories),
    existingActorIds(
      db,
      linksOf(content).map((l) => l.actorId)
    ),
  ])
  const errors = [
    ...referenceErrors(content, territories, experiments, selfId),
    ...actorReferenceErrors(content, actors),
  ]
  if (errors.length > 0) throw new ProblemError(400, 'Certaines références sont inconnues.', errors)
  return { territories, coverage: covered }
}

/**
 * The statements of one write; the first one is the guarded change of the current state,
 * so `wroteRow(results[0])` tells whether it applied. `refs` is needed when the write
 * carries content (create, content).
 */
export function recordStatements(
  db: Db,
  write: RecordWrite,
  refs?: References
): D1PreparedStatement[] {
  switch (write.kind) {
    case 'create':
    case 'content': {
      if (!refs) throw new Error('recordStatements: a content write needs its references')
      const { derived, completeness: score } = derive(write.content, refs)
      if (write.kind === 'content') {
        const { id, readRevision, content, change, status } = write
        return [
          ...reviseExperimentStatements(
            db,
            id,
            readRevision,
            content,
            derived,
            score,
            change,
            status
          ),
          ...linkStatements(db, id, content, change.at),
        ]
      }
      return [
        ...insertExperimentStatements(
          db,
          {
            id: write.id,
            slug: slugFor(write.content.title, write.id),
            content: write.content,
            derived,
            completeness: score,
            privateContact: write.privateContact,
            editTokenHash: write.editTokenHash,
            editTokenExpiresAt: write.editTokenExpiresAt,
            status: write.status,
            publishedAt: write.publishedAt,
            lastVerifiedAt: write.lastVerifiedAt ?? null,
          },
          write.change
        ),
        ...linkStatements(db, write.id, write.content, write.change.at),
      ]
    }
    case 'moderation':
      return moderationStatements(
        db,
        write.id,
        write.readRevision,
        write.next,
        write.change,
        write.audit,
        write.record
      )
    case 'verify':
      return verifyStatements(
        db,
        write.id,
        write.readRevision,
        write.change.actor,
        write.change.at,
        write.record
      )
  }
}

/**
 * Derives, then writes the record change and `extra` in one batch. A change guarded by a
 * revision someone else moved meanwhile is a 409, whether the guarded update matched
 * nothing or the batch collided on the revision number and rolled back.
 */
export async function writeRecord(
  db: Db,
  write: RecordWrite,
  extra: D1PreparedStatement[] = [],
  /** Already loaded (and checked) references of the content, if the caller has them. */
  loaded?: References
): Promise<D1Result[]> {
  const refs =
    loaded ??
    (write.kind === 'create' || write.kind === 'content'
      ? await loadReferences(db, write.content, write.kind === 'content' ? write.id : undefined)
      : undefined)
  const statements = [...recordStatements(db, write, refs), ...extra]
  let results: D1Result[]
  try {
    results = await db.batch(statements)
  } catch (err) {
    if (write.kind !== 'create') {
      const record =
        write.kind === 'moderation' || write.kind === 'verify'
          ? (write.record ?? 'experiment')
          : 'experiment'
      const current = await getLifecycleRow(db, record, write.id)
      if (current && current.revision !== write.readRevision) throw conflict()
    }
    throw err
  }
  if (write.kind !== 'create' && !wroteRow(results[0])) throw conflict()
  return results
}

/** Experiments as their owners edit them (services/editing.ts). */
export const EXPERIMENT_EDITING: OwnerKind<ExperimentContent> = {
  kind: 'experiment',
  diff: EXPERIMENT_DIFF,
  schema: ExperimentContent,
  current: (row) => row.data,
  async derive(db, content, id) {
    return derive(content, await loadReferences(db, content, id))
  },
  write: (db, write, extra) => writeRecord(db, { kind: 'content', ...write }, extra),
}
