/**
 * `/moderation/acteurs/{id}`: one actor and its decisions, through the shared desk page,
 * with the owner's proposed edit when one waits, readers' open reports (closed from here)
 * and possible duplicates; the decisions on proposals and reports are the shared ones of
 * owner-changes.tsx.
 */
import { ActorId, type ActorContent } from '../../../domain/actor'
import { getActor, toActor, type ActorRow } from '../../../db/actors'
import { ACTOR_EDITING, possibleDuplicates, type DuplicateReason } from '../../../services/actors'
import { ActorView } from '../../../../web/components/ActorView'
import { PossibleDuplicates } from '../../../../web/components/moderation/RecordForms'
import { ownerChangeRoutes, ownerChanges } from './owner-changes'
import { recordKindDeskPages, type DeskKind } from './record-kind'

const isActorId = (id: string): boolean => ActorId.safeParse(id).success

/** Why the desk flags another actor as a possible duplicate. */
const DUPLICATE_REASONS: Record<DuplicateReason, string> = {
  siret: 'même SIRET',
  siren: 'même SIREN',
  rna: 'même numéro RNA',
  name: 'même nom dans la même commune',
}

const actorDesk: DeskKind<ActorRow> = {
  kind: 'actor',
  segment: 'acteurs',
  isId: isActorId,
  unknown: 'Aucun acteur ne porte cet identifiant.',
  get: getActor,
  title: (row) => row.name,
  preview: async (_c, row) => <ActorView actor={toActor(row)} />,
  pending: async (c, row, shown) => {
    const duplicates = await possibleDuplicates(
      c.var.db,
      JSON.parse(row.data) as ActorContent,
      row.id
    )
    return (
      <>
        {await ownerChanges(c, actorDesk, ACTOR_EDITING, row, shown)}
        <PossibleDuplicates
          duplicates={duplicates.map((d) => ({ ...d, why: DUPLICATE_REASONS[d.why] }))}
        />
      </>
    )
  },
  notifies: true,
}

export const actorDeskPages = recordKindDeskPages(actorDesk).route(
  '/',
  ownerChangeRoutes(actorDesk, ACTOR_EDITING)
)
