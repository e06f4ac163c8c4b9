/**
 * The Turnstile widget of an anonymous form, when the site configures Turnstile; its
 * `action` is checked server-side with the token (worker/routes/pages/contribution.tsx).
 * A failed check is shown here, where the reader acts on it: `id` is what the form's
 * error summary links to.
 */
export function TurnstileWidget({
  siteKey,
  action,
  id,
  error,
}: {
  siteKey: string | null
  action: string
  id?: string
  error?: string | undefined
}) {
  if (!siteKey) return null
  return (
    <div id={id} class={error ? 'field has-error' : undefined} tabindex={id ? -1 : undefined}>
      {error && (
        <p class="field-error" id={id && `${id}-erreur`}>
          {error}
        </p>
      )}
      <div class="cf-turnstile" data-sitekey={siteKey} data-action={action}></div>
    </div>
  )
}
