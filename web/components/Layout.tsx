/**
 * The page shell shared by every server-rendered page: skip link, header with the
 * main navigation, main landmark and footer. Styles and scripts come from the Worker's
 * own static assets (web/public/static); nothing is loaded from another host.
 */
import type { Child } from 'hono/jsx'

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
  children: Child
}

const NAV = [
  { href: '/', label: 'Rechercher' },
  { href: '/proposer', label: 'Proposer une expérience' },
  { href: '/comparer', label: 'Comparer les territoires' },
] as const

export function Layout({ title, description, path = '/', head, scripts = [], children }: LayoutProps) {
  return (
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} — Observatoire des expérimentations numériques locales`}</title>
        {description && <meta name="description" content={description} />}
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        {head}
        {scripts.map((src) => (
          <script src={src} defer></script>
        ))}
      </head>
      <body>
        <a class="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header class="site-header" role="banner">
          <p class="site-name">
            <a href="/">Observatoire des expérimentations numériques locales</a>
          </p>
          <nav aria-label="Navigation principale">
            <ul>
              {NAV.map((item) => (
                <li>
                  <a href={item.href} aria-current={item.href === path ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="contenu" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer" role="contentinfo">
          <ul>
            <li>
              <a href="/api/docs">API</a>
            </li>
            <li>
              <a href="/donnees">Données ouvertes</a>
            </li>
            <li>
              <a href="/accessibilite">Accessibilité : partiellement conforme</a>
            </li>
          </ul>
          <p>Données publiées sous Licence Ouverte 2.0 (Etalab).</p>
        </footer>
      </body>
    </html>
  )
}
