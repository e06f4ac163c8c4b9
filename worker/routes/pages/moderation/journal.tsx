/** `/moderation/journal`: the audit log, 50 entries a page, keyset-paginated on `seq`. */
import { Hono } from 'hono'
import { listAudit } from '../../../db/audit'
import { requireDeskSession, type DeskEnv } from '../../../http/moderator-session'
import { DeskLayout } from '../../../../web/components/moderation/DeskLayout'
import { Journal } from '../../../../web/components/moderation/Journal'
import { auditDetail } from '../../../../web/components/moderation/labels'
import { renderDesk } from './render'

const PAGE = 50

export const journalPage = new Hono<DeskEnv>().get(
  '/moderation/journal',
  requireDeskSession,
  async (c) => {
    const before = Number(c.req.query('avant'))
    const beforeSeq = Number.isSafeInteger(before) && before > 0 ? before : null
    const rows = await listAudit(c.var.db, { beforeSeq, limit: PAGE + 1 })
    const page = rows.slice(0, PAGE)
    const last = page.at(-1)
    return renderDesk(
      c,
      <DeskLayout title="Journal" path="/moderation/journal" user={c.var.session}>
        <Journal
          entries={page.map((r) => ({
            seq: r.seq,
            at: r.at,
            actor: r.actor,
            action: r.action,
            target: r.target,
            reason: r.reason,
            detail: auditDetail(r.detail),
          }))}
          nextHref={rows.length > PAGE && last ? `/moderation/journal?avant=${last.seq}` : null}
          first={beforeSeq === null}
        />
      </DeskLayout>
    )
  }
)
