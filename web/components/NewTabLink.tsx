/**
 * A link that opens in a new tab and says so to screen-reader users. Used by the
 * embeddable view, whose links must leave the frame it is shown in, and by its preview.
 */
import type { Child } from 'hono/jsx'
import { useT } from '../i18n'

export function NewTabLink({
  href,
  rel = 'noopener',
  children,
}: {
  href: string
  /** Always includes `noopener`: the new tab gets no handle on the page that opened it. */
  rel?: 'noopener' | 'license noopener'
  children: Child
}) {
  const t = useT()
  return (
    <a href={href} target="_blank" rel={rel}>
      {children}
      <span class="visually-hidden">{t.embed.newTab}</span>
    </a>
  )
}
