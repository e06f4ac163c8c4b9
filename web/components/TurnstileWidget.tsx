/**
 * The Turnstile widget of an anonymous form, when the site configures Turnstile; its
 * `action` is checked server-side with the token (worker/routes/pages/contribution.tsx).
 */
export function TurnstileWidget({ siteKey, action }: { siteKey: string | null; action: string }) {
  return siteKey ? (
    <div class="cf-turnstile" data-sitekey={siteKey} data-action={action}></div>
  ) : null
}
