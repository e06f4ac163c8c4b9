/**
 * `/comparer`: pick 2 to 4 régions or départements (by code or name) and read the same
 * measures side by side, with the national reference, as charts with their data tables;
 * plus a choropleth map for one measure. A plain GET form: everything works without
 * JavaScript; /static/compare.js only adds name suggestions to the territory fields.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { type StatsFilters, type TerritoryStats } from '../../db/stats'
import { cachedTerritoryStats } from '../../services/stats'
import { findTerritories, searchTerritories } from '../../db/territories'
import { THEMES } from '../../domain/vocabularies'
import { BarChart } from '../../../web/components/charts/BarChart'
import {
  formatCount,
  formatEur,
  formatRate,
  formatShare,
  MAP_MEASURES,
  measureValue,
  type MapMeasure,
} from '../../../web/components/charts/measures'
import { FranceMap } from '../../../web/components/FranceMap'
import { Layout } from '../../../web/components/Layout'
import { messagesFor, renderPage } from './render'

const SLOTS = 4
const CODE_IN_TEXT = /\b(reg|dep):(\d{2,3}|2A|2B)\b/i

export interface PageFilters {
  theme?: string
  yearFrom?: number
  yearTo?: number
}

/** Filters from the page's query string; unknown values are reported, not thrown. */
export function parsePageFilters(params: URLSearchParams, errors: FormError[]): PageFilters {
  const filters: PageFilters = {}
  const theme = params.get('theme')
  if (theme && THEMES.some((t) => t.code === theme)) filters.theme = theme
  for (const [name, key, label] of [
    ['debut', 'yearFrom', 'Année de début'],
    ['fin', 'yearTo', 'Année de fin'],
  ] as const) {
    const raw = params.get(name)?.trim()
    if (!raw) continue
    const year = Number(raw)
    if (Number.isInteger(year) && year >= 1900 && year <= 2100) filters[key] = year
    else errors.push({ field: name, message: `${label} : saisissez une année sur 4 chiffres.` })
  }
  if (filters.yearFrom && filters.yearTo && filters.yearFrom > filters.yearTo)
    errors.push({ field: 'debut', message: 'L’année de début est postérieure à l’année de fin.' })
  return filters
}

export function statsFilters(f: PageFilters): StatsFilters {
  return { theme: f.theme ? [f.theme] : undefined, yearFrom: f.yearFrom, yearTo: f.yearTo }
}

/** The same filters as API query parameters, for the CSV links. */
export function apiFilterQuery(f: PageFilters): string {
  const q = new URLSearchParams()
  if (f.theme) q.set('theme', f.theme)
  if (f.yearFrom) q.set('yearFrom', String(f.yearFrom))
  if (f.yearTo) q.set('yearTo', String(f.yearTo))
  return q.toString()
}

export interface FormError {
  field: string
  message: string
}

interface Resolved {
  code: string
  name: string
}

/** A territory from what someone typed: a code anywhere in the text wins, else a name. */
async function resolveTerritory(db: AppEnv['Variables']['db'], text: string) {
  const code = CODE_IN_TEXT.exec(text)
  if (code) {
    const wanted = `${code[1]!.toLowerCase()}:${code[2]!.toUpperCase()}`
    const found = (await findTerritories(db, [wanted])).get(wanted)
    return found ? { code: found.code, name: found.name } : null
  }
  const [best] = await searchTerritories(db, text, ['reg', 'dep'], 1)
  return best ? { code: best.code, name: best.name } : null
}

export const comparePage = new Hono<AppEnv>().get('/comparer', async (c) => {
  const params = new URL(c.req.url).searchParams
  const inputs = params
    .getAll('t')
    .slice(0, SLOTS)
    .map((v) => v.trim().slice(0, 100))
  const errors: FormError[] = []
  const filters = parsePageFilters(params, errors)
  const measure = (MAP_MEASURES.find((m) => m.code === params.get('mesure')) ??
    MAP_MEASURES[0]) as (typeof MAP_MEASURES)[number]
  const level = params.get('carte') === 'dep' ? 'dep' : 'reg'

  const resolved: (Resolved | null)[] = []
  for (const [i, text] of inputs.entries()) {
    if (!text) {
      resolved.push(null)
      continue
    }
    const found = await resolveTerritory(c.var.db, text)
    if (!found)
      errors.push({
        field: `t${i + 1}`,
        message: `Territoire ${i + 1} : aucune région ni aucun département ne correspond à « ${text} ».`,
      })
    resolved.push(found)
  }
  const chosen = [
    ...new Map(resolved.filter((r): r is Resolved => r !== null).map((r) => [r.code, r])).values(),
  ]
  const asked = inputs.some(Boolean)
  if (asked && errors.length === 0 && chosen.length < 2)
    errors.push({ field: 't1', message: 'Choisissez au moins deux territoires différents.' })

  const compared =
    errors.length === 0 && chosen.length >= 2
      ? await cachedTerritoryStats(
          c.var.db,
          { codes: chosen.map((t) => t.code) },
          statsFilters(filters)
        )
      : null
  const map = await cachedTerritoryStats(c.var.db, { kind: level }, statsFilters(filters))

  const t = messagesFor(c)
  const title = compared
    ? `Comparer : ${compared.territories.map((x) => x.name).join(', ')}`
    : 'Comparer les territoires'
  return renderPage(
    c,
    t,
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
        </section>
      </div>
    </Layout>,
    { headers: { 'cache-control': 'public, max-age=300' } }
  )
})

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
  resolved: readonly (Resolved | null)[]
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
        {Array.from({ length: SLOTS }, (_, i) => {
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
