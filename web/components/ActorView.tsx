/**
 * An actor's public page: who it is and where, what it offers and what it needs (the
 * heart of the network), then its programmes, mediation-place fields, contact and
 * sources. Only public content: the private contact never reaches this component.
 */
import type { Actor, ActorContent } from '../../worker/domain/actor'
import {
  ACTOR_KINDS,
  ACTOR_PROGRAMMES,
  LMN_PUBLICS,
  LMN_SERVICES,
  LMN_TYPOLOGIES,
} from '../../worker/domain/actor-vocabularies'
import { HORIZONS, skillLabel } from '../../worker/domain/skills'
import { labelOf, type Term } from '../../worker/domain/vocabularies'
import { formatDate, paragraphs } from '../format'
import { useT, type Messages } from '../i18n'
import { Fact } from './Fact'

/** Where an actor is, as text: its territories by name, or France entière. */
export function actorWhereText(
  actor: Pick<Actor, 'scope' | 'derived'>,
  t: Pick<Messages, 'actors'>
): string {
  if (actor.scope === 'national') return t.actors.nationalScope
  return actor.derived.territories.map((p) => p.name).join(', ')
}

/** Where an actor is: its territories by name, or France entière. */
export function ActorWhere({ actor }: { actor: Pick<Actor, 'scope' | 'derived'> }) {
  return <>{actorWhereText(actor, useT())}</>
}

function SkillList(props: {
  id: string
  title: string
  entries: ActorContent['needs']
  empty: string
}) {
  const t = useT()
  return (
    <section aria-labelledby={props.id} class="actor-skills">
      <h2 id={props.id}>{props.title}</h2>
      {props.entries.length === 0 ? (
        <p class="empty">{props.empty}</p>
      ) : (
        <ul class="skill-list">
          {props.entries.map((e) => (
            <li>
              <strong>{skillLabel(e.skill, t.lang)}</strong>
              {e.horizon && (
                <span class="tag">
                  {t.actors.horizon} : {labelOf(HORIZONS, e.horizon, t.lang)}
                </span>
              )}
              {e.text && <p>{e.text}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

const labels = (terms: readonly Term[], codes: readonly string[] | undefined, lang: 'fr' | 'en') =>
  (codes ?? []).map((code) => labelOf(terms, code, lang)).join(', ')

export function ActorView({ actor }: { actor: Actor }) {
  const t = useT()
  const a = t.actors
  const lang = t.lang
  const m = actor.mediation
  return (
    <article class="actor">
      <header>
        <h1>{actor.name}</h1>
        <ul class="tags">
          <li>{labelOf(ACTOR_KINDS, actor.kind, lang)}</li>
          <li>
            <ActorWhere actor={actor} />
          </li>
        </ul>
      </header>
      {actor.description && paragraphs(actor.description).map((p) => <p>{p}</p>)}

      <SkillList id="s-needs" title={a.needs} entries={actor.needs} empty={a.noNeeds} />
      <SkillList id="s-offers" title={a.offers} entries={actor.offers} empty={a.noOffers} />

      <section aria-labelledby="s-facts">
        <h2 id="s-facts">{a.identifiers}</h2>
        <dl class="facts">
          <Fact label={a.kind}>{labelOf(ACTOR_KINDS, actor.kind, lang)}</Fact>
          <Fact label={a.where}>
            <ActorWhere actor={actor} />
          </Fact>
          {actor.address && (
            <Fact label={a.address}>
              {actor.address.street}, {actor.address.postcode}
            </Fact>
          )}
          {actor.website && (
            <Fact label={a.website}>
              <a href={actor.website} rel="nofollow noopener">
                {actor.website}
              </a>
            </Fact>
          )}
          {actor.siren && <Fact label="SIREN">{actor.siren}</Fact>}
          {actor.siret && <Fact label="SIRET">{actor.siret}</Fact>}
          {actor.rna && <Fact label="RNA">{actor.rna}</Fact>}
          {actor.programmes?.length ? (
            <Fact label={a.programmes}>{labels(ACTOR_PROGRAMMES, actor.programmes, lang)}</Fact>
          ) : null}
          {actor.publicContact?.email && (
            <Fact label={a.contact}>
              {actor.publicContact.role ? `${actor.publicContact.role} : ` : ''}
              <a href={`mailto:${actor.publicContact.email}`}>{actor.publicContact.email}</a>
            </Fact>
          )}
          {actor.publishedAt && (
            <Fact label={a.published}>{formatDate(actor.publishedAt.slice(0, 10), lang)}</Fact>
          )}
        </dl>
      </section>

      {m && (m.typologies?.length || m.services?.length || m.publics?.length) ? (
        <section aria-labelledby="s-mediation">
          <h2 id="s-mediation">{a.mediation}</h2>
          <dl class="facts">
            {m.typologies?.length ? (
              <Fact label={a.typologies}>{labels(LMN_TYPOLOGIES, m.typologies, lang)}</Fact>
            ) : null}
            {m.services?.length ? (
              <Fact label={a.services}>{labels(LMN_SERVICES, m.services, lang)}</Fact>
            ) : null}
            {m.publics?.length ? (
              <Fact label={a.publics}>{labels(LMN_PUBLICS, m.publics, lang)}</Fact>
            ) : null}
          </dl>
        </section>
      ) : null}

      {actor.sources?.length ? (
        <section aria-labelledby="s-sources">
          <h2 id="s-sources">{a.sources}</h2>
          <ul class="sources">
            {actor.sources.map((s) => (
              <li>
                <a href={s.url} rel="nofollow noopener">
                  {s.title ?? s.url}
                </a>
                {s.publisher ? ` — ${s.publisher}` : ''}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  )
}
