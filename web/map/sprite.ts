/**
 * The map outlines as one cacheable SVG document per level, `/cartes/{level}-{version}.svg`.
 * Pages draw each area with `<use href="…#dep-35">` instead of inlining the outlines: the
 * 101 départements' path data is most of a map page's weight (≈ 35 KB of 90 KB on an empty
 * agenda), and as a shared file it is downloaded once for every map page. The version is a
 * hash of the shapes, so the file can be cached for good and changes name when
 * `npm run maps` redraws them.
 *
 * The paths carry no fill or stroke: `<use>` passes its own down (shade, selected outline,
 * hover), so one drawing serves every map and every state.
 */
import { mapShapes, type ShapeLevel } from './shapes'

/** FNV-1a, 32 bits, in base 36: a short name that changes whenever the outlines do. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(36)
}

const versions = new Map<ShapeLevel, string>()

/** The version of a level's outlines (computed once per isolate). */
export function mapSpriteVersion(level: ShapeLevel): string {
  let version = versions.get(level)
  if (!version) {
    version = fnv1a(
      mapShapes(level)
        .map((s) => `${s.code}:${s.path}`)
        .join('\n')
    )
    versions.set(level, version)
  }
  return version
}

/** Path of a level's outlines file, e.g. `/cartes/dep-1x2y3z.svg`. */
export function mapSpritePath(level: ShapeLevel): string {
  return `/cartes/${level}-${mapSpriteVersion(level)}.svg`
}

/** What a `<use>` points at for one area: `/cartes/dep-1x2y3z.svg#dep-35`. */
export function mapAreaHref(level: ShapeLevel, code: string): string {
  return `${mapSpritePath(level)}#${level}-${code}`
}

/** The outlines file: every area of the level as a path in `<defs>`, id `{level}-{code}`. */
export function mapSprite(level: ShapeLevel): string {
  const paths = mapShapes(level)
    .map((s) => `<path id="${level}-${s.code}" d="${s.path}"/>`)
    .join('')
  return `<svg xmlns="http://www.w3.org/2000/svg"><defs>${paths}</defs></svg>`
}
