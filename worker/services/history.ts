/**
 * The public history of a published record (an experiment, an actor): its published revisions only (what was
 * online at some point), each with the field-level changes since the previous published
 * one. Revisions hold public content only; pending edits and moderation-only states never
 * show, and neither do reasons or actor names (a moderator's name is not public).
 */
import type { EditableKind, RecordRow } from '../db/record-kinds'
import { listRevisions } from '../db/revisions'
import type { Db } from '../db/session'
import type { ChangeAction } from '../domain/moderation'
import { ACTOR_DIFF, EXPERIMENT_DIFF, type FieldChange } from '../domain/revision-diff'
import { linkedRecords } from './replications'

interface PublicRevision {
  revision: number
  /** Rank among the published versions, from 1: what a reader calls « Version 1 ». */
  version: number
  /** submit/approve (first publication), edit, verify, import… */
  action: ChangeAction
  createdAt: string
  /** True for the first published revision (nothing to compare with). */
  first: boolean
  changes: FieldChange[]
}

/**
 * `inspiredBy` changes name the records by title, as the record page does, never by id
 * (a record no longer published reads « ? »: it has no public title).
 */
export async function withRecordTitles(db: Db, changes: FieldChange[]): Promise<FieldChange[]> {
  const ids = (v: unknown): string[] =>
    Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  const links = changes.filter((c) => c.field === 'inspiredBy')
  if (links.length === 0) return changes
  const named = new Map(
    (
      await linkedRecords(
        db,
        links.flatMap((c) => [...ids(c.before), ...ids(c.after)])
      )
    ).map((r) => [r.id, r.title ?? '?'])
  )
  const titles = (v: unknown) => (v === undefined ? v : ids(v).map((id) => named.get(id) ?? '?'))
  return changes.map((c) =>
    c.field === 'inspiredBy' ? { ...c, before: titles(c.before), after: titles(c.after) } : c
  )
}

export async function publicHistory(
  db: Db,
  row: RecordRow,
  kind: EditableKind = 'experiment'
): Promise<PublicRevision[]> {
  const diff = kind === 'actor' ? ACTOR_DIFF : EXPERIMENT_DIFF
  const published = (await listRevisions(db, row.id, kind)).filter((r) => r.status === 'published')
  let previous: unknown = null
  const history = published
    .map((r, i) => {
      const data: unknown = JSON.parse(r.data)
      const entry: PublicRevision = {
        revision: r.revision,
        version: i + 1,
        action: r.action,
        createdAt: r.created_at,
        first: i === 0,
        changes: i === 0 ? [] : diff.diff(previous, data),
      }
      previous = data
      return entry
    })
    .reverse()
  return Promise.all(
    history.map(async (r) => ({ ...r, changes: await withRecordTitles(db, r.changes) }))
  )
}
