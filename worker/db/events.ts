/**
 * Events in D1 (migration 0016): the current state, the theme and organiser rows the agenda
 * filters on, and the reads that map rows to the API shapes (`toEvent`). The organiser's
 * waiting changes live in event_proposals (migration 0021, db/proposals.ts); the columns
 * events.proposal and proposed_at of migration 0016 are no longer used. Revisions and outbox rows are written by revisions.ts, moderation
 * decisions by moderation.ts — the same statements as experiments' and actors'.
 *
 * Every write is a list of prepared statements for one `db.batch()`: the change, its
 * revision snapshot, outbox rows and index rows commit or roll back together.
 */
import type { AgendaFilters } from '../domain/agenda'
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
  /** When the organiser's change waiting in event_proposals was made (the queue's read only). */
  pending_proposal_at?: string | null
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

/**
 * Events waiting for a moderator, oldest first: new submissions and answers to a request
 * for changes, then published events with an organiser's pending change.
 */
export async function listEventsAwaitingModeration(db: Db, limit: number): Promise<EventRow[]> {
  const { results } = await db
    .prepare(
      `SELECT e.*, p.created_at AS pending_proposal_at FROM events e
       LEFT JOIN event_proposals p ON p.event_id = e.id AND p.status = 'pending'
       WHERE e.deleted_at IS NULL
         AND (e.status IN ('pending', 'changes_requested') OR p.id IS NOT NULL)
       ORDER BY p.id IS NOT NULL, e.status = 'changes_requested',
         coalesce(p.created_at, e.created_at), e.id
       LIMIT ?1`
    )
    .bind(limit)
    .all<EventRow>()
  return results
}

// ── The agenda ───────────────────────────────────────────────────────────────

/** Keyset position in the agenda: start instant, id as tie-breaker. */
export interface AgendaCursor {
  startsAtUtc: string
  id: string
}

/**
 * The agenda's filters as SQL over `events e` (bound as ?1–?8 by `agendaBindings`):
 * the period against `now` (?1), themes with their sub-themes (?2), territories — the place's
 * commune, département or région, the declared territory, or the communes of an EPCI — (?3),
 * kinds (?4), local start dates (?5, ?6), attendance with hybrid in both (?7), free (?8),
 * the events the search engines matched for a text (?9).
 * Each filter is an indexed column or a lookup by event id.
 */
const AGENDA_WHERE = `
  AND (?2 IS NULL OR EXISTS (SELECT 1 FROM event_themes t, json_each(?2) f
       WHERE t.event_id = e.id AND (t.theme = f.value OR t.theme LIKE f.value || '.%')))
  AND (?3 IS NULL OR EXISTS (SELECT 1 FROM json_each(?3) f
       WHERE f.value IN (e.commune, e.department, e.region)
          OR f.value = json_extract(e.data, '$.territory')
          OR (f.value LIKE 'epci:%' AND e.commune IN
              (SELECT commune FROM epci_members WHERE epci = f.value))))
  AND (?4 IS NULL OR e.kind IN (SELECT value FROM json_each(?4)))
  AND (?5 IS NULL OR e.starts_at >= ?5)
  AND (?6 IS NULL OR e.starts_at <= ?6 || 'T23:59')
  AND (?7 IS NULL OR e.attendance IN (?7, 'hybrid'))
  AND (?8 = 0 OR json_extract(e.data, '$.price') = 'free')
  AND (?9 IS NULL OR e.id IN (SELECT value FROM json_each(?9)))`

/** Over or not at `now`, and the order each period reads in. */
const PERIODS = {
  upcoming: { when: 'e.ends_at_utc >= ?1', order: 'ASC', after: '>' },
  past: { when: 'e.ends_at_utc < ?1', order: 'DESC', after: '<' },
  all: { when: '?1 IS NOT NULL', order: 'ASC', after: '>' },
} as const

function agendaBindings(filters: AgendaFilters, now: string) {
  const json = (values: readonly unknown[] | undefined) =>
    values?.length ? JSON.stringify(values) : null
  return [
    now,
    json(filters.theme),
    json(filters.territory),
    json(filters.kind),
    filters.from ?? null,
    filters.to ?? null,
    filters.attendance ?? null,
    filters.free ? 1 : 0,
    // An empty match is no event at all, not « no filter ».
    filters.matching ? JSON.stringify(filters.matching) : null,
  ] as const
}

/**
 * Published events matching the filters, one page after `cursor`: upcoming (not over at
 * `now`) soonest first, past latest first, or all in start order.
 */
export async function listAgenda(
  db: Db,
  filters: AgendaFilters,
  now: string,
  cursor: AgendaCursor | null,
  limit: number
): Promise<EventRow[]> {
  const period = PERIODS[filters.when]
  const { results } = await db
    .prepare(
      `SELECT e.* FROM events e
       WHERE e.status = 'published' AND ${period.when} ${AGENDA_WHERE}
         AND (?10 IS NULL OR (e.starts_at_utc, e.id) ${period.after} (?10, ?11))
       ORDER BY e.starts_at_utc ${period.order}, e.id ${period.order}
       LIMIT ?12`
    )
    .bind(...agendaBindings(filters, now), cursor?.startsAtUtc ?? null, cursor?.id ?? null, limit)
    .all<EventRow>()
  return results
}

/** How many events match, in all and per département (INSEE code), for the agenda's map. */
export async function countAgenda(
  db: Db,
  filters: AgendaFilters,
  now: string
): Promise<{ total: number; departments: Record<string, number> }> {
  const { results } = await db
    .prepare(
      `SELECT e.department AS department, count(*) AS n FROM events e
       WHERE e.status = 'published' AND ${PERIODS[filters.when].when} ${AGENDA_WHERE}
       GROUP BY e.department`
    )
    .bind(...agendaBindings(filters, now))
    .all<{ department: string | null; n: number }>()
  const departments: Record<string, number> = {}
  let total = 0
  for (const { department, n } of results) {
    total += n
    if (department) departments[department.slice('dep:'.length)] = n
  }
  return { total, departments }
}

/** What a calendar needs to cancel an event it imported. */
export interface WithdrawnEventRow {
  id: string
  revision: number
  time_zone: string
  starts_at_utc: string
  ends_at_utc: string
  updated_at: string
}

/**
 * Events once published, now withdrawn (unpublished, merged or deleted), not over at `now`
 * and matching the filters: the calendar feeds list them as cancelled.
 */
export async function listWithdrawnEvents(
  db: Db,
  filters: AgendaFilters,
  now: string,
  limit: number
): Promise<WithdrawnEventRow[]> {
  const { results } = await db
    .prepare(
      `SELECT e.id, e.revision, e.time_zone, e.starts_at_utc, e.ends_at_utc, e.updated_at
       FROM events e
       WHERE e.status <> 'published' AND e.published_at IS NOT NULL
         AND e.ends_at_utc >= ?1 ${AGENDA_WHERE}
       ORDER BY e.starts_at_utc, e.id LIMIT ?10`
    )
    .bind(...agendaBindings(filters, now), limit)
    .all<WithdrawnEventRow>()
  return results
}

/** An actor's published events: upcoming soonest first, then past latest first. */
export async function listPublishedEventsOfActor(
  db: Db,
  actorId: string,
  now: string,
  limit: number
): Promise<EventRow[]> {
  const { results } = await db
    .prepare(
      `SELECT e.* FROM event_actors a JOIN events e ON e.id = a.event_id
       WHERE a.actor_id = ?1 AND e.status = 'published'
       ORDER BY e.ends_at_utc < ?2,
         CASE WHEN e.ends_at_utc >= ?2 THEN e.starts_at_utc END ASC,
         e.starts_at_utc DESC, e.id
       LIMIT ?3`
    )
    .bind(actorId, now, limit)
    .all<EventRow>()
  return results
}

/** Published events whose restitution names an experiment, latest first, with how. */
export async function listEventsOfExperiment(
  db: Db,
  experimentId: string,
  limit: number
): Promise<(EventRow & { relation: 'presented' | 'inspired' })[]> {
  const { results } = await db
    .prepare(
      `SELECT e.*, x.relation FROM event_experiments x JOIN events e ON e.id = x.event_id
       WHERE x.experiment_id = ?1 AND e.status = 'published'
       ORDER BY e.starts_at_utc DESC, e.id LIMIT ?2`
    )
    .bind(experimentId, limit)
    .all<EventRow & { relation: 'presented' | 'inspired' }>()
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
 * Statements that (re)write the theme, organiser and experiment rows of an event, each
 * guarded so it only runs when the content change it belongs to applied.
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
    // The experiments of the restitution as the row now holds it (the update above may
    // have kept the previous one), so an experiment's page finds its events by index.
    db
      .prepare(`DELETE FROM event_experiments WHERE event_id = ?1 AND ${guard}`)
      .bind(id, revision, at),
    db
      .prepare(
        `INSERT OR IGNORE INTO event_experiments (event_id, experiment_id, relation)
         SELECT e.id, json_extract(x.value, '$.experimentId'), json_extract(x.value, '$.relation')
         FROM events e, json_each(e.restitution, '$.experiments') x
         WHERE e.id = ?1 AND e.restitution IS NOT NULL AND ${guard}`
      )
      .bind(id, revision, at),
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
 * given), guarded by the revision the caller
 * read: a concurrent change makes the update match nothing, or the revision insert collide
 * and the batch roll back. The status moves only when `status` is given.
 */
export function reviseEventStatements(
  db: Db,
  id: string,
  readRevision: number,
  state: EventState,
  change: Change,
  options: { status?: Status; restitution?: Restitution } = {}
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
                                ELSE coalesce(restituted_at, ?16) END
         WHERE id = ?1 AND revision = ?2`
      )
      .bind(
        id,
        readRevision,
        ...stateColumns(state),
        change.at,
        options.status ?? null,
        restitution
      ),
    ...revisionStatements(db, id, revision, change, 'event'),
    ...indexRowStatements(db, id, revision, change.at, state.content),
  ]
}

// ── Search indexes (worker/search/indexed-kinds.ts) ──────────────────────────

/** The names of the published actors organising each of these events. */
export async function organiserNamesOf(
  db: Db,
  eventIds: readonly string[]
): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>()
  if (eventIds.length === 0) return names
  const { results } = await db
    .prepare(
      `SELECT l.event_id, a.data ->> '$.name' AS name FROM event_actors l
       JOIN actors a ON a.id = l.actor_id AND a.status = 'published'
       WHERE l.event_id IN (SELECT value FROM json_each(?1)) ORDER BY l.event_id, name`
    )
    .bind(JSON.stringify(eventIds))
    .all<{ event_id: string; name: string }>()
  for (const r of results) names.set(r.event_id, [...(names.get(r.event_id) ?? []), r.name])
  return names
}
