/**
 * One search hit in a result list (search page, similar experiments). The title and
 * summary highlights come from the search service already HTML-escaped, with matches in
 * <mark>: they are the only strings rendered with `raw()`, everything else is escaped.
 */
import { raw } from 'hono/html'
import { countryOf } from '../../worker/domain/countries'
import { needsVerification } from '../../worker/domain/freshness'
import type { SearchHit } from '../../worker/domain/search'
import {
  EVIDENCE_LEVELS,
  labelOf,
  SCOPES,
  STAGES,
  THEMES,
  topTheme,
} from '../../worker/domain/vocabularies'
import { useT } from '../i18n'

export function ExperimentCard({
  hit,
  headingLevel = 3,
  newTab = false,
}: {
  hit: SearchHit
  headingLevel?: 2 | 3
  /** Links open the record in a new tab (the embeddable view, inside another site's frame). */
  newTab?: boolean
}) {
  const t = useT()
  const Heading = headingLevel === 2 ? 'h2' : 'h3'
  const target = newTab ? ({ target: '_blank', rel: 'noopener' } as const) : {}
  const newTabText = newTab && <span class="visually-hidden">{t.embed.newTab}</span>
  const themes = [...new Set(hit.themes.map(topTheme))].map((c) => labelOf(THEMES, c, t.lang))
  const places = placeOf(hit, t.lang) ?? hit.territories.map((p) => p.name).join(', ')
  return (
    <article class="card">
      <Heading class="card-title">
        <a href={`/experiences/${encodeURIComponent(hit.slug)}`} {...target}>
          {raw(hit.highlight.title)}
          {newTabText}
        </a>
      </Heading>
      <p class="card-summary">{raw(hit.highlight.summary)}</p>
      <ul class="card-meta">
        <li>{hit.leadName}</li>
        {places && <li>{places}</li>}
        <li>{hit.year === null ? t.home.unknownStart : t.home.since(hit.year)}</li>
        <li>{labelOf(STAGES, hit.stage, t.lang)}</li>
        <li>{t.home.evidenceShort(labelOf(EVIDENCE_LEVELS, String(hit.evidenceLevel), t.lang))}</li>
        {hit.lastVerifiedAt !== undefined && needsVerification(hit.lastVerifiedAt, new Date()) && (
          <li>
            <a
              class="badge to-verify"
              href={`/experiences/${encodeURIComponent(hit.slug)}#a-verifier`}
              {...target}
            >
              {t.experiment.toVerify}
              {newTabText}
            </a>
          </li>
        )}
      </ul>
      {themes.length > 0 && (
        <ul class="tags">
          {themes.map((label) => (
            <li>{label}</li>
          ))}
        </ul>
      )}
    </article>
  )
}

/** « France entière », or the place and country of a record abroad; null for French territories. */
function placeOf(hit: SearchHit, lang: 'fr' | 'en'): string | null {
  if (hit.scopeLevel === 'national') return labelOf(SCOPES, 'national', lang)
  if (hit.scopeLevel !== 'abroad') return null
  const country = hit.country ? (countryOf(hit.country)?.[lang] ?? hit.country) : null
  return [hit.abroadPlace, country && `(${country})`].filter(Boolean).join(' ')
}
