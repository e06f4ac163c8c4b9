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
import type { ExperimentContent } from '../domain/experiment'
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

/** Replaces an experiment's links by those its content names (same batch as the write). */
export function linkStatements(
  db: Db,
  experimentId: string,
  content: Pick<ExperimentContent, 'lead' | 'partners'>
): D1PreparedStatement[] {
  return [
    db.prepare('DELETE FROM experiment_actors WHERE experiment_id = ?1').bind(experimentId),
    db
      .prepare(
        `INSERT INTO experiment_actors (experiment_id, actor_id, role)
         SELECT ?1, json_extract(value, '$.actorId'), json_extract(value, '$.role') FROM json_each(?2)`
      )
      .bind(experimentId, JSON.stringify(linksOf(content))),
  ]
}

/** Which of these ids are actors that exist and are not deleted (any moderation status). */
export async function existingActorIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const { results } = await db
    .prepare(
      `SELECT id FROM actors WHERE deleted_at IS NULL
         AND id IN (SELECT value FROM json_each(?1))`
    )
    .bind(JSON.stringify(ids))
    .all<{ id: string }>()
  return new Set(results.map((r) => r.id))
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
   WHERE r.actor_id = a.id AND r.status = 'approved') AS replicated`

export async function contributionsOf(db: Db, actorId: string): Promise<Contributions> {
  const row = await db
    .prepare(`SELECT ${CONTRIBUTION_COLUMNS} FROM actors a WHERE a.id = ?1`)
    .bind(actorId)
    .first<Contributions>()
  return row ?? { led: 0, partnered: 0, inspired: 0, replicated: 0 }
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
