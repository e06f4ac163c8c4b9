/**
 * `/territoires/{code}` (e.g. `/territoires/reg:53`, `/territoires/dep:35`): a région's or
 * département's published experiments and its profile against the national reference —
 * where it stands out, where it lags. Communes and EPCI have no page here: experiments
 * are attributed to départements and régions only (see worker/db/stats.ts).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { listPublishedExperiments, toExperiment } from '../../db/experiments'
import { type TerritoryStats } from '../../db/stats'
import { cachedTerritoryStats } from '../../services/stats'
import { getTerritory } from '../../db/territories'
import { EVIDENCE_LEVELS, labelOf, STAGES } from '../../domain/vocabularies'
import { BarChart } from '../../../web/components/charts/BarChart'
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
} from '../../../web/components/charts/measures'
import { Layout } from '../../../web/components/Layout'
import { decodeCursor, encodeCursor } from '../api/params'
import { notFoundPage } from './not-found'
import { messagesFor, renderPage } from './render'

const CODE = /^(reg:\d{2,3}|dep:(\d{2,3}|2A|2B))$/
const PAGE_SIZE = 20

export const territoryPage = new Hono<AppEnv>().get('/territoires/:code', async (c) => {
  const code = c.req.param('code')
  if (!CODE.test(code)) return notFoundPage(c)
  const territory = await getTerritory(c.var.db, code)
  if (!territory) return notFoundPage(c)
  const params = new URL(c.req.url).searchParams
  const insee = code.slice(4)
  const isRegion = territory.kind === 'reg'

  const report = await cachedTerritoryStats(c.var.db, { codes: [code] }, {})
  const stats = report.territories[0]!
  const departments = isRegion
    ? (await cachedTerritoryStats(c.var.db, { kind: 'dep', regions: [insee] }, {})).territories
    : []
  const parent =
    !isRegion && territory.region ? await getTerritory(c.var.db, `reg:${territory.region}`) : null

  let after: { publishedAt: string; id: string } | null = null
  try {
    const keys = decodeCursor(params.get('apres') ?? undefined, 2)
    if (keys) after = { publishedAt: keys[0]!, id: keys[1]! }
  } catch {
    // A mangled link: start from the first page rather than failing the whole page.
  }
  const rows = await listPublishedExperiments(
    c.var.db,
    {
      ...(isRegion ? { region: [insee] } : { department: [insee] }),
    },
    after,
    PAGE_SIZE + 1
  )
  const experiments = rows.slice(0, PAGE_SIZE).map(toExperiment)
  const last = rows.length > PAGE_SIZE ? rows[PAGE_SIZE - 1] : undefined
  const next = last ? encodeCursor([last.published_at ?? '', last.id]) : null

  const t = messagesFor(c)
  return renderPage(
    c,
    t,
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
        <KeyFigures stats={stats} national={report.national} />
        <Strengths stats={stats} national={report.national} />
        <BarChart
          id="graphique-themes"
          title={`Part des expériences par thématique : ${territory.name} et France entière`}
          description="Une expérience peut porter jusqu’à trois thématiques. En gris : la France entière."
          series={[{ label: territory.name }, { label: 'France entière', reference: true }]}
          groups={stats.themes.map((b, i) => ({
            label: b.label,
            values: [b.share, report.national.themes[i]?.share ?? null],
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
                      <li>Depuis {e.startDate.slice(0, 4)}</li>
                      <li>{labelOf(STAGES, e.stage)}</li>
                      <li>Preuve : {labelOf(EVIDENCE_LEVELS, String(e.evidenceLevel))}</li>
                    </ul>
                  </article>
                </li>
              ))}
            </ul>
          )}
          {(next || after) && (
            <nav class="pagination" aria-label="Pages d’expériences">
              {after && <a href={`/territoires/${code}`}>Premières expériences</a>}{' '}
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
    </Layout>,
    { headers: { 'cache-control': 'public, max-age=300' } }
  )
})

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
