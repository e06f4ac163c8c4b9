/**
 * A count with its noun, by the language's plural rules (`Intl.PluralRules`) and number
 * format: « 1 fiche », « 0 fiche », « 12 500 fiches »; "1 record", "0 records".
 */
import { LOCALE, type Lang } from './lang'

const RULES = {
  fr: new Intl.PluralRules(LOCALE.fr),
  en: new Intl.PluralRules(LOCALE.en),
} satisfies Record<Lang, Intl.PluralRules>
const NUMBERS = {
  fr: new Intl.NumberFormat(LOCALE.fr),
  en: new Intl.NumberFormat(LOCALE.en),
} satisfies Record<Lang, Intl.NumberFormat>

export function countOf(lang: Lang, n: number, one: string, other: string): string {
  return `${NUMBERS[lang].format(n)} ${RULES[lang].select(n) === 'one' ? one : other}`
}
