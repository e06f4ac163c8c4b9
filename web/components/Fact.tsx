import type { Child } from 'hono/jsx'

/** One term and its description in a `<dl class="facts">`. */
export function Fact({ label, children }: { label: string; children: Child }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
