/**
 * `/acteurs`: the published actors with free text and filters (kind, skill offered, skill
 * needed, territory, programme) in a plain GET form, so the URL carries the whole query and the
 * page works without JavaScript; the map (ActorMap) pins the listed actors.
 */
import type { Actor } from '../../worker/domain/actor'
import type { ActorSearchResult } from '../../worker/domain/actor-search'
import type { EngineName } from '../../worker/domain/search'
import { ACTOR_KINDS, ACTOR_PROGRAMMES } from '../../worker/domain/actor-vocabularies'
import { SKILL_TREE, skillLabel } from '../../worker/domain/skills'
import { labelOf, type Term } from '../../worker/domain/vocabularies'
import type { ActorListQuery } from '../actor-query'
import { useT } from '../i18n'
import { ActorMap } from './ActorMap'
import { ActorWhere } from './ActorView'

/**
 * A filter as a select: its first value is kept; `any` clears it. Each option says how
 * many actors it would give (the engines' disjunctive facet counts).
 */
function FilterSelect(props: {
  name: string
  label: string
  terms: readonly (Term & { children?: readonly Term[] })[]
  value: string | undefined
  counts: Readonly<Record<string, number>>
}) {
  const t = useT()
  const id = `filtre-${props.name}`
  const option = (term: Term) => (
    <option value={term.code} selected={term.code === props.value}>
      {term[t.lang]} ({props.counts[term.code] ?? 0})
    </option>
  )
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">{t.actors.filters.any}</option>
        {props.terms.map((term) =>
          term.children?.length ? (
            <optgroup label={term[t.lang]}>
              {option({ ...term, [t.lang]: t.actors.filters.family(term[t.lang]) })}
              {term.children.map(option)}
            </optgroup>
          ) : (
            option(term)
          )
        )}
      </select>
    </div>
  )
}

function ActorCard({ actor }: { actor: Actor }) {
  const t = useT()
  const names = (entries: Actor['needs']) =>
    entries.map((e) => skillLabel(e.skill, t.lang)).join(', ')
  return (
    <article class="card">
      <h3 class="card-title">
        <a href={`/acteurs/${encodeURIComponent(actor.slug)}`}>{actor.name}</a>
      </h3>
      <ul class="card-meta">
        <li>{labelOf(ACTOR_KINDS, actor.kind, t.lang)}</li>
        <li>
          <ActorWhere actor={actor} />
        </li>
      </ul>
      {actor.needs.length > 0 && (
        <p>
          <strong>{t.actors.needs} :</strong> {names(actor.needs)}
        </p>
      )}
      {actor.offers.length > 0 && (
        <p>
          <strong>{t.actors.offers} :</strong> {names(actor.offers)}
        </p>
      )}
    </article>
  )
}

export function ActorList(props: {
  actors: readonly Actor[]
  query: ActorListQuery
  /** How many published actors match (all pages). */
  total: number
  facets: ActorSearchResult['facets']
  /** The engine that answered: the embedded one says so, as on the search page. */
  engine: EngineName
  /** The address of the next page, or null at the end. */
  nextHref: string | null
}) {
  const t = useT()
  const a = t.actors
  const q = props.query
  return (
    <>
      <h1>{a.listTitle}</h1>
      <p class="lead">{a.listIntro}</p>
      <p>
        <a class="button primary" href="/acteurs/proposer">
          {a.enter}
        </a>{' '}
        {a.enterHelp}
      </p>
      <p>
        <a href="/reseau/qui-peut-aider">{t.network.help.title}</a> — {t.network.help.description}
      </p>
      <form method="get" action="/acteurs" class="filters" aria-labelledby="filtres-titre">
        <h2 id="filtres-titre">{a.filters.title}</h2>
        <div class="field">
          <label for="filtre-q">{a.filters.text}</label>
          <input id="filtre-q" name="q" type="search" value={q.q ?? ''} />
        </div>
        <FilterSelect
          name="kind"
          label={a.filters.kind}
          terms={ACTOR_KINDS}
          value={q.kind?.[0]}
          counts={props.facets.kind}
        />
        <FilterSelect
          name="needs"
          label={a.filters.needs}
          terms={SKILL_TREE}
          value={q.needs?.[0]}
          counts={props.facets.needs}
        />
        <FilterSelect
          name="offers"
          label={a.filters.offers}
          terms={SKILL_TREE}
          value={q.offers?.[0]}
          counts={props.facets.offers}
        />
        <FilterSelect
          name="programme"
          label={a.filters.programme}
          terms={ACTOR_PROGRAMMES}
          value={q.programme?.[0]}
          counts={props.facets.programme}
        />
        <div class="field">
          <label for="filtre-territory">{a.filters.territory}</label>
          <p class="help" id="filtre-territory-aide">
            {a.filters.territoryHelp}
          </p>
          <input
            id="filtre-territory"
            name="territory"
            type="text"
            value={q.territory?.[0] ?? ''}
            aria-describedby="filtre-territory-aide"
          />
        </div>
        <p class="actions">
          <button type="submit" class="button">
            {a.filters.apply}
          </button>{' '}
          <a href="/acteurs">{a.filters.reset}</a>
        </p>
      </form>
      <section aria-labelledby="resultats-titre">
        <h2 id="resultats-titre">{a.resultsTitle}</h2>
        <p role="status">{a.count(props.total)}</p>
        {props.engine === 'embedded' && <p class="degraded">{t.home.degraded}</p>}
        {props.actors.length === 0 ? (
          <p class="empty">{a.none}</p>
        ) : (
          <div class="cards">
            {props.actors.map((actor) => (
              <ActorCard actor={actor} />
            ))}
          </div>
        )}
        {props.nextHref && (
          <p>
            <a href={props.nextHref}>{a.next}</a>
          </p>
        )}
      </section>
      <ActorMap actors={props.actors} query={q} facets={props.facets} />
    </>
  )
}
