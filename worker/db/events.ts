/**
 * Events in D1 (migration 0016): the current state, the theme and organiser rows the agenda
 * filters on, the organiser's pending change, and the reads that map rows to the API
 * shapes (`toEvent`). Revisions and outbox rows are written by revisions.ts, moderation
 * decisions by moderation.ts — the same statements as experiments' and actors'.
 *
 * Every write is a list of prepared statements for one `db.batch()`: the change, its
 * revision snapshot, outbox rows and index rows commit or roll back together.
 */
import type { Event, EventContent, ModeratedEvent, Restitution } from '../domain/event'
import type { FrenchTimeZone } from '../domain/event-vocabularies'
import type { Derived, Status } from '../domain/experiment'
import { moderationFields, recordFields, type RecordRow } from './record-kinds'
import { revisionStatements, type Change } from './revisions'
import type { Db } from './session'

/** An event's row: the lifecycle columns every record has, and its own. */
export interface EventRow extends RecordRow {
  title: string
  kind: string
  attendance: string
  starts_at: string
  ends_at: string
  time_zone: FrenchTimeZone
  starts_at_utc: string
  ends_at_utc: string
  commune: string | null
  department: string | null
  region: string | null
  restitution: string | null
  restituted_at: string | null
  proposal: string | null
  proposed_at: string | null
}

/** An organiser's change waiting for a moderator (`events.proposal`). */
export interface EventProposal {
  content?: EventContent
  restitution?: Restitution
  /** What the organiser wrote to the moderators (never published). */
  message?: string
}

// ── Reads ────────────────────────────────────────────────────────────────────

export function toEvent(row: EventRow): Event {
  return {
    ...(JSON.parse(row.data) as EventContent),
    ...recordFields(row),
    timeZone: row.time_zone,
    startsAtUtc: row.starts_at_utc,
    endsAtUtc: row.ends_at_utc,
    restitution: row.restitution ? (JSON.parse(row.restitution) as Restitution) : null,
    restitutedAt: row.restituted_at,
  }
}

export function toModeratedEvent(row: EventRow): ModeratedEvent {
  return { ...toEvent(row), ...moderationFields(row) }
}

export function proposalOf(row: Pick<EventRow, 'proposal'>): EventProposal | null {
  return row.proposal ? (JSON.parse(row.proposal) as EventProposal) : null
}

/** A published event by id or slug; null for pending, rejected or unknown ones. */
export async function getPublishedEvent(db: Db, idOrSlug: string): Promise<EventRow | null> {
  return db
    .prepare(`SELECT * FROM events WHERE (id = ?1 OR slug = ?1) AND status = 'published'`)
    .bind(idOrSlug)
    .first<EventRow>()
}

export async function getEvent(db: Db, id: string): Promise<EventRow | null> {
  return db.prepare('SELECT * FROM events WHERE id = ?1').bind(id).first<EventRow>()
}

/** The event a private edit link opens (by the SHA-256 of its token), any status. */
export async function getEventByEditToken(db: Db, tokenHash: string): Promise<EventRow | null> {
  return db
    .prepare(
      `SELECT * FROM events WHERE edit_token_hash = ?1 AND deleted_at IS NULL
         AND status <> 'merged'`
    )
    .bind(tokenHash)
    .first<EventRow>()
}

/**
 * Events waiting for a moderator, oldest first: new submissions and answers to a request
 * for changes, then published events with an organiser's pending change.
 */
export async function listEventsAwaitingModeration(db: Db, limit: number): Promise<EventRow[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM events
       WHERE deleted_at IS NULL
         AND (status IN ('pending', 'changes_requested') OR proposal IS NOT NULL)
       ORDER BY proposal IS NOT NULL, status = 'changes_requested',
         coalesce(proposed_at, created_at), id
       LIMIT ?1`
    )
    .bind(limit)
    .all<EventRow>()
  return results
}

/** Published events an actor organises, soonest first. */
export async function listPublishedEventsOfActor(
  db: Db,
  actorId: string,
  limit: number
): Promise<EventRow[]> {
  const { results } = await db
    .prepare(
      `SELECT e.* FROM events e JOIN event_actors a ON a.event_id = e.id
       WHERE a.actor_id = ?1 AND e.status = 'published'
       ORDER BY e.starts_at_utc DESC, e.id LIMIT ?2`
    )
    .bind(actorId, limit)
    .all<EventRow>()
  return results
}

// ── Writes ───────────────────────────────────────────────────────────────────

/** What the service derives from the content before it is written. */
export interface EventState {
  content: EventContent
  derived: Derived
  timeZone: FrenchTimeZone
  startsAtUtc: string
  endsAtUtc: string
  /** Typed codes (`com:…`, `dep:…`, `reg:…`) of where it happens, or null. */
  commune: string | null
  department: string | null
  region: string | null
}

/** The columns written from the state, in `stateColumns` order. */
const STATE_COLUMNS = `title, kind, attendance, starts_at, ends_at, time_zone, starts_at_utc,
  ends_at_utc, commune, department, region, data, derived`

function stateColumns(s: EventState) {
  return [
    s.content.title,
    s.content.kind,
    s.content.attendance,
    s.content.startsAt,
    s.content.endsAt,
    s.timeZone,
    s.startsAtUtc,
    s.endsAtUtc,
    s.commune,
    s.department,
    s.region,
    JSON.stringify(s.content),
    JSON.stringify(s.derived),
  ] as const
}

/**
 * Statements that (re)write the theme and organiser rows of an event, each guarded so it
 * only runs when the content change it belongs to applied.
 */
function indexRowStatements(
  db: Db,
  id: string,
  revision: number,
  at: string,
  content: EventContent
): D1PreparedStatement[] {
  const guard = 'EXISTS (SELECT 1 FROM events WHERE id = ?1 AND revision = ?2 AND updated_at = ?3)'
  return [
    db.prepare(`DELETE FROM event_themes WHERE event_id = ?1 AND ${guard}`).bind(id, revision, at),
    db
      .prepare(
        `INSERT OR IGNORE INTO event_themes (event_id, theme)
         SELECT ?1, value FROM json_each(?4) WHERE ${guard}`
      )
      .bind(id, revision, at, JSON.stringify(content.themes)),
    db.prepare(`DELETE FROM event_actors WHERE event_id = ?1 AND ${guard}`).bind(id, revision, at),
    db
      .prepare(
        `INSERT OR IGNORE INTO event_actors (event_id, actor_id)
         SELECT ?1, value FROM json_each(?4) WHERE ${guard}`
      )
      .bind(id, revision, at, JSON.stringify(content.organisers)),
  ]
}

export interface NewEvent {
  id: string
  slug: string
  state: EventState
  privateContact: unknown
  editTokenHash: string
  editTokenExpiresAt: string
  status: Status
  /** Publication date to record when `status` is `published`. */
  publishedAt: string | null
}

/** A new event in `status` as revision 1, with its index rows, revision and outbox rows. */
export function insertEventStatements(db: Db, e: NewEvent, change: Change): D1PreparedStatement[] {
  const publishedAt = e.status === 'published' ? (e.publishedAt ?? change.at) : null
  return [
    db
      .prepare(
        `INSERT INTO events (id, slug, status, revision, ${STATE_COLUMNS}, private_contact,
           edit_token_hash, edit_token_expires_at, created_at, updated_at, published_at,
           last_verified_at)
         VALUES (?1, ?2, ?3, 1, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
           ?17, ?18, ?19, ?20, ?20, ?21, ?21)`
      )
      .bind(
        e.id,
        e.slug,
        e.status,
        ...stateColumns(e.state),
        JSON.stringify(e.privateContact),
        e.editTokenHash,
        e.editTokenExpiresAt,
        change.at,
        publishedAt
      ),
    ...revisionStatements(db, e.id, 1, change, 'event'),
    ...indexRowStatements(db, e.id, 1, change.at, e.state.content),
  ]
}

/**
 * Statements that replace the content of an existing event (and its restitution when
 * given, clearing any pending proposal when asked), guarded by the revision the caller
 * read: a concurrent change makes the update match nothing, or the revision insert collide
 * and the batch roll back. The status moves only when `status` is given.
 */
export function reviseEventStatements(
  db: Db,
  id: string,
  readRevision: number,
  state: EventState,
  change: Change,
  options: { status?: Status; restitution?: Restitution; clearProposal?: boolean } = {}
): D1PreparedStatement[] {
  const revision = readRevision + 1
  const restitution = options.restitution ? JSON.stringify(options.restitution) : null
  return [
    db
      .prepare(
        `UPDATE events SET revision = revision + 1, title = ?3, kind = ?4, attendance = ?5,
           starts_at = ?6, ends_at = ?7, time_zone = ?8, starts_at_utc = ?9, ends_at_utc = ?10,
           commune = ?11, department = ?12, region = ?13, data = ?14, derived = ?15,
           updated_at = ?16, status = coalesce(?17, status),
           restitution = coalesce(?18, restitution),
           restituted_at = CASE WHEN ?18 IS NULL THEN restituted_at
                                ELSE coalesce(restituted_at, ?16) END,
           proposal = CASE WHEN ?19 THEN NULL ELSE proposal END,
           proposed_at = CASE WHEN ?19 THEN NULL ELSE proposed_at END
         WHERE id = ?1 AND revision = ?2`
      )
      .bind(
        id,
        readRevision,
        ...stateColumns(state),
        change.at,
        options.status ?? null,
        restitution,
        options.clearProposal ? 1 : 0
      ),
    ...revisionStatements(db, id, revision, change, 'event'),
    ...indexRowStatements(db, id, revision, change.at, state.content),
  ]
}

/**
 * An organiser's change to a published event, kept aside for a moderator (the published
 * version stays as it is); it replaces any change still waiting. Guarded by the revision
 * the organiser edited.
 */
export function proposeEventStatement(
  db: Db,
  id: string,
  readRevision: number,
  proposal: EventProposal,
  at: string
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE events SET proposal = ?3, proposed_at = ?4
       WHERE id = ?1 AND revision = ?2 AND status = 'published'`
    )
    .bind(id, readRevision, JSON.stringify(proposal), at)
}

/** A moderator turns the pending change down: the published version stays. */
export function dropEventProposalStatement(db: Db, id: string): D1PreparedStatement {
  return db
    .prepare(
      'UPDATE events SET proposal = NULL, proposed_at = NULL WHERE id = ?1 AND proposal IS NOT NULL'
    )
    .bind(id)
}

/** Using the private link renews it (same rule as experiments'). */
export function renewEventTokenStatement(
  db: Db,
  id: string,
  expiresAt: string
): D1PreparedStatement {
  return db
    .prepare('UPDATE events SET edit_token_expires_at = ?2 WHERE id = ?1')
    .bind(id, expiresAt)
}
