/**
 * Measures down the side, places across the top: the comparison's key figures and the
 * spread figures share this one layout (a caption, a scrolling region at 320 px).
 */
import type { Child } from 'hono/jsx'
import { useT } from '../../i18n'
import { TableRegion } from '../TableRegion'

/** One measure: its row header and how to show it for a column. */
export type MeasureRow<C> = readonly [label: string, value: (column: C) => string]

export function MeasureTable<C>(props: {
  caption: string
  columns: readonly C[]
  header: (column: C) => Child
  rows: readonly MeasureRow<C>[]
}) {
  const { territories: t } = useT()
  return (
    <TableRegion label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.measure}</th>
            {props.columns.map((c) => (
              <th scope="col">{props.header(c)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map(([label, value]) => (
            <tr>
              <th scope="row">{label}</th>
              {props.columns.map((c) => (
                <td>{value(c)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}
