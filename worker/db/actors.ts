/**
 * Actors in D1 (migration 0013): the current state, the skill and territory rows the
 * list filters on, and the reads that map rows to the API shapes (`toActor`). Revisions
 * and outbox rows are written by revisions.ts, moderation decisions by moderation.ts —
 * the same statements as experiments'.
 *
 * Every write is a list of prepared statements for one `db.batch()`: the change, its
 * revision snapshot, outbox rows and index rows commit or roll back together.
 */
import type { Actor, ActorContent, ModeratedActor } from '../domain/actor'
import type { Derived, Status } from '../domain/experiment'
import { skillFamily } from '../domain/skills'
import type { ScopeLevel } from '../domain/vocabularies'
import { moderationFields, recordFields, type RecordRow } from './record-kinds'
import { revisionStatements, type Change } from './revisions'
import type { Db } from './session'

/** An actor's row: the lifecycle columns every record has, and its own. */
export interface ActorRow extends RecordRow {
  name: string
  kind: string
  scope_level: ScopeLevel
}

// ── Reads ────────────────────────────────────────────────────────────────────

export function toActor(row: ActorRow): Actor {
  return { ...(JSON.parse(row.data) as ActorContent), ...recordFields(row) }
}

export function toModeratedActor(row: ActorRow): ModeratedActor {
  return { ...toActor(row), ...moderationFields(row) }
}

/** A published actor by id or slug; null for pending, rejected or unknown ones. */
export async function getPublishedActor(db: Db, idOrSlug: string): Promise<ActorRow | null> {
  return db
    .prepare(`SELECT * FROM actors WHERE (id = ?1 OR slug = ?1) AND status = 'published'`)
    .bind(idOrSlug)
    .first<ActorRow>()
}

export async function getActor(db: Db, id: string): Promise<ActorRow | null> {
  return db.prepare('SELECT * FROM actors WHERE id = ?1').bind(id).first<ActorRow>()
}

export interface ActorFilters {
  kind?: readonly string[] | undefined
  /** Skill or family codes offered / needed (OR within, AND across filters). */
  offers?: readonly string[] | undefined
  needs?: readonly string[] | undefined
  /** Typed territory codes (`dep:35`, `reg:53`, `com:35238`…), declared or derived. */
  territory?: readonly string[] | undefined
  programme?: readonly string[] | undefined
}

/** Keyset position in the public list: newest publication first, id as tie-breaker. */
export interface ActorCursor {
  publishedAt: string
  id: string
}

/** Published actors matching the filters, one page after `cursor`. */
export async function listPublishedActors(
  db: Db,
  filters: ActorFilters,
  cursor: ActorCursor | null,
  limit: number
): Promise<ActorRow[]> {
  const json = (values: readonly unknown[] | undefined) =>
    values?.length ? JSON.stringify(values) : null
  const { results } = await db
    .prepare(
      `SELECT * FROM actors a
       WHERE a.status = 'published'
         AND (?1 IS NULL OR a.kind IN (SELECT value FROM json_each(?1)))
         AND (?2 IS NULL OR a.id IN (SELECT actor_id FROM actor_skills
              WHERE direction = 'offer' AND skill IN (SELECT value FROM json_each(?2))))
         AND (?3 IS NULL OR a.id IN (SELECT actor_id FROM actor_skills
              WHERE direction = 'need' AND skill IN (SELECT value FROM json_each(?3))))
         AND (?4 IS NULL OR a.id IN (SELECT actor_id FROM actor_territories
              WHERE territory IN (SELECT value FROM json_each(?4))))
         AND (?5 IS NULL OR EXISTS (SELECT 1 FROM json_each(a.data, '$.programmes') p
              WHERE p.value IN (SELECT value FROM json_each(?5))))
         AND (?6 IS NULL OR (a.published_at, a.id) < (?6, ?7))
       ORDER BY a.published_at DESC, a.id DESC
       LIMIT ?8`
    )
    .bind(
      json(filters.kind),
      json(filters.offers),
      json(filters.needs),
      json(filters.territory),
      json(filters.programme),
      cursor?.publishedAt ?? null,
      cursor?.id ?? null,
      limit
    )
    .all<ActorRow>()
  return results
}

/** Pending actors and those waiting on their owner, oldest first (the desk's queue). */
export async function listActorsAwaitingModeration(db: Db, limit: number): Promise<ActorRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM actors
       WHERE status IN ('pending', 'changes_requested') AND deleted_at IS NULL
       ORDER BY status = 'changes_requested', created_at, id LIMIT ?1`
    )
    .bind(limit)
    .all<ActorRow>()
  return results
}

/** What a duplicate check looks up: identifiers, and the commune where the actor is. */
export interface ActorIdentity {
  siret?: string | undefined
  siren?: string | undefined
  rna?: string | undefined
  commune?: string | undefined
}

/**
 * Live actors (not merged, rejected or deleted; `published` only when asked) sharing an
 * identifier with `who` (a SIREN also matches the first nine digits of a SIRET), or
 * declared in its commune: the candidates of a duplicate check, at most 50.
 */
export async function actorsLike(
  db: Db,
  who: ActorIdentity,
  options: { exceptId?: string | undefined; publishedOnly?: boolean } = {}
): Promise<ActorRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM actors a
       WHERE a.status NOT IN ('merged', 'rejected') AND a.deleted_at IS NULL
         AND a.id <> ?5 AND (?6 = 0 OR a.status = 'published')
         AND ((?1 IS NOT NULL AND json_extract(a.data, '$.siret') = ?1)
           OR (?2 IS NOT NULL AND (json_extract(a.data, '$.siren') = ?2
                                   OR substr(json_extract(a.data, '$.siret'), 1, 9) = ?2))
           OR (?3 IS NOT NULL AND json_extract(a.data, '$.rna') = ?3)
           OR (?4 IS NOT NULL AND a.id IN (SELECT actor_id FROM actor_territories
                                           WHERE territory = ?4 AND declared = 1)))
       ORDER BY a.created_at LIMIT 50`
    )
    .bind(
      who.siret ?? null,
      who.siren ?? null,
      who.rna ?? null,
      who.commune ?? null,
      options.exceptId ?? '',
      options.publishedOnly ? 1 : 0
    )
    .all<ActorRow>()
  return results
}

// ── Search indexing and exports ──────────────────────────────────────────────

/** The current rows of these ids, any status (missing ids are simply absent). */
export async function getActorsByIds(db: Db, ids: readonly string[]): Promise<ActorRow[]> {
  if (ids.length === 0) return []
  const { results } = await db
    .prepare('SELECT * FROM actors WHERE id IN (SELECT value FROM json_each(?1))')
    .bind(JSON.stringify(ids))
    .all<ActorRow>()
  return results
}

/** Every actor after `afterId` in id order, any status: the reindex walks them all. */
export async function listActorsAfter(db: Db, afterId: string, limit: number): Promise<ActorRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM actors WHERE id > ?1 ORDER BY id LIMIT ?2')
    .bind(afterId, limit)
    .all<ActorRow>()
  return results
}

/** Ids and revisions of every published actor, to compare with an index. */
export async function publishedActorRevisions(db: Db): Promise<Map<string, number>> {
  const { results } = await db
    .prepare(`SELECT id, revision FROM actors WHERE status = 'published'`)
    .all<{ id: string; revision: number }>()
  return new Map(results.map((r) => [r.id, r.revision]))
}

export async function countActors(db: Db): Promise<number> {
  const row = await db.prepare('SELECT count(*) AS n FROM actors').first<{ n: number }>()
  return row?.n ?? 0
}

// ── Writes ───────────────────────────────────────────────────────────────────

/** The columns written from the content, in `contentColumns` order. */
const CONTENT_COLUMNS = 'name, kind, scope_level, data, derived'

function contentColumns(content: ActorContent, derived: Derived) {
  return [
    content.name,
    content.kind,
    derived.scopeLevel,
    JSON.stringify(content),
    JSON.stringify(derived),
  ] as const
}

/** Skill rows of some content: each code offered or needed, and its family. */
function skillRows(content: ActorContent): { direction: string; skill: string }[] {
  const rows = new Map<string, { direction: string; skill: string }>()
  for (const [direction, entries] of [
    ['offer', content.offers],
    ['need', content.needs],
  ] as const) {
    for (const { skill } of entries) {
      for (const code of [skill, skillFamily(skill)])
        rows.set(`${direction} ${code}`, { direction, skill: code })
    }
  }
  return [...rows.values()]
}

/**
 * Statements that (re)write the skill and territory rows of an actor, each guarded so it
 * only runs when the content change it belongs to applied.
 */
function indexRowStatements(
  db: Db,
  id: string,
  revision: number,
  at: string,
  content: ActorContent,
  derived: Derived
): D1PreparedStatement[] {
  const guard = 'EXISTS (SELECT 1 FROM actors WHERE id = ?1 AND revision = ?2 AND updated_at = ?3)'
  const derivedCodes = JSON.stringify(
    [...derived.regions, ...derived.departments].map((t) => t.code)
  )
  return [
    db.prepare(`DELETE FROM actor_skills WHERE actor_id = ?1 AND ${guard}`).bind(id, revision, at),
    db
      .prepare(
        `INSERT INTO actor_skills (actor_id, direction, skill)
         SELECT ?1, json_extract(value, '$.direction'), json_extract(value, '$.skill') FROM json_each(?4) WHERE ${guard}`
      )
      .bind(id, revision, at, JSON.stringify(skillRows(content))),
    db
      .prepare(`DELETE FROM actor_territories WHERE actor_id = ?1 AND ${guard}`)
      .bind(id, revision, at),
    db
      .prepare(
        `INSERT INTO actor_territories (actor_id, territory, declared)
         SELECT ?1, value, 1 FROM json_each(?4) WHERE ${guard}
         UNION SELECT ?1, value, 0 FROM json_each(?5)
           WHERE value NOT IN (SELECT value FROM json_each(?4)) AND ${guard}`
      )
      .bind(id, revision, at, JSON.stringify(content.territories), derivedCodes),
  ]
}

export interface NewActor {
  id: string
  slug: string
  content: ActorContent
  derived: Derived
  privateContact: unknown
  editTokenHash: string
  editTokenExpiresAt: string
  status: Status
  /** Publication date to record when `status` is `published` (kept from a source). */
  publishedAt: string | null
}

/** A new actor in `status` as revision 1, with its index rows, revision and outbox rows. */
export function insertActorStatements(db: Db, a: NewActor, change: Change): D1PreparedStatement[] {
  const publishedAt = a.status === 'published' ? (a.publishedAt ?? change.at) : null
  return [
    db
      .prepare(
        `INSERT INTO actors (id, slug, status, revision, ${CONTENT_COLUMNS}, private_contact,
           edit_token_hash, edit_token_expires_at, created_at, updated_at, published_at,
           last_verified_at)
         VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?13, ?13)`
      )
      .bind(
        a.id,
        a.slug,
        a.status,
        ...contentColumns(a.content, a.derived),
        JSON.stringify(a.privateContact),
        a.editTokenHash,
        a.editTokenExpiresAt,
        change.at,
        publishedAt
      ),
    ...revisionStatements(db, a.id, 1, change, 'actor'),
    ...indexRowStatements(db, a.id, 1, change.at, a.content, a.derived),
  ]
}

/**
 * Statements that replace the content of an existing actor, guarded by the revision the
 * caller read (a concurrent change makes the update match nothing, or the revision insert
 * collide and the batch roll back). The status moves only when `status` is given.
 */
export function reviseActorStatements(
  db: Db,
  id: string,
  readRevision: number,
  content: ActorContent,
  derived: Derived,
  change: Change,
  status?: Status
): D1PreparedStatement[] {
  const revision = readRevision + 1
  return [
    db
      .prepare(
        `UPDATE actors SET revision = revision + 1, name = ?3, kind = ?4, scope_level = ?5,
           data = ?6, derived = ?7, updated_at = ?8, status = coalesce(?9, status)
         WHERE id = ?1 AND revision = ?2`
      )
      .bind(id, readRevision, ...contentColumns(content, derived), change.at, status ?? null),
    ...revisionStatements(db, id, revision, change, 'actor'),
    ...indexRowStatements(db, id, revision, change.at, content, derived),
  ]
}

/** The published actors among these ids, with what links to them (organisers, links that must be public). */
export async function publishedActorNames(
  db: Db,
  ids: readonly string[]
): Promise<Map<string, { slug: string; name: string }>> {
  if (ids.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT id, slug, name FROM actors WHERE status = 'published'
         AND id IN (SELECT value FROM json_each(?1))`
    )
    .bind(JSON.stringify(ids))
    .all<{ id: string; slug: string; name: string }>()
  return new Map(results.map((r) => [r.id, { slug: r.slug, name: r.name }]))
}
