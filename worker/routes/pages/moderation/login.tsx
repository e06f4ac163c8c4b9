/**
 * `/moderation/connexion` (sign-in) and `/moderation/deconnexion` (sign-out). The sign-in
 * POST has no session yet, so no synchronizer token: it checks the origin instead, which
 * defeats login CSRF from other sites.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../../../env'
import { isSameOrigin } from '../../../http/csrf'
import {
  currentSession,
  requireDeskSession,
  signIn,
  signOut,
  type DeskEnv,
} from '../../../http/moderator-session'
import { DeskLayout } from '../../../../web/components/moderation/DeskLayout'
import { LoginForm } from '../../../../web/components/moderation/LoginForm'
import { deskForm, formField, renderDesk, requireDeskCsrf } from './render'

const login = (
  c: Parameters<typeof renderDesk>[0],
  props: Parameters<typeof LoginForm>[0],
  status: 200 | 401 | 403 | 429 = 200,
  headers: Record<string, string> = {}
) =>
  renderDesk(
    c,
    <DeskLayout title="Connexion" path="/moderation/connexion">
      <LoginForm {...props} />
    </DeskLayout>,
    status,
    headers
  )

export const loginPages = new Hono<AppEnv>()
  .get('/moderation/connexion', async (c) => {
    if (await currentSession(c)) return c.redirect('/moderation', 303)
    const notice = c.req.query('fin') === '1' ? 'Vous êtes déconnecté·e.' : undefined
    return login(c, { notice })
  })
  .post('/moderation/connexion', deskForm, async (c) => {
    if (!isSameOrigin(c)) {
      return login(c, { error: 'Formulaire refusé : il ne provient pas de ce site.' }, 403)
    }
    const name = (await formField(c, 'moderateur')).slice(0, 40)
    const password = (await formField(c, 'mot-de-passe')).slice(0, 200)
    const result = await signIn(c, name, password)
    if (result.ok) return c.redirect('/moderation', 303)
    if (result.reason === 'rate-limited') {
      return login(
        c,
        {
          name,
          error: `Trop de tentatives échouées : réessayez dans ${Math.ceil(result.retryAfterSeconds / 60)} minutes.`,
        },
        429,
        { 'retry-after': String(result.retryAfterSeconds) }
      )
    }
    // One message for unknown account, wrong password or disabled account: no enumeration.
    return login(c, { name, error: 'Identifiant ou mot de passe incorrect.' }, 401)
  })

export const logoutPage = new Hono<DeskEnv>().post(
  '/moderation/deconnexion',
  deskForm,
  requireDeskSession,
  requireDeskCsrf,
  async (c) => {
    await signOut(c)
    return c.redirect('/moderation/connexion?fin=1', 303)
  }
)
