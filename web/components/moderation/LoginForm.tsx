/** `/moderation/connexion`: the moderators' sign-in form. */
import { DeskNotice } from './DeskLayout'

export interface LoginFormProps {
  name?: string
  error?: string
  notice?: string
}

export function LoginForm({ name = '', error, notice }: LoginFormProps) {
  return (
    <>
      <h1>Connexion à la modération</h1>
      {notice && <DeskNotice kind="done" text={notice} />}
      {error && <DeskNotice kind="error" text={error} />}
      <form method="post" action="/moderation/connexion" class="desk-login">
        <div class="field">
          <label for="moderateur">Identifiant</label>
          <input
            id="moderateur"
            name="moderateur"
            type="text"
            value={name}
            required
            maxlength={40}
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
          />
        </div>
        <div class="field">
          <label for="mot-de-passe">Mot de passe</label>
          <input
            id="mot-de-passe"
            name="mot-de-passe"
            type="password"
            required
            maxlength={200}
            autocomplete="current-password"
          />
        </div>
        <p class="actions">
          <button type="submit" class="button primary">
            Se connecter
          </button>
        </p>
      </form>
      <p class="help">
        Les comptes de modération sont créés par l’équipe technique (
        <code>{'npm run moderator -- add <nom>'}</code>). La session expire après 30 minutes
        d’inactivité et au plus tard après 12 heures.
      </p>
    </>
  )
}
