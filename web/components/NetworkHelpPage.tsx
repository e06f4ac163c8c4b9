/**
 * « Qui peut m'aider ? » (`/reseau/qui-peut-aider`): a GET form (works without
 * JavaScript) stating a need — skill, place, optional theme — and the matching actors,
 * nearest first, each with why it matches. The route resolves the place and asks the
 * search engine; this only renders.
 */
import type { Child } from 'hono/jsx'
import { ACTOR_KINDS } from '../../worker/domain/actor-vocabularies'
import type { Match, MatchDirection } from '../../worker/domain/matching'
import { PROXIMITIES } from '../../worker/domain/matching'
import { HORIZONS, SKILL_TREE, skillLabel } from '../../worker/domain/skills'
import { labelOf, THEMES } from '../../worker/domain/vocabularies'
import { useT } from '../i18n'
import { ErrorSummary } from './ErrorSummary'

export interface HelpFormError {
  field: 'competence' | 'lieu'
  message: string
}

export interface HelpPageProps {
  skill: string
  place: string
  theme: string
  errors: readonly HelpFormError[]
  /** Territories the typed place may be, when it is several: one link each. */
  choices: readonly { code: string; name: string }[]
  /** Absent until a valid need is stated. */
  results?: { place: { code: string; name: string }; items: readonly Match[]; fallback: boolean }
}

export function NetworkHelpPage(props: HelpPageProps) {
  const t = useT()
  const h = t.network.help
  return (
    <>
      <h1>{h.title}</h1>
      <p class="lead">{h.lead}</p>
      {props.errors.length > 0 && <ErrorSummary errors={props.errors} />}
      {props.choices.length > 0 && <PlaceChoices {...props} />}
      <HelpForm {...props} />
      {props.results && <MatchList {...props.results} direction="offers" />}
      <p>
        <a href="/acteurs/proposer">{h.stateNeed}</a>
      </p>
    </>
  )
}

/** A field of the need: label, help, error, and the control wired to them. */
function NeedField(props: {
  id: string
  label: string
  help: string
  error?: HelpFormError
  children: (describedBy: string) => Child
}) {
  const { id, error } = props
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={id}>{props.label}</label>
      <p class="help" id={`${id}-aide`}>
        {props.help}
      </p>
      {error && (
        <p class="field-error" id={`${id}-erreur`}>
          {error.message}
        </p>
      )}
      {props.children(error ? `${id}-aide ${id}-erreur` : `${id}-aide`)}
    </div>
  )
}

/** Without JavaScript, a homonym is settled by following the link of the right territory. */
function PlaceChoices(props: HelpPageProps) {
  const t = useT()
  const href = (code: string) => {
    const q = new URLSearchParams({ competence: props.skill, lieu: code })
    if (props.theme) q.set('theme', props.theme)
    return `/reseau/qui-peut-aider?${q}`
  }
  return (
    <nav class="box place-choices" aria-labelledby="lieu-choix">
      <h2 id="lieu-choix">{t.network.help.choose}</h2>
      <ul>
        {props.choices.map((choice) => (
          <li>
            <a href={href(choice.code)}>{choice.name}</a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

function HelpForm(props: HelpPageProps) {
  const t = useT()
  const h = t.network.help
  const lang = t.lang
  const errorOf = (field: HelpFormError['field']) => props.errors.find((e) => e.field === field)
  const skillError = errorOf('competence')
  const placeError = errorOf('lieu')
  return (
    <form method="get" action="/reseau/qui-peut-aider" class="box help-form">
      <NeedField id="competence" label={h.skill} help={h.skillHelp} error={skillError}>
        {(describedBy) => (
          <select
            id="competence"
            name="competence"
            aria-describedby={describedBy}
            aria-invalid={skillError ? 'true' : undefined}
          >
            <option value=""></option>
            {SKILL_TREE.map((family) => (
              <optgroup label={family[lang]}>
                <option value={family.code} selected={props.skill === family.code}>
                  {h.anySkillOf(family[lang])}
                </option>
                {family.children.map((skill) => (
                  <option value={skill.code} selected={props.skill === skill.code}>
                    {skill[lang]}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </NeedField>
      <NeedField id="lieu" label={h.place} help={h.placeHelp} error={placeError}>
        {(describedBy) => (
          <input
            type="text"
            id="lieu"
            name="lieu"
            value={props.place}
            autocomplete="off"
            maxlength={100}
            aria-describedby={describedBy}
            aria-invalid={placeError ? 'true' : undefined}
          />
        )}
      </NeedField>
      <div class="field">
        <label for="theme">{h.theme}</label>
        <p class="help" id="theme-aide">
          {h.themeHelp}
        </p>
        <select id="theme" name="theme" aria-describedby="theme-aide">
          <option value="">{h.anyTheme}</option>
          {THEMES.map((theme) => (
            <option value={theme.code} selected={props.theme === theme.code}>
              {theme[lang]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button">
        {h.submit}
      </button>
    </form>
  )
}

/**
 * Matching actors in the engine's order, each with its entries that answer the need and
 * its proximity: « propose : animation d'ateliers ; même département ». Shared by the
 * help page (offers) and an actor's page (needs, the reverse).
 */
export function MatchList({
  place,
  items,
  fallback,
  direction,
  heading = 'h2',
}: {
  place?: { name: string }
  items: readonly Match[]
  fallback: boolean
  direction: MatchDirection
  heading?: 'h2' | 'h3'
}) {
  const t = useT()
  const h = t.network.help
  const lang = t.lang
  const Heading = heading
  return (
    <section class="match-results" aria-labelledby="resultats-titre">
      {place && (
        <Heading id="resultats-titre" tabindex={-1}>
          {h.resultsTitle(items.length, place.name)}
        </Heading>
      )}
      {fallback && <p class="engine-note">{h.engineFallback}</p>}
      {items.length === 0 ? (
        direction === 'offers' && (
          <p>
            {h.none} {h.noneNext}
          </p>
        )
      ) : (
        <ol class="match-list">
          {items.map((m) => (
            <li class="match">
              <p class="match-name">
                <a href={`/acteurs/${m.slug}`}>{m.name}</a>{' '}
                <span class="match-kind">({labelOf(ACTOR_KINDS, m.kind, lang)})</span>
              </p>
              <p class="match-why">
                {direction === 'offers' ? h.offers : h.needs} :{' '}
                {m.entries.map((e, i) => (
                  <>
                    {i > 0 && ' ; '}
                    {skillLabel(e.skill, lang).toLowerCase()}
                    {e.horizon && ` ${t.network.horizon(labelOf(HORIZONS, e.horizon, lang))}`}
                    {e.text && ` — ${t.network.quote(e.text)}`}
                  </>
                ))}{' '}
                ; <strong>{labelOf(PROXIMITIES, m.proximity, lang)}</strong>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
