/** `/experiences/{slug-or-id}`: the public record of one published experiment. */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { publicBase } from '../../http/public-base'
import { actorsOfExperiment } from '../../db/experiment-actors'
import { getPublishedExperiment, toExperiment } from '../../db/experiments'
import { findMergeTarget } from '../../db/moderation'
import { lineageOf } from '../../services/replications'
import { publishedFeedbackOf } from '../../db/feedback'
import { toFeedback } from '../../services/feedback'
import { eventsOfExperiment } from '../../services/agenda'
import { EVENT_EXPERIMENT_RELATIONS } from '../../domain/event-vocabularies'
import { labelOf } from '../../domain/vocabularies'
import { LinkedEvents } from '../../../web/components/EventList'
import { findInTerritoriesLike, findSimilar } from './similar'
import { ExperimentView } from '../../../web/components/ExperimentView'
import { Layout } from '../../../web/components/Layout'
import { notFoundPage } from './not-found'
import { messagesFor, renderPage } from './render'

const SIMILAR_COUNT = 4
const ALIKE_COUNT = 4

export const experimentPage = new Hono<AppEnv>().get('/experiences/:idOrSlug', async (c) => {
  const t = messagesFor(c)
  const idOrSlug = c.req.param('idOrSlug')
  // Pending, rejected and unknown records look the same from outside: a plain 404.
  const row = idOrSlug.length <= 120 ? await getPublishedExperiment(c.var.db, idOrSlug) : null
  if (!row) {
    // A merged duplicate: its old address leads to the record that absorbed it.
    const target = idOrSlug.length <= 120 ? await findMergeTarget(c.var.db, idOrSlug) : null
    if (target) return c.redirect(`/experiences/${target.slug}`, 301)
    return notFoundPage(c, (m) => m.experiment)
  }
  const experiment = toExperiment(row)
  const size = experiment.derived.territorySize ?? null
  const [similar, lineage, feedback, actors, alike, events] = await Promise.all([
    findSimilar(
      c.env,
      {
        id: experiment.id,
        text: `${experiment.title} ${experiment.summary}`,
        themes: experiment.themes,
        territories: experiment.territories,
      },
      SIMILAR_COUNT
    ),
    lineageOf(c.var.db, row, experiment.inspiredBy ?? []),
    publishedFeedbackOf(c.var.db, row.id),
    actorsOfExperiment(c.var.db, experiment.id),
    size
      ? findInTerritoriesLike(
          c.env,
          {
            size,
            themes: experiment.themes,
            territory: experiment.territories[0]!,
            id: experiment.id,
          },
          ALIKE_COUNT
        )
      : null,
    eventsOfExperiment(c.var.db, experiment.id),
  ])
  const base = publicBase(c)
  const path = `/experiences/${experiment.slug}`
  return renderPage(
    c,
    t,
    <Layout title={experiment.title} description={experiment.summary} path={path}>
      <ExperimentView
        experiment={experiment}
        permalink={`${base}${path}`}
        similar={similar}
        actors={actors}
        alike={size ? { size, themes: experiment.themes, hits: alike } : null}
        today={new Date().toISOString()}
        lineage={lineage}
        feedback={feedback.map(toFeedback)}
      />
      {events.length > 0 && (
        <LinkedEvents
          id="evenements"
          title={t.agenda.linked.experimentTitle}
          items={events.map(({ event, relation }) => ({
            event,
            note: labelOf(EVENT_EXPERIMENT_RELATIONS, relation, t.lang),
          }))}
        />
      )}
    </Layout>,
    { headers: { 'cache-control': 'public, max-age=300' } }
  )
})
