/**
 * The desk page of one record of a kind with the shared lifecycle (actors, events) and its
 * decision forms. `/moderation/{segment}/{id}` shows it; each decision posts to
 * `/moderation/{segment}/{id}/{action}`, goes through `moderateRecord(kind, …)`, e-mails the
 * private contact when the kind does so, then redirects back with a confirmation; a refused
 * decision re-renders the page with the error next to its field.
 */
import { Hono, type Context } from 'hono'
import type { Child } from 'hono/jsx'
import { MODERATION_ACTIONS, type ModerationAction } from '../../../domain/moderation'
import type { RecordKind, RecordRow } from '../../../db/record-kinds'
import { listRevisions } from '../../../db/revisions'
import type { Db } from '../../../db/session'
import { clientIpHash, requireDeskSession, type DeskEnv } from '../../../http/moderator-session'
import { allowedActions, moderateRecord } from '../../../services/moderation/decisions'
import { decisionEvent } from '../../../services/notifications'
import {
  LifecycleRecord,
  type LifecycleRecordProps,
} from '../../../../web/components/moderation/LifecycleRecord'
import { DeskLayout } from '../../../../web/components/moderation/DeskLayout'
import { ACTION_SLUGS, DESK_NOTICES } from '../../../../web/components/moderation/labels'
import { NotFound } from '../../../../web/components/NotFound'
import { notifierFor } from '../../notify'
import { decisionFormError, deskForm, formField, renderDesk, requireDeskCsrf } from './render'

const ACTION_BY_SLUG = new Map(MODERATION_ACTIONS.map((a) => [ACTION_SLUGS[a], a] as const))

export interface DeskKind<Row extends RecordRow> {
  kind: RecordKind
  /** The desk address segment: `/moderation/{segment}/{id}`. */
  segment: string
  isId: (id: string) => boolean
  unknown: string
  get: (db: Db, id: string) => Promise<Row | null>
  title: (row: Row) => string
  /** The public page as readers will see it. */
  preview: (c: Context<DeskEnv>, row: Row) => Promise<Child>
  /** What else waits on the record (a proposed edit), with the refused decision if any. */
  pending?: (c: Context<DeskEnv>, row: Row, shown: Shown) => Promise<Child>
  /** Whether a decision e-mails the record's private contact. */
  notifies: boolean
}

export type Shown = Pick<LifecycleRecordProps, 'notice' | 'error' | 'values'>

function notFound<Row extends RecordRow>(c: Context<DeskEnv>, spec: DeskKind<Row>) {
  return renderDesk(
    c,
    <DeskLayout title="Fiche introuvable" path="/moderation" user={c.var.session}>
      <NotFound title="Fiche introuvable" text={spec.unknown} />
    </DeskLayout>,
    404
  )
}

/** The desk page of record `id` of the kind, with a notice or a refused decision. */
export async function showRecordKind<Row extends RecordRow>(
  c: Context<DeskEnv>,
  spec: DeskKind<Row>,
  id: string,
  shown: Shown = {},
  status: 200 | 400 | 404 | 409 = 200
) {
  const row = await spec.get(c.var.db, id)
  if (!row) return notFound(c, spec)
  const [revisions, preview, pending] = await Promise.all([
    listRevisions(c.var.db, id, spec.kind),
    spec.preview(c, row),
    spec.pending?.(c, row, shown),
  ])
  return renderDesk(
    c,
    <DeskLayout title={spec.title(row)} path="/moderation" user={c.var.session}>
      <h1>{spec.title(row)}</h1>
      <LifecycleRecord
        record={{ id: row.id, revision: row.revision, createdAt: row.created_at }}
        status={row.status}
        moderationNote={row.moderation_note}
        privateContact={JSON.parse(row.private_contact) as LifecycleRecordProps['privateContact']}
        revisions={revisions.map((r) => ({
          revision: r.revision,
          action: r.action,
          status: r.status,
          actor: r.actor,
          at: r.created_at,
        }))}
        actions={allowedActions(row)}
        csrfToken={c.var.session.csrfToken}
        basePath={`/moderation/${spec.segment}`}
        preview={preview}
        pending={pending}
        {...shown}
      />
    </DeskLayout>,
    status
  )
}

export function recordKindDeskPages<Row extends RecordRow>(spec: DeskKind<Row>) {
  const base = `/moderation/${spec.segment}`
  return new Hono<DeskEnv>()
    .get(`${base}/:id`, requireDeskSession, async (c) => {
      const id = c.req.param('id')
      if (!spec.isId(id)) return notFound(c, spec)
      return showRecordKind(c, spec, id, { notice: DESK_NOTICES[c.req.query('fait') ?? ''] })
    })
    .post(`${base}/:id/:action`, deskForm, requireDeskSession, requireDeskCsrf, async (c) => {
      const id = c.req.param('id')
      const action: ModerationAction | undefined = ACTION_BY_SLUG.get(c.req.param('action'))
      if (!spec.isId(id) || !action) return notFound(c, spec)
      const reason = (await formField(c, 'raison')).slice(0, 4000)
      const into = (await formField(c, 'cible')).trim().slice(0, 100)
      const revision = Number(await formField(c, 'revision'))
      try {
        await moderateRecord<Row>(
          c.var.db,
          spec.kind,
          id,
          {
            action,
            reason,
            into,
            expectedRevision: Number.isSafeInteger(revision) ? revision : -1,
          },
          { name: c.var.session.moderator, via: 'desk', ipHash: await clientIpHash(c) }
        )
      } catch (err) {
        const { status, ...error } = decisionFormError(err, action)
        if (status === 404) return notFound(c, spec)
        return showRecordKind(
          c,
          spec,
          id,
          { error, values: { reason, into } },
          status === 409 ? 409 : 400
        )
      }
      const event = spec.notifies ? decisionEvent(action, reason) : null
      if (event) await notifierFor(c).notify(id, event, spec.kind)
      return c.redirect(`${base}/${id}?fait=${ACTION_SLUGS[action]}`, 303)
    })
}
