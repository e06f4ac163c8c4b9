/**
 * « Retours d'expérience » on a record's page: how many would recommend the practice (in
 * short, then at each level) and how many arguments for and against, each published
 * answer (who, what was tried, what worked or not, the arguments) with a button to report
 * it, and the way to leave one. Every control works without JavaScript.
 */
import {
  FEEDBACK_ROLES,
  RECOMMEND_LEVELS,
  feedbackSummary,
  type Feedback,
} from '../../worker/domain/feedback'
import { labelOf } from '../../worker/domain/vocabularies'
import { useT } from '../i18n'

export function FeedbackSection({ slug, items }: { slug: string; items: readonly Feedback[] }) {
  const t = useT()
  const s = t.feedback
  const lang = t.lang
  const summary = feedbackSummary(items)
  const recordPath = `/experiences/${encodeURIComponent(slug)}`
  return (
    <section aria-labelledby="s-feedback" class="feedback">
      <h2 id="s-feedback">{s.title}</h2>
      <p class="feedback-count">{s.count(items.length)}</p>
      {items.length > 0 && (
        <>
          <h3>{s.recommendTitle}</h3>
          <p class="feedback-summary">
            {s.recommendSummary(summary.wouldRecommend, summary.wouldNot)}{' '}
            {s.argumentsSummary(summary.argumentsFor, summary.argumentsAgainst)}
          </p>
          <ul class="plain">
            {summary.recommend.map((c) => (
              <li>
                {labelOf(RECOMMEND_LEVELS, c.code, lang)} : {s.answers(c.count)}
              </li>
            ))}
          </ul>
          {items.map((f) => (
            <article class="feedback-item" aria-labelledby={`retour-${f.id}`}>
              <h3 id={`retour-${f.id}`}>
                {s.by(f.authorName, labelOf(FEEDBACK_ROLES, f.role, lang))}
                {f.territory && `, ${f.territory.name}`}
              </h3>
              {f.actor && (
                <p class="feedback-actor">
                  {s.onBehalfOf}{' '}
                  <a href={`/acteurs/${encodeURIComponent(f.actor.slug)}`}>{f.actor.name}</a>
                </p>
              )}
              <p>
                {s.recommends} {labelOf(RECOMMEND_LEVELS, f.recommend, lang)}
              </p>
              <dl>
                <dt>{s.tried}</dt>
                <dd>{f.tried}</dd>
                {f.worked && (
                  <>
                    <dt>{s.worked}</dt>
                    <dd>{f.worked}</dd>
                  </>
                )}
                {f.didNotWork && (
                  <>
                    <dt>{s.didNotWork}</dt>
                    <dd>{f.didNotWork}</dd>
                  </>
                )}
                {f.argumentsFor.length > 0 && (
                  <>
                    <dt>{s.for}</dt>
                    <dd>{f.argumentsFor.join(' · ')}</dd>
                  </>
                )}
                {f.argumentsAgainst.length > 0 && (
                  <>
                    <dt>{s.against}</dt>
                    <dd>{f.argumentsAgainst.join(' · ')}</dd>
                  </>
                )}
              </dl>
              <form
                method="post"
                action={`${recordPath}/retours/${encodeURIComponent(f.id)}/signaler`}
                class="feedback-report"
              >
                <button
                  type="submit"
                  class="button small"
                  aria-describedby={`retour-${f.id}`}
                  title={s.reportHelp}
                >
                  {s.report}
                </button>
              </form>
            </article>
          ))}
        </>
      )}
      <p>
        <a class="button" href={`${recordPath}/retour`} rel="nofollow">
          {s.leave}
        </a>
      </p>
      <p class="help">{s.leaveHelp}</p>
      <p>
        <a href={`/api/experiments/${encodeURIComponent(slug)}/feedback`} type="application/json">
          {s.api}
        </a>
      </p>
    </section>
  )
}
