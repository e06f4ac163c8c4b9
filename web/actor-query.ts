/** The query of `/acteurs` (its GET form's fields) and the list's address for one. */

export interface ActorListQuery {
  q?: string | undefined
  kind?: readonly string[] | undefined
  offers?: readonly string[] | undefined
  needs?: readonly string[] | undefined
  territory?: readonly string[] | undefined
  programme?: readonly string[] | undefined
}

/** The list's address for a query (empty filters left out), as its GET form sends it. */
export function actorsHref(query: ActorListQuery): string {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  for (const key of ['kind', 'needs', 'offers', 'programme', 'territory'] as const)
    for (const value of query[key] ?? []) params.append(key, value)
  const search = params.toString()
  return search ? `/acteurs?${search}` : '/acteurs'
}
