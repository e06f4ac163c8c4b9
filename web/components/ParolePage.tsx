/**
 * « La parole recueillie » (`/parole-recueillie`, per theme and per territory): the
 * restitutions of published events, newest event first, each with its ideas, proposals
 * and disagreements, its date and its place; a search through the engines (a GET form,
 * no JavaScript needed), pages, and the exports of the ideas shown.
 */
import type { Event } from '../../worker/domain/event'
import { EVENT_KINDS } from '../../worker/domain/event-vocabularies'
import type { ParoleScope } from '../../worker/domain/parole'
import { labelOf, THEMES } from '../../worker/domain/vocabularies'
import { formatDate } from '../format'
import { useT } from '../i18n'

export interface ParolePageProps {
  scope: ParoleScope
  /** The scope as the title names it (a theme's label, a territory's name). */
  scopeName: string | null
  /** The page's own path, without query: the form, pages and exports keep it. */
  path: string
  q: string
  events: readonly Event[]
  total: number
  page: number
  pages: number
  /** The embedded engine answered (Meilisearch not answering). */
  degraded: boolean
  exports: { csv: string; json: string }
}

const withQuery = (path: string, q: string, page = 1) => {
  const params = new URLSearchParams()
  if (q) params.set('q', q)
  if (page > 1) params.set('page', String(page))
  const text = params.toString()
  return text ? `${path}?${text}` : path
}

function IdeaList({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((text) => (
          <li>{text}</li>
        ))}
      </ul>
    </>
  )
}

function Restitution({ event }: { event: Event }) {
  const t = useT()
  const p = t.parole
  const r = event.restitution
  if (!r) return null
  const place = event.derived.territories[0]?.name
  const where = event.attendance === 'online' ? p.online : (event.place?.venue ?? place)
  return (
    <article class="card parole">
      <h2>
        <a href={`/evenements/${event.slug}`}>{event.title}</a>
      </h2>
      <p class="meta">
        {labelOf(EVENT_KINDS, event.kind, t.lang)} ·{' '}
        <time datetime={event.startsAtUtc}>{formatDate(event.startsAt.slice(0, 10), t.lang)}</time>
        {where && ` · ${where}`}
        {place && where !== place && ` (${place})`}
        {r.participants !== undefined && ` · ${p.participants(r.participants)}`}
      </p>
      {r.summary && (
        <>
          <h3>{p.summary}</h3>
          <p>{r.summary}</p>
        </>
      )}
      <IdeaList title={p.ideas} items={r.ideas} />
      <IdeaList title={p.proposals} items={r.proposals} />
      <IdeaList title={p.disagreements} items={r.disagreements} />
    </article>
  )
}

export function ParolePage(props: ParolePageProps) {
  const t = useT()
  const p = t.parole
  const { scope, path, q } = props
  return (
    <>
      <h1>{props.scopeName ? p.titleOf(props.scopeName) : p.title}</h1>
      <p class="lead">{p.intro}</p>
      <nav aria-labelledby="parole-themes">
        <h2 id="parole-themes">{p.byTheme}</h2>
        <ul class="chips">
          <li>
            <a href="/parole-recueillie" aria-current={scope.kind === 'all' ? 'page' : undefined}>
              {p.allScopes}
            </a>
          </li>
          {THEMES.map((theme) => (
            <li>
              <a
                href={`/parole-recueillie/thematiques/${theme.code}`}
                aria-current={
                  scope.kind === 'theme' && scope.code === theme.code ? 'page' : undefined
                }
              >
                {theme[t.lang]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action={path} role="search" class="parole-search">
        <label for="parole-q">{p.search}</label>
        <p id="parole-q-help" class="help">
          {p.searchHelp}
        </p>
        <input id="parole-q" type="search" name="q" value={q} aria-describedby="parole-q-help" />
        <button type="submit">{p.submit}</button>
      </form>
      {props.degraded && <p class="degraded">{t.home.degraded}</p>}
      <p role="status">{p.count(props.total)}</p>
      {props.events.length === 0 ? (
        <>
          <p>{p.none}</p>
          <p>{p.noneHelp}</p>
        </>
      ) : (
        props.events.map((event) => <Restitution event={event} />)
      )}
      {props.pages > 1 && (
        <nav aria-label={p.pageOf(props.page, props.pages)} class="pagination">
          {props.page > 1 && (
            <a href={withQuery(path, q, props.page - 1)} rel="prev">
              {p.previous}
            </a>
          )}{' '}
          <span>{p.pageOf(props.page, props.pages)}</span>{' '}
          {props.page < props.pages && (
            <a href={withQuery(path, q, props.page + 1)} rel="next">
              {p.next}
            </a>
          )}
        </nav>
      )}
      <h2>{p.exports}</h2>
      <p>{p.exportsHelp}</p>
      <ul>
        <li>
          <a href={props.exports.csv}>CSV</a>
        </li>
        <li>
          <a href={props.exports.json}>JSON</a>
        </li>
      </ul>
      <p>
        <a href="/evenements">{p.agendaLink}</a>
      </p>
    </>
  )
}
