/**
 * The network's pages built on the actors:
 * - `/reseau/qui-peut-aider`: the need stated in a GET form (no JavaScript, no account),
 *   the place resolved from what was typed, the matches from the search engines;
 * - `/territoires/{code}/contributeurs`: the actors of a territory and what they brought.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../env'
import { MatchQuery } from '../../domain/matching'
import { SkillQuery } from '../../domain/skills'
import { TOP_THEME_CODES } from '../../domain/vocabularies'
import { contributorsOf } from '../../db/experiment-actors'
import { getTerritory } from '../../db/territories'
import { territoryCodePattern } from '../../domain/territory'
import { findHelpers } from '../../services/matching'
import { resolveTerritoryNames } from '../../services/territory-names'
import { Layout } from '../../../web/components/Layout'
import { NetworkHelpPage, type HelpFormError } from '../../../web/components/NetworkHelpPage'
import { ContributorsPage } from '../../../web/components/territories/ContributorsPage'
import { notFoundPage } from './not-found'
import { messagesFor, renderPage } from './render'

const TERRITORY = territoryCodePattern()

export const networkPages = new Hono<AppEnv>()
  .get('/territoires/:code/contributeurs', async (c) => {
    const code = c.req.param('code')
    const territory = TERRITORY.test(code) ? await getTerritory(c.var.db, code) : null
    if (!territory) return notFoundPage(c)
    const t = messagesFor(c)
    const contributors = await contributorsOf(c.var.db, territory.code)
    return renderPage(
      c,
      t,
      <Layout
        title={t.network.contributors.title(territory.name)}
        description={t.network.contributors.description(territory.name)}
        path={`/territoires/${territory.code}/contributeurs`}
      >
        <ContributorsPage place={territory} contributors={contributors} />
      </Layout>,
      { headers: { 'cache-control': 'public, max-age=300' } }
    )
  })
  .get('/reseau/qui-peut-aider', async (c) => {
    const t = messagesFor(c)
    const h = t.network.help
    const params = new URL(c.req.url).searchParams
    const skill = (params.get('competence') ?? '').trim()
    const place = (params.get('lieu') ?? '').trim().slice(0, 100)
    const themeParam = (params.get('theme') ?? '').trim()
    const theme = (TOP_THEME_CODES as readonly string[]).includes(themeParam) ? themeParam : ''
    const asked = params.has('competence') || params.has('lieu')

    const errors: HelpFormError[] = []
    let choices: { code: string; name: string }[] = []
    let results
    if (asked) {
      const parsedSkill = SkillQuery.safeParse(skill)
      if (!parsedSkill.success) errors.push({ field: 'competence', message: h.errors.skill })
      const [resolution] = place ? await resolveTerritoryNames(c.var.db, [place]) : []
      const found = resolution?.status === 'found' ? resolution.territory : null
      if (!resolution) errors.push({ field: 'lieu', message: h.errors.place })
      else if (resolution.status === 'unknown')
        errors.push({ field: 'lieu', message: h.errors.unknownPlace(place) })
      else if (resolution.status === 'ambiguous') {
        errors.push({ field: 'lieu', message: h.errors.severalPlaces(place) })
        choices = resolution.candidates.map((t) => ({
          code: t.code,
          name: t.departmentName && t.kind !== 'dep' ? `${t.name} (${t.departmentName})` : t.name,
        }))
      }
      if (parsedSkill.success && found) {
        const query = MatchQuery.parse({
          skill: parsedSkill.data,
          territory: found.code,
          ...(theme ? { theme } : {}),
        })
        const result = await findHelpers(c.env, c.var.db, query)
        results = {
          place: result.query.territory,
          items: result.items,
          fallback: Boolean(c.env.MEILI_HOST?.trim()) && result.engine === 'embedded',
        }
      }
    }
    const title = results ? `${h.title} — ${results.place.name}` : h.title
    return renderPage(
      c,
      t,
      <Layout
        title={errors.length ? h.errorTitle(title) : title}
        description={h.description}
        path="/reseau/qui-peut-aider"
        returnTo={new URL(c.req.url).pathname + new URL(c.req.url).search}
      >
        <NetworkHelpPage
          skill={skill}
          place={results ? results.place.name : place}
          theme={theme}
          errors={errors}
          choices={choices}
          results={results}
        />
      </Layout>,
      { status: errors.length ? 400 : 200, headers: { 'cache-control': 'public, max-age=60' } }
    )
  })
