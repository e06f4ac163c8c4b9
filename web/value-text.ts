/**
 * A stored value as plain text for a reader: lists joined, rows as `key: value` pairs
 * (diff tables), numbers in the reader's format (« 92 000 », not « 92000 »).
 */
import { LOCALE, type Lang } from './i18n/lang'

export function valueText(value: unknown, lang: Lang): string {
  if (value === undefined || value === null || value === '') return ''
  if (Array.isArray(value)) return value.map((v) => valueText(v, lang)).join(' ; ')
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} : ${valueText(v, lang)}`)
      .join(', ')
  }
  if (typeof value === 'number') return value.toLocaleString(LOCALE[lang])
  return String(value)
}
