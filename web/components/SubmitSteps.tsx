/**
 * The steps after the form: "this may already exist" (similar experiments, with the
 * typed data carried in hidden fields so nothing is lost) and the confirmation that
 * shows the private edit link, once.
 */
import type { SearchHit } from '../../worker/domain/search'
import type { Child } from 'hono/jsx'
import { useT } from '../i18n'
import { ExperimentCard } from './ExperimentCard'

/**
 * « This may already exist »: what was found, then send anyway or go back to the form,
 * the typed data carried in hidden fields (`_confirm` / `_back` say which).
 */
export function ConfirmStep({
  text,
  action,
  carry,
  children,
}: {
  text: { title: string; intro: string; confirm: string; back: string }
  action: string
  carry: [string, string][]
  children: Child
}) {
  const hidden = carry.map(([name, value]) => <input type="hidden" name={name} value={value} />)
  return (
    <>
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      {children}
      <div class="actions">
        <form method="post" action={action}>
          {hidden}
          <input type="hidden" name="_confirm" value="1" />
          <button type="submit" class="button primary">
            {text.confirm}
          </button>
        </form>
        <form method="post" action={action}>
          {hidden}
          <input type="hidden" name="_back" value="1" />
          <button type="submit" class="button">
            {text.back}
          </button>
        </form>
      </div>
    </>
  )
}

export function SimilarStep({
  similar,
  carry,
}: {
  similar: SearchHit[]
  carry: [string, string][]
}) {
  const t = useT()
  return (
    <ConfirmStep
      text={{
        title: t.form.similarTitle,
        intro: t.form.similarIntro,
        confirm: t.form.similarConfirm,
        back: t.form.similarBack,
      }}
      action="/proposer"
      carry={carry}
    >
      <div class="cards">
        {similar.map((hit) => (
          <ExperimentCard hit={hit} headingLevel={2} />
        ))}
      </div>
    </ConfirmStep>
  )
}

/** The private edit link of a new submission, shown once (what it allows: `help`). */
export function PrivateLink({
  editUrl,
  title,
  help,
}: {
  editUrl: string
  title?: string
  help?: string
}) {
  const t = useT()
  return (
    <section class="box important" aria-labelledby="lien-prive">
      <h2 id="lien-prive">{title ?? t.form.doneEditTitle}</h2>
      <p>{help ?? t.form.doneEditHelp}</p>
      <p>
        <a href={editUrl} class="break edit-link" rel="nofollow">
          {editUrl}
        </a>
      </p>
    </section>
  )
}

export function Confirmation({ title, editUrl }: { title: string; editUrl: string }) {
  const t = useT()
  return (
    <>
      <h1>{t.form.doneTitle}</h1>
      <p class="lead">{t.form.doneIntro(title)}</p>
      <PrivateLink editUrl={editUrl} />
      <h2>{t.form.doneNextTitle}</h2>
      <ol>
        {t.form.doneNext.map((step) => (
          <li>{step}</li>
        ))}
      </ol>
      <p>
        <a href="/proposer">{t.form.doneAnother}</a>
      </p>
    </>
  )
}
