/**
 * A territory against the national reference: key figures with the gap, the themes where
 * it stands out or lags, and (for a région) its départements.
 */
import type { TerritoryStats } from '../../../worker/domain/statistics'
import {
  evaluatedShare,
  matureShare,
  themeProfile,
  useStatsFormat,
  versusNational,
  type ProfileLine,
} from '../charts/measures'
import { useT } from '../../i18n'
import { TableRegion } from '../TableRegion'

export function KeyFigures({
  stats,
  national,
}: {
  stats: TerritoryStats
  national: TerritoryStats
}) {
  const { territories: t } = useT()
  const f = useStatsFormat()
  const labels = t.territory.profileRows
  const rows: [string, number | null, number | null, (n: number) => string][] = [
    [labels.per100k, stats.per100kInhabitants, national.per100kInhabitants, f.rate],
    [labels.per100Collectivites, stats.per100Collectivites, national.per100Collectivites, f.rate],
    [labels.evaluated, evaluatedShare(stats), evaluatedShare(national), f.share],
    [labels.mature, matureShare(stats), matureShare(national), f.share],
    [labels.budget, stats.budget.medianEur, national.budget.medianEur, f.eur],
  ]
  const gap = (here: number | null, there: number | null) => {
    const ratio = versusNational(here, there)
    if (ratio === null) return '—'
    if (ratio === 'near') return t.territory.nearAverage
    // « 0 fois la moyenne » reads as an error: say there is none here.
    if (ratio === 0) return t.territory.noneHere
    return t.territory.timesAverage(f.ratio(ratio))
  }
  return (
    <section aria-labelledby="profil">
      <h2 id="profil">{t.territory.profileTitle}</h2>
      <TableRegion label={t.territory.profileCaption(stats)}>
        <table>
          <caption class="visually-hidden">{t.territory.profileCaption(stats)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.measure}</th>
              <th scope="col">{stats.name}</th>
              <th scope="col">{t.territory.france}</th>
              <th scope="col">{t.territory.gap}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, here, there, format]) => (
              <tr>
                <th scope="row">{label}</th>
                <td>{here === null ? t.notAvailable : format(here)}</td>
                <td>{there === null ? t.notAvailable : format(there)}</td>
                <td>{gap(here, there)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  )
}

export function Strengths({
  stats,
  national,
}: {
  stats: TerritoryStats
  national: TerritoryStats
}) {
  const { territories: t, lang } = useT()
  const f = useStatsFormat()
  const { strong, weak } = themeProfile(stats, national, lang)
  const line = (l: ProfileLine) =>
    t.territory.profileLine(l.label, f.share(l.territory), f.share(l.national))
  const list = (lines: ProfileLine[], none: string) =>
    lines.length ? (
      <ul>
        {lines.map((l) => (
          <li>{line(l)}</li>
        ))}
      </ul>
    ) : (
      <p>{none}</p>
    )
  return (
    <section aria-labelledby="forces">
      <h2 id="forces">{t.territory.strengthsTitle}</h2>
      {stats.experiments === 0 ? (
        <p>{t.territory.noProfile}</p>
      ) : (
        <>
          <h3>{t.territory.strongTitle}</h3>
          {list(strong, t.territory.noStrong)}
          <h3>{t.territory.weakTitle}</h3>
          {list(weak, t.territory.noWeak)}
          <p class="help">{t.territory.profileRule}</p>
        </>
      )}
    </section>
  )
}

export function Departments({ departments }: { departments: readonly TerritoryStats[] }) {
  const { territories: t } = useT()
  const f = useStatsFormat()
  return (
    <section aria-labelledby="departements">
      <h2 id="departements">{t.territory.departmentsTitle}</h2>
      <TableRegion label={t.territory.departmentsCaption}>
        <table>
          <caption class="visually-hidden">{t.territory.departmentsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.territory.department}</th>
              <th scope="col">{t.territory.experimentsColumn}</th>
              <th scope="col">{t.rows.per100k}</th>
              <th scope="col">{t.rows.per100Collectivites}</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr>
                <th scope="row">
                  <a href={`/territoires/${d.code}`}>{d.name}</a>
                </th>
                <td>{f.count(d.experiments)}</td>
                <td>{d.per100kInhabitants === null ? '—' : f.rate(d.per100kInhabitants)}</td>
                <td>{d.per100Collectivites === null ? '—' : f.rate(d.per100Collectivites)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  )
}
