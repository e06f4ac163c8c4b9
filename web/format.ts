/** Number and date formatting for the pages, in the reader's language. */
import { LOCALE, type Lang } from './i18n/lang'

export function formatNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2 }).format(n)
}

export function formatEur(n: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'currency',
    currency: 'EUR',
    maximumFractionDigits: 0,
  }).format(n)
}

/**
 * A partial ISO date (`2021`, `2021-09`, `2021-09-15`) or a timestamp, at the precision
 * it was given: a submitter who wrote "2021" did not mean 1 January.
 */
export function formatDate(value: string, lang: Lang): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value)
  if (!m) return value
  const [, y, mo, d] = m
  const date = new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1)))
  if (!mo) return y ?? value
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }
    : { month: 'long', year: 'numeric', timeZone: 'UTC' }
  return new Intl.DateTimeFormat(LOCALE[lang], options).format(date)
}

/** Narrative text as paragraphs: blank lines separate them, single newlines are kept as spaces. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .join(' ')
    )
    .filter(Boolean)
}

/**
 * Wall-clock times of an event's place (`2027-03-12T18:30`), read as written: they are
 * already the place's time, so no zone conversion happens here (the zone is named beside).
 */
const wallClock = (local: string) => new Date(`${local}:00Z`)

/** « 18 h 30 » (French typography), "18:30". */
export function formatWallTime(local: string, lang: Lang): string {
  const [hours = '0', minutes = '00'] = local.slice(11, 16).split(':')
  return lang === 'fr' ? `${Number(hours)} h ${minutes}` : `${hours}:${minutes}`
}

/** « jeudi 12 mars 2027 », "Thursday 12 March 2027". */
export function formatWallDay(local: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALE[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(wallClock(local))
}
