/**
 * `/experiences/{slug-or-id}/historique`, `/acteurs/{slug-or-id}/historique` and
 * `/evenements/{slug}/historique`: the published versions of an experiment, an actor or
 * an event (its restitution included), with a field-level diff between
 * consecutive ones. Built from revisions, which hold public content only; every value is
 * rendered as escaped text.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../env'
import { getPublishedActor } from '../../db/actors'
import { getPublishedEvent } from '../../db/events'
import { getPublishedExperiment, toExperiment } from '../../db/experiments'
import { publicHistory } from '../../services/history'
import { Layout } from '../../../web/components/Layout'
import { TableRegion } from '../../../web/components/TableRegion'
import { notFoundPage } from './not-found'
import { formatDate } from '../../../web/format'
import { valueText } from '../../../web/value-text'
import { messagesFor, renderPage } from './render'
import { TRUST_MESSAGES } from './trust-messages'

export const historyPage = new Hono<AppEnv>()
  .get('/experiences/:idOrSlug/historique', async (c) => {
    const t = messagesFor(c)
    const idOrSlug = c.req.param('idOrSlug')
    const row = idOrSlug.length <= 120 ? await getPublishedExperiment(c.var.db, idOrSlug) : null
    if (!row) return notFoundPage(c, (m) => m.experiment)
    const experiment = toExperiment(row)
    return historyOf(
      c,
      experiment.title,
      `/experiences/${experiment.slug}`,
      await publicHistory(c.var.db, row)
    )
  })
  .get('/acteurs/:idOrSlug/historique', async (c) => {
    const t = messagesFor(c)
    const idOrSlug = c.req.param('idOrSlug')
    const row = idOrSlug.length <= 120 ? await getPublishedActor(c.var.db, idOrSlug) : null
    if (!row) return notFoundPage(c, (m) => m.actors)
    return historyOf(
      c,
      row.name,
      `/acteurs/${row.slug}`,
      await publicHistory(c.var.db, row, 'actor')
    )
  })
  .get('/evenements/:slug/historique', async (c) => {
    const t = messagesFor(c)
    const slug = c.req.param('slug')
    const row = slug.length <= 120 ? await getPublishedEvent(c.var.db, slug) : null
    if (!row) return notFoundPage(c, (m) => m.events)
    return historyOf(
      c,
      row.title,
      `/evenements/${row.slug}`,
      await publicHistory(c.var.db, row, 'event')
    )
  })

/** The published versions of a record, newest first, each with what changed. */
function historyOf(
  c: Context<AppEnv>,
  name: string,
  path: string,
  revisions: Awaited<ReturnType<typeof publicHistory>>
) {
  const t = messagesFor(c)
  const h = TRUST_MESSAGES[t.lang].history
  const title = h.title(name)
  return renderPage(
    c,
    t,
    <Layout title={title} path={`${path}/historique`}>
      <h1>{title}</h1>
      <p class="lead">{h.intro}</p>
      <p>
        <a href={path}>{h.back}</a>
      </p>
      {revisions.map((r) => (
        <section class="revision" aria-labelledby={`v${r.version}`}>
          <h2 id={`v${r.version}`}>
            {h.version(r.version, formatDate(r.createdAt.slice(0, 10), t.lang))}
            {` — ${h.actions[r.action]}`}
          </h2>
          {r.first ? (
            <p>{h.first}</p>
          ) : r.changes.length === 0 ? (
            <p>{h.noChange}</p>
          ) : (
            <TableRegion label={h.version(r.version, formatDate(r.createdAt.slice(0, 10), t.lang))}>
              <table class="diff">
                <thead>
                  <tr>
                    <th scope="col">{h.field}</th>
                    <th scope="col">{h.before}</th>
                    <th scope="col">{h.after}</th>
                  </tr>
                </thead>
                <tbody>
                  {r.changes.map((change) => (
                    <tr>
                      <th scope="row">{change.label[t.lang]}</th>
                      <td>
                        <del>{valueText(change.before, t.lang, change.field) || h.empty}</del>
                      </td>
                      <td>
                        <ins>{valueText(change.after, t.lang, change.field) || h.empty}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      ))}
    </Layout>,
    { headers: { 'cache-control': 'public, max-age=300' } }
  )
}
