/**
 * Desk decisions on contributions to published records: declared replications (and
 * experience feedback). Each POST goes through the same use case as the API, then back to
 * the queue with a confirmation (POST/redirect/GET).
 */
import { Hono } from 'hono'
import { clientIpHash, requireDeskSession, type DeskEnv } from '../../../http/moderator-session'
import { decideReplicationAs } from '../../../services/replications'
import { decideFeedbackAs } from '../../../services/feedback'
import { deskForm, formField, requireDeskCsrf } from './render'

export const CONTRIBUTION_NOTICES: Record<string, string> = {
  'reproduction-publiee': 'La reproduction est publiée sur les deux fiches.',
  'reproduction-refusee': 'La reproduction est refusée.',
  'retour-publie': 'Le retour d’expérience est publié.',
  'retour-refuse': 'Le retour d’expérience est retiré.',
}

export const contributionDecisions = new Hono<DeskEnv>()
  .post(
    '/moderation/retours/:fid/:decision{approuver|refuser}',
    deskForm,
    requireDeskSession,
    requireDeskCsrf,
    async (c) => {
      const approve = c.req.param('decision') === 'approuver'
      const reason = (await formField(c, 'raison')).trim().slice(0, 500)
      await decideFeedbackAs(
        c.var.db,
        c.req.param('fid').slice(0, 40),
        approve ? 'published' : 'rejected',
        { name: c.var.session.moderator, via: 'desk', ipHash: await clientIpHash(c) },
        reason || null
      )
      return c.redirect(`/moderation?fait=${approve ? 'retour-publie' : 'retour-refuse'}`, 303)
    }
  )
  .post(
    '/moderation/reproductions/:rid/:decision{approuver|refuser}',
    deskForm,
    requireDeskSession,
    requireDeskCsrf,
    async (c) => {
      const approve = c.req.param('decision') === 'approuver'
      const reason = (await formField(c, 'raison')).trim().slice(0, 500)
      await decideReplicationAs(
        c.var.db,
        c.req.param('rid').slice(0, 40),
        approve ? 'approved' : 'rejected',
        { name: c.var.session.moderator, via: 'desk', ipHash: await clientIpHash(c) },
        reason || null
      )
      return c.redirect(
        `/moderation?fait=${approve ? 'reproduction-publiee' : 'reproduction-refusee'}`,
        303
      )
    }
  )
