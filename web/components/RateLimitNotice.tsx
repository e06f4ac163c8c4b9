/**
 * Above a form refused for sending too much (429): when to send again, and that what was
 * typed is still there — the form below is re-rendered with it.
 */
import { useT } from '../i18n'

export function RateLimitNotice({ retryAfter }: { retryAfter: number }) {
  const t = useT()
  return (
    <div class="error-summary" id="limite" role="alert" tabindex={-1}>
      <h2>{t.rateLimit.title}</h2>
      <p>{t.rateLimit.retryIn(retryAfter)}</p>
      <p>{t.rateLimit.kept}</p>
    </div>
  )
}
