/**
 * « La parole recueillie »: `/parole-recueillie` (everything),
 * `/parole-recueillie/thematiques/{theme}` and `/parole-recueillie/territoires/{code}`
 * (a commune, EPCI, département or région: events inside it count). `q` narrows through
 * the search engines; `page` pages. Works without JavaScript.
 */
import { Hono, type Context } from 'hono'
import type { AppEnv } from '../../env'
import { isTopTheme, type ParoleScope } from '../../domain/parole'
import { territoryCodePattern } from '../../domain/territory'
import { labelOf, THEMES } from '../../domain/vocabularies'
import { getTerritory } from '../../db/territories'
import { paroleOf } from '../../services/parole'
import { Layout } from '../../../web/components/Layout'
import { ParolePage } from '../../../web/components/ParolePage'
import { paroleExportHref } from '../../../web/parole-links'
import { notFoundPage } from './not-found'
import { messagesFor, renderPage } from './render'

const TERRITORY = territoryCodePattern()
/** Beyond this the engines stop counting (maxTotalHits 1000, 10 a page). */
const MAX_PAGE = 100

async function show(
  c: Context<AppEnv>,
  scope: ParoleScope,
  scopeName: string | null,
  path: string
) {
  const t = messagesFor(c)
  const params = new URL(c.req.url).searchParams
  const q = (params.get('q') ?? '').trim().slice(0, 200)
  const asked = Number.parseInt(params.get('page') ?? '1', 10)
  const page = Number.isInteger(asked) ? Math.min(Math.max(asked, 1), MAX_PAGE) : 1
  const result = await paroleOf(c.env, c.var.db, { scope, q, page })
  const filters = {
    ...(scope.kind === 'theme' ? { theme: scope.code } : {}),
    ...(scope.kind === 'territory' ? { territory: scope.code } : {}),
    ...(q ? { q } : {}),
  }
  return renderPage(
    c,
    t,
    <Layout
      title={scopeName ? t.parole.titleOf(scopeName) : t.parole.title}
      description={scopeName ? t.parole.descriptionOf(scopeName) : t.parole.description}
      path={path}
      returnTo={c.req.path + new URL(c.req.url).search}
    >
      <ParolePage
        scope={scope}
        scopeName={scopeName}
        path={path}
        q={q}
        events={result.events}
        total={result.total}
        page={result.page}
        pages={result.pages}
        degraded={result.engine === 'embedded'}
        exports={{ csv: paroleExportHref('csv', filters), json: paroleExportHref('json', filters) }}
      />
    </Layout>,
    { headers: { 'cache-control': 'public, max-age=60' } }
  )
}

export const parolePages = new Hono<AppEnv>()
  .get('/parole-recueillie', (c) => show(c, { kind: 'all' }, null, '/parole-recueillie'))
  .get('/parole-recueillie/thematiques/:theme', (c) => {
    const theme = c.req.param('theme')
    if (!isTopTheme(theme)) return notFoundPage(c)
    const t = messagesFor(c)
    return show(
      c,
      { kind: 'theme', code: theme },
      labelOf(THEMES, theme, t.lang),
      `/parole-recueillie/thematiques/${theme}`
    )
  })
  .get('/parole-recueillie/territoires/:code', async (c) => {
    const code = c.req.param('code')
    const territory = TERRITORY.test(code) ? await getTerritory(c.var.db, code) : null
    if (!territory) return notFoundPage(c)
    return show(
      c,
      { kind: 'territory', code: territory.code, name: territory.name },
      territory.name,
      `/parole-recueillie/territoires/${territory.code}`
    )
  })
