/**
 * Text shared by every concept: the one schema of a free-text field (what the edge lets
 * in), the folding of the territory reference, autocomplete and slugs, and linear string
 * helpers.
 */
import { z } from '@hono/zod-openapi'

// ── The text field schema ────────────────────────────────────────────────────
// A single NUL made a backup unrestorable, a lone surrogate made Meilisearch refuse a
// document for ever, and ESC, BEL or U+200B-only titles were published as is (issue 15):
// every free-text field of every concept goes through `cleanText`.

/** C0 controls but tab and newline, DEL and the C1 controls (CR is folded into newlines first). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/
/** In `u` mode a surrogate pair is one code point: only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u
/** Characters that show nothing: spaces, zero-width and bidi marks, fillers, variation selectors. */
const INVISIBLE =
  /[\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/g

/** Why a text value is refused, or null: the rules of `cleanText`, for checks of stored data. */
export function textDefect(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return 'Caractère invalide (demi-paire UTF-16 isolée).'
  const control = CONTROL.exec(value.replace(/\r\n?/g, '\n'))
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    return `Caractère de contrôle interdit (U+${code}) : seuls la tabulation et le saut de ligne sont admis.`
  }
  if (value.trim() !== '' && value.replace(INVISIBLE, '') === '')
    return 'Ce texte ne contient aucun caractère visible.'
  return null
}

/** The check of `cleanText`, for string schemas that are not free text (URLs). */
export function refuseTextDefects(value: string, ctx: z.RefinementCtx<string>): void {
  const defect = textDefect(value)
  if (defect) ctx.addIssue({ code: 'custom', message: defect, input: value, abort: true })
}

/**
 * A free-text field: NFC, line breaks as `\n`, trimmed; lone surrogates, control
 * characters (tab and newline aside) and invisible-only values refused with a message
 * naming the character. `max` counts UTF-16 units, as before.
 */
export function cleanText(max: number) {
  return z
    .string()
    .superRefine(refuseTextDefects)
    .overwrite((value) => value.replace(/\r\n?/g, '\n').normalize('NFC'))
    .trim()
    .max(max, `${max} caractères au maximum.`)
}

// ── Folding ──────────────────────────────────────────────────────────────────

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

// Linear string helpers: user input never meets a backtracking regular expression
// (`/\s*[,;]\s*/` split held a Worker for a minute on 256 KiB of spaces, issue 15).

/** Splits on any of the `separators` characters and trims each part: "a , b;c" → ["a", "b", "c"]. */
export function splitTrimmed(value: string, separators: string): string[] {
  const parts: string[] = []
  let start = 0
  for (let i = 0; i <= value.length; i++) {
    if (i === value.length || separators.includes(value[i]!)) {
      parts.push(value.slice(start, i).trim())
      start = i + 1
    }
  }
  return parts
}

/** `value` without the run of `char` at its end: ("https://a.fr//", "/") → "https://a.fr". */
export function trimTrailing(value: string, char: string): string {
  let end = value.length
  while (end > 0 && value[end - 1] === char) end--
  return value.slice(0, end)
}

/** A trailing "(…)" holding no parenthesis: "Saint-Denis (La Réunion)" → the name before it and "La Réunion". */
export function trailingParenthesis(value: string): { before: string; inside: string } | null {
  const trimmed = value.trimEnd()
  if (!trimmed.endsWith(')')) return null
  const open = trimmed.lastIndexOf('(')
  if (open < 0 || trimmed.indexOf(')', open) !== trimmed.length - 1) return null
  return { before: trimmed.slice(0, open).trimEnd(), inside: trimmed.slice(open + 1, -1) }
}
