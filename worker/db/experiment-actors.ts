/**
 * Links between experiments and the actors of the network: the porteur (`lead.actorId`)
 * and partners (`partners[].actorId`) of an experiment. The table is derived from the
 * experiment's content and rewritten with every write of it (services/records.ts), so
 * both directions read by index: an experiment's actors, an actor's experiments.
 */
import type {
  Contributions,
  Contributor,
  LinkedActor,
  LinkedExperiment,
  LinkRole,
} from '../domain/actor-links'
import type { ExperimentContent, Status } from '../domain/experiment'
import { reviewsFrom } from './feedback'
import { SEARCH_TARGETS } from './outbox'
import type { Db } from './session'

/** The actor ids an experiment's content names, with their role, each pair once. */
export function linksOf(
  content: Pick<ExperimentContent, 'lead' | 'partners'>
): { actorId: string; role: LinkRole }[] {
  const links = [
    ...(content.lead.actorId ? [{ actorId: content.lead.actorId, role: 'lead' as const }] : []),
    ...(content.partners ?? []).flatMap((p) =>
      p.actorId ? [{ actorId: p.actorId, role: 'partner' as const }] : []
    ),
  ]
  return [...new Map(links.map((l) => [`${l.actorId}|${l.role}`, l])).values()]
}

/**
 * Replaces an experiment's links by those its content names (same batch as the write),
 * and queues the search documents of the actors linked before and after: each counts
 * and themes the experiments it is linked to.
 */
export function linkStatements(
  db: Db,
  experimentId: string,
  content: Pick<ExperimentContent, 'lead' | 'partners'>,
  at: string
): D1PreparedStatement[] {
  return [
    linkedActorsOutboxStatement(db, experimentId, at),
    db.prepare('DELETE FROM experiment_actors WHERE experiment_id = ?1').bind(experimentId),
    db
      .prepare(
        `INSERT INTO experiment_actors (experiment_id, actor_id, role)
         SELECT ?1, json_extract(value, '$.actorId'), json_extract(value, '$.role') FROM json_each(?2)`
      )
      .bind(experimentId, JSON.stringify(linksOf(content))),
    linkedActorsOutboxStatement(db, experimentId, at),
  ]
}

/**
 * Outbox rows for the published actors an experiment is linked to, as the links stand
 * when the statement runs: a change of the experiment (its links, or its status through
 * a moderation decision) changes their documents. One row per actor and target per
 * change, however many statements of the change ask for it: a row already queued at
 * `at` and not yet claimed is enough.
 */
export function linkedActorsOutboxStatement(
  db: Db,
  experimentId: string,
  at: string
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO search_outbox (experiment_id, record_kind, revision, target, enqueued_at, next_attempt_at)
       SELECT DISTINCT a.id, 'actor', a.revision, t.value, ?2, ?2
       FROM experiment_actors l JOIN actors a ON a.id = l.actor_id AND a.status = 'published',
         json_each(?3) t
       WHERE l.experiment_id = ?1
         AND NOT EXISTS (SELECT 1 FROM search_outbox o
           WHERE o.experiment_id = a.id AND o.record_kind = 'actor' AND o.target = t.value
             AND o.enqueued_at = ?2 AND o.next_attempt_at = ?2 AND o.attempts = 0)`
    )
    .bind(experimentId, at, JSON.stringify(SEARCH_TARGETS))
}

/**
 * For each of these actors that has some: how many published experiments it leads or
 * partners and their top themes (what its search document counts and filters on).
 */
export async function linkedExperimentsOf(
  db: Db,
  actorIds: readonly string[]
): Promise<Map<string, { experiments: number; themes: string[] }>> {
  if (actorIds.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT l.actor_id, count(DISTINCT e.id) AS experiments,
         json_group_array(DISTINCT t.theme) AS themes
       FROM experiment_actors l
         JOIN experiments e ON e.id = l.experiment_id AND e.status = 'published'
         LEFT JOIN experiment_themes t ON t.experiment_id = e.id
       WHERE l.actor_id IN (SELECT value FROM json_each(?1))
       GROUP BY l.actor_id`
    )
    .bind(JSON.stringify(actorIds))
    .all<{ actor_id: string; experiments: number; themes: string }>()
  return new Map(
    results.map((r) => [
      r.actor_id,
      {
        experiments: r.experiments,
        themes: (JSON.parse(r.themes) as (string | null)[]).filter((t): t is string => !!t).sort(),
      },
    ])
  )
}

/** The moderation status of each of these ids that is an actor not deleted. */
export async function liveActorStatuses(
  db: Db,
  ids: readonly string[]
): Promise<Map<string, Status>> {
  if (ids.length === 0) return new Map()
  const { results } = await db
    .prepare(
      `SELECT id, status FROM actors WHERE deleted_at IS NULL
         AND id IN (SELECT value FROM json_each(?1))`
    )
    .bind(JSON.stringify(ids))
    .all<{ id: string; status: Status }>()
  return new Map(results.map((r) => [r.id, r.status]))
}

/** Which of these ids are actors that exist and are not deleted (any moderation status). */
export async function existingActorIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await liveActorStatuses(db, ids)).keys())
}

/** The published actors of a published experiment, porteur first, then by name. */
export async function actorsOfExperiment(db: Db, experimentId: string): Promise<LinkedActor[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.slug, a.name, a.kind, l.role FROM experiment_actors l
         JOIN actors a ON a.id = l.actor_id AND a.status = 'published'
       WHERE l.experiment_id = ?1
       ORDER BY l.role = 'partner', a.name, a.id`
    )
    .bind(experimentId)
    .all<LinkedActor>()
  return results
}

/** The published experiments an actor leads or partners, most recently published first. */
export async function experimentsOfActor(db: Db, actorId: string): Promise<LinkedExperiment[]> {
  const { results } = await db
    .prepare(
      `SELECT e.id, e.slug, e.title, l.role FROM experiment_actors l
         JOIN experiments e ON e.id = l.experiment_id AND e.status = 'published'
       WHERE l.actor_id = ?1
       ORDER BY e.published_at DESC, e.id DESC`
    )
    .bind(actorId)
    .all<LinkedExperiment>()
  return results
}

const CONTRIBUTION_COLUMNS = `
  (SELECT count(*) FROM experiment_actors l JOIN experiments e
     ON e.id = l.experiment_id AND e.status = 'published'
   WHERE l.actor_id = a.id AND l.role = 'lead') AS led,
  (SELECT count(*) FROM experiment_actors l JOIN experiments e
     ON e.id = l.experiment_id AND e.status = 'published'
   WHERE l.actor_id = a.id AND l.role = 'partner') AS partnered,
  (SELECT count(DISTINCT o.id) FROM experiments o, json_each(o.data, '$.inspiredBy') j
   WHERE o.status = 'published' AND j.value IN (
     SELECT l.experiment_id FROM experiment_actors l WHERE l.actor_id = a.id)
     AND o.id NOT IN (SELECT l.experiment_id FROM experiment_actors l WHERE l.actor_id = a.id)
  ) AS inspired,
  (SELECT count(*) FROM replications r JOIN experiments s
     ON s.id = r.source_id AND s.status = 'published'
   WHERE r.actor_id = a.id AND r.status = 'approved') AS replicated,
  (SELECT count(*) FROM replications r JOIN experiments s
     ON s.id = r.source_id AND s.status = 'published'
     JOIN experiment_actors l ON l.experiment_id = s.id AND l.actor_id = a.id AND l.role = 'lead'
   WHERE r.status = 'approved' AND r.actor_id IS NOT a.id) AS takenUp,
  (SELECT count(*) FROM event_actors o JOIN events v
     ON v.id = o.event_id AND v.status = 'published'
   WHERE o.actor_id = a.id) AS events,
  (SELECT count(*) FROM ${reviewsFrom('a.id')}) AS reviewed`

export async function contributionsOf(db: Db, actorId: string): Promise<Contributions> {
  const row = await db
    .prepare(`SELECT ${CONTRIBUTION_COLUMNS} FROM actors a WHERE a.id = ?1`)
    .bind(actorId)
    .first<Contributions>()
  return (
    row ?? { led: 0, partnered: 0, inspired: 0, replicated: 0, takenUp: 0, events: 0, reviewed: 0 }
  )
}

/**
 * The published actors that are in a territory or below it (through `actor_places`),
 * in alphabetical order (slug): recognition without a ranking.
 */
export async function contributorsOf(db: Db, territory: string): Promise<Contributor[]> {
  const { results } = await db
    .prepare(
      `SELECT a.id, a.slug, a.name, a.kind,
         coalesce(json_array_length(a.data, '$.offers'), 0) AS offers, ${CONTRIBUTION_COLUMNS}
       FROM actor_places p JOIN actors a ON a.id = p.actor_id AND a.status = 'published'
       WHERE p.place = ?1
       ORDER BY a.slug, a.id
       LIMIT 500`
    )
    .bind(territory)
    .all<Contributor>()
  return results
}
