/**
 * « Retours d'expérience » on a record's page: how many would recommend the practice, at
 * each level, then each published answer (who, what was tried, what worked or not, the
 * arguments for and against).
 */
import {
  FEEDBACK_ROLES,
  RECOMMEND_LEVELS,
  recommendCounts,
  type Feedback,
} from '../../worker/domain/feedback'
import { labelOf } from '../../worker/domain/vocabularies'
import { useT } from '../i18n'

export function FeedbackSection({ items }: { items: readonly Feedback[] }) {
  const t = useT()
  const s = t.spread.feedback
  const lang = t.lang
  const counts = recommendCounts(items)
  return (
    <section aria-labelledby="s-feedback" class="feedback">
      <h2 id="s-feedback">{s.title}</h2>
      <p>{s.count(items.length)}</p>
      {items.length > 0 && (
        <>
          <h3>{s.recommendTitle}</h3>
          <ul class="plain">
            {counts.map((c) => (
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
            </article>
          ))}
        </>
      )}
      <p>
        <a href="/api/docs">{s.api}</a>
      </p>
    </section>
  )
}
