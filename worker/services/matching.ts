/**
 * « Qui peut m'aider ? » and « Qui a besoin de ce que j'apporte ? »: the asker's place
 * and its ancestry, the engines' ranked ids (search/matching.ts), then the published
 * actors read by id, in the engines' order, each with the entries that answer the need.
 */
import type { Actor } from '../domain/actor'
import {
  entriesMatching,
  proximityLevels,
  type Match,
  type MatchDirection,
  type MatchQuery,
  type MatchResult,
} from '../domain/matching'
import type { SkillCode, SkillEntry, SkillQuery } from '../domain/skills'
import type { Contributions, LinkedExperiment, Review } from '../domain/actor-links'
import { getActorsByIds, toActor } from '../db/actors'
import { contributionsOf, experimentsOfActor } from '../db/experiment-actors'
import type { Db } from '../db/session'
import { ancestriesOf, findTerritories } from '../db/territories'
import { ProblemError } from '../http/problem'
import { runMatch } from '../search/service'
import { reviewsOf } from './feedback'
import { replicationsDeclaredBy } from './replications'
import type { Replication } from '../domain/replication'
import type { EngineName, MatchHit } from '../search/types'

/** Published actors of the hits, in the hits' order, with their entries answering `asked`. */
async function toMatches(
  db: Db,
  hits: readonly MatchHit[],
  direction: MatchDirection,
  asked: readonly SkillQuery[]
): Promise<Match[]> {
  const rows = await getActorsByIds(
    db,
    hits.map((h) => h.id)
  )
  const byId = new Map(rows.filter((r) => r.status === 'published').map((r) => [r.id, toActor(r)]))
  return hits.flatMap((hit) => {
    const actor = byId.get(hit.id)
    if (!actor) return []
    const entries: SkillEntry[] = direction === 'offers' ? actor.offers : actor.needs
    const answering = [...new Set(asked.flatMap((code) => entriesMatching(entries, code)))]
    return [
      {
        id: actor.id,
        slug: actor.slug,
        name: actor.name,
        kind: actor.kind,
        proximity: hit.proximity,
        entries: answering,
        territories: actor.derived.territories,
      },
    ]
  })
}

/** Who offers a skill near a place (the help page and `GET /api/network/helpers`). */
export async function findHelpers(env: Env, db: Db, query: MatchQuery): Promise<MatchResult> {
  const [territory] = (await findTerritories(db, [query.territory])).values()
  if (!territory)
    throw new ProblemError(400, 'Territoire inconnu.', [
      {
        pointer: '/territory',
        message: `Territoire inconnu dans le référentiel : ${query.territory}.`,
      },
    ])
  const [place = []] = await ancestriesOf(db, [[territory.code]])
  const { hits, engine } = await runMatch(env, {
    direction: query.direction,
    skills: [query.skill],
    levels: proximityLevels(place),
    theme: query.theme,
    limit: query.limit,
  })
  return {
    query: {
      skill: query.skill,
      territory: { code: territory.code, name: territory.name },
      ...(query.theme ? { theme: query.theme } : {}),
      direction: query.direction,
    },
    items: await toMatches(db, hits, query.direction, [query.skill]),
    engine,
  }
}

/**
 * Who needs what an actor offers, near where it is (its first territory; France
 * entière for an actor working nationally, which then meets those working nationally).
 */
export async function needsNear(
  env: Env,
  db: Db,
  actor: Pick<Actor, 'id' | 'offers' | 'territories'>,
  limit = 20
): Promise<{ items: Match[]; engine: EngineName }> {
  const offered: SkillCode[] = actor.offers.map((o) => o.skill)
  if (offered.length === 0) return { items: [], engine: 'embedded' }
  const first = actor.territories[0]
  const [place = []] = first ? await ancestriesOf(db, [[first]]) : [[]]
  const { hits, engine } = await runMatch(env, {
    direction: 'needs',
    skills: offered,
    levels: proximityLevels(place),
    exclude: actor.id,
    limit,
  })
  return { items: await toMatches(db, hits, 'needs', offered), engine }
}

/**
 * An actor's place in the network: its experiments, the practices it reproduced, its
 * reviews of others' practices, what it brought, who needs its offers.
 */
export async function networkOf(
  env: Env,
  db: Db,
  actor: Actor
): Promise<{
  experiments: LinkedExperiment[]
  replicated: Replication[]
  reviews: Review[]
  contributions: Contributions
  needing: Match[]
}> {
  const [experiments, replicated, reviews, contributions, { items: needing }] = await Promise.all([
    experimentsOfActor(db, actor.id),
    replicationsDeclaredBy(db, actor.id),
    reviewsOf(db, actor.id),
    contributionsOf(db, actor.id),
    needsNear(env, db, actor),
  ])
  return { experiments, replicated, reviews, contributions, needing }
}
