/**
 * Accessible choropleth maps of France by région or by département, server-rendered SVG,
 * with optional pins (grouped counts or single records) drawn over the shapes.
 *
 * Shapes: IGN Admin Express COG 2018 through france-geojson (Licence Ouverte), projected in
 * Lambert-93 with the overseas régions in insets and simplified once by `npm run maps`
 * (web/map/); the source is credited under every map. The outlines are not in the page:
 * each area `<use>`s them from one cached file per level (web/map/sprite.ts).
 *
 * Accessibility: each area and each pin is a link (when it has one) whose accessible name
 * holds the place, the measure and its value; the legend is text; and visually hidden data
 * tables carry the same information for screen readers and for people who cannot tell the
 * shades apart. Shading uses `fill` attributes, never `style=`, because the CSP forbids
 * inline styles. No script: everything works as plain links.
 */
import { ckmeans } from 'simple-statistics'
import { useT } from '../i18n'
import { LOCALE } from '../i18n/lang'
import { MAP_LAYOUT } from '../map/projection'
import { mapShapes, type ShapeLevel } from '../map/shapes'
import { mapAreaHref } from '../map/sprite'

export type MapLevel = ShapeLevel

export interface MapArea {
  /** INSEE code: `53` for a région, `2A` or `974` for a département. */
  code: string
  name: string
}

/** Every area of a level, mainland first, then the overseas insets. */
export function mapAreas(level: MapLevel): MapArea[] {
  return mapShapes(level).map(({ code, name }) => ({ code, name }))
}

/**
 * Counts of records for every area of a level: an area the counts leave out has none (0),
 * which the map shades as zero rather than « no data » — a count is never unknown.
 */
export function countsOnEveryArea(
  level: MapLevel,
  counts: Readonly<Record<string, number>>
): Record<string, number> {
  return Object.fromEntries(mapShapes(level).map(({ code }) => [code, counts[code] ?? 0]))
}

/** A pin over the map: one record, or a count of records around one place. */
export interface MapPin {
  /** Position in the map's SVG units (see web/map/projection.ts). */
  x: number
  y: number
  /** Records it stands for; above 1 the pin shows the number. */
  count: number
  /** What the pin stands for, read aloud and listed in the pins' table (« Finistère : 4 expériences »). */
  label: string
  /** The place or record it names, for the pins' table. */
  place: string
  href?: string
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
  /** Display names by INSEE code, overriding the map data's (e.g. from the reference). */
  names?: Readonly<Record<string, string>>
  /** Codes to outline as selected (e.g. the territories being compared). */
  selected?: readonly string[]
  /** Pins drawn over the shapes, with their own data table. */
  pins?: readonly MapPin[]
  /** What the pins stand for: the legend line and the caption of their table. */
  pinsTitle?: string
  /** Prefix for element ids, when several maps share a page. */
  id?: string
  steps?: number
}

const STROKE = { reg: 0.8, dep: 0.5 } as const
const SELECTED_STROKE = 3.5
/** Dark red: 3:1 against every shade of the palette and against white. */
const PIN_FILL = '#a50f15'

/**
 * Radius (SVG units) of a pin: its area grows with the count (proportional symbols), so 16
 * records cover 16 times the area of one; capped so one département cannot hide its region.
 */
const pinRadius = (count: number) => Math.min(36, 9 * Math.sqrt(Math.max(1, count)))
/** Counts are written inside pins at least this wide; smaller ones say it in their name and the table. */
const PIN_TEXT_MIN_RADIUS = 18

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
  const order = [...areas].sort(
    (a, b) => Number(selected.has(a.code)) - Number(selected.has(b.code))
  )
  // Big pins first, so a small one next to a big one stays visible and clickable.
  const pins = [...(props.pins ?? [])].sort((a, b) => b.count - a.count)

  const shape = (a: MapArea) => {
    const cls = classOf(classes, valueOf(a.code))
    const isSelected = selected.has(a.code)
    // A selected area keeps its shade (its value) and gets a thick black outline, drawn
    // after its neighbours (see `order`) so no neighbour's border covers it.
    const body = (
      <use
        href={mapAreaHref(level, a.code)}
        fill={cls?.fill ?? NO_DATA_FILL}
        stroke={isSelected ? '#000000' : '#5a5a5a'}
        stroke-width={isSelected ? SELECTED_STROKE : STROKE[level]}
      />
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

  const pin = (p: MapPin) => {
    const r = pinRadius(p.count)
    const body = (
      <>
        <circle cx={p.x} cy={p.y} r={r} fill={PIN_FILL} stroke="#ffffff" stroke-width={2} />
        {p.count > 1 && r >= PIN_TEXT_MIN_RADIUS && (
          <text
            x={p.x}
            y={p.y}
            dy="0.35em"
            text-anchor="middle"
            font-size={Math.round(r)}
            font-weight="bold"
            fill="#ffffff"
          >
            {p.count}
          </text>
        )}
      </>
    )
    return p.href ? (
      <a href={p.href} aria-label={p.label} class="map-pin">
        <title>{p.label}</title>
        {body}
      </a>
    ) : (
      <g class="map-pin">
        <title>{p.label}</title>
        {body}
      </g>
    )
  }

  return (
    <figure class="france-map" id={id} aria-labelledby={`${id}-titre`}>
      <figcaption id={`${id}-titre`}>{props.caption}</figcaption>
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${MAP_LAYOUT.width} ${MAP_LAYOUT.height}`}
        class="france-map-svg"
        role="group"
        aria-labelledby={`${id}-titre`}
        focusable="false"
      >
        <g aria-hidden="true">
          {MAP_LAYOUT.insets.map(({ box: [x, y, w, h], name }) => (
            <>
              <rect x={x} y={y} width={w} height={h} fill="none" stroke="#8a8a8a" />
              <text x={x + 6} y={y + 21} font-size={21} fill="#1e1e1e">
                {name}
              </text>
            </>
          ))}
        </g>
        {order.map(shape)}
        {pins.length > 0 && <g class="map-pins">{pins.map(pin)}</g>}
      </svg>
      <div class="map-legend">
        <p class="map-legend-title" id={`${id}-legende`}>
          {props.legendTitle}
        </p>
        <ul aria-labelledby={`${id}-legende`}>
          {classes.map((c) => (
            <li>
              <LegendSwatch fill={c.fill} /> {c.label}
            </li>
          ))}
          {hasMissing && (
            <li>
              <LegendSwatch fill={NO_DATA_FILL} /> {t.map.noData}
            </li>
          )}
          {pins.length > 0 && props.pinsTitle && (
            <li>
              <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
                <circle cx="9" cy="9" r="7" fill={PIN_FILL} stroke="#5a5a5a" />
              </svg>{' '}
              {props.pinsTitle}
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
        {pins.length > 0 && (
          <table>
            <caption>{t.map.pinsTable(props.pinsTitle ?? props.caption)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.map.pinPlace}</th>
                <th scope="col">{t.map.pinCount}</th>
              </tr>
            </thead>
            <tbody>
              {[...pins]
                .sort((a, b) => a.place.localeCompare(b.place, 'fr'))
                .map((p) => (
                  <tr>
                    <th scope="row">{p.place}</th>
                    <td>{p.count}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </div>
      <p class="map-credit">{t.map.credit}</p>
    </figure>
  )
}

function LegendSwatch({ fill }: { fill: string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      <rect x="0.5" y="0.5" width="17" height="17" fill={fill} stroke="#5a5a5a" />
    </svg>
  )
}
