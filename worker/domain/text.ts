/** Text folding shared by the territory reference, autocomplete and slugs. */

/** Lower case, accents removed, apostrophes and hyphens as spaces: "Saint-Étienne" → "saint etienne". */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** URL slug from a title: "Conseil départemental du numérique" → "conseil-departemental-du-numerique". */
export function slugify(value: string, maxLength = 80): string {
  const slug = foldText(value).replace(/ /g, '-')
  return slug.length <= maxLength ? slug : slug.slice(0, maxLength).replace(/-[^-]*$/, '')
}
