/**
 * Desk decisions on contributions to published records: declared replications (and
 * experience feedback). Each POST goes through the same use case as the API, then back to
 * the queue with a confirmation (POST/redirect/GET).
 */
import { Hono } from 'hono'
import { clientIpHash, requireDeskSession, type DeskEnv } from '../../../http/moderator-session'
import { decideReplicationAs } from '../../../services/replications'
import { deskForm, formField, requireDeskCsrf } from './render'

export const CONTRIBUTION_NOTICES: Record<string, string> = {
  'reproduction-publiee': 'La reproduction est publiée sur les deux fiches.',
  'reproduction-refusee': 'La reproduction est refusée.',
}

export const contributionDecisions = new Hono<DeskEnv>().post(
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
