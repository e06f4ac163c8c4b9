/**
 * The moderation desk's shell: the site layout (never indexed) with the desk's own
 * navigation, who is signed in, and the sign-out button (a POST form with its CSRF token:
 * signing out changes state, so it is never a link).
 */
import type { Child } from 'hono/jsx'
import { Layout, NavLinks } from '../Layout'

export interface DeskUser {
  moderator: string
  csrfToken: string
}

export interface DeskLayoutProps {
  title: string
  path: string
  /** Absent on the sign-in page. */
  user?: DeskUser
  children: Child
}

const NAV = [
  { href: '/moderation', label: 'File de modération' },
  { href: '/moderation/journal', label: 'Journal' },
]

export function DeskLayout({ title, path, user, children }: DeskLayoutProps) {
  return (
    <Layout
      title={`${title} — Modération`}
      path={path}
      noindex
      head={<link rel="stylesheet" href="/static/moderation.css" />}
    >
      {user && (
        <nav class="desk-nav" aria-label="Bureau de modération">
          <NavLinks items={NAV} path={path} />
          <form method="post" action="/moderation/deconnexion" class="desk-signout">
            <input type="hidden" name="_csrf" value={user.csrfToken} />
            <span>
              Connecté·e : <strong>{user.moderator}</strong>
            </span>{' '}
            <button type="submit" class="button small">
              Se déconnecter
            </button>
          </form>
        </nav>
      )}
      {children}
    </Layout>
  )
}

/** A confirmation (role=status) or an error (role=alert) at the top of a desk page. */
export function DeskNotice({ kind, text }: { kind: 'done' | 'error'; text: string }) {
  return kind === 'done' ? (
    <p class="notice desk-done" role="status">
      {text}
    </p>
  ) : (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>Action impossible</h2>
      <p>{text}</p>
    </div>
  )
}
