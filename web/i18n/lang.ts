export const LANGS = ['fr', 'en'] as const
export type Lang = (typeof LANGS)[number]

/** The locale of each language for `Intl` (numbers, dates, plural rules). */
export const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' }
