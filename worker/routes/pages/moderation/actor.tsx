/**
 * `/moderation/acteurs/{id}`: one actor and its decisions, through the shared desk page,
 * with the owner's proposed edit when one waits, readers' open reports (closed from here)
 * and possible duplicates; its decisions post to
 * `/moderation/acteurs/propositions/{pid}/approuver|refuser` and are e-mailed to the owner.
 */
import { ActorId } from '../../../domain/actor'
import { ACTOR_DIFF } from '../../../domain/revision-diff'
import { getActor, toActor } from '../../../db/actors'
import { getPendingProposalFor } from '../../../db/proposals'
import { openReportsOn } from '../../../db/reports'
import type { ActorContent } from '../../../domain/actor'
import { possibleDuplicates, type DuplicateReason } from '../../../services/actors'
import { closeReportAs } from '../../../services/moderation/reports'
import { clientIpHash, requireDeskSession } from '../../../http/moderator-session'
import {
  approveProposal,
  proposalOutcome,
  rejectProposal,
} from '../../../services/moderation/proposals'
import { ActorView } from '../../../../web/components/ActorView'
import {
  PossibleDuplicates,
  ProposalSection,
  ReportsSection,
} from '../../../../web/components/moderation/RecordForms'
import { notifierFor } from '../../notify'
import { recordKindDeskPages, showRecordKind, type DeskKind } from './record-kind'
import { decisionFormError, deskForm, formField, requireDeskCsrf } from './render'

const isActorId = (id: string): boolean => ActorId.safeParse(id).success

/** Why the desk flags another actor as a possible duplicate. */
const DUPLICATE_REASONS: Record<DuplicateReason, string> = {
  siret: 'même SIRET',
  siren: 'même SIREN',
  rna: 'même numéro RNA',
  name: 'même nom dans la même commune',
}

const actorDesk: DeskKind<Awaited<ReturnType<typeof getActor>> & object> = {
  kind: 'actor',
  segment: 'acteurs',
  isId: isActorId,
  unknown: 'Aucun acteur ne porte cet identifiant.',
  get: getActor,
  title: (row) => row.name,
  preview: async (_c, row) => <ActorView actor={toActor(row)} />,
  pending: async (c, row, shown) => {
    const [proposal, reports, duplicates] = await Promise.all([
      getPendingProposalFor(c.var.db, row.id, 'actor'),
      openReportsOn(c.var.db, row.id, 'actor'),
      possibleDuplicates(c.var.db, JSON.parse(row.data) as ActorContent, row.id),
    ])
    return (
      <>
        {proposal && (
          <ProposalSection
            proposal={{
              id: proposal.id,
              at: proposal.created_at,
              changes: proposalOutcome(row.data, proposal, ACTOR_DIFF).changes,
              message: proposal.message,
            }}
            recordId={row.id}
            basePath="/moderation/acteurs/propositions"
            csrfToken={c.var.session.csrfToken}
            error={shown.error}
          />
        )}
        <ReportsSection
          reports={reports.map((r) => ({
            id: r.id,
            reason: r.reason,
            message: r.message,
            at: r.created_at,
          }))}
          recordId={row.id}
          basePath="/moderation/acteurs/signalements"
          csrfToken={c.var.session.csrfToken}
        />
        <PossibleDuplicates
          duplicates={duplicates.map((d) => ({ ...d, why: DUPLICATE_REASONS[d.why] }))}
        />
      </>
    )
  },
  notifies: true,
}

export const actorDeskPages = recordKindDeskPages(actorDesk)
  .post(
    '/moderation/acteurs/signalements/:rid/clore',
    deskForm,
    requireDeskSession,
    requireDeskCsrf,
    async (c) => {
      const fiche = await formField(c, 'fiche')
      const id = isActorId(fiche) ? fiche : null
      const resolution = (await formField(c, 'raison')).trim().slice(0, 500)
      const moderator = {
        name: c.var.session.moderator,
        via: 'desk' as const,
        ipHash: await clientIpHash(c),
      }
      try {
        await closeReportAs(
          c.var.db,
          c.req.param('rid').slice(0, 100),
          moderator,
          resolution || null,
          new Date(),
          'actor'
        )
      } catch (err) {
        if (!id) throw err
        const { status, ...error } = decisionFormError(err, 'report')
        return showRecordKind(c, actorDesk, id, { error }, status === 409 ? 409 : 400)
      }
      if (!id) return c.redirect('/moderation', 303)
      return c.redirect(`/moderation/acteurs/${id}?fait=signalement-clos`, 303)
    }
  )
  .post(
    '/moderation/acteurs/propositions/:pid/:decision{approuver|refuser}',
    deskForm,
    requireDeskSession,
    requireDeskCsrf,
    async (c) => {
      const pid = c.req.param('pid').slice(0, 100)
      const fiche = await formField(c, 'fiche')
      const id = isActorId(fiche) ? fiche : null
      const reason = (await formField(c, 'raison')).slice(0, 4000)
      const moderator = {
        name: c.var.session.moderator,
        via: 'desk' as const,
        ipHash: await clientIpHash(c),
      }
      const approve = c.req.param('decision') === 'approuver'
      try {
        if (approve) {
          const { recordId } = await approveProposal(c.var.db, pid, moderator, new Date(), 'actor')
          await notifierFor(c).notify(recordId, { kind: 'proposal-approved' }, 'actor')
        } else {
          const trimmed = reason.trim()
          const { recordId } = await rejectProposal(
            c.var.db,
            pid,
            moderator,
            trimmed,
            new Date(),
            'actor'
          )
          await notifierFor(c).notify(
            recordId,
            { kind: 'proposal-rejected', reason: trimmed },
            'actor'
          )
        }
      } catch (err) {
        if (!id) throw err
        const { status, ...error } = decisionFormError(err, 'proposal-reject')
        return showRecordKind(
          c,
          actorDesk,
          id,
          { error, values: { reason } },
          status === 409 ? 409 : 400
        )
      }
      if (!id) return c.redirect('/moderation', 303)
      const done = approve ? 'proposition-publiee' : 'proposition-refusee'
      return c.redirect(`/moderation/acteurs/${id}?fait=${done}`, 303)
    }
  )
