/**
 * The `/territoires/{code}` page: a région's or département's profile against the national
 * reference, its départements (for a région) and its published experiments. The route
 * (worker/routes/pages/territory.tsx) loads the data; this only renders it.
 */
import type { TerritoryStats } from '../../../worker/domain/statistics'
import type { Experiment } from '../../../worker/domain/experiment'
import type { Territory } from '../../../worker/domain/territory'
import { paroleOfTerritoryHref } from '../../parole-links'
import { EVIDENCE_LEVELS, labelOf, STAGES, THEMES } from '../../../worker/domain/vocabularies'
import { BarChart } from '../charts/BarChart'
import { useStatsFormat } from '../charts/measures'
import { EmbedDisclosure } from '../EmbedCode'
import { Layout } from '../Layout'
import { embedTitle, followedTitle } from '../../filter-labels'
import { useT } from '../../i18n'
import { FeedLink, ReuseLinks } from '../ReuseLinks'
import { TerritoriesLike, type TerritoriesLikeProps } from '../TerritoriesLike'
import { Departments, KeyFigures, Strengths } from './TerritoryProfile'
import { nationalSpread, SpreadFigures } from './SpreadFigures'
import type { SpreadStats } from '../../../worker/domain/spread'
import type { Event } from '../../../worker/domain/event'
import { AGENDA_PATHS, agendaHref, territoryCalendarHref } from '../../agenda-query'
import { LinkedEvents } from '../EventList'

export interface TerritoryPageProps {
  code: string
  territory: Territory
  parent: Territory | null
  stats: TerritoryStats
  national: TerritoryStats
  departments: readonly TerritoryStats[]
  experiments: readonly Experiment[]
  /** True past the first page of experiments (offers a link back to it). */
  notFirstPage: boolean
  /** Cursor of the next page, if any. */
  next: string | null
  /** Absolute base of the site, for the « Intégrer sur votre site » code. */
  base: string
  /** Experiments from places like this one (départements); null for a région. */
  alike: TerritoriesLikeProps | null
  /** Take-ups of the territory and of France, and its most taken-up practices. */
  spread: SpreadStats
  /** Its next events (the agenda filtered on it). */
  events: readonly Event[]
}

export function TerritoryPage(props: TerritoryPageProps) {
  const { code, territory, parent, stats, national, departments } = props
  const messages = useT()
  const { territories: t, lang } = messages
  const f = useStatsFormat()
  const level = territory.kind === 'reg' ? 'reg' : 'dep'
  const query = listQuery(props)
  const feedTitle = followedTitle(messages, new Map([[code, territory.name]]), query)
  return (
    <Layout
      title={territory.name}
      description={t.territory.description(territory)}
      path={`/territoires/${code}`}
      head={
        <>
          <FeedLink query={query} title={feedTitle} />
          <link
            rel="alternate"
            type="text/calendar"
            title={`${messages.agenda.subscribe.calendarTitle} — ${territory.name}`}
            href={territoryCalendarHref(code)}
          />
        </>
      }
    >
      <div class="territory">
        <p>
          <a href="/comparer">{t.compareTitle}</a>
          {parent && (
            <>
              {' › '}
              <a href={`/territoires/${parent.code}`}>{parent.name}</a>
            </>
          )}
        </p>
        <h1>{territory.name}</h1>
        <p class="lead">
          {t.territory.kind(level)} · {f.count(stats.population)} {t.territory.inhabitants} ·{' '}
          {f.count(stats.communes)} {t.territory.communes} · {f.count(stats.epci)}{' '}
          {t.territory.epci}
        </p>
        <p>
          <a href={`/territoires/${territory.code}/contributeurs`}>
            {messages.network.contributors.link}
          </a>
        </p>
        <KeyFigures stats={stats} national={national} />
        <Strengths stats={stats} national={national} />
        <BarChart
          id="graphique-themes"
          title={t.territory.themesTitle(territory.name)}
          description={t.territory.themesDescription}
          series={[{ label: territory.name }, { label: t.territory.france, reference: true }]}
          groups={stats.themes.map((b, i) => ({
            label: labelOf(THEMES, b.code, lang),
            values: [b.share, national.themes[i]?.share ?? null],
          }))}
          format={f.share}
          groupHeader={t.charts.theme}
          max={1}
        />
        <SpreadFigures
          columns={[
            ...props.spread.areas
              .filter((a) => a.code === code)
              .map((figures) => ({ label: territory.name, figures })),
            nationalSpread(national, props.spread.total, t.territory.france),
          ]}
          mostReplicated={props.spread.mostReplicated}
          mostReplicatedTitle={messages.spread.stats.mostReplicatedIn(territory.name)}
          apiHref={`/api/stats/replications?level=${level}&territory=${code}`}
        />
        {departments.length > 0 && <Departments departments={departments} />}
        <Experiments {...props} />
        <LinkedEvents
          id="evenements-a-venir"
          title={messages.agenda.linked.territoryTitle}
          items={props.events.map((event) => ({ event }))}
        >
          <p>
            <a href={agendaHref(AGENDA_PATHS.page, { when: 'upcoming', territory: [code] })}>
              {messages.agenda.linked.territoryAll(territory.name)}
            </a>{' '}
            ·{' '}
            <a href={territoryCalendarHref(code)} type="text/calendar">
              {messages.agenda.linked.territoryCalendar}
            </a>
          </p>
          <p>
            <a href={paroleOfTerritoryHref(code)}>
              {messages.parole.territoryLink(territory.name)}
            </a>
          </p>
        </LinkedEvents>
        {props.alike && <TerritoriesLike {...props.alike} />}
        <p>
          <a href={`/api/stats/${level === 'reg' ? 'regions' : 'departments'}.csv`}>
            {t.downloadAll(level)}
          </a>
        </p>
      </div>
    </Layout>
  )
}

/** The territory's experiments as a search: the same filter the route lists them with. */
function listQuery({ code, territory }: TerritoryPageProps) {
  const insee = code.slice(4)
  return {
    q: '',
    filters: territory.kind === 'reg' ? { region: [insee] } : { department: [insee] },
  }
}

function Experiments(props: TerritoryPageProps) {
  const { code, stats, experiments, notFirstPage, next } = props
  const messages = useT()
  const { territories: t, lang } = messages
  const f = useStatsFormat()
  return (
    <section aria-labelledby="experiences">
      <h2 id="experiences">
        {t.territory.experiments} ({f.count(stats.experiments)})
      </h2>
      {experiments.length > 0 && (
        <>
          <ReuseLinks query={listQuery(props)} />
          <EmbedDisclosure
            params={{ query: { q: '', filters: {}, sort: 'relevance' }, territory: code }}
            title={embedTitle(messages, new Map([[code, props.territory.name]]), listQuery(props))}
            base={props.base}
          />
        </>
      )}
      {experiments.length === 0 ? (
        <p class="empty">
          {t.territory.none} <a href="/proposer">{t.territory.submit}</a>
        </p>
      ) : (
        <ul class="result-list plain">
          {experiments.map((e) => (
            <li>
              <article class="card">
                <h3 class="card-title">
                  <a href={`/experiences/${encodeURIComponent(e.slug)}`}>{e.title}</a>
                </h3>
                <p class="card-summary">{e.summary}</p>
                <ul class="card-meta">
                  <li>{e.lead.name}</li>
                  <li>
                    {e.startDate
                      ? t.territory.since(e.startDate.slice(0, 4))
                      : t.territory.unknownStart}
                  </li>
                  <li>{labelOf(STAGES, e.stage, lang)}</li>
                  <li>
                    {t.territory.evidence(labelOf(EVIDENCE_LEVELS, String(e.evidenceLevel), lang))}
                  </li>
                </ul>
              </article>
            </li>
          ))}
        </ul>
      )}
      {(next || notFirstPage) && (
        <nav class="pagination" aria-label={t.territory.pagination}>
          {notFirstPage && <a href={`/territoires/${code}`}>{t.territory.first}</a>}{' '}
          {next && (
            <a href={`/territoires/${code}?apres=${encodeURIComponent(next)}`} rel="next">
              {t.territory.next}
            </a>
          )}
        </nav>
      )}
    </section>
  )
}
