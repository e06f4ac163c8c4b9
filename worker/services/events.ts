/**
 * Event use cases: submitting an event (no account) and the one writer of an event's
 * content. It derives what the agenda needs from the content — the time zone of the place
 * (overseas included), the UTC instants of its wall-clock times, the territory names and
 * point, the commune / département / région it happens in — and checks its references
 * (territories exist, organisers are published actors). Moderation decisions go through
 * the shared lifecycle (`moderateRecord(…, 'event', …)`).
 */
import {
  zonedTimeToUtc,
  type EventContent,
  type EventInput,
  type Restitution,
} from '../domain/event'
import { timeZoneOfCommune, type FrenchTimeZone } from '../domain/event-vocabularies'
import type { Status } from '../domain/experiment'
import { deriveFields } from '../domain/scope'
import type { Territory } from '../domain/territory'
import { publishedActorIds } from '../db/actors'
import {
  getEvent,
  insertEventStatements,
  reviseEventStatements,
  type EventState,
  type NewEvent,
} from '../db/events'
import type { Change } from '../db/revisions'
import { wroteRow, type Db } from '../db/session'
import { coverage, findTerritories } from '../db/territories'
import { ProblemError, type FieldError } from '../http/problem'
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
    publishedActorIds(db, content.organisers),
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
      clearProposal?: boolean
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
          ...(write.clearProposal ? { clearProposal: true } : {}),
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
