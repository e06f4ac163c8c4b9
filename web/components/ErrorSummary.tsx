/**
 * At the top of a form page: every error, each linking to its field (RGAA 11.10). The
 * same box for the submission form and the comparison form.
 */
import type { Child } from 'hono/jsx'
import { useT } from '../i18n'

export interface SummaryError {
  /** Id of the field the link moves focus to. */
  field: string
  /** The field's name, shown as the link when given; otherwise the message is the link. */
  label?: Child
  message: string
}

export function ErrorSummary({ errors }: { errors: readonly SummaryError[] }) {
  const t = useT()
  return (
    <div class="error-summary" id="erreurs" role="alert" tabindex={-1}>
      <h2>{t.form.errorSummaryTitle(errors.length)}</h2>
      <ul>
        {errors.map((e) =>
          e.label === undefined ? (
            <li>
              <a href={`#${e.field}`}>{e.message}</a>
            </li>
          ) : (
            <li>
              <a href={`#${e.field}`}>{e.label}</a> : {e.message}
            </li>
          )
        )}
      </ul>
    </div>
  )
}
