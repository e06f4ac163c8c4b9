/**
 * A table that may be wider than a phone screen scrolls inside its own box instead of
 * widening the page (WCAG 1.4.10, reflow). The box is a labelled region a keyboard user
 * can focus to scroll it (axe's scrollable-region-focusable).
 */
import type { Child } from 'hono/jsx'

export function TableRegion({ label, children }: { label: string; children: Child }) {
  return (
    <div class="table-scroll" role="region" aria-label={label} tabindex={0}>
      {children}
    </div>
  )
}
