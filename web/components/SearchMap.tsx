/**
 * The search page's map: a choropleth of the matching experiments by région or by
 * département (`carte=dep` in the URL picks the level, as on the comparison page; no
 * JavaScript needed), with pins that follow the same query: one per record when they are few,
 * else one per département with its count. Areas and grouped pins link to the query
 * filtered on them, a record's pin to its page.
 */
import type { SearchQuery, SearchResult } from '../../worker/domain/search'
import { useT, type Messages } from '../i18n'
import { searchPins } from '../map/pins'
import { mapShapes } from '../map/shapes'
import { searchHref, withFilter } from '../search-query'
import { FranceMap, type MapLevel, type MapPin } from './FranceMap'

/** The URL parameter and value that ask for the département map. */
export const MAP_LEVEL_PARAM = 'carte'
const DEPARTMENT_LEVEL = 'dep'

export function mapLevelOf(params: URLSearchParams): MapLevel {
  return params.get(MAP_LEVEL_PARAM) === DEPARTMENT_LEVEL ? 'dep' : 'reg'
}

/** A search URL that keeps the map's level (the région map is the default). */
export function withMapLevel(href: string, level: MapLevel): string {
  if (level === 'reg') return href
  const [path, hash] = href.split('#')
  const joined = `${path}${path!.includes('?') ? '&' : '?'}${MAP_LEVEL_PARAM}=${DEPARTMENT_LEVEL}`
  return hash === undefined ? joined : `${joined}#${hash}`
}

/** Keeps the map's level when the search form is sent. */
export function MapLevelField({ level }: { level: MapLevel }) {
  return level === 'dep' ? (
    <input type="hidden" name={MAP_LEVEL_PARAM} value={DEPARTMENT_LEVEL} />
  ) : null
}

export function SearchMap({
  query,
  result,
  names,
  level,
}: {
  query: SearchQuery
  result: SearchResult
  names: ReadonlyMap<string, string>
  level: MapLevel
}) {
  const t = useT()
  const h = t.home
  const facet = level === 'reg' ? 'region' : 'department'
  const values: Record<string, number> = {}
  for (const area of mapShapes(level)) values[area.code] = result.facets[facet][area.code] ?? 0
  const areaNames: Record<string, string> = {}
  for (const [code, name] of names)
    if (code.startsWith(`${level}:`)) areaNames[code.slice(4)] = name
  const filtered = (f: 'region' | 'department', code: string) =>
    withMapLevel(`${searchHref(withFilter(query, f, [code]))}#resultats`, level)
  const { pins, title: pinsTitle } = resultPins(t, query, result, names, {
    record: (slug) => `/experiences/${encodeURIComponent(slug)}`,
    department: (code) => filtered('department', code),
  })

  return (
    <section class="map-section" aria-labelledby="carte-titre">
      <h2 id="carte-titre" class="map-heading">
        {h.mapTitle}
      </h2>
      <nav class="map-levels" aria-label={h.mapLevelsLabel}>
        {(['reg', 'dep'] as const).map((l) => (
          <a
            href={withMapLevel(`${searchHref({ ...query, page: 1 })}#carte-titre`, l)}
            aria-current={l === level ? 'true' : undefined}
          >
            {h.mapLevels[l]}
          </a>
        ))}
      </nav>
      <p class="help">{h.mapHelp(level)}</p>
      <FranceMap
        id={level === 'reg' ? 'carte-regions' : 'carte-departements'}
        level={level}
        values={values}
        names={areaNames}
        selected={query.filters[facet] ?? []}
        hrefFor={(code) => filtered(facet, code)}
        caption={`${h.mapCaption(level)} — ${h.results(result.total)}${query.q ? ` ${h.resultsFor(query.q)}` : ''}`}
        legendTitle={h.mapLegend}
        pins={pins}
        pinsTitle={pinsTitle}
      />
    </section>
  )
}

/**
 * The pins of a result: one per record when the whole result is on the page, else one per
 * département with its count. With `links`, each pin is a link (the search page); without,
 * pins only show (the embeddable view, whose links must leave its frame).
 */
export function resultPins(
  t: Messages,
  query: SearchQuery,
  result: SearchResult,
  names: ReadonlyMap<string, string>,
  links?: { record: (slug: string) => string; department: (code: string) => string }
): { pins: MapPin[]; title: string } {
  const departmentName = (code: string) =>
    names.get(`dep:${code}`) ?? mapShapes('dep').find((a) => a.code === code)?.name ?? code
  const found = searchPins(
    result.hits,
    result.total,
    result.facets.department,
    query.filters.department
  )
  if (found.kind === 'records') {
    return {
      title: t.home.pinsRecords,
      pins: found.pins.map(({ hit, x, y }) => ({
        x,
        y,
        count: 1,
        label: hit.title,
        place: hit.title,
        href: links?.record(hit.slug),
      })),
    }
  }
  return {
    title: t.home.pinsDepartments,
    pins: found.pins.map(({ code, count, x, y }) => ({
      x,
      y,
      count,
      label: t.home.pinLabel(departmentName(code), count),
      place: departmentName(code),
      href: links?.department(code),
    })),
  }
}
