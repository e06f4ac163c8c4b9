/**
 * The record picker's two questions: which published records of a kind match what was
 * typed (asked of the search engines, never a scan of the table), and what the chosen
 * ids are called (only published ones: an unknown or unpublished id gets no name, and
 * the form says so next to its field).
 */
import { getActorsByIds } from '../db/actors'
import { getExperimentsByIds } from '../db/experiments'
import type { Db } from '../db/session'
import type { Derived } from '../domain/experiment'
import { PICKER_LIMIT, placeOf, type PickerKind, type PickerOption } from '../domain/picker'
import { runSearch } from '../search/service'
import { searchActors } from './actor-search'

/** Published records of `kind` matching `query`, best first, `exclude` left out. */
export async function findPickable(
  env: Env,
  db: Db,
  kind: PickerKind,
  query: string,
  exclude: readonly string[] = []
): Promise<PickerOption[]> {
  if (query.trim() === '') return []
  if (kind === 'actor') {
    const { actors } = await searchActors(env, db, {
      q: query,
      filters: {},
      page: 1,
      hitsPerPage: PICKER_LIMIT + exclude.length,
    })
    return actors
      .filter((a) => !exclude.includes(a.id))
      .slice(0, PICKER_LIMIT)
      .map((a) => ({ id: a.id, title: a.name, place: placeOf(a.derived.territories) }))
  }
  const result = await runSearch(env, {
    q: query,
    filters: {},
    sort: 'relevance',
    page: 1,
    hitsPerPage: PICKER_LIMIT,
    excludeIds: exclude,
    facets: false,
  })
  return result.hits.map((hit) => ({
    id: hit.id,
    title: hit.title,
    place: placeOf(hit.territories) ?? hit.abroadPlace,
  }))
}

/** The published records of `kind` among `ids`, by id (the others are absent). */
export async function namePicked(
  db: Db,
  kind: PickerKind,
  ids: readonly string[]
): Promise<Map<string, PickerOption>> {
  if (ids.length === 0) return new Map()
  const rows =
    kind === 'actor'
      ? (await getActorsByIds(db, ids)).map((r) => ({ ...r, title: r.name }))
      : await getExperimentsByIds(db, ids)
  return new Map(
    rows
      .filter((r) => r.status === 'published')
      .map((r) => [
        r.id,
        {
          id: r.id,
          title: r.title,
          place: placeOf((JSON.parse(r.derived) as Pick<Derived, 'territories'>).territories),
        },
      ])
  )
}
