/**
 * « Intégrer sur votre site »: the iframe code of the embeddable view for the filters being
 * shown, as text to copy (a labelled, read-only text area: selectable and read out without
 * JavaScript), and a link to preview it. In a <details> disclosure on the search and
 * territory pages; open on `/donnees`.
 */
import { embedHref, type EmbedLink } from '../embed-query'
import { useT } from '../i18n'
import { NewTabLink } from './NewTabLink'

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' }
const attribute = (value: string) => value.replace(/[&"<>]/g, (ch) => ESCAPES[ch] ?? ch)

export interface EmbedCodeProps {
  /** The view's filters; the code always names the reader's language. */
  params: Omit<EmbedLink, 'lang'>
  /** The iframe's title (what it shows, for screen-reader users of the embedding site). */
  title: string
  /** Absolute base of the site: the code is pasted on another one. */
  base: string
}

/** The HTML to paste: an iframe of the view, full width, loaded lazily. */
export function iframeCode(src: string, title: string): string {
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="640" loading="lazy"></iframe>`
}

export function EmbedCode({ params, title, base }: EmbedCodeProps) {
  const t = useT()
  const href = embedHref({ ...params, lang: t.lang })
  return (
    <div class="embed-snippet">
      <p id="code-integration-aide" class="help">
        {t.embed.snippet.help}
      </p>
      <label for="code-integration">{t.embed.snippet.code}</label>
      <textarea id="code-integration" rows={4} readonly aria-describedby="code-integration-aide">
        {iframeCode(`${base}${href}`, title)}
      </textarea>
      <p>
        <NewTabLink href={href}>{t.embed.snippet.preview}</NewTabLink>
      </p>
    </div>
  )
}

export function EmbedDisclosure(props: EmbedCodeProps) {
  const t = useT()
  return (
    <details class="embed-disclosure">
      <summary>{t.embed.snippet.summary}</summary>
      <EmbedCode {...props} />
    </details>
  )
}
