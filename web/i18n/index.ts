/**
 * Interface text of the public pages, in one dictionary per language (fr.ts, en.ts, with
 * large areas in their own files). French is the reference; `en` must have exactly the
 * same keys (the `Messages` type enforces it), so a missing translation is a type error
 * rather than a blank on the page. Labels of codes (themes, stages…) are not here: they
 * come from worker/domain/vocabularies.ts.
 */
import { createContext, useContext } from 'hono/jsx'
import { en } from './en'
import { fr, type Messages } from './fr'
import type { Lang } from './lang'

export { LANGS, type Lang } from './lang'
export type { Messages } from './fr'

export const MESSAGES: Record<Lang, Messages> = { fr, en }

/**
 * The language of a request: an explicit `lang` cookie (set by the switch link) wins,
 * then the first supported language in Accept-Language, then French.
 */
export function negotiateLang(
  cookie: string | undefined,
  acceptLanguage: string | undefined
): Lang {
  const chosen = /(?:^|;\s*)lang=(fr|en)\b/.exec(cookie ?? '')?.[1]
  if (chosen === 'fr' || chosen === 'en') return chosen
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean)
      return { tag: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q) }
    })
    .filter((l) => l.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) if (tag === 'fr' || tag === 'en') return tag
  return 'fr'
}

/** Messages for the page being rendered (set by `I18n.Provider` in `renderPage`). */
export const I18n = createContext<Messages>(fr)

export function useT(): Messages {
  return useContext(I18n)
}
