/**
 * The public history of a published record (an experiment, an actor, an event): its published revisions only (what was
 * online at some point), each with the field-level changes since the previous published
 * one. Revisions hold public content only; pending edits and moderation-only states never
 * show, and neither do reasons or actor names (a moderator's name is not public).
 */
import { publishedActorNames } from '../db/actors'
import type { RecordKind } from '../db/record-kinds'
import { listRevisions } from '../db/revisions'
import type { Db } from '../db/session'
import type { ChangeAction } from '../domain/moderation'
import { findTerritories } from '../db/territories'
import {
  ACTOR_DIFF,
  EVENT_DIFF,
  EXPERIMENT_DIFF,
  type ContentDiff,
  type FieldChange,
} from '../domain/revision-diff'
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

const idsIn = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
const codeIn = (v: unknown): string[] => (typeof v === 'string' ? [v] : [])
const linkedIn = (v: unknown): string[] =>
  Array.isArray(v)
    ? v
        .flatMap((l) => (typeof l === 'object' && l && 'experimentId' in l ? [l.experimentId] : []))
        .filter((x): x is string => typeof x === 'string')
    : []

/**
 * Changes that hold ids or territory codes name them as the record page does, never by id
 * or code: `inspiredBy` and the restitution's experiments by title, an event's organisers
 * by name, the territories of an experiment or an actor and an event's commune and
 * territory by name (a record no longer published reads « ? »: it has no public name).
 */
export async function withRecordTitles(db: Db, changes: FieldChange[]): Promise<FieldChange[]> {
  const values = (field: string, of: (v: unknown) => string[]) =>
    changes.filter((c) => c.field === field).flatMap((c) => [...of(c.before), ...of(c.after)])
  const experimentIds = [
    ...values('inspiredBy', idsIn),
    ...values('restitution.experiments', linkedIn),
  ]
  const actorIds = values('organisers', idsIn)
  const codes = [
    ...values('territories', idsIn),
    ...values('place.commune', codeIn),
    ...values('territory', codeIn),
  ]
  if (experimentIds.length + actorIds.length + codes.length === 0) return changes
  const [experiments, actors, territories] = await Promise.all([
    experimentIds.length > 0 ? linkedRecords(db, experimentIds) : [],
    publishedActorNames(db, actorIds),
    codes.length > 0 ? findTerritories(db, codes) : new Map<string, { name: string }>(),
  ])
  const title = new Map(experiments.map((r) => [r.id, r.title ?? '?']))
  const territoryName = (code: string) => territories.get(code)?.name ?? code
  const named: Record<string, (v: unknown) => unknown> = {
    inspiredBy: (v) => idsIn(v).map((id) => title.get(id) ?? '?'),
    organisers: (v) => idsIn(v).map((id) => actors.get(id)?.name ?? '?'),
    'restitution.experiments': (v) =>
      Array.isArray(v)
        ? v.map((l: unknown) =>
            typeof l === 'object' && l && 'experimentId' in l
              ? { ...l, experimentId: title.get(String(l.experimentId)) ?? '?' }
              : l
          )
        : v,
    territories: (v) => idsIn(v).map(territoryName),
    'place.commune': (v) => (typeof v === 'string' ? territoryName(v) : v),
    territory: (v) => (typeof v === 'string' ? territoryName(v) : v),
  }
  return changes.map((c) => {
    const name = named[c.field]
    if (!name) return c
    return {
      ...c,
      before: c.before === undefined ? c.before : name(c.before),
      after: c.after === undefined ? c.after : name(c.after),
    }
  })
}

const DIFFS: Readonly<Record<RecordKind, ContentDiff>> = {
  experiment: EXPERIMENT_DIFF,
  actor: ACTOR_DIFF,
  event: EVENT_DIFF,
}

export async function publicHistory(
  db: Db,
  row: { id: string },
  kind: RecordKind = 'experiment'
): Promise<PublicRevision[]> {
  const diff = DIFFS[kind]
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
