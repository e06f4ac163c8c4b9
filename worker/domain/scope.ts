/**
 * The derived part of a record: what the territory reference and the declared scope say
 * about where it applies. Computed once when a record is written (submission, edit,
 * import), stored with it, and read by filters, facets, statistics and exports.
 */
import { countryOf } from './countries'
import type { Derived, ExperimentContent } from './experiment'
import { territoryKind, type Territory } from './territory'
import type { ScopeLevel } from './vocabularies'

/** What the territory reference says the declared French territories cover. */
export type Coverage = Pick<Derived, 'regions' | 'departments' | 'populationCovered'>

const NO_COVERAGE: Coverage = { regions: [], departments: [], populationCovered: 0 }

/**
 * The scope level of a record: `national` and `abroad` as declared; for French
 * territories the widest declared level decides (a région makes it regional even when
 * communes are listed too), communes and EPCI being local.
 */
export function scopeLevelOf(
  content: Pick<ExperimentContent, 'scope' | 'territories'>
): ScopeLevel {
  if (content.scope !== 'territories') return content.scope
  const kinds = new Set(content.territories.map(territoryKind))
  if (kinds.has('reg')) return 'regional'
  if (kinds.has('dep')) return 'departemental'
  return 'local'
}

/**
 * The derived fields of a record, from its declared territories as the reference knows
 * them and their coverage. National and foreign records cover no French région or
 * département: they are counted on their own lines of the statistics, never in a
 * territory's, and have no point on a map. The first declared territory places the
 * record (point) and says what kind of place it is (size).
 */
export function deriveFields(
  content: Pick<ExperimentContent, 'scope' | 'territories' | 'abroad'>,
  territoryOf: (code: string) => Pick<Territory, 'name' | 'point' | 'size'> | undefined,
  covered: Coverage
): Derived {
  const country = content.abroad ? countryOf(content.abroad.country) : undefined
  const first = content.scope === 'territories' ? content.territories[0] : undefined
  const main = first ? territoryOf(first) : undefined
  return {
    territories: content.territories.map((code) => ({
      code,
      name: territoryOf(code)?.name ?? code,
    })),
    ...(content.scope === 'territories' ? covered : NO_COVERAGE),
    scopeLevel: scopeLevelOf(content),
    ...(country ? { country: { code: country.code, fr: country.fr, en: country.en } } : {}),
    point: main?.point ?? null,
    territorySize: main?.size ?? null,
  }
}
