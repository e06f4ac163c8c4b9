/**
 * The `/territoires/{code}` page: a région's or département's profile against the national
 * reference, its départements (for a région) and its published experiments. The route
 * (worker/routes/pages/territory.tsx) loads the data; this only renders it.
 */
import type { TerritoryStats } from '../../../worker/domain/statistics'
import type { Experiment } from '../../../worker/domain/experiment'
import type { Territory } from '../../../worker/domain/territory'
import { EVIDENCE_LEVELS, labelOf, STAGES } from '../../../worker/domain/vocabularies'
import { BarChart } from '../charts/BarChart'
import {
  evaluatedShare,
  formatCount,
  formatEur,
  formatRate,
  formatShare,
  matureShare,
  themeProfile,
  versusNational,
  type ProfileLine,
} from '../charts/measures'
import { Layout } from '../Layout'

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
}

export function TerritoryPage(props: TerritoryPageProps) {
  const { code, territory, parent, stats, national, departments, experiments, notFirstPage, next } =
    props
  const isRegion = territory.kind === 'reg'
  return (
    <Layout
      title={territory.name}
      description={`Expériences numériques publiées pour ${territory.name} et comparaison avec la moyenne nationale.`}
      path={`/territoires/${code}`}
    >
      <div lang="fr" class="territory">
        <p>
          <a href="/comparer">Comparer les territoires</a>
          {parent && (
            <>
              {' › '}
              <a href={`/territoires/${parent.code}`}>{parent.name}</a>
            </>
          )}
        </p>
        <h1>{territory.name}</h1>
        <p class="lead">
          {isRegion ? 'Région' : 'Département'} · {formatCount(stats.population)} habitants ·{' '}
          {formatCount(stats.communes)} communes · {formatCount(stats.epci)} intercommunalités
        </p>
        <KeyFigures stats={stats} national={national} />
        <Strengths stats={stats} national={national} />
        <BarChart
          id="graphique-themes"
          title={`Part des expériences par thématique : ${territory.name} et France entière`}
          description="Une expérience peut porter jusqu’à trois thématiques. En gris : la France entière."
          series={[{ label: territory.name }, { label: 'France entière', reference: true }]}
          groups={stats.themes.map((b, i) => ({
            label: b.label,
            values: [b.share, national.themes[i]?.share ?? null],
          }))}
          format={formatShare}
          groupHeader="Thématique"
          max={1}
        />
        {departments.length > 0 && <Departments departments={departments} />}
        <section aria-labelledby="experiences">
          <h2 id="experiences">Expériences publiées ({formatCount(stats.experiments)})</h2>
          {experiments.length === 0 ? (
            <p class="empty">
              Aucune expérience publiée pour ce territoire pour l’instant.{' '}
              <a href="/proposer">Proposer une expérience</a>
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
                          ? `Depuis ${e.startDate.slice(0, 4)}`
                          : 'Date de démarrage inconnue'}
                      </li>
                      <li>{labelOf(STAGES, e.stage)}</li>
                      <li>Preuve : {labelOf(EVIDENCE_LEVELS, String(e.evidenceLevel))}</li>
                    </ul>
                  </article>
                </li>
              ))}
            </ul>
          )}
          {(next || notFirstPage) && (
            <nav class="pagination" aria-label="Pages d’expériences">
              {notFirstPage && <a href={`/territoires/${code}`}>Premières expériences</a>}{' '}
              {next && (
                <a href={`/territoires/${code}?apres=${encodeURIComponent(next)}`} rel="next">
                  Expériences suivantes
                </a>
              )}
            </nav>
          )}
        </section>
        <p>
          <a href={`/api/stats/${isRegion ? 'regions' : 'departments'}.csv`}>
            Télécharger les statistiques de tous les {isRegion ? 'régions' : 'départements'} (CSV,
            UTF-8)
          </a>
        </p>
      </div>
    </Layout>
  )
}

function KeyFigures({ stats, national }: { stats: TerritoryStats; national: TerritoryStats }) {
  const rows: [string, number | null, number | null, (n: number) => string][] = [
    [
      'Expériences pour 100 000 habitants',
      stats.per100kInhabitants,
      national.per100kInhabitants,
      formatRate,
    ],
    [
      'Expériences pour 100 collectivités',
      stats.per100Collectivites,
      national.per100Collectivites,
      formatRate,
    ],
    [
      'Part évaluée (niveau de preuve 2 ou plus)',
      evaluatedShare(stats),
      evaluatedShare(national),
      formatShare,
    ],
    ['Part déployée ou pérennisée', matureShare(stats), matureShare(national), formatShare],
    ['Budget médian', stats.budget.medianEur, national.budget.medianEur, formatEur],
  ]
  return (
    <section aria-labelledby="profil">
      <h2 id="profil">Profil face à la moyenne nationale</h2>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">
            Chiffres clés de {stats.name} et de la France entière
          </caption>
          <thead>
            <tr>
              <th scope="col">Mesure</th>
              <th scope="col">{stats.name}</th>
              <th scope="col">France entière</th>
              <th scope="col">Écart</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, here, there, format]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{here === null ? 'non disponible' : format(here)}</td>
                <td>{there === null ? 'non disponible' : format(there)}</td>
                <td>{versusNational(here, there) ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function Strengths({ stats, national }: { stats: TerritoryStats; national: TerritoryStats }) {
  const { strong, weak } = themeProfile(stats, national)
  const line = (l: ProfileLine) =>
    `${l.label} : ${formatShare(l.territory)} des expériences ici, ${formatShare(l.national)} en France`
  return (
    <section aria-labelledby="forces">
      <h2 id="forces">Points forts et points faibles</h2>
      {stats.experiments === 0 ? (
        <p>Pas encore d’expérience publiée : aucun profil à établir.</p>
      ) : (
        <>
          <h3>Thématiques plus présentes qu’en moyenne</h3>
          {strong.length ? (
            <ul>
              {strong.map((l) => (
                <li>{line(l)}</li>
              ))}
            </ul>
          ) : (
            <p>Aucune thématique nettement au-dessus de la moyenne nationale.</p>
          )}
          <h3>Thématiques moins présentes qu’en moyenne</h3>
          {weak.length ? (
            <ul>
              {weak.map((l) => (
                <li>{line(l)}</li>
              ))}
            </ul>
          ) : (
            <p>Aucune thématique nettement en dessous de la moyenne nationale.</p>
          )}
          <p class="help">
            Une thématique est « plus présente » quand sa part atteint 1,25 fois la part nationale
            (et au moins deux expériences), « moins présente » quand elle ne dépasse pas 0,75 fois
            une part nationale d’au moins 5 %.
          </p>
        </>
      )}
    </section>
  )
}

function Departments({ departments }: { departments: readonly TerritoryStats[] }) {
  return (
    <section aria-labelledby="departements">
      <h2 id="departements">Départements de la région</h2>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Expériences publiées par département</caption>
          <thead>
            <tr>
              <th scope="col">Département</th>
              <th scope="col">Expériences</th>
              <th scope="col">Pour 100 000 habitants</th>
              <th scope="col">Pour 100 collectivités</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr>
                <th scope="row">
                  <a href={`/territoires/${d.code}`}>{d.name}</a>
                </th>
                <td>{formatCount(d.experiments)}</td>
                <td>{d.per100kInhabitants === null ? '—' : formatRate(d.per100kInhabitants)}</td>
                <td>{d.per100Collectivites === null ? '—' : formatRate(d.per100Collectivites)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
