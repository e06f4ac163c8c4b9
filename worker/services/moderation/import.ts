/**
 * Bulk import for moderators: rows read and validated by open-data/import-rows.ts (the
 * submission schema plus `sourceId`) are checked against the territory reference, then
 * written in D1 batches.
 *
 * Guarantees:
 * - all or nothing: every row's statements (record, themes, territories, revision, outbox,
 *   source link) and the audit row go in one D1 batch, which is one transaction: a request
 *   interrupted or refused by the database writes none of its rows and reports each as
 *   failed (it used to commit part of them, issue 15), so it can simply be sent again;
 * - idempotent: a row whose `sourceId` (or exported `id`) is already known updates that
 *   experiment, and an identical row changes nothing;
 * - bounded: at most IMPORT_MAX_ROWS rows per request, so one call stays within a
 *   Worker's query and CPU limits; the CLI splits bigger files.
 */
import { appendAudit, type AuditEntry } from '../../db/audit'
import { PUBLISHED } from '../../db/moderation'
import type { Change } from '../../db/revisions'
import {
  columnOf,
  validateRow,
  type ImportFormat,
  type RawRow,
  type ImportReport,
  type RowError,
  type RowReport,
  type RowStatus,
  type ValidRow,
} from '../../open-data/import-rows'
import { canonical } from '../../domain/revision-diff'
import { existingExperimentIds } from '../../db/experiments'
import { findByIds, findBySourceIds, linkSource } from '../../db/open-data'
import { wroteRow, type Db } from '../../db/session'
import { coverageOfEach, findTerritories } from '../../db/territories'
import { secretToken, sha256Hex, ulid } from '../../lib/crypto'
import { linksOf, liveActorStatuses } from '../../db/experiment-actors'
import {
  actorReferenceErrors,
  recordStatements,
  referenceErrors,
  type References,
} from '../records'
import { resolveRowNames } from './import-names'

/** Body size accepted per request (the longest records are ~40 KB). */
export const IMPORT_MAX_BYTES = 4 * 1024 * 1024

// ── Import ───────────────────────────────────────────────────────────────────

interface ImportOptions {
  format: ImportFormat
  publish: boolean
  dryRun: boolean
  moderator: string
  /** Private contact for rows without one (exports never carry it). */
  contactEmail?: string | undefined
  now?: Date
}

interface Plan {
  row: number
  key: string | undefined
  kind: 'create' | 'update' | 'unchanged'
  id: string
  statements: (db: Db) => D1PreparedStatement[]
}

export async function importExperiments(
  db: Db,
  raws: readonly RawRow[],
  options: ImportOptions
): Promise<ImportReport> {
  const now = options.now ?? new Date()
  const at = now.toISOString()
  const reports = new Map<number, RowReport>()
  const invalid = (row: number, errors: RowError[], sourceId?: string) =>
    reports.set(row, { row, status: 'invalid', ...(sourceId ? { sourceId } : {}), errors })

  // 1. Territory names to codes (all rows in one round trip), then schema validation.
  const named = await resolveRowNames(db, raws)
  const valid: ValidRow[] = []
  const seenKeys = new Set<string>()
  const seenIds = new Set<string>()
  for (const { raw, errors: nameErrors } of named) {
    const result = validateRow(raw, options.format, options.contactEmail)
    const errors = [...nameErrors, ...(result.errors ?? [])]
    if (!result.input || errors.length > 0) {
      invalid(
        raw.row,
        options.format === 'csv'
          ? errors.map((e) => (e.pointer ? { ...e, column: columnOf(e.pointer) } : e))
          : errors
      )
      continue
    }
    const input = result.input
    const key = input.sourceId ?? input.id
    if ((key && seenKeys.has(key)) || (input.id && seenIds.has(input.id))) {
      invalid(raw.row, [{ pointer: '/sourceId', message: 'Fiche en double dans ce fichier.' }], key)
      continue
    }
    if (key) seenKeys.add(key)
    if (input.id) seenIds.add(input.id)
    valid.push({ row: raw.row, input, key })
  }

  // 2. What only the database knows: territories, links, existing records.
  const allCodes = [...new Set(valid.flatMap((v) => v.input.territories))]
  const linked = [...new Set(valid.flatMap((v) => v.input.inspiredBy ?? []))].filter(
    (id) => !seenIds.has(id)
  )
  const [territories, linkedIds, actorStatuses, bySource, byId] = await Promise.all([
    findTerritories(db, allCodes),
    existingExperimentIds(db, linked),
    liveActorStatuses(db, [
      ...new Set(valid.flatMap((v) => linksOf(v.input).map((l) => l.actorId))),
    ]),
    findBySourceIds(
      db,
      valid.flatMap((v) => (v.key ? [v.key] : []))
    ),
    findByIds(
      db,
      valid.flatMap((v) => (v.input.id ? [v.input.id] : []))
    ),
  ])

  // Coverage of every row in one round trip rather than one query per row.
  const covered = await coverageOfEach(
    db,
    valid.map((v) => v.input.territories)
  )
  const coverageOf = new Map(valid.map((v, i) => [v.row, covered[i]!]))
  const known = new Set([...seenIds, ...linkedIds])
  // An imported record is published at once, or later by an approval that does not read
  // its links again: it may link only actors the public sees, or its page would name one
  // that is not there. A row-level error, as for an unknown actor: publish it, then import.
  const actorIds = new Set(actorStatuses.keys())
  const unpublishedActors = new Set(
    [...actorStatuses].flatMap(([id, status]) => (status === 'published' ? [] : [id]))
  )

  const plans: Plan[] = []
  for (const v of valid) {
    const errors = [
      ...referenceErrors(v.input, territories, known),
      ...actorReferenceErrors(v.input, actorIds, unpublishedActors),
    ]
    const existing = existingRecord(v, bySource, byId)
    if (existing && (existing.deletedAt !== null || existing.status === 'merged')) {
      errors.push({
        pointer: v.key ? '/sourceId' : '/id',
        message:
          'Cette fiche a été supprimée ou fusionnée par la modération : restaurez-la avant de la réimporter.',
      })
    }
    if (errors.length > 0) {
      invalid(
        v.row,
        options.format === 'csv'
          ? errors.map((e) => ({ ...e, column: e.pointer ? columnOf(e.pointer) : undefined }))
          : errors,
        v.key
      )
      continue
    }
    const refs = { territories, coverage: coverageOf.get(v.row)! }
    plans.push(await plan(v, options, at, refs, bySource, byId))
  }

  // 3. Write (unless dry run): every row and the audit row in one transaction.
  const audit = appendAudit(db, {
    at,
    actor: `moderator:${options.moderator}`,
    action: 'import',
    target: null,
    detail: { format: options.format, publish: options.publish, counts: plannedCounts(plans) },
  })
  const written = options.dryRun
    ? new Map(plans.map((p) => [p.row, null]))
    : await write(db, plans, audit)
  for (const p of plans) {
    const failure = written.get(p.row)
    reports.set(
      p.row,
      failure
        ? {
            row: p.row,
            status: 'failed',
            id: p.id,
            ...(p.key ? { sourceId: p.key } : {}),
            errors: [{ message: failure }],
          }
        : {
            row: p.row,
            status: p.kind === 'create' ? 'created' : p.kind === 'update' ? 'updated' : 'unchanged',
            id: p.id,
            ...(p.key ? { sourceId: p.key } : {}),
          }
    )
  }

  const rows = [...reports.values()].sort((a, b) => a.row - b.row)
  const counts: Record<RowStatus, number> = {
    created: 0,
    updated: 0,
    unchanged: 0,
    invalid: 0,
    failed: 0,
  }
  for (const r of rows) counts[r.status]++
  return { dryRun: options.dryRun, publish: options.publish, total: rows.length, counts, rows }
}

/** The record a row updates: by source id first, else by the exported id it carries. */
function existingRecord(
  v: ValidRow,
  bySource: Awaited<ReturnType<typeof findBySourceIds>>,
  byId: Awaited<ReturnType<typeof findByIds>>
) {
  return (
    (v.key ? bySource.get(v.key) : undefined) ?? (v.input.id ? byId.get(v.input.id) : undefined)
  )
}

async function plan(
  v: ValidRow,
  options: ImportOptions,
  at: string,
  refs: References,
  bySource: Awaited<ReturnType<typeof findBySourceIds>>,
  byId: Awaited<ReturnType<typeof findByIds>>
): Promise<Plan> {
  const {
    privateContact,
    sourceId: _sourceId,
    id: _id,
    publishedAt,
    lastVerifiedAt,
    territoryNames: _names,
    ...content
  } = v.input
  const existing = existingRecord(v, bySource, byId)
  const actor = `moderator:${options.moderator}`
  const link = (id: string) => (db2: Db) => (v.key ? [linkSource(db2, v.key, id, at)] : [])

  if (existing) {
    const id = existing.experimentId
    // Order kept (sets=false): a re-import that reorders themes still rewrites the record.
    const sameContent = canonical(JSON.parse(existing.data), false) === canonical(content, false)
    const mustPublish = options.publish && existing.status !== 'published'
    if (sameContent && !mustPublish) {
      return { row: v.row, key: v.key, kind: 'unchanged', id, statements: link(id) }
    }
    return {
      row: v.row,
      key: v.key,
      kind: 'update',
      id,
      statements: (db2) => {
        let revision = existing.revision
        const out: D1PreparedStatement[] = []
        if (!sameContent) {
          const change: Change = { action: 'import-update', actor, at }
          out.push(
            ...recordStatements(
              db2,
              { kind: 'content', id, readRevision: revision, content, change },
              refs
            )
          )
          revision++
        }
        if (mustPublish) {
          const change: Change = { action: 'approve', actor, reason: 'Publication par import', at }
          const audit: AuditEntry = {
            at,
            actor,
            action: 'approve',
            target: `experiment:${id}`,
            reason: change.reason,
            detail: {
              from: existing.status,
              to: 'published',
              revision: revision + 1,
              via: 'import',
            },
          }
          const write = {
            kind: 'moderation',
            id,
            readRevision: revision,
            next: PUBLISHED,
            change,
            audit,
          } as const
          out.push(...recordStatements(db2, write))
        }
        return [...out, ...link(id)(db2)]
      },
    }
  }

  const id = v.input.id ?? ulid(Date.parse(at))
  const editTokenHash = await sha256Hex(secretToken()) // never handed out: imports have no edit link
  const change: Change = { action: 'import', actor, at }
  return {
    row: v.row,
    key: v.key,
    kind: 'create',
    id,
    statements: (db2) => [
      ...recordStatements(
        db2,
        {
          kind: 'create',
          id,
          content,
          privateContact,
          editTokenHash,
          editTokenExpiresAt: at,
          status: options.publish ? 'published' : 'pending',
          publishedAt: publishedAt ?? null,
          lastVerifiedAt: lastVerifiedAt ?? null,
          change,
        },
        refs
      ),
      ...link(id)(db2),
    ],
  }
}

const CONFLICT =
  'La fiche a été modifiée pendant l’import ; rien n’a été écrit pour cette ligne, relancez l’import.'

const REFUSED =
  'Écriture refusée par la base : aucune ligne de cet import n’a été écrite ; corrigez puis relancez-le.'

/** What the audit row says the import writes: the rows planned as created and updated. */
function plannedCounts(plans: readonly Plan[]): Record<'created' | 'updated', number> {
  return {
    created: plans.filter((p) => p.kind === 'create').length,
    updated: plans.filter((p) => p.kind === 'update').length,
  }
}

/**
 * Writes every plan and the audit row in one D1 batch (one transaction); returns, per row,
 * null when written or why it was not. An update guarded by a stale revision changes
 * nothing (its guarded statements neither): such a row is reported as a conflict, not
 * claimed as written. If the batch fails, it rolled back whole: every row is reported.
 */
async function write(
  db: Db,
  plans: readonly Plan[],
  audit: D1PreparedStatement
): Promise<Map<number, string | null>> {
  const perPlan = plans.map((p) => p.statements(db))
  const writes = plans.some((p) => p.kind !== 'unchanged')
  const statements = [...perPlan.flat(), ...(writes ? [audit] : [])]
  const outcome = new Map<number, string | null>()
  if (statements.length === 0) return outcome
  let results: D1Result[]
  try {
    results = await db.batch(statements)
  } catch (err) {
    console.error('import refused, nothing written', err)
    for (const p of plans) outcome.set(p.row, REFUSED)
    return outcome
  }
  let index = 0
  plans.forEach((p, k) => {
    const conflict = p.kind === 'update' && !wroteRow(results[index])
    outcome.set(p.row, conflict ? CONFLICT : null)
    index += perPlan[k]!.length
  })
  return outcome
}
