/** Where the exports of « la parole recueillie » live, with the page's own scope and text. */
export const PAROLE_EXPORTS = {
  csv: '/api/exports/parole.csv',
  json: '/api/exports/parole.json',
} as const

export function paroleExportHref(
  format: keyof typeof PAROLE_EXPORTS,
  filters: { theme?: string; territory?: string; q?: string }
): string {
  const params = new URLSearchParams(
    Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1]))
  )
  const text = params.toString()
  return text ? `${PAROLE_EXPORTS[format]}?${text}` : PAROLE_EXPORTS[format]
}

/** The page of « la parole recueillie » of a territory. */
export const paroleOfTerritoryHref = (code: string) => `/parole-recueillie/territoires/${code}`
