/**
 * Experiments in D1: the current state (revisions and outbox rows: revisions.ts).
 *
 * Every write is a list of prepared statements meant for one `db.batch()` (D1's
 * transaction): the change, the revision snapshot and the outbox rows commit or roll
 * back together. Reads map rows to the API shapes in one place (`toExperiment`).
 */
import type {
  Derived,
  Experiment,
  ExperimentContent,
  ModeratedExperiment,
  Status,
} from '../domain/experiment'
import { costPerBeneficiary } from '../domain/cost'
import { verificationCutoff } from '../domain/freshness'
import { BUDGET_BANDS } from '../domain/funding'
import type { DensityClass, PopulationBand } from '../domain/territory-size'
import { topTheme, type ScopeLevel } from '../domain/vocabularies'
import { moderationFields, recordFields, type RecordRow } from './record-kinds'
import { revisionStatements, type Change } from './revisions'
import type { Db } from './session'

/** An experiment's row: the lifecycle columns every record has, and its own. */
export interface ExperimentRow extends RecordRow {
  title: string
  lead_kind: string
  stage: string
  evidence_level: number
  /** Null when the start date is unknown. */
  start_year: number | null
  budget_eur: number | null
  people_reached: number | null
  population_covered: number
  completeness: number
  // Migration 0008: the derived scope, repeated for filters and statistics.
  scope_level: ScopeLevel
  country: string | null
}

// ── Reads ────────────────────────────────────────────────────────────────────

export function toExperiment(row: ExperimentRow): Experiment {
  return {
    ...(JSON.parse(row.data) as ExperimentContent),
    ...recordFields(row),
    completeness: row.completeness,
    costPerBeneficiaryEur: costPerBeneficiary(
      row.budget_eur ?? undefined,
      row.people_reached ?? undefined
    ),
  }
}

export function toModeratedExperiment(row: ExperimentRow): ModeratedExperiment {
  return { ...toExperiment(row), ...moderationFields(row) }
}

/** A published experiment by id or slug; null for pending, rejected or unknown ones. */
export async function getPublishedExperiment(
  db: Db,
  idOrSlug: string
): Promise<ExperimentRow | null> {
  return db
    .prepare(`SELECT * FROM experiments WHERE (id = ?1 OR slug = ?1) AND status = 'published'`)
    .bind(idOrSlug)
    .first<ExperimentRow>()
}

export async function getExperiment(db: Db, id: string): Promise<ExperimentRow | null> {
  return db.prepare('SELECT * FROM experiments WHERE id = ?1').bind(id).first<ExperimentRow>()
}

/** Which of these ids exist (any status), for validating `inspiredBy` links. */
export async function existingExperimentIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const { results } = await db
    .prepare('SELECT id FROM experiments WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids))
    .all<{ id: string }>()
  return new Set(results.map((r) => r.id))
}

/** The published experiments among these ids, with what links to them (an event's restitution). */
export async function publishedExperimentTitles(
  db: Db,
  ids: readonly string[]
): Promise<Map<string, { slug: string; title: string }>> {
  if (ids.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT id, slug, title FROM experiments WHERE status = 'published'
         AND id IN (SELECT value FROM json_each(?1))`
    )
    .bind(JSON.stringify(ids))
    .all<{ id: string; slug: string; title: string }>()
  return new Map(results.map((r) => [r.id, { slug: r.slug, title: r.title }]))
}

export interface CatalogueFilters {
  theme?: readonly string[] | undefined
  region?: readonly string[] | undefined
  department?: readonly string[] | undefined
  level?: readonly string[] | undefined
  stage?: readonly string[] | undefined
  evidence?: readonly number[] | undefined
  scope?: readonly ScopeLevel[] | undefined
  country?: readonly string[] | undefined
  /** Budget band codes (domain/funding.ts). */
  budget?: readonly string[] | undefined
  /** Funding types and programmes named by at least one funding entry. */
  fundingType?: readonly string[] | undefined
  programme?: readonly string[] | undefined
  size?: readonly PopulationBand[] | undefined
  density?: readonly DensityClass[] | undefined
  /** Only records never verified or last verified before the cutoff (domain/freshness.ts). */
  toVerify?: boolean | undefined
}

/** Keyset position in the public list: newest publication first, id as tie-breaker. */
export interface ListCursor {
  publishedAt: string
  id: string
}

/**
 * Published experiments matching the filters (OR within a filter, AND across filters),
 * one page after `cursor`. Each multi-valued filter is bound as one JSON array, so the
 * query stays far below D1's 100-parameter limit whatever the selection.
 */
export async function listPublishedExperiments(
  db: Db,
  filters: CatalogueFilters,
  cursor: ListCursor | null,
  limit: number
): Promise<ExperimentRow[]> {
  const json = (values: readonly unknown[] | undefined) =>
    values?.length ? JSON.stringify(values) : null
  const { results } = await db
    .prepare(
      `SELECT * FROM experiments e
       WHERE e.status = 'published'
         AND (?1 IS NULL OR e.id IN (SELECT experiment_id FROM experiment_themes WHERE theme IN (SELECT value FROM json_each(?1))))
         AND (?2 IS NULL OR e.id IN (SELECT experiment_id FROM experiment_territories WHERE territory IN (SELECT value FROM json_each(?2))))
         AND (?3 IS NULL OR e.id IN (SELECT experiment_id FROM experiment_territories WHERE territory IN (SELECT value FROM json_each(?3))))
         AND (?4 IS NULL OR e.lead_kind IN (SELECT value FROM json_each(?4)))
         AND (?5 IS NULL OR e.stage IN (SELECT value FROM json_each(?5)))
         AND (?6 IS NULL OR e.evidence_level IN (SELECT value FROM json_each(?6)))
         AND (?7 IS NULL OR (e.published_at, e.id) < (?7, ?8))
         AND (?10 IS NULL OR e.scope_level IN (SELECT value FROM json_each(?10)))
         AND (?11 IS NULL OR e.country IN (SELECT value FROM json_each(?11)))
         AND (?12 IS NULL OR EXISTS (SELECT 1 FROM json_each(?12) b
           WHERE e.budget_eur >= b.value->>'$[0]' AND e.budget_eur < b.value->>'$[1]'))
         AND (?13 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.data, '$.means.fundingSources') f
           WHERE f.value->>'$.type' IN (SELECT value FROM json_each(?13))))
         AND (?14 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.data, '$.means.fundingSources') f
           WHERE f.value->>'$.programme' IN (SELECT value FROM json_each(?14))))
         AND (?15 IS NULL OR e.derived ->> '$.territorySize.populationBand' IN (SELECT value FROM json_each(?15)))
         AND (?16 IS NULL OR e.derived ->> '$.territorySize.densityClass' IN (SELECT value FROM json_each(?16)))
         AND (?17 IS NULL OR e.last_verified_at IS NULL OR e.last_verified_at < ?17)
       ORDER BY e.published_at DESC, e.id DESC
       LIMIT ?9`
    )
    .bind(
      json(filters.theme),
      json(filters.region?.map((code) => `reg:${code}`)),
      json(filters.department?.map((code) => `dep:${code}`)),
      json(filters.level),
      json(filters.stage),
      json(filters.evidence),
      cursor?.publishedAt ?? null,
      cursor?.id ?? null,
      limit,
      json(filters.scope),
      json(filters.country),
      json(budgetRanges(filters.budget)),
      json(filters.fundingType),
      json(filters.programme),
      json(filters.size),
      json(filters.density),
      filters.toVerify ? verificationCutoff(new Date()) : null
    )
    .all<ExperimentRow>()
  return results
}

/** The [min, max) euro ranges of budget band codes; the open top band ends past any budget. */
function budgetRanges(codes: readonly string[] | undefined): [number, number][] | undefined {
  return codes?.flatMap((code) => {
    const band = BUDGET_BANDS.find((b) => b.code === code)
    return band ? [[band.min, band.max ?? Number.MAX_SAFE_INTEGER] as [number, number]] : []
  })
}

/** Pending submissions, oldest first (first come, first reviewed). */
export async function listPendingExperiments(
  db: Db,
  after: { createdAt: string; id: string } | null,
  limit: number
): Promise<ExperimentRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM experiments WHERE status = 'pending' AND deleted_at IS NULL
         AND (?1 IS NULL OR (created_at, id) > (?1, ?2))
       ORDER BY created_at, id LIMIT ?3`
    )
    .bind(after?.createdAt ?? null, after?.id ?? null, limit)
    .all<ExperimentRow>()
  return results
}

// ── Writes ───────────────────────────────────────────────────────────────────

interface NewExperiment {
  id: string
  slug: string
  content: ExperimentContent
  derived: Derived
  privateContact: unknown
  completeness: number
  editTokenHash: string
  editTokenExpiresAt: string
  status: Status
  /** Publication date to record when `status` is `published` (kept from an export). */
  publishedAt: string | null
  /**
   * When the facts were last checked, if known before publication (an imported record
   * whose source gives the date); otherwise the publication counts as the verification.
   */
  lastVerifiedAt?: string | null
}

/** The columns written from the content (in `contentColumns` order): 13 of them. */
const CONTENT_COLUMNS = `title, lead_kind, stage, evidence_level, start_year, budget_eur,
  people_reached, population_covered, completeness, scope_level, country, data, derived`

/** The columns repeated from the content for filters, sorting and statistics. */
function contentColumns(content: ExperimentContent, derived: Derived, completeness: number) {
  return [
    content.title,
    content.lead.kind,
    content.stage,
    content.evidenceLevel,
    content.startDate ? Number(content.startDate.slice(0, 4)) : null,
    content.means?.budgetEur ?? null,
    content.results?.peopleReached ?? null,
    derived.populationCovered,
    completeness,
    derived.scopeLevel,
    derived.country?.code ?? null,
    JSON.stringify(content),
    JSON.stringify(derived),
  ] as const
}

/**
 * Statements that (re)write the theme and territory rows of an experiment, each guarded
 * by `EXISTS (… id = ?1 AND revision = ?2 AND updated_at = ?3)` so they only run when
 * the content change they belong to actually applied.
 */
function indexRowStatements(
  db: Db,
  id: string,
  revision: number,
  at: string,
  content: ExperimentContent,
  derived: Derived
): D1PreparedStatement[] {
  const guard =
    'EXISTS (SELECT 1 FROM experiments WHERE id = ?1 AND revision = ?2 AND updated_at = ?3)'
  const derivedCodes = JSON.stringify(
    [...derived.regions, ...derived.departments].map((t) => t.code)
  )
  return [
    db
      .prepare(`DELETE FROM experiment_themes WHERE experiment_id = ?1 AND ${guard}`)
      .bind(id, revision, at),
    db
      .prepare(
        `INSERT INTO experiment_themes (experiment_id, theme)
         SELECT DISTINCT ?1, value FROM json_each(?4) WHERE ${guard}`
      )
      .bind(id, revision, at, JSON.stringify(content.themes.map(topTheme))),
    db
      .prepare(`DELETE FROM experiment_territories WHERE experiment_id = ?1 AND ${guard}`)
      .bind(id, revision, at),
    db
      .prepare(
        `INSERT INTO experiment_territories (experiment_id, territory, declared)
         SELECT ?1, value, 1 FROM json_each(?4) WHERE ${guard}
         UNION SELECT ?1, value, 0 FROM json_each(?5)
           WHERE value NOT IN (SELECT value FROM json_each(?4)) AND ${guard}`
      )
      .bind(id, revision, at, JSON.stringify(content.territories), derivedCodes),
  ]
}

/**
 * Statements that replace the content of an existing experiment (any status), guarded by
 * the revision the caller read. If someone changed the record meanwhile, the update
 * matches no row and the guarded statements do nothing — or, if that other change took
 * the very revision number this one wanted, the revision insert hits the primary key and
 * the whole batch rolls back. Either way the caller sees `changes !== 1` on the first
 * result (or a thrown batch) and reports a conflict. Dates other than `updated_at` are
 * left alone, and the status too unless `status` is given (an owner's answer to a request
 * for changes puts the record back to `pending`): publishing stays a moderation decision.
 */
export function reviseExperimentStatements(
  db: Db,
  id: string,
  readRevision: number,
  content: ExperimentContent,
  derived: Derived,
  completeness: number,
  change: Change,
  status?: Status
): D1PreparedStatement[] {
  const revision = readRevision + 1
  return [
    db
      .prepare(
        `UPDATE experiments SET revision = revision + 1, title = ?3, lead_kind = ?4, stage = ?5,
           evidence_level = ?6, start_year = ?7, budget_eur = ?8, people_reached = ?9,
           population_covered = ?10, completeness = ?11, scope_level = ?12, country = ?13,
           data = ?14, derived = ?15, updated_at = ?16, status = coalesce(?17, status)
         WHERE id = ?1 AND revision = ?2`
      )
      .bind(
        id,
        readRevision,
        ...contentColumns(content, derived, completeness),
        change.at,
        status ?? null
      ),
    ...revisionStatements(db, id, revision, change),
    ...indexRowStatements(db, id, revision, change.at, content, derived),
  ]
}

/**
 * Statements that store a new experiment in `status` (`pending` for a submission, either
 * for an import) as revision 1, with its theme and territory rows, revision and outbox rows.
 */
export function insertExperimentStatements(
  db: Db,
  e: NewExperiment,
  change: Change
): D1PreparedStatement[] {
  const publishedAt = e.status === 'published' ? (e.publishedAt ?? change.at) : null
  const lastVerifiedAt = e.lastVerifiedAt ?? publishedAt
  return [
    db
      .prepare(
        `INSERT INTO experiments (id, slug, status, revision, ${CONTENT_COLUMNS},
           private_contact, edit_token_hash, edit_token_expires_at, created_at, updated_at,
           published_at, last_verified_at)
         VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
           ?17, ?18, ?19, ?20, ?20, ?21, ?22)`
      )
      .bind(
        e.id,
        e.slug,
        e.status,
        ...contentColumns(e.content, e.derived, e.completeness),
        JSON.stringify(e.privateContact),
        e.editTokenHash,
        e.editTokenExpiresAt,
        change.at,
        publishedAt,
        lastVerifiedAt
      ),
    ...revisionStatements(db, e.id, 1, change),
    ...indexRowStatements(db, e.id, 1, change.at, e.content, e.derived),
  ]
}

// ── Search indexing (worker/search/sync.ts) ──────────────────────────────────

/** The current rows of these ids, any status (missing ids are simply absent). */
export async function getExperimentsByIds(
  db: Db,
  ids: readonly string[]
): Promise<ExperimentRow[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare('SELECT * FROM experiments WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids))
    .all<ExperimentRow>()
  return results
}

/** Every experiment after `afterId` in id order, any status: the reindex walks them all. */
export async function listExperimentsAfter(
  db: Db,
  afterId: string,
  limit: number
): Promise<ExperimentRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM experiments WHERE id > ?1 ORDER BY id LIMIT ?2')
    .bind(afterId, limit)
    .all<ExperimentRow>()
  return results
}

/** Ids and revisions of every published experiment, to compare with an index. */
export async function publishedRevisions(db: Db): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(`SELECT id, revision FROM experiments WHERE status = 'published'`)
    .all<{ id: string; revision: number }>()
  return new Map(results.map((r) => [r.id, r.revision]))
}

export async function countExperiments(db: Db): Promise<number> {
  const row = await db.prepare('SELECT count(*) AS n FROM experiments').first<{ n: number }>()
  return row?.n ?? 0
}
