/**
 * Replications: anyone declares that a territory reproduced a published practice; a
 * moderator approves or rejects it (with an audit row in the same batch); approved ones
 * show on both records and count toward the source's « adoptée par ». Also the spread of
 * a practice (records citing it and replications, over generations).
 */
import { getPublishedExperiment, type ExperimentRow } from '../db/experiments'
import { recordsInspiredBy, recordTitles } from '../db/lineage'
import {
  approvedReplicationsBy,
  approvedReplicationsDeclaredBy,
  approvedReplicationsOf,
  listApprovedReplications,
  auditReplicationDecision,
  decideReplication,
  getReplication,
  insertReplication,
  type ReplicationView,
} from '../db/replications'
import { wroteRow, type Db } from '../db/session'
import { findTerritories, getTerritory } from '../db/territories'
import {
  recordKeyOf,
  type ModeratedReplication,
  type Replication,
  type ReplicationInput,
} from '../domain/replication'
import {
  adoptedBy,
  SPREAD_MAX_GENERATIONS,
  SPREAD_MAX_LINKS,
  type LinkedRecord,
  type Lineage,
  type Spread,
  type SpreadLink,
} from '../domain/spread'
import { ProblemError } from '../http/problem'
import { ulid } from '../lib/crypto'
import { creditedActorErrors } from './credited-actor'
import { moderatorIp, moderatorName, type ModeratorRef } from './moderation/actor'

/** The edge-list export reads in pages of this size. */
const EXPORT_PAGE = 500

const NOT_PUBLISHED = 'Aucune expérience publiée ne correspond.'

/** Stores a declaration on a published record, pending moderation; 400 names a bad reference. */
export async function declareReplication(
  db: Db,
  source: ExperimentRow,
  input: ReplicationInput,
  now = new Date()
): Promise<string> {
  const [territory, adopter, actorErrors] = await Promise.all([
    getTerritory(db, input.territory),
    input.adopterExperiment
      ? getPublishedExperiment(db, recordKeyOf(input.adopterExperiment).slice(0, 120))
      : null,
    creditedActorErrors(db, input.actorId),
  ])
  const errors = [
    ...(territory
      ? []
      : [{ pointer: '/territory', message: `Territoire inconnu : ${input.territory}.` }]),
    ...actorErrors,
    ...(input.adopterExperiment && (!adopter || adopter.id === source.id)
      ? [
          {
            pointer: '/adopterExperiment',
            message: adopter
              ? 'Une fiche ne peut pas se reproduire elle-même.'
              : 'Aucune fiche publiée ne correspond à cette adresse.',
          },
        ]
      : []),
  ]
  if (errors.length > 0 || !territory) {
    throw new ProblemError(400, 'Certaines références sont inconnues.', errors)
  }
  const id = ulid(now.getTime())
  const [result] = await db.batch([
    insertReplication(db, {
      id,
      source_id: source.id,
      adopter_id: adopter?.id ?? null,
      territory: territory.code,
      region: territory.kind === 'reg' ? territory.code.slice(4) : territory.region,
      declarant_name: input.declarant.name,
      declarant_kind: input.declarant.kind,
      actor_id: input.actorId ?? null,
      relation: input.relation,
      progress: input.progress,
      start_date: input.startDate ?? null,
      adaptations: input.adaptations,
      link: input.link ?? null,
      created_at: now.toISOString(),
    }),
  ])
  if (!wroteRow(result)) throw new ProblemError(404, NOT_PUBLISHED)
  return id
}

export async function decideReplicationAs(
  db: Db,
  id: string,
  decision: 'approved' | 'rejected',
  moderator: ModeratorRef,
  reason: string | null,
  now = new Date()
): Promise<{ sourceId: string }> {
  const replication = await getReplication(db, id)
  if (!replication) throw new ProblemError(404, 'Aucune reproduction ne porte cet identifiant.')
  const already = new ProblemError(409, 'Cette reproduction est déjà décidée.')
  if (replication.status !== 'pending') throw already
  const at = now.toISOString()
  const by = `moderator:${moderatorName(moderator)}`
  const [update] = await db.batch([
    decideReplication(db, id, { status: decision, by, reason, at }),
    auditReplicationDecision(db, id, { at, actor: by, reason, ipHash: moderatorIp(moderator) }),
  ])
  if (!wroteRow(update)) throw already
  return { sourceId: replication.source_id }
}

/** The public shape of a stored replication. */
export function toReplication(r: ReplicationView): Replication {
  return {
    id: r.id,
    source: { id: r.source_id, slug: r.source_slug, title: r.source_title },
    adopter:
      r.adopter_id && r.adopter_slug && r.adopter_title
        ? { id: r.adopter_id, slug: r.adopter_slug, title: r.adopter_title }
        : null,
    territory: { code: r.territory, name: r.territory_name ?? r.territory },
    region: r.region,
    declarant: { name: r.declarant_name, kind: r.declarant_kind },
    actorId: r.actor_id,
    actor:
      r.actor_id && r.actor_slug && r.actor_name
        ? { id: r.actor_id, slug: r.actor_slug, name: r.actor_name }
        : null,
    relation: r.relation,
    progress: r.progress,
    startDate: r.start_date,
    adaptations: r.adaptations,
    link: r.link,
    approvedAt: r.status === 'approved' ? r.decided_at : null,
  }
}

/** What moderators see of a declaration: the public shape, its status and date. */
export function toModeratedReplication(r: ReplicationView): ModeratedReplication {
  return { ...toReplication(r), status: r.status, createdAt: r.created_at }
}

/**
 * The spread of a published practice: generation by generation, the records citing the
 * previous generation's records and the replications declared on them, within the budget
 * of `SPREAD_MAX_GENERATIONS` and `SPREAD_MAX_LINKS`. A record reached twice is followed
 * once, so a cycle of citations ends.
 */
export async function spreadOf(db: Db, source: ExperimentRow): Promise<Spread> {
  const links: SpreadLink[] = []
  const seen = new Set([source.id])
  let frontier = [source.id]
  let truncated = false
  for (let generation = 1; generation <= SPREAD_MAX_GENERATIONS && frontier.length; generation++) {
    const [inspired, replications] = await Promise.all([
      recordsInspiredBy(db, frontier),
      approvedReplicationsOf(db, frontier),
    ])
    const names = await findTerritories(db, [
      ...new Set(inspired.flatMap((r) => JSON.parse(r.territories) as string[])),
    ])
    // Declared replications first: when a record is both cited and declared, the
    // declaration (with its relation) is the link kept.
    const found: SpreadLink[] = [
      ...replications.map(toSpreadLink(generation)),
      ...inspired.map((r): SpreadLink => ({
        generation,
        from: r.source_id,
        kind: 'inspired-by',
        relation: null,
        record: { id: r.id, slug: r.slug, title: r.title },
        territories: (JSON.parse(r.territories) as string[]).map((code) => ({
          code,
          name: names.get(code)?.name ?? code,
        })),
        regions: JSON.parse(r.regions) as string[],
      })),
    ]
    const next: string[] = []
    for (const link of found) {
      if (links.length >= SPREAD_MAX_LINKS) {
        truncated = true
        break
      }
      // A record reached twice (cited and declared, or through two parents) is one adopter.
      if (link.record && seen.has(link.record.id)) continue
      links.push(link)
      if (link.record) {
        seen.add(link.record.id)
        next.push(link.record.id)
      }
    }
    frontier = next
  }
  return {
    source: { id: source.id, slug: source.slug, title: source.title },
    adoptedBy: adoptedBy(links),
    links,
    truncated,
  }
}

/** Every approved replication of a published source, in id order (the edge-list exports). */
export async function allApprovedReplications(db: Db): Promise<Replication[]> {
  const items: Replication[] = []
  let after = ''
  for (;;) {
    const page = await listApprovedReplications(db, after, EXPORT_PAGE)
    items.push(...page.map(toReplication))
    if (page.length < EXPORT_PAGE) return items
    after = page[page.length - 1]!.id
  }
}

const toSpreadLink =
  (generation: number) =>
  (r: ReplicationView): SpreadLink => {
    const view = toReplication(r)
    return {
      generation,
      from: r.source_id,
      kind: 'replication',
      relation: view.relation,
      record: view.adopter,
      territories: [view.territory],
      regions: view.region ? [view.region] : [],
    }
  }

/** Published records among `ids` named by title; the others stay unnamed (never a raw id). */
export async function linkedRecords(db: Db, ids: readonly string[]): Promise<LinkedRecord[]> {
  const titles = await recordTitles(db, ids)
  return ids.map((id) => {
    const t = titles.get(id)
    return t?.published ? { id, slug: t.slug, title: t.title } : { id, slug: null, title: null }
  })
}

/** The practices an actor declared it reproduced, once approved (its page, its recognition). */
export async function replicationsDeclaredBy(db: Db, actorId: string): Promise<Replication[]> {
  return (await approvedReplicationsDeclaredBy(db, actorId)).map(toReplication)
}

/** A published record's lineage, both ways: what it took from, who took it up. */
export async function lineageOf(
  db: Db,
  row: ExperimentRow,
  inspiredBy: readonly string[]
): Promise<Lineage> {
  const [named, reproduces, received, spread] = await Promise.all([
    linkedRecords(db, inspiredBy),
    approvedReplicationsBy(db, row.id),
    approvedReplicationsOf(db, [row.id]),
    spreadOf(db, row),
  ])
  return {
    inspiredBy: named,
    reproduces: reproduces.map(toReplication),
    received: received.map(toReplication),
    spread,
  }
}
