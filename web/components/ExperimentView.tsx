/**
 * The public record of one experiment, laid out for reading: the story first, then the
 * results and means that let another collectivité judge whether to reproduce it, then
 * how to cite and reuse it. Only `Experiment` fields are accepted, and that type has no
 * private contact, so private fields cannot be rendered by mistake.
 */
import type { Child } from 'hono/jsx'
import type { LinkedActor } from '../../worker/domain/actor-links'
import type { Experiment } from '../../worker/domain/experiment'
import {
  ALL_THEMES,
  EVIDENCE_LEVELS,
  FUNDING_TYPES,
  LEAD_KINDS,
  OUTCOMES,
  PROGRAMMES,
  PUBLICS,
  STAGES,
  labelOf,
} from '../../worker/domain/vocabularies'
import type { SearchHit } from '../../worker/domain/search'
import type { Lineage } from '../../worker/domain/spread'
import type { Feedback } from '../../worker/domain/feedback'
import { formatDate, formatEur, formatNumber, paragraphs } from '../format'
import { useT, type Messages } from '../i18n'
import { ExperimentActors } from './ExperimentActors'
import { ExperimentAside } from './ExperimentAside'
import { ExperimentCard } from './ExperimentCard'
import { ExperimentWhere } from './ExperimentWhere'
import { Fact } from './Fact'
import { SpreadSection } from './SpreadSection'
import { FeedbackSection } from './FeedbackSection'
import { TableRegion } from './TableRegion'
import { TerritoriesLike, type TerritoriesLikeProps } from './TerritoriesLike'

type NarrativeKey = keyof NonNullable<Experiment['narrative']>
type FieldKey = keyof Messages['form']['fields']

export interface ExperimentViewProps {
  experiment: Experiment
  /** Absolute permanent link of the record. */
  permalink: string
  /** Similar published experiments; null when search could not answer. */
  similar: SearchHit[] | null
  /** Experiments from places like its first territory; null without a sized territory. */
  alike: TerritoriesLikeProps | null
  /** Today's date (ISO), for the "accessed on" part of the citation. */
  today: string
  /** Where it came from and where it spread (« inspirée de », « essaimée à »). */
  lineage: Lineage
  /** The published actors of the network it names (porteur, partners). */
  actors?: readonly LinkedActor[]
  /** Published experience feedback. */
  feedback?: readonly Feedback[]
}

export function ExperimentView(props: ExperimentViewProps) {
  const {
    experiment: e,
    permalink,
    similar,
    alike,
    today,
    lineage,
    actors = [],
    feedback = [],
  } = props
  const t = useT()
  const x = t.experiment

  return (
    <article class="experiment">
      <header class="experiment-header">
        <h1>{e.title}</h1>
        <ExperimentIntro experiment={e} />
      </header>

      <div class="experiment-layout">
        <div class="experiment-body">
          <ExperimentSections experiment={e} />
          <SpreadSection lineage={lineage} slug={e.slug} />
          <FeedbackSection slug={e.slug} items={feedback} />
          <ExperimentActors actors={actors} />
        </div>

        <ExperimentAside experiment={e} permalink={permalink} today={today} />
      </div>

      <section aria-labelledby="s-similar" class="similar">
        <h2 id="s-similar">{x.similar}</h2>
        {similar && similar.length > 0 ? (
          <div class="cards">
            {similar.map((hit) => (
              <ExperimentCard hit={hit} headingLevel={3} />
            ))}
          </div>
        ) : (
          <p>{x.similarNone}</p>
        )}
      </section>
      {alike && <TerritoriesLike {...alike} />}
    </article>
  )
}

/** The summary and the theme labels, under the record's title. */
export function ExperimentIntro({ experiment: e }: { experiment: Experiment }) {
  const t = useT()
  return (
    <>
      <p class="lead">{e.summary}</p>
      <ul class="tags">
        {e.themes.map((code) => (
          <li>{labelOf(ALL_THEMES, code, t.lang)}</li>
        ))}
      </ul>
    </>
  )
}

/**
 * Every section of the record's content — facts, story, results and evidence, means,
 * lessons, resources, sources, public contact — as readers see it. The moderation desk
 * renders the same sections, so a moderator approves exactly what will be published.
 */
export function ExperimentSections({ experiment: e }: { experiment: Experiment }) {
  const t = useT()
  const x = t.experiment
  const lang = t.lang
  const evidence = EVIDENCE_LEVELS[e.evidenceLevel]
  const indicators = e.results?.indicators ?? []
  const funding = e.means?.fundingSources ?? []

  const story = section(t, e, ['context', 'description', 'novelty', 'governance', 'users'])
  const lessons = section(t, e, ['difficulties', 'successConditions', 'advice'])
  const hasResults =
    indicators.length > 0 ||
    e.narrative?.results ||
    e.results?.peopleReached !== undefined ||
    (e.results?.evaluationDocuments?.length ?? 0) > 0
  const hasMeans =
    e.means?.budgetEur !== undefined || e.means?.staffFte !== undefined || funding.length > 0
  // Computed once with the record (domain/cost.ts), as the API and the exports give it.
  const perPerson = e.costPerBeneficiaryEur

  return (
    <>
      <section aria-labelledby="s-facts">
        <h2 id="s-facts">{x.facts}</h2>
        <dl class="facts">
          <Fact label={x.lead}>
            {e.lead.name} ({labelOf(LEAD_KINDS, e.lead.kind, lang)}
            {e.lead.siren && `, SIREN ${e.lead.siren}`}
            {e.lead.rna && `, RNA ${e.lead.rna}`})
          </Fact>
          <ExperimentWhere experiment={e} />
          {e.derived.regions.length > 0 && (
            <Fact label={x.regions}>{e.derived.regions.map((p) => p.name).join(', ')}</Fact>
          )}
          {e.derived.departments.length > 0 && (
            <Fact label={x.departments}>
              {e.derived.departments.map((p) => `${p.name} (${p.code.slice(4)})`).join(', ')}
            </Fact>
          )}
          {e.derived.populationCovered > 0 && (
            <Fact label={x.population}>{formatNumber(e.derived.populationCovered, lang)}</Fact>
          )}
          <Fact label={x.stage}>{labelOf(STAGES, e.stage, lang)}</Fact>
          {e.outcome && <Fact label={x.outcome}>{labelOf(OUTCOMES, e.outcome, lang)}</Fact>}
          <Fact label={x.dates}>
            {!e.startDate
              ? e.endDate
                ? x.untilOnly(formatDate(e.endDate, lang))
                : x.unknownStart
              : e.endDate
                ? x.fromTo(formatDate(e.startDate, lang), formatDate(e.endDate, lang))
                : x.from(formatDate(e.startDate, lang))}
          </Fact>
          {e.publics?.length ? (
            <Fact label={x.publics}>
              {e.publics.map((c) => labelOf(PUBLICS, c, lang)).join(', ')}
            </Fact>
          ) : null}
          {e.programmes?.length ? (
            <Fact label={x.programmes}>
              {e.programmes.map((c) => labelOf(PROGRAMMES, c, lang)).join(', ')}
            </Fact>
          ) : null}
          {e.keywords?.length ? <Fact label={x.keywords}>{e.keywords.join(', ')}</Fact> : null}
          {e.partners?.length ? (
            <Fact label={x.partners}>
              <ul class="plain">
                {e.partners.map((p) => (
                  <li>
                    {p.name}
                    {p.role && ` — ${p.role}`}
                  </li>
                ))}
              </ul>
            </Fact>
          ) : null}
          {e.website && (
            <Fact label={x.website}>
              <a href={e.website} rel="noopener noreferrer">
                {e.website}
              </a>
            </Fact>
          )}
        </dl>
      </section>

      {story.length > 0 && (
        <section aria-labelledby="s-story">
          <h2 id="s-story">{x.narrative}</h2>
          {story}
        </section>
      )}

      <section aria-labelledby="s-results">
        <h2 id="s-results">{x.resultsTitle}</h2>
        {e.narrative?.results && <Paragraphs text={e.narrative.results} />}
        {e.results?.peopleReached !== undefined && (
          <p>
            <strong>{x.peopleReached} :</strong> {formatNumber(e.results.peopleReached, lang)}
          </p>
        )}
        {indicators.length > 0 && (
          <TableRegion label={x.indicators}>
            <table>
              <caption>{x.indicators}</caption>
              <thead>
                <tr>
                  <th scope="col">{x.indicatorCols.label}</th>
                  <th scope="col">{x.indicatorCols.baseline}</th>
                  <th scope="col">{x.indicatorCols.target}</th>
                  <th scope="col">{x.indicatorCols.value}</th>
                  <th scope="col">{x.indicatorCols.measuredAt}</th>
                  <th scope="col">{x.indicatorCols.method}</th>
                </tr>
              </thead>
              <tbody>
                {indicators.map((i) => {
                  const num = (v: number | undefined) =>
                    v === undefined ? '—' : `${formatNumber(v, lang)}${i.unit ? ` ${i.unit}` : ''}`
                  return (
                    <tr>
                      <th scope="row">{i.label}</th>
                      <td>{num(i.baseline)}</td>
                      <td>{num(i.target)}</td>
                      <td>{num(i.value)}</td>
                      <td>{i.measuredAt ? formatDate(i.measuredAt, lang) : '—'}</td>
                      <td>{i.method ?? '—'}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </TableRegion>
        )}
        <div class="evidence">
          <h3>{x.evidence}</h3>
          <p>
            <strong>{x.evidenceOf(e.evidenceLevel, evidence ? evidence[lang] : '')}</strong>
            {evidence?.help && lang === 'fr' && ` — ${evidence.help}`}
          </p>
        </div>
        {e.results?.evaluationDocuments?.length ? (
          <>
            <h3>{x.evaluationDocuments}</h3>
            <ul>
              {e.results.evaluationDocuments.map((d) => (
                <li>
                  <a href={d.url} rel="noopener noreferrer">
                    {d.title}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {!hasResults && <p>{t.common.notProvided}</p>}
      </section>

      {hasMeans && (
        <section aria-labelledby="s-means">
          <h2 id="s-means">{x.means}</h2>
          <dl class="facts">
            {e.means?.budgetEur !== undefined && (
              <Fact label={x.budget}>{formatEur(e.means.budgetEur, lang)}</Fact>
            )}
            {e.means?.staffFte !== undefined && (
              <Fact label={x.staff}>{formatNumber(e.means.staffFte, lang)}</Fact>
            )}
            {perPerson !== null && (
              <Fact label={x.costPerBeneficiary}>
                {formatEur(perPerson, lang)} <span class="help">{x.costPerBeneficiaryHelp}</span>
              </Fact>
            )}
          </dl>
          {funding.length > 0 && (
            <TableRegion label={x.funding}>
              <table>
                <caption>{x.funding}</caption>
                <thead>
                  <tr>
                    <th scope="col">{x.fundingCols.type}</th>
                    <th scope="col">{x.fundingCols.programme}</th>
                    <th scope="col">{x.fundingCols.amount}</th>
                  </tr>
                </thead>
                <tbody>
                  {funding.map((f) => (
                    <tr>
                      <th scope="row">{labelOf(FUNDING_TYPES, f.type, lang)}</th>
                      <td>{f.programme ?? '—'}</td>
                      <td>{f.amountEur === undefined ? '—' : formatEur(f.amountEur, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </section>
      )}

      {lessons.length > 0 && (
        <section aria-labelledby="s-lessons">
          <h2 id="s-lessons">{x.lessons}</h2>
          {lessons}
        </section>
      )}

      {e.resources?.length ? (
        <section aria-labelledby="s-resources">
          <h2 id="s-resources">{x.resources}</h2>
          <ul>
            {e.resources.map((r) => (
              <li>
                <a href={r.url} rel="noopener noreferrer">
                  {r.title}
                </a>
                {r.licence && ` (${r.licence})`}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {e.sources?.length ? (
        <section aria-labelledby="s-sources">
          <h2 id="s-sources">{x.sources}</h2>
          <ul class="sources">
            {e.sources.map((s) => (
              <li>
                <a href={s.url} rel="noopener noreferrer">
                  {s.title ?? s.url}
                </a>
                {[s.publisher, s.consultedAt && x.consultedAt(formatDate(s.consultedAt, lang))]
                  .filter(Boolean)
                  .map((part) => ` — ${part}`)
                  .join('')}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {e.publicContact && (e.publicContact.role || e.publicContact.email) && (
        <section aria-labelledby="s-contact">
          <h2 id="s-contact">{x.contact}</h2>
          <p>
            {e.publicContact.role}
            {e.publicContact.role && e.publicContact.email && ' — '}
            {e.publicContact.email && (
              <a href={`mailto:${e.publicContact.email}`}>{e.publicContact.email}</a>
            )}
          </p>
        </section>
      )}
    </>
  )
}

function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {paragraphs(text).map((p) => (
        <p>{p}</p>
      ))}
    </>
  )
}

/** The filled narrative fields among `keys`, each under its own sub-heading. */
function section(t: Messages, e: Experiment, keys: NarrativeKey[]): Child[] {
  return keys.flatMap((key) => {
    const text = e.narrative?.[key]
    if (!text) return []
    const [label] = t.form.fields[`narrative.${key}` as FieldKey]
    return [
      <div class="narrative">
        <h3>{label}</h3>
        <Paragraphs text={text} />
      </div>,
    ]
  })
}
