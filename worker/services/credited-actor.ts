/**
 * The structure a contribution (a replication, experience feedback) is given on behalf
 * of: it must be a published actor of the network, since a pending or unknown one would be
 * credited in its contributions unseen.
 */
import { getPublishedActor } from '../db/actors'
import type { Db } from '../db/session'
import type { FieldError } from '../http/problem'

/** The error on `/actorId` when `actorId` names no published actor; none when absent. */
export async function creditedActorErrors(
  db: Db,
  actorId: string | undefined
): Promise<FieldError[]> {
  if (!actorId) return []
  const actor = await getPublishedActor(db, actorId)
  return actor?.id === actorId
    ? []
    : [
        {
          pointer: '/actorId',
          message: 'Aucune structure publiée du réseau ne porte cet identifiant.',
        },
      ]
}
