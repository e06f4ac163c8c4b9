/**
 * The page shell shared by every server-rendered page: skip link, header with the
 * main navigation, main landmark and footer. Styles and scripts come from the Worker's
 * own static assets (web/public/static); nothing is loaded from another host.
 */
import type { Child } from 'hono/jsx'
import { useT } from '../i18n'

export interface LayoutProps {
  title: string
  /** Short description for search engines and link previews. */
  description?: string
  /** Path of the current page, to mark the active navigation entry. */
  path?: string
  /** Extra elements for <head> (e.g. an Atom feed link). */
  head?: Child
  /** Client scripts to enhance the page (paths under /static/). */
  scripts?: string[]
  /** Where the language switch should bring the reader back (path and query). */
  returnTo?: string
  /** Ask search engines not to index the page (private links, confirmations). */
  noindex?: boolean
  children: Child
}

/** A navigation list whose link to the page being shown carries `aria-current="page"`. */
export function NavLinks({
  items,
  path,
}: {
  items: readonly { href: string; label: string }[]
  path: string | undefined
}) {
  return (
    <ul>
      {items.map((item) => (
        <li>
          <a href={item.href} aria-current={item.href === path ? 'page' : undefined}>
            {item.label}
          </a>
        </li>
      ))}
    </ul>
  )
}

export function Layout({
  title,
  description,
  path = '/',
  head,
  scripts = [],
  noindex = false,
  returnTo = path,
  children,
}: LayoutProps) {
  const t = useT()
  const nav = [
    { href: '/', label: t.nav.search },
    { href: '/proposer', label: t.nav.submit },
    { href: '/comparer', label: t.nav.compare },
    { href: '/acteurs', label: t.nav.actors },
    { href: '/evenements', label: t.nav.events },
  ]
  const other = t.footer.switchLangCode
  return (
    <html lang={t.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — ${t.siteName}`}</title>
        {description && <meta name="description" content={description} />}
        {noindex && <meta name="robots" content="noindex" />}
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {head}
        {scripts.map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          {t.skipLink}
        </a>
        <header class="site-header">
          <div class="wrap">
            <p class="site-name">
              <a href="/">{t.siteName}</a>
            </p>
            <nav aria-label={t.nav.label}>
              <NavLinks items={nav} path={path} />
            </nav>
          </div>
        </header>
        <main id="contenu" tabindex={-1} class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <ul>
              <li>
                <a href="/api/docs">{t.footer.api}</a>
              </li>
              <li>
                <a href="/donnees">{t.footer.data}</a>
              </li>
              <li>
                <a href="/accessibilite">{t.footer.accessibility}</a>
              </li>
              <li>
                <a
                  href={`/langue/${other}?retour=${encodeURIComponent(returnTo)}`}
                  lang={other}
                  hreflang={other}
                >
                  {t.footer.switchLang}
                </a>
              </li>
            </ul>
            <p>{t.footer.licence}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
