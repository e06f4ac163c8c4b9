/**
 * « Dans des territoires comme celui-ci »: experiments from places of the same population
 * band and density class, on shared themes, with a link to the same search in full. On a
 * record page (its first territory) and on a territory page.
 */
import { territoriesLikeFilters, type SearchHit } from '../../worker/domain/search'
import {
  DENSITY_CLASSES,
  POPULATION_BANDS,
  type TerritorySize,
} from '../../worker/domain/territory-size'
import { labelOf, THEMES, topTheme } from '../../worker/domain/vocabularies'
import { useT } from '../i18n'
import { searchHref } from '../search-query'
import { ExperimentCard } from './ExperimentCard'

export interface TerritoriesLikeProps {
  size: TerritorySize
  /** The themes shared with the listed experiments (any theme when empty). */
  themes: readonly string[]
  /** Null when search could not answer. */
  hits: SearchHit[] | null
}

export function TerritoriesLike({ size, themes, hits }: TerritoriesLikeProps) {
  const t = useT()
  const topThemes = [...new Set(themes.map(topTheme))]
  const filters = territoriesLikeFilters(size, topThemes)
  const density = size.densityClass ? labelOf(DENSITY_CLASSES, size.densityClass, t.lang) : null
  const themeNames = topThemes.map((code) => labelOf(THEMES, code, t.lang)).join(', ')
  return (
    <section aria-labelledby="s-alike" class="similar">
      <h2 id="s-alike">{t.alike.title}</h2>
      <p>
        {t.alike.intro(
          labelOf(POPULATION_BANDS, size.populationBand, t.lang),
          density,
          themeNames || null
        )}
      </p>
      {hits && hits.length > 0 ? (
        <div class="cards">
          {hits.map((hit) => (
            <ExperimentCard hit={hit} headingLevel={3} />
          ))}
        </div>
      ) : (
        <p>{t.alike.none}</p>
      )}
      <p>
        <a href={searchHref({ q: '', filters, sort: 'relevance', page: 1, hitsPerPage: 20 })}>
          {t.alike.all}
        </a>
      </p>
    </section>
  )
}
