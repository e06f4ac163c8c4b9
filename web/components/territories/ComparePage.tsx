/**
 * The `/comparer` page: the comparison form, the side-by-side results with their data
 * tables, and the choropleth map. The route (worker/routes/pages/compare.tsx) resolves
 * the territories and computes the statistics; this only renders them.
 */
import type { TerritoryStats } from '../../../worker/domain/statistics'
import type { SpreadStats } from '../../../worker/domain/spread'
import { THEMES } from '../../../worker/domain/vocabularies'
import { MAP_MEASURES, measureValue, useStatsFormat, type MapMeasure } from '../charts/measures'
import { FranceMap } from '../FranceMap'
import { ErrorSummary } from '../ErrorSummary'
import { CompareResults } from './CompareResults'
import { nationalSpread, SpreadFigures } from './SpreadFigures'
import { Layout } from '../Layout'
import { useT } from '../../i18n'

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
  /** Take-ups of the compared territories and the most taken-up practices (theme filter). */
  spread: SpreadStats
  map: {
    territories: readonly TerritoryStats[]
    national: TerritoryStats
    nationalScope: TerritoryStats
    abroad: TerritoryStats
  }
}

export function ComparePage(props: ComparePageProps) {
  const { query: params, inputs, resolved, errors, filters, measure, level, compared, map } = props
  const { territories: t, lang, spread: spreadMessages } = useT()
  const spreadText = spreadMessages.stats
  const f = useStatsFormat()
  const title = compared
    ? t.compareTitleWith(compared.territories.map((x) => x.name))
    : t.compareTitle
  const measureLabel = t.measures[measure.code]
  const nationalValue = measureValue(map.national, measure.code)
  return (
    <Layout
      title={title}
      description={t.compareDescription}
      path="/comparer"
      returnTo={`/comparer${params.size ? `?${params}` : ''}`}
      scripts={['/static/compare.js']}
    >
      <div class="compare">
        <h1>{t.compareTitle}</h1>
        <p class="lead">{t.compareLead}</p>
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
          <CompareResults
            territories={compared.territories}
            national={compared.national}
            csvHref={`/api/stats/compare.csv?territories=${compared.territories
              .map((x) => x.code)
              .join(',')}${apiFilterQuery(filters) ? `&${apiFilterQuery(filters)}` : ''}`}
          />
        )}
        <SpreadFigures
          columns={
            compared
              ? [
                  ...compared.territories.flatMap((x) => {
                    const figures = props.spread.areas.find((a) => a.code === x.code)
                    return figures ? [{ label: x.name, figures }] : []
                  }),
                  nationalSpread(compared.national, props.spread.total, t.territory.france),
                ]
              : [nationalSpread(map.national, props.spread.total, t.territory.france)]
          }
          mostReplicated={props.spread.mostReplicated}
          mostReplicatedTitle={
            filters.theme
              ? spreadText.mostReplicatedTheme(
                  THEMES.find((x) => x.code === filters.theme)?.[lang] ?? filters.theme
                )
              : spreadText.mostReplicated
          }
          apiHref={`/api/stats/replications${filters.theme ? `?theme=${filters.theme}` : ''}`}
        />
        <section class="map-section" aria-labelledby="carte-titre">
          <h2 id="carte-titre">{t.mapTitle(measureLabel)}</h2>
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
            caption={t.mapCaption(
              measureLabel,
              level,
              THEMES.find((x) => x.code === filters.theme)?.[lang] ?? null,
              nationalValue === null ? null : f[measure.format](nationalValue)
            )}
            legendTitle={measureLabel}
            formatValue={f[measure.format]}
          />
          <p>
            <a
              href={`/api/stats/${level === 'reg' ? 'regions' : 'departments'}.csv${
                apiFilterQuery(filters) ? `?${apiFilterQuery(filters)}` : ''
              }`}
            >
              {t.downloadLevel(level)}
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

function CompareForm(props: {
  inputs: readonly string[]
  resolved: readonly (ResolvedTerritory | null)[]
  errors: readonly FormError[]
  filters: PageFilters
  measure: MapMeasure
  level: 'reg' | 'dep'
}) {
  const { territories: t, lang } = useT()
  const errorOf = (field: string) => props.errors.find((e) => e.field === field)
  return (
    <form method="get" action="/comparer" class="box compare-form">
      <fieldset>
        <legend>{t.form.territoriesLegend}</legend>
        <p class="help" id="t-aide">
          {t.form.territoriesHelp}
        </p>
        {Array.from({ length: COMPARE_SLOTS }, (_, i) => {
          const id = `t${i + 1}`
          const error = errorOf(id)
          const found = props.resolved[i]
          // Show what the server understood, so "53" visibly became Bretagne (reg:53).
          const value = found ? `${found.name} (${found.code})` : (props.inputs[i] ?? '')
          return (
            <div class={error ? 'field has-error' : 'field'}>
              <label for={id}>{t.form.territory(i + 1)}</label>
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
        <legend>{t.form.experimentsLegend}</legend>
        <div class="field">
          <label for="theme">{t.form.theme}</label>
          <select id="theme" name="theme">
            <option value="">{t.form.allThemes}</option>
            {THEMES.map((theme) => (
              <option value={theme.code} selected={props.filters.theme === theme.code}>
                {theme[lang]}
              </option>
            ))}
          </select>
        </div>
        <YearField
          name="debut"
          label={t.form.yearFrom}
          value={props.filters.yearFrom}
          invalid={props.errors.some((e) => e.field === 'debut')}
        />
        <YearField
          name="fin"
          label={t.form.yearTo}
          value={props.filters.yearTo}
          invalid={props.errors.some((e) => e.field === 'fin')}
        />
      </fieldset>
      <fieldset>
        <legend>{t.form.mapLegend}</legend>
        <div class="field">
          <label for="mesure">{t.form.measure}</label>
          <select id="mesure" name="mesure">
            {MAP_MEASURES.map((m) => (
              <option value={m.code} selected={props.measure === m.code}>
                {t.measures[m.code]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="carte">{t.form.level}</label>
          <select id="carte" name="carte">
            <option value="reg" selected={props.level === 'reg'}>
              {t.form.regions}
            </option>
            <option value="dep" selected={props.level === 'dep'}>
              {t.form.departments}
            </option>
          </select>
        </div>
      </fieldset>
      <button type="submit" class="button">
        {t.form.submit}
      </button>
    </form>
  )
}
function YearField(props: {
  name: 'debut' | 'fin'
  label: string
  value: number | undefined
  invalid: boolean
}) {
  return (
    <div class={props.invalid ? 'field has-error' : 'field'}>
      <label for={props.name}>{props.label}</label>
      <input
        type="text"
        inputmode="numeric"
        id={props.name}
        name={props.name}
        value={props.value ? String(props.value) : ''}
        maxlength={4}
        autocomplete="off"
      />
    </div>
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
  const t = useT().territories
  return (
    <ul class="scope-lines">
      <li>{t.scopeNational(props.national.experiments, props.nationalScope.experiments)}</li>
      <li>{t.scopeAbroad(props.abroad.experiments)}</li>
    </ul>
  )
}
