/**
 * English everywhere a visitor goes: the FR and EN dictionaries have the same keys, every
 * English text is a translation (not the French one copied or spread in), and a page
 * rendered in one language shows no text of the other language's dictionary.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { MESSAGES } from '../../web/i18n'
import { TRUST_MESSAGES } from '../../worker/routes/pages/trust-messages'
import { publish, request } from './fixtures'

type Leaf = { path: string; value: unknown }

/** Every leaf of a dictionary with its path; functions are called with sample arguments. */
function leaves(value: unknown, path = ''): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`))
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k))
  }
  return [{ path, value }]
}

const keysOf = (dict: unknown) =>
  leaves(dict)
    .map((l) => l.path)
    .sort()

/** Texts that are the same in both languages (names, codes, loanwords). */
const SAME_IN_BOTH = new Set([
  'API',
  'Pagination',
  'Page',
  'Date',
  'Source',
  'Programme',
  'Licence',
  'Département',
  'Départements',
  'Région',
  'communes',
  'Régions',
  'Sources',
  'Population',
  // history.actions: the same word in both languages
  'publication',
  'import',
  // events: the same word in both languages
  'Contact',
  'Participants',
  'Documents',
  '—',
])

describe('dictionaries', () => {
  for (const [name, dict] of [
    ['interface', MESSAGES],
    ['edit, history and report pages', TRUST_MESSAGES],
  ] as const) {
    it(`${name}: French and English have exactly the same keys`, () => {
      expect(keysOf(dict.en)).toEqual(keysOf(dict.fr))
    })

    it(`${name}: every English text is translated`, () => {
      const en = new Map(leaves(dict.en).map((l) => [l.path, l.value]))
      const untranslated = leaves(dict.fr)
        .filter((l) => typeof l.value === 'string' && l.value !== '')
        .filter((l) => en.get(l.path) === l.value && !SAME_IN_BOTH.has(l.value as string))
        .filter((l) => !/^(lang|footer\.switchLangCode)$/.test(l.path))
        .map((l) => `${l.path}: ${String(l.value)}`)
      expect(untranslated).toEqual([])
    })
  }
})

/** The visible text of a page: tags dropped, entities decoded, spaces collapsed. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
}

/** Plain strings of one language's dictionaries that the other language does not use. */
function onlyIn(lang: 'fr' | 'en'): string[] {
  const other = lang === 'fr' ? 'en' : 'fr'
  const strings = (l: 'fr' | 'en') =>
    [...leaves(MESSAGES[l]), ...leaves(TRUST_MESSAGES[l])]
      .map((x) => x.value)
      .filter((v): v is string => typeof v === 'string')
  const theirs = new Set(strings(other))
  // Short words ("Oui", "Page") can occur inside any text; a whole phrase cannot.
  return [...new Set(strings(lang))].filter((s) => s.length >= 12 && !theirs.has(s))
}

describe('pages show the text of their own language only', () => {
  let slug = ''
  beforeAll(async () => {
    slug = (await publish({ title: 'Médiation itinérante de la Commune d’Exemple' })).slug
  })

  const paths = () => [
    '/',
    '/?q=mediation',
    `/experiences/${slug}`,
    `/experiences/${slug}/historique`,
    `/experiences/${slug}/signaler`,
    '/proposer',
    '/comparer',
    '/comparer?t=reg%3A53&t=dep%3A53',
    '/territoires/reg:53',
    '/territoires/dep:53',
    '/donnees?theme=mediation&region=53',
    '/accessibilite',
    '/integrer?territory=reg%3A53&theme=mediation',
    '/integrer?territory=dep%3A00',
    '/page-inconnue',
  ]

  for (const lang of ['en', 'fr'] as const) {
    it(`in ${lang === 'en' ? 'English' : 'French'}, no page shows a text of the other dictionary`, async () => {
      const foreign = onlyIn(lang === 'en' ? 'fr' : 'en')
      const found: string[] = []
      for (const path of paths()) {
        const res = await request(path, {
          headers: { accept: 'text/html', cookie: `lang=${lang}` },
        })
        const html = await res.text()
        expect(html).toContain(`<html lang="${lang}"`)
        const text = visibleText(html)
        for (const s of foreign) if (text.includes(s)) found.push(`${path}: ${s}`)
      }
      expect(found).toEqual([])
    })
  }

  it('the moderation desk, French only, says so even to an English reader', async () => {
    const res = await request('/moderation/connexion', {
      headers: { accept: 'text/html', cookie: 'lang=en' },
    })
    expect(await res.text()).toContain('<html lang="fr"')
  })
})
