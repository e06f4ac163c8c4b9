/**
 * Horizontal grouped bar chart, server-rendered SVG, with its data table.
 *
 * Every bar carries its series name and value as text, so the chart reads without
 * telling colours apart; the reference series (France entière) is drawn in grey. The
 * SVG is one image named by the chart title; the numbers themselves are in the table
 * that follows it (in a <details>, open to everyone, not only to screen readers).
 * Presentation uses SVG attributes only: the CSP forbids inline styles.
 */
import { useT } from '../../i18n'
import { TableRegion } from '../TableRegion'

export interface BarSeries {
  /** Short name shown next to each bar (e.g. the territory name). */
  label: string
  /** The reference line (national average): drawn in grey, last in each group. */
  reference?: boolean
}

export interface BarGroup {
  label: string
  /** One value per series, in the order of `series`; null when not applicable. */
  values: readonly (number | null)[]
}

export interface BarChartProps {
  id: string
  title: string
  /** One sentence on how to read the chart (what the bars measure). */
  description?: string
  series: readonly BarSeries[]
  groups: readonly BarGroup[]
  format: (value: number) => string
  /** Header of the first table column (what a group is: "Thématique", "Mesure"…). */
  groupHeader: string
  /** Scale maximum; defaults to the largest value. */
  max?: number
  /** One scale per group, for groups in different units (bars compare within a group). */
  scalePerGroup?: boolean
}

const WIDTH = 720
const LABEL_WIDTH = 190
const VALUE_WIDTH = 90
const BAR_HEIGHT = 16
const BAR_GAP = 4
const GROUP_TITLE = 22
const GROUP_GAP = 12
const BAR_FILL = '#1f5fa8' // 6.6:1 on white
const REFERENCE_FILL = '#6b6b6b' // 5.3:1 on white

const truncate = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text

export function BarChart(props: BarChartProps) {
  const t = useT().territories
  const values = props.groups.flatMap((g) => g.values).filter((v): v is number => v !== null)
  const globalMax = props.max ?? Math.max(0, ...values)
  const maxOf = (group: BarGroup) =>
    props.scalePerGroup
      ? Math.max(0, ...group.values.filter((v): v is number => v !== null))
      : globalMax
  const plotWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH
  const groupHeight =
    GROUP_TITLE + props.series.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + GROUP_GAP
  const height = props.groups.length * groupHeight
  const titleId = `${props.id}-titre`
  const descId = `${props.id}-desc`

  return (
    <figure class="chart" id={props.id}>
      <figcaption id={titleId}>{props.title}</figcaption>
      {props.description && (
        <p class="help" id={descId}>
          {props.description}
        </p>
      )}
      <svg
        xmlns="http://www.w3.org/2000/svg"
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={titleId}
        aria-describedby={props.description ? descId : undefined}
        focusable="false"
        font-size="13"
      >
        {props.groups.map((group, gi) => {
          const top = gi * groupHeight
          const max = maxOf(group)
          return (
            <g>
              <text x="0" y={top + 15} font-weight="bold" fill="#1e1e1e">
                {group.label}
              </text>
              {props.series.map((series, si) => {
                const y = top + GROUP_TITLE + si * (BAR_HEIGHT + BAR_GAP)
                const value = group.values[si] ?? null
                const width = value !== null && max > 0 ? (value / max) * plotWidth : 0
                return (
                  <g>
                    <text x={LABEL_WIDTH - 8} y={y + 12} text-anchor="end" fill="#1e1e1e">
                      {truncate(series.label, 26)}
                    </text>
                    <rect
                      x={LABEL_WIDTH}
                      y={y}
                      width={Math.max(width, value ? 1 : 0)}
                      height={BAR_HEIGHT}
                      fill={series.reference ? REFERENCE_FILL : BAR_FILL}
                    />
                    <text x={LABEL_WIDTH + width + 6} y={y + 12} fill="#1e1e1e">
                      {value === null ? t.notAvailableShort : props.format(value)}
                    </text>
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
      <details>
        <summary>{t.charts.dataOf(props.title)}</summary>
        <TableRegion label={props.title}>
          <table>
            <caption class="visually-hidden">{props.title}</caption>
            <thead>
              <tr>
                <th scope="col">{props.groupHeader}</th>
                {props.series.map((s) => (
                  <th scope="col">{s.label}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.groups.map((g) => (
                <tr>
                  <th scope="row">{g.label}</th>
                  {props.series.map((_, si) => {
                    const v = g.values[si] ?? null
                    return <td>{v === null ? t.notAvailable : props.format(v)}</td>
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      </details>
    </figure>
  )
}
