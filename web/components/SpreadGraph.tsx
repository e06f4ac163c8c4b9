/**
 * The spread of a practice as a small server-rendered SVG: one column per generation,
 * the practice on the left, each adopter a dot linked to the record it took from. It is
 * an image for sighted readers (role="img", titled and described); the same facts are in
 * the table that follows it, which is what assistive technology reads.
 *
 * Rendering budget: at most SPREAD_MAX_LINKS (40) adopters over SPREAD_MAX_GENERATIONS (3)
 * generations, so at most 41 dots, 40 lines and 41 labels (~130 elements); labels are cut
 * at 28 characters; the SVG is 640 units wide and 40 + 24 per row of the tallest column
 * high (≤ 1 024). No script, no font, no external resource.
 */
import type { Spread, SpreadLink } from '../../worker/domain/spread'
import { useT } from '../i18n'

export const GRAPH_WIDTH = 640
const ROW = 24
const TOP = 28
const LABEL_MAX = 28

interface Node {
  key: string
  generation: number
  row: number
  label: string
  parent: string | null
}

const cut = (s: string) => (s.length > LABEL_MAX ? `${s.slice(0, LABEL_MAX - 1)}…` : s)

/** Who a link names: its territories, else its record's title. */
export function adopterLabel(link: SpreadLink): string {
  return link.territories.map((t) => t.name).join(', ') || link.record?.title || '—'
}

/** Nodes in columns: the practice (generation 0), then each generation in link order. */
export function layoutSpread(spread: Spread): { nodes: Node[]; height: number; columns: number } {
  const nodes: Node[] = [
    { key: spread.source.id, generation: 0, row: 0, label: spread.source.title, parent: null },
  ]
  const rows = [1]
  spread.links.forEach((link, i) => {
    const row = rows[link.generation] ?? 0
    rows[link.generation] = row + 1
    nodes.push({
      key: link.record?.id ?? `link-${i}`,
      generation: link.generation,
      row,
      label: adopterLabel(link),
      parent: link.from,
    })
  })
  const tallest = Math.max(...rows.map((r) => r ?? 0), 1)
  return { nodes, height: TOP + 16 + tallest * ROW, columns: rows.length }
}

export function SpreadGraph({ spread }: { spread: Spread }) {
  const s = useT().spread
  const { nodes, height, columns } = layoutSpread(spread)
  const columnWidth = GRAPH_WIDTH / Math.max(columns, 2)
  const x = (n: Node) => 10 + n.generation * columnWidth
  const y = (n: Node) => TOP + 12 + n.row * ROW
  const byKey = new Map(nodes.map((n) => [n.key, n]))
  const generations = columns - 1
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`0 0 ${GRAPH_WIDTH} ${height}`}
      class="spread-graph"
      role="img"
      aria-labelledby="spread-graph-title spread-graph-desc"
    >
      <title id="spread-graph-title">{s.graphTitle}</title>
      <desc id="spread-graph-desc">{s.graphDesc(spread.links.length, generations)}</desc>
      {Array.from({ length: columns }, (_, g) => (
        <text x={10 + g * columnWidth} y={16} font-size={12} fill="#3a3a3a">
          {g === 0 ? '' : s.generation(g)}
        </text>
      ))}
      {nodes.map((n) => {
        const parent = n.parent ? byKey.get(n.parent) : undefined
        return parent ? (
          <line
            x1={x(parent)}
            y1={y(parent)}
            x2={x(n)}
            y2={y(n)}
            stroke="#6baed6"
            stroke-width={1.5}
          />
        ) : null
      })}
      {nodes.map((n) => (
        <g>
          <circle
            cx={x(n)}
            cy={y(n)}
            r={n.generation === 0 ? 7 : 5}
            fill={n.generation === 0 ? '#08519c' : '#3182bd'}
          />
          <text x={x(n) + 10} y={y(n) + 4} font-size={12} fill="#1e1e1e">
            {cut(n.label)}
          </text>
        </g>
      ))}
    </svg>
  )
}
