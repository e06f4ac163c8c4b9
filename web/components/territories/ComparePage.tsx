/**
 * The `/comparer` page: the comparison form, the side-by-side results with their data
 * tables, and the choropleth map. The route (worker/routes/pages/compare.tsx) resolves
 * the territories and computes the statistics; this only renders them.
 */
import type { TerritoryStats } from '../../../worker/domain/statistics'
import { THEMES } from '../../../worker/domain/vocabularies'
import { BarChart } from '../charts/BarChart'
import {
  formatCount,
  formatEur,
  formatRate,
  formatShare,
  MAP_MEASURES,
  measureValue,
  type MapMeasure,
} from '../charts/measures'
import { FranceMap } from '../FranceMap'
import { Layout } from '../Layout'

export const COMPARE_SLOTS = 4

export interface PageFilters {
  theme?: string
  yearFrom?: number
  yearTo?: number
}

export interface FormError {
  field: string
  message: string
}

export interface ResolvedTerritory {
  code: string
  name: string
}

/** The same filters as API query parameters, for the CSV links. */
export function apiFilterQuery(f: PageFilters): string {
  const q = new URLSearchParams()
  if (f.theme) q.set('theme', f.theme)
  if (f.yearFrom) q.set('yearFrom', String(f.yearFrom))
  if (f.yearTo) q.set('yearTo', String(f.yearTo))
  return q.toString()
}

export interface ComparePageProps {
  /** The query string as received, for the language switch's return address. */
  query: URLSearchParams
  inputs: readonly string[]
  resolved: readonly (ResolvedTerritory | null)[]
  errors: readonly FormError[]
  filters: PageFilters
  measure: (typeof MAP_MEASURES)[number]
  level: 'reg' | 'dep'
  compared: { territories: readonly TerritoryStats[]; national: TerritoryStats } | null
  map: {
    territories: readonly TerritoryStats[]
    national: TerritoryStats
    nationalScope: TerritoryStats
    abroad: TerritoryStats
  }
}

export function ComparePage(props: ComparePageProps) {
  const { query: params, inputs, resolved, errors, filters, measure, level, compared, map } = props
  const title = compared
    ? `Comparer : ${compared.territories.map((x) => x.name).join(', ')}`
    : 'Comparer les territoires'
  return (
    <Layout
      title={title}
      description="Comparer les expériences numériques des régions et départements, rapportées à la population et au nombre de collectivités."
      path="/comparer"
      returnTo={`/comparer${params.size ? `?${params}` : ''}`}
      scripts={['/static/compare.js']}
    >
      <div lang="fr" class="compare">
        <h1>Comparer les territoires</h1>
        <p class="lead">
          Les nombres bruts mesurent surtout qui a pris le temps de décrire ses expériences : ici,
          chaque territoire est aussi rapporté à sa population et au nombre de ses collectivités
          (communes et intercommunalités), et comparé à la moyenne nationale.
        </p>
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <CompareForm
          inputs={inputs}
          resolved={resolved}
          errors={errors}
          filters={filters}
          measure={measure.code}
          level={level}
        />
        {compared && (
          <Results
            territories={compared.territories}
            national={compared.national}
            csvHref={`/api/stats/compare.csv?territories=${compared.territories
              .map((x) => x.code)
              .join(',')}${apiFilterQuery(filters) ? `&${apiFilterQuery(filters)}` : ''}`}
          />
        )}
        <section class="map-section" aria-labelledby="carte-titre">
          <h2 id="carte-titre">Carte : {measure.label.toLowerCase()}</h2>
          <FranceMap
            level={level}
            id="carte"
            values={Object.fromEntries(
              map.territories.map((x) => [x.code.slice(4), measureValue(x, measure.code)])
            )}
            names={Object.fromEntries(map.territories.map((x) => [x.code.slice(4), x.name]))}
            hrefFor={(code) => `/territoires/${level}:${code}`}
            selected={(compared?.territories ?? [])
              .filter((x) => x.kind === level)
              .map((x) => x.code.slice(4))}
            caption={`${measure.label}, par ${level === 'reg' ? 'région' : 'département'}${
              filters.theme ? ` (${THEMES.find((x) => x.code === filters.theme)?.fr})` : ''
            }. France entière : ${
              measureValue(map.national, measure.code) === null
                ? 'non disponible'
                : measure.format(measureValue(map.national, measure.code)!)
            }.`}
            legendTitle={measure.label}
            formatValue={measure.format}
          />
          <p>
            <a
              href={`/api/stats/${level === 'reg' ? 'regions' : 'departments'}.csv${
                apiFilterQuery(filters) ? `?${apiFilterQuery(filters)}` : ''
              }`}
            >
              Télécharger les statistiques par {level === 'reg' ? 'région' : 'département'} (CSV,
              UTF-8)
            </a>
          </p>
          <ScopeLines
            national={map.national}
            nationalScope={map.nationalScope}
            abroad={map.abroad}
          />
        </section>
      </div>
    </Layout>
  )
}

export function ErrorSummary({ errors }: { errors: readonly FormError[] }) {
  return (
    <div class="error-summary" id="erreurs" role="alert" tabindex={-1}>
      <h2>Il y a {errors.length === 1 ? 'un problème' : `${errors.length} problèmes`}</h2>
      <ul>
        {errors.map((e) => (
          <li>
            <a href={`#${e.field}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

function CompareForm(props: {
  inputs: readonly string[]
  resolved: readonly (ResolvedTerritory | null)[]
  errors: readonly FormError[]
  filters: PageFilters
  measure: MapMeasure
  level: 'reg' | 'dep'
}) {
  const errorOf = (field: string) => props.errors.find((e) => e.field === field)
  return (
    <form method="get" action="/comparer" class="box compare-form">
      <fieldset>
        <legend>Territoires à comparer (2 à 4)</legend>
        <p class="help" id="t-aide">
          Nom ou code d’une région ou d’un département : « Bretagne », « reg:53 », « dep:35 ».
        </p>
        {Array.from({ length: COMPARE_SLOTS }, (_, i) => {
          const id = `t${i + 1}`
          const error = errorOf(id)
          const found = props.resolved[i]
          // Show what the server understood, so "53" visibly became Bretagne (reg:53).
          const value = found ? `${found.name} (${found.code})` : (props.inputs[i] ?? '')
          return (
            <div class={error ? 'field has-error' : 'field'}>
              <label for={id}>Territoire {i + 1}</label>
              {error && (
                <p class="field-error" id={`${id}-erreur`}>
                  {error.message}
                </p>
              )}
              <input
                type="text"
                id={id}
                name="t"
                value={value}
                list="territoires-suggestions"
                autocomplete="off"
                data-territory-input=""
                aria-describedby={error ? `t-aide ${id}-erreur` : 't-aide'}
                aria-invalid={error ? 'true' : undefined}
                maxlength={100}
              />
            </div>
          )
        })}
        <datalist id="territoires-suggestions"></datalist>
      </fieldset>
      <fieldset>
        <legend>Expériences prises en compte</legend>
        <div class="field">
          <label for="theme">Thématique</label>
          <select id="theme" name="theme">
            <option value="">Toutes les thématiques</option>
            {THEMES.map((t) => (
              <option value={t.code} selected={props.filters.theme === t.code}>
                {t.fr}
              </option>
            ))}
          </select>
        </div>
        <div class={props.errors.some((e) => e.field === 'debut') ? 'field has-error' : 'field'}>
          <label for="debut">Démarrées à partir de (année)</label>
          <input
            type="text"
            inputmode="numeric"
            id="debut"
            name="debut"
            value={props.filters.yearFrom ? String(props.filters.yearFrom) : ''}
            maxlength={4}
            autocomplete="off"
          />
        </div>
        <div class={props.errors.some((e) => e.field === 'fin') ? 'field has-error' : 'field'}>
          <label for="fin">Démarrées jusqu’en (année)</label>
          <input
            type="text"
            inputmode="numeric"
            id="fin"
            name="fin"
            value={props.filters.yearTo ? String(props.filters.yearTo) : ''}
            maxlength={4}
            autocomplete="off"
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Carte</legend>
        <div class="field">
          <label for="mesure">Mesure</label>
          <select id="mesure" name="mesure">
            {MAP_MEASURES.map((m) => (
              <option value={m.code} selected={props.measure === m.code}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="carte">Découpage</label>
          <select id="carte" name="carte">
            <option value="reg" selected={props.level === 'reg'}>
              Régions
            </option>
            <option value="dep" selected={props.level === 'dep'}>
              Départements
            </option>
          </select>
        </div>
      </fieldset>
      <button type="submit" class="button">
        Comparer
      </button>
    </form>
  )
}

function Results(props: {
  territories: readonly TerritoryStats[]
  national: TerritoryStats
  csvHref: string
}) {
  const all = [...props.territories, props.national]
  const series = all.map((t) => ({ label: t.name, reference: t.kind === 'fr' }))
  const cell = (v: number | null, f: (n: number) => string) =>
    v === null ? 'non disponible' : f(v)
  const rows: [string, (t: TerritoryStats) => string][] = [
    ['Expériences publiées', (t) => formatCount(t.experiments)],
    ['Pour 100 000 habitants', (t) => cell(t.per100kInhabitants, formatRate)],
    ['Pour 100 collectivités', (t) => cell(t.per100Collectivites, formatRate)],
    ['Population', (t) => formatCount(t.population)],
    ['Collectivités (communes + EPCI)', (t) => formatCount(t.collectivites)],
    [
      'Budget médian',
      (t) =>
        t.budget.medianEur === null
          ? 'non renseigné'
          : `${formatEur(t.budget.medianEur)} (${t.budget.known} fiches)`,
    ],
    [
      'Personnes touchées',
      (t) =>
        t.peopleReached.total === null
          ? 'non renseigné'
          : `${formatCount(t.peopleReached.total)} (${t.peopleReached.known} fiches)`,
    ],
  ]
  const shares = (pick: (t: TerritoryStats) => TerritoryStats['themes']) =>
    (pick(props.national) ?? []).map((b, i) => ({
      label: b.label,
      values: all.map((t) => pick(t)[i]?.share ?? null),
    }))
  return (
    <section aria-labelledby="resultats">
      <h2 id="resultats">Résultats</h2>
      <div class="table-scroll">
        <table>
          <caption>Chiffres clés, expériences publiées</caption>
          <thead>
            <tr>
              <th scope="col">Mesure</th>
              {all.map((t) => (
                <th scope="col">
                  {t.kind === 'fr' ? t.name : <a href={`/territoires/${t.code}`}>{t.name}</a>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr>
                <th scope="row">{label}</th>
                {all.map((t) => (
                  <td>{value(t)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <a href={props.csvHref}>Télécharger cette comparaison (CSV, UTF-8)</a>
      </p>
      <BarChart
        id="graphique-densite"
        title="Expériences rapportées à la population et aux collectivités"
        description="Plus la barre est longue, plus le territoire compte d’expériences publiées au regard de sa taille. Chaque mesure a sa propre échelle. En gris : la France entière."
        series={series}
        groups={[
          { label: 'Pour 100 000 habitants', values: all.map((t) => t.per100kInhabitants) },
          { label: 'Pour 100 collectivités', values: all.map((t) => t.per100Collectivites) },
        ]}
        format={formatRate}
        groupHeader="Mesure"
        scalePerGroup
      />
      <BarChart
        id="graphique-themes"
        title="Part des expériences par thématique"
        description="Une expérience peut porter jusqu’à trois thématiques : les parts d’un territoire peuvent dépasser 100 % au total."
        series={series}
        groups={shares((t) => t.themes)}
        format={formatShare}
        groupHeader="Thématique"
        max={1}
      />
      <BarChart
        id="graphique-etapes"
        title="Part des expériences par étape"
        series={series}
        groups={shares((t) => t.stages)}
        format={formatShare}
        groupHeader="Étape"
        max={1}
      />
      <BarChart
        id="graphique-preuve"
        title="Part des expériences par niveau de preuve"
        description="Du simple déclaratif (0) à l’évaluation comparative (4)."
        series={series}
        groups={shares((t) => t.evidenceLevels)}
        format={formatShare}
        groupHeader="Niveau de preuve"
        max={1}
      />
    </section>
  )
}

/**
 * Where national programmes and records abroad are counted: stated next to the map, since
 * neither colours any région or département.
 */
function ScopeLines(props: {
  national: TerritoryStats
  nationalScope: TerritoryStats
  abroad: TerritoryStats
}) {
  const n = (count: number) => (count === 1 ? '1 expérience' : `${count} expériences`)
  return (
    <ul class="scope-lines">
      <li>
        France entière : {n(props.national.experiments)}, dont {n(props.nationalScope.experiments)}{' '}
        de portée nationale, comptées dans aucune région ni aucun département.
      </li>
      <li>
        Hors de France : {n(props.abroad.experiments)}, comptées dans aucune statistique française.
      </li>
    </ul>
  )
}
