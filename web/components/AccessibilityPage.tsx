/** `/accessibilite`: the RGAA 4.1 accessibility statement (text in web/i18n/accessibility.ts). */
import { useT } from '../i18n'

const DEFENSEUR_URL = 'https://www.defenseurdesdroits.fr/'

export function AccessibilityPage({ contact }: { contact: string }) {
  const a = useT().accessibility
  const section = (id: string, title: string, items: readonly string[], lead?: string) => (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead && <p>{lead}</p>}
      <ul>
        {items.map((item) => (
          <li>{item}</li>
        ))}
      </ul>
    </section>
  )
  return (
    <div class="statement">
      <h1>{a.title}</h1>
      <p class="lead">{a.commitment}</p>

      <section aria-labelledby="conformite">
        <h2 id="conformite">{a.statusTitle}</h2>
        <p>{a.status}</p>
      </section>

      {section('tests', a.testsTitle, a.tests, a.testsLead)}
      {section('pages-verifiees', a.pagesTitle, a.pages)}
      {section('limites', a.limitsTitle, a.limits)}

      <section aria-labelledby="etablissement">
        <h2 id="etablissement">{a.environmentTitle}</h2>
        <p>{a.environment}</p>
      </section>

      <section aria-labelledby="contact">
        <h2 id="contact">{a.contactTitle}</h2>
        <p>{a.contactLead}</p>
        {contact ? (
          <p>
            {a.contactEmail} <a href={`mailto:${contact}`}>{contact}</a>
          </p>
        ) : (
          <p>{a.contactMissing}</p>
        )}
        <p>{a.contactReport}</p>
      </section>

      <section aria-labelledby="recours">
        <h2 id="recours">{a.recourseTitle}</h2>
        <p>{a.recourse}</p>
        <ul>
          {a.recourseWays.map((way) => (
            <li>{way}</li>
          ))}
        </ul>
        <p>
          <a href={DEFENSEUR_URL}>{a.recourseLink}</a>
        </p>
      </section>
    </div>
  )
}
