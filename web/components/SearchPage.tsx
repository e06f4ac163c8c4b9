/**
 * Home and search page: one GET form holds the text, the facet filters and the sort,
 * so the URL always describes the whole query. Results show the search service's
 * highlighted snippets; the map (SearchMap) shades the matching counts by région or
 * département and pins where the results are.
 */
import type { Child } from 'hono/jsx'
import { searchHref, TO_VERIFY_PARAM, withFilter, withoutValues } from '../search-query'
import {
  evidenceMinimum,
  FACETS,
  MAX_EVIDENCE_LEVEL,
  SORTS,
  UNKNOWN_YEAR,
  type FacetName,
  type SearchQuery,
  type SearchResult,
} from '../../worker/domain/search'
import { embedTitle, FACET_VOCABULARIES, selectionLabels, valueLabel } from '../filter-labels'
import { useT } from '../i18n'
import { EmbedDisclosure } from './EmbedCode'
import { ExperimentCard } from './ExperimentCard'
import type { MapLevel } from './FranceMap'
import { ReuseLinks } from './ReuseLinks'
import { MapLevelField, SearchMap } from './SearchMap'

export interface SearchPageProps {
  query: SearchQuery
  /** null when the search service failed. */
  result: SearchResult | null
  /** Display names of région and département codes (`reg:53` → Bretagne). */
  names: ReadonlyMap<string, string>
  /** Absolute base of the site, for the « Intégrer sur votre site » code. */
  base: string
  /** Level of the map's shading: régions (default) or départements. */
  mapLevel?: MapLevel
}

/** Long lists are folded away in <details> unless something in them is selected. */
const FOLDED: readonly FacetName[] = ['region', 'department', 'year', 'programme', 'density']

export function SearchPage({ query, result, names, base, mapLevel = 'reg' }: SearchPageProps) {
  const t = useT()
  const h = t.home
  const label = (facet: FacetName, code: string) => valueLabel(t, names, facet, code)
  const active = activeFilters(
    query,
    (facet, values) => selectionLabels(t, names, facet, values),
    h.toVerifyFilter
  )
  const totalPages = result ? Math.min(50, Math.ceil(result.total / result.hitsPerPage)) : 0

  return (
    <>
      <h1>{h.title}</h1>
      <p class="lead">{h.intro}</p>
      <form method="get" action="/" class="search" role="search">
        <MapLevelField level={mapLevel} />
        <div class="search-bar">
          <label for="q">{h.searchLabel}</label>
          <p class="help" id="q-aide">
            {h.searchHelp}
          </p>
          <div class="search-input">
            <input
              type="search"
              id="q"
              name="q"
              value={query.q}
              aria-describedby="q-aide"
              maxlength={200}
            />
            <button type="submit" class="button primary">
              {h.searchButton}
            </button>
          </div>
        </div>

        <div class="search-layout">
          <div class="filters">
            {result && <SearchMap query={query} result={result} names={names} level={mapLevel} />}
            <h2>{h.filtersTitle}</h2>
            {FACETS.map((facet) =>
              facet === 'evidence' ? (
                <EvidenceGroup query={query} result={result} label={label} />
              ) : (
                <FacetGroup facet={facet} query={query} result={result} label={label} />
              )
            )}
            <fieldset class="facet" id="filtre-fraicheur">
              <legend>{h.freshness}</legend>
              <ul>
                <li>
                  <input
                    type="checkbox"
                    id="filtre-a-verifier"
                    name={TO_VERIFY_PARAM}
                    value="true"
                    checked={query.toVerify === true}
                    aria-describedby="filtre-a-verifier-aide"
                  />
                  <label for="filtre-a-verifier">{h.toVerifyFilter}</label>
                  <p class="help" id="filtre-a-verifier-aide">
                    {h.toVerifyFilterHelp}
                  </p>
                </li>
              </ul>
            </fieldset>
            <p class="filter-actions">
              <button type="submit" class="button">
                {h.applyFilters}
              </button>{' '}
              {(active.length > 0 || query.toVerify) && (
                <a href={searchHref({ ...query, filters: {}, toVerify: false, page: 1 })}>
                  {h.resetFilters}
                </a>
              )}
            </p>
          </div>

          <div class="results">
            <div class="results-head">
              <h2 id="resultats">
                {h.results(result?.total ?? 0)}
                {query.q && ` ${h.resultsFor(query.q)}`}
                {totalPages > 1 && `, ${h.pageOf(query.page, totalPages)}`}
              </h2>
              <div class="sort">
                <label for="sort">{h.sortLabel}</label>{' '}
                <select id="sort" name="sort">
                  {SORTS.map((s) => (
                    <option value={s} selected={s === query.sort}>
                      {h.sorts[s]}
                    </option>
                  ))}
                </select>{' '}
                <button type="submit" class="button small">
                  OK
                </button>
              </div>
            </div>

            {active.length > 0 && (
              <div class="active-filters">
                <h3>{h.activeFilters}</h3>
                <ul>
                  {active.map(({ href, label: text }) => (
                    <li>
                      <a href={href} class="chip" aria-label={h.removeFilter(`« ${text} »`)}>
                        {text} <span aria-hidden="true">×</span>
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}

            {result && result.total > 0 && (
              <>
                <ReuseLinks query={query} />
                <EmbedDisclosure
                  params={{ query, territory: null }}
                  title={embedTitle(t, names, query)}
                  base={base}
                />
              </>
            )}
            {result?.didYouMean && (
              <p class="did-you-mean">
                {h.didYouMean}{' '}
                <a href={searchHref({ ...query, q: result.didYouMean, page: 1 })}>
                  {result.didYouMean}
                </a>{' '}
                ?
              </p>
            )}
            {result?.engine === 'embedded' && <p class="degraded">{h.degraded}</p>}
            {!result && <p class="notice">{h.searchUnavailable}</p>}
            {result && result.hits.length === 0 && <Empty query={query} active={active} />}
            {result && result.hits.length > 0 && (
              <ol class="result-list">
                {result.hits.map((hit) => (
                  <li>
                    <ExperimentCard hit={hit} />
                  </li>
                ))}
              </ol>
            )}
            {totalPages > 1 && <Pagination query={query} totalPages={totalPages} />}
          </div>
        </div>
      </form>
    </>
  )
}

type LabelFn = (facet: FacetName, code: string) => string

interface ActiveFilter {
  /** The facet's name, for « Thématique : … »; none for « à vérifier », which says it all. */
  facet: FacetName | null
  label: string
  /** The same search without this filter. */
  href: string
}

function activeFilters(
  query: SearchQuery,
  labels: (
    facet: FacetName,
    values: readonly string[]
  ) => { codes: readonly string[]; label: string }[],
  toVerifyLabel: string
): ActiveFilter[] {
  const facets = FACETS.flatMap((facet) =>
    labels(facet, query.filters[facet] ?? []).map(({ codes, label }) => ({
      facet,
      label,
      href: searchHref(withoutValues(query, facet, codes)),
    }))
  )
  const toVerify = query.toVerify
    ? [
        {
          facet: null,
          label: toVerifyLabel,
          href: searchHref({ ...query, toVerify: false, page: 1 }),
        },
      ]
    : []
  return [...facets, ...toVerify]
}

/**
 * The evidence level as one choice, « au moins N » (radio buttons, `evidenceMin`): each
 * level counts the results at that level or above. A selection from an older URL that is
 * not « au moins N » (levels 1 and 3) stays as ticked boxes, so submitting keeps it.
 */
function EvidenceGroup({
  query,
  result,
  label,
}: {
  query: SearchQuery
  result: SearchResult | null
  label: LabelFn
}) {
  const t = useT()
  const counts = result?.facets.evidence ?? {}
  const selected = query.filters.evidence ?? []
  const min = evidenceMinimum(selected)
  const levels = Array.from({ length: MAX_EVIDENCE_LEVEL }, (_, i) => i + 1)
  const atLeast = (level: number) =>
    Object.entries(counts).reduce((n, [code, count]) => (Number(code) >= level ? n + count : n), 0)
  const id = 'filtre-evidence'
  return (
    <fieldset class="facet" id={id}>
      <legend>{t.home.facets.evidence}</legend>
      <ul>
        {min === null &&
          selected.map((code) => (
            <li>
              <input type="checkbox" id={`${id}-${code}`} name="evidence" value={code} checked />
              <label for={`${id}-${code}`}>
                {t.home.evidenceOnly(label('evidence', code))}{' '}
                <span class="count">({counts[code] ?? 0})</span>
              </label>
            </li>
          ))}
        <li>
          <input
            type="radio"
            id={`${id}-any`}
            name="evidenceMin"
            value=""
            checked={min === null || min === 0}
          />
          <label for={`${id}-any`}>{t.home.evidenceAny}</label>
        </li>
        {levels.map((level) => (
          <li>
            <input
              type="radio"
              id={`${id}-min-${level}`}
              name="evidenceMin"
              value={String(level)}
              checked={min === level}
            />
            <label for={`${id}-min-${level}`}>
              {t.home.evidenceAtLeast(label('evidence', String(level)))}{' '}
              <span class="count">({atLeast(level)})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
}

/** Most recent years first, the unknown start date last. */
const yearOrder = (code: string) => (code === UNKNOWN_YEAR ? -1 : Number(code))

function FacetGroup({
  facet,
  query,
  result,
  label,
}: {
  facet: FacetName
  query: SearchQuery
  result: SearchResult | null
  label: LabelFn
}) {
  const t = useT()
  const counts = result?.facets[facet] ?? {}
  const selected = new Set(query.filters[facet] ?? [])
  const vocab = FACET_VOCABULARIES[facet]
  const codes = vocab
    ? vocab.map((term) => term.code)
    : Object.keys(counts)
        .filter((code) => (counts[code] ?? 0) > 0)
        .concat([...selected].filter((code) => !(code in counts)))
  const sorted =
    facet === 'year'
      ? [...new Set(codes)].sort((a, b) => yearOrder(b) - yearOrder(a))
      : facet === 'region'
        ? [...new Set(codes)].sort((a, b) =>
            label('region', a).localeCompare(label('region', b), 'fr')
          )
        : [...new Set(codes)]
  if (sorted.length === 0) return null
  const id = `filtre-${facet}`
  const group: Child = (
    <fieldset class="facet" id={id}>
      <legend>{t.home.facets[facet]}</legend>
      <ul>
        {sorted.map((code) => (
          <li>
            <input
              type="checkbox"
              id={`${id}-${code}`}
              name={facet}
              value={code}
              checked={selected.has(code)}
            />
            <label for={`${id}-${code}`}>
              {label(facet, code)} <span class="count">({counts[code] ?? 0})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  )
  if (!FOLDED.includes(facet)) return group
  return (
    <details class="facet-fold" open={selected.size > 0}>
      <summary>
        {t.home.facets[facet]}
        {selected.size > 0 && ` (${selected.size})`}
      </summary>
      {group}
    </details>
  )
}

function Empty({ query, active }: { query: SearchQuery; active: readonly ActiveFilter[] }) {
  const t = useT()
  const removable = active
  return (
    <div class="empty">
      <p>
        <strong>{t.home.emptyTitle}</strong>
      </p>
      {removable.length > 0 || query.q ? (
        <>
          <p>{t.home.emptyHint}</p>
          <ul>
            {removable.map(({ facet, label, href }) => (
              <li>
                <a href={href}>
                  {t.home.removeFilter(`« ${facet ? `${t.home.facets[facet]} : ` : ''}${label} »`)}
                </a>
              </li>
            ))}
            {query.q && (
              <li>
                <a href={searchHref({ ...query, q: '', page: 1 })}>
                  {t.home.removeFilter(`« ${query.q} »`)}
                </a>
              </li>
            )}
          </ul>
        </>
      ) : (
        <p>{t.home.emptyHintText}</p>
      )}
    </div>
  )
}

function Pagination({ query, totalPages }: { query: SearchQuery; totalPages: number }) {
  const t = useT()
  const pages = [...new Set([1, query.page - 1, query.page, query.page + 1, totalPages])]
    .filter((p) => p >= 1 && p <= totalPages)
    .sort((a, b) => a - b)
  return (
    <nav aria-label={t.home.pagination} class="pagination">
      <ul>
        {query.page > 1 && (
          <li>
            <a href={searchHref({ ...query, page: query.page - 1 })} rel="prev">
              {t.home.previous}
            </a>
          </li>
        )}
        {pages.map((p, i) => (
          <>
            {i > 0 && p - (pages[i - 1] ?? p) > 1 && <li aria-hidden="true">…</li>}
            <li>
              <a
                href={searchHref({ ...query, page: p })}
                aria-current={p === query.page ? 'page' : undefined}
                aria-label={t.home.page(p)}
              >
                {p}
              </a>
            </li>
          </>
        ))}
        {query.page < totalPages && (
          <li>
            <a href={searchHref({ ...query, page: query.page + 1 })} rel="next">
              {t.home.next}
            </a>
          </li>
        )}
      </ul>
    </nav>
  )
}
