/**
 * `/comparer`: pick 2 to 4 régions or départements (by code or name) and read the same
 * measures side by side, with the national reference, as charts with their data tables;
 * plus a choropleth map for one measure. A plain GET form: everything works without
 * JavaScript; /static/compare.js only adds name suggestions to the territory fields.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import type { StatsFilters } from '../../db/stats'
import { cachedTerritoryStats } from '../../services/stats'
import { spreadStats } from '../../services/replication-stats'
import type { AreaLevel } from '../../db/replication-stats'
import { findTerritories, searchTerritories } from '../../db/territories'
import { THEMES } from '../../domain/vocabularies'
import { MAP_MEASURES } from '../../../web/components/charts/measures'
import {
  COMPARE_SLOTS,
  ComparePage,
  type FormError,
  type PageFilters,
  type ResolvedTerritory,
} from '../../../web/components/territories/ComparePage'
import type { Messages } from '../../../web/i18n'
import { messagesFor, renderPage } from './render'

const CODE_IN_TEXT = /\b(reg|dep):(\d{2,3}|2A|2B)\b/i

/** Filters from the page's query string; unknown values are reported, not thrown. */
function parsePageFilters(
  params: URLSearchParams,
  errors: FormError[],
  t: Messages['territories']['errors']
): PageFilters {
  const filters: PageFilters = {}
  const theme = params.get('theme')
  if (theme && THEMES.some((t) => t.code === theme)) filters.theme = theme
  for (const [name, key] of [
    ['debut', 'yearFrom'],
    ['fin', 'yearTo'],
  ] as const) {
    const raw = params.get(name)?.trim()
    if (!raw) continue
    const year = Number(raw)
    if (Number.isInteger(year) && year >= 1900 && year <= 2100) filters[key] = year
    else errors.push({ field: name, message: t.year(name) })
  }
  if (filters.yearFrom && filters.yearTo && filters.yearFrom > filters.yearTo)
    errors.push({ field: 'debut', message: t.yearOrder })
  return filters
}

function statsFilters(f: PageFilters): StatsFilters {
  return { theme: f.theme ? [f.theme] : undefined, yearFrom: f.yearFrom, yearTo: f.yearTo }
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

/**
 * The address without the fields left empty: a GET form sends all four territory slots and
 * every filter, filled or not, and the shared URL should say only what was chosen.
 */
function withoutEmptyParams(url: URL): string | null {
  const all = [...url.searchParams]
  const kept = all.filter(([, value]) => value.trim() !== '')
  if (kept.length === all.length) return null
  const query = new URLSearchParams(kept).toString()
  return query ? `${url.pathname}?${query}` : url.pathname
}

export const comparePage = new Hono<AppEnv>().get('/comparer', async (c) => {
  const url = new URL(c.req.url)
  const cleaned = withoutEmptyParams(url)
  if (cleaned !== null) return c.redirect(cleaned, 302)
  const params = url.searchParams
  const inputs = params
    .getAll('t')
    .slice(0, COMPARE_SLOTS)
    .map((v) => v.trim().slice(0, 100))
  const t = messagesFor(c)
  const errors: FormError[] = []
  const filters = parsePageFilters(params, errors, t.territories.errors)
  const measure = (MAP_MEASURES.find((m) => m.code === params.get('mesure')) ??
    MAP_MEASURES[0]) as (typeof MAP_MEASURES)[number]
  const level = params.get('carte') === 'dep' ? 'dep' : 'reg'

  const resolved: (ResolvedTerritory | null)[] = []
  for (const [i, text] of inputs.entries()) {
    if (!text) {
      resolved.push(null)
      continue
    }
    const found = await resolveTerritory(c.var.db, text)
    if (!found)
      errors.push({
        field: `t${i + 1}`,
        message: t.territories.errors.unknownTerritory(i + 1, text),
      })
    resolved.push(found)
  }
  const chosen = [
    ...new Map(
      resolved.filter((r): r is ResolvedTerritory => r !== null).map((r) => [r.code, r])
    ).values(),
  ]
  const asked = inputs.some(Boolean)
  if (asked && errors.length === 0 && chosen.length < 2)
    errors.push({ field: 't1', message: t.territories.errors.twoDifferent })

  const compared =
    errors.length === 0 && chosen.length >= 2
      ? await cachedTerritoryStats(
          c.var.db,
          { codes: chosen.map((t) => t.code) },
          statsFilters(filters)
        )
      : null
  const map = await cachedTerritoryStats(c.var.db, { kind: level }, statsFilters(filters))
  const spread = await spreadStats(c.var.db, {
    levels: [...new Set(chosen.map((x): AreaLevel => (x.code.startsWith('dep:') ? 'dep' : 'reg')))],
    theme: filters.theme,
    limit: 10,
  })

  return renderPage(
    c,
    t,
    <ComparePage
      query={params}
      inputs={inputs}
      resolved={resolved}
      errors={errors}
      filters={filters}
      measure={measure}
      level={level}
      compared={compared}
      spread={spread}
      map={map}
    />,
    { headers: { 'cache-control': 'public, max-age=300' } }
  )
})
