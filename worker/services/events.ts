/**
 * Event use cases: submitting an event (no account) and the one writer of an event's
 * content. It derives what the agenda needs from the content — the time zone of the place
 * (overseas included), the UTC instants of its wall-clock times, the territory names and
 * point, the commune / département / région it happens in — and checks its references
 * (territories exist, organisers are published actors). Moderation decisions go through
 * the shared lifecycle (`moderateRecord(…, 'event', …)`), the organiser's edits through the
 * shared editing mechanism (`EVENT_EDITING`).
 */
import {
  EventVersion,
  isOver,
  zonedTimeToUtc,
  type EventContent,
  type EventInput,
  type Restitution,
} from '../domain/event'
import { EVENT_DIFF } from '../domain/revision-diff'
import { timeZoneOfCommune, type FrenchTimeZone } from '../domain/event-vocabularies'
import type { Status } from '../domain/experiment'
import { deriveFields } from '../domain/scope'
import type { Territory } from '../domain/territory'
import { publishedActorNames } from '../db/actors'
import {
  getEvent,
  insertEventStatements,
  reviseEventStatements,
  toEvent,
  type EventRow,
  type EventState,
  type NewEvent,
} from '../db/events'
import { publishedExperimentTitles } from '../db/experiments'
import type { Change } from '../db/revisions'
import { wroteRow, type Db } from '../db/session'
import { coverage, findTerritories } from '../db/territories'
import { ProblemError, type FieldError } from '../http/problem'
import { submitEdit, type EditOutcome } from './editing'
import type { OwnerKind } from './owner-kind'
import { pendingSubmission } from './submission'
import { conflict, slugFor } from './records'

/** The zone an event's times are read in: chosen, else its commune's, else metropolitan. */
export function timeZoneOf(content: Pick<EventContent, 'timeZone' | 'place'>): FrenchTimeZone {
  return (
    content.timeZone ?? (content.place ? timeZoneOfCommune(content.place.commune) : 'Europe/Paris')
  )
}

/** The territory an event concerns: the declared one, else its place's commune. */
function territoryOf(content: EventContent): string | undefined {
  return content.territory ?? content.place?.commune
}

/** Typed codes of the commune, département and région of a territory (those it has). */
function placeCodes(t: Territory | undefined) {
  if (!t) return { commune: null, department: null, region: null }
  return {
    commune: t.kind === 'com' ? t.code : null,
    department: t.kind === 'dep' ? t.code : t.department ? `dep:${t.department}` : null,
    region: t.kind === 'reg' ? t.code : t.region ? `reg:${t.region}` : null,
  }
}

/** Everything written besides the content, or a 400 naming each unknown reference. */
async function deriveEvent(db: Db, content: EventContent): Promise<EventState> {
  const territory = territoryOf(content)
  const commune = content.place?.commune
  const codes = [...new Set([territory, commune].filter((c): c is string => c !== undefined))]
  const [territories, covered, organisers] = await Promise.all([
    findTerritories(db, codes),
    coverage(db, territory ? [territory] : []),
    publishedActorNames(db, content.organisers),
  ])
  const errors: FieldError[] = [
    ...(commune && !territories.has(commune)
      ? [
          {
            pointer: '/place/commune',
            message: `Commune inconnue dans le référentiel : ${commune}.`,
          },
        ]
      : []),
    ...(content.territory && !territories.has(content.territory)
      ? [
          {
            pointer: '/territory',
            message: `Territoire inconnu dans le référentiel : ${content.territory}.`,
          },
        ]
      : []),
    ...content.organisers.flatMap((id, i) =>
      organisers.has(id)
        ? []
        : [
            {
              pointer: `/organisers/${i}`,
              message: `Aucun acteur publié ne porte cet identifiant : ${id}.`,
            },
          ]
    ),
  ]
  if (errors.length > 0) throw new ProblemError(400, 'Certaines références sont inconnues.', errors)

  const timeZone = timeZoneOf(content)
  const derived = deriveFields(
    territory
      ? { scope: 'territories', territories: [territory] }
      : { scope: 'national', territories: [] },
    (code) => territories.get(code),
    covered
  )
  // On a map, an event sits where it happens, even when it concerns a wider territory.
  const venue = commune ? territories.get(commune) : undefined
  return {
    content: { ...content, timeZone },
    derived: venue?.point ? { ...derived, point: venue.point } : derived,
    timeZone,
    startsAtUtc: zonedTimeToUtc(content.startsAt, timeZone).toISOString(),
    endsAtUtc: zonedTimeToUtc(content.endsAt, timeZone).toISOString(),
    ...placeCodes(venue ?? (territory ? territories.get(territory) : undefined)),
  }
}

type EventWrite =
  | ({ kind: 'create'; content: EventContent; change: Change } & Omit<NewEvent, 'state' | 'slug'>)
  | {
      kind: 'content'
      id: string
      readRevision: number
      content: EventContent
      change: Change
      status?: Status
      restitution?: Restitution
    }

/**
 * The one writer of an event's content: derives, then writes the state, the revision, the
 * outbox and index rows (and `extra`) in one batch. A content change guarded by a
 * revision someone else moved meanwhile is a 409.
 */
export async function writeEvent(
  db: Db,
  write: EventWrite,
  extra: D1PreparedStatement[] = []
): Promise<D1Result[]> {
  const state = await deriveEvent(db, write.content)
  const statements =
    write.kind === 'create'
      ? insertEventStatements(
          db,
          { ...write, slug: slugFor(write.content.title, write.id), state },
          write.change
        )
      : reviseEventStatements(db, write.id, write.readRevision, state, write.change, {
          ...(write.status ? { status: write.status } : {}),
          ...(write.restitution ? { restitution: write.restitution } : {}),
        })
  let results: D1Result[]
  try {
    results = await db.batch([...statements, ...extra])
  } catch (err) {
    if (write.kind === 'content') {
      const current = await getEvent(db, write.id)
      if (current && current.revision !== write.readRevision) throw conflict()
    }
    throw err
  }
  if (write.kind === 'content' && !wroteRow(results[0])) throw conflict()
  return results
}

export interface EventSubmission {
  id: string
  slug: string
  editToken: string
}

/** Stores a public submission as `pending` and returns its private edit token, once. */
export async function submitEvent(
  db: Db,
  input: EventInput,
  now = new Date()
): Promise<EventSubmission> {
  const { privateContact, ...content } = input
  const { id, editToken, create } = await pendingSubmission(now)
  await writeEvent(db, { ...create, content, privateContact })
  return { id, slug: slugFor(content.title, id), editToken }
}

/** Events as their organisers edit them (services/editing.ts): content and restitution. */
export const EVENT_EDITING: OwnerKind<EventVersion, EventRow> = {
  kind: 'event',
  diff: EVENT_DIFF,
  schema: EventVersion,
  current: (row) =>
    row.restitution === null
      ? row.data
      : JSON.stringify({ ...JSON.parse(row.data), restitution: JSON.parse(row.restitution) }),
  async derive(db, { restitution: _, ...content }) {
    return { derived: (await deriveEvent(db, content)).derived, completeness: 0 }
  },
  write: (db, { content: { restitution, ...content }, ...write }, extra) =>
    writeEvent(
      db,
      { kind: 'content', ...write, content, ...(restitution ? { restitution } : {}) },
      extra
    ),
}

// ── The organiser's private link ─────────────────────────────────────────────

/**
 * The organiser changes the announcement: in place while it awaits moderation (an answer
 * to a request for changes puts it back in the queue), as a proposal once published — the
 * published version stays online until a moderator approves (the shared rule). What came
 * out of it, waiting or published, is kept.
 */
export function editEventAsOrganiser(
  db: Db,
  row: EventRow,
  content: EventContent,
  message: string | undefined,
  now = new Date()
): Promise<EditOutcome> {
  const next = (shown: EventVersion): EventVersion =>
    shown.restitution ? { ...content, restitution: shown.restitution } : content
  return submitEdit(db, EVENT_EDITING, row, next, { message }, now)
}

/**
 * What came out of the event, once it is over: checked (the experiments it names must be
 * published), then kept for a moderator like any change of a published event — or written
 * at once while the event itself still awaits moderation.
 */
export async function addRestitution(
  db: Db,
  row: EventRow,
  restitution: Restitution,
  message: string | undefined,
  now = new Date()
): Promise<EditOutcome> {
  if (!isOver(toEvent(row), now))
    throw new ProblemError(
      409,
      'L’événement n’est pas encore terminé : la restitution viendra après.'
    )
  const ids = restitution.experiments.map((l) => l.experimentId)
  const published = await publishedExperimentTitles(db, ids)
  const errors = ids.flatMap((id, i) =>
    published.has(id)
      ? []
      : [
          {
            pointer: `/experiments/${i}/experimentId`,
            message: `Aucune expérience publiée ne porte cet identifiant : ${id}.`,
          },
        ]
  )
  if (errors.length > 0) throw new ProblemError(400, 'Certaines références sont inconnues.', errors)
  const next = (shown: EventVersion): EventVersion => ({ ...shown, restitution })
  return submitEdit(db, EVENT_EDITING, row, next, { message }, now)
}
