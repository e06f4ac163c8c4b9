/**
 * The edge against awkward input (issue 15): every text field of every concept refuses
 * NUL, control characters, lone surrogates and invisible-only values with a 400 naming
 * the field, and gives back the awkward characters it accepts; nested objects are strict;
 * bodies that are not UTF-8 are refused; the worst cases of the regular expressions that
 * once met user input hold nothing; no header value makes a 5xx; the language switch
 * only ever goes back to a path of this site.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { asModerator, MODERATOR, validInput } from './fixtures'
import { appRoutes, briefReport, fillPath, send } from './fuzz-support'
import { ACCEPTED_TEXT, REFUSED_TEXT } from './text-fixtures'

const ORIGIN = 'https://observatoire.test'
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
})

/** A submission with every free-text field of the record filled. */
function fullInput(): Record<string, unknown> {
  return validInput({
    partners: [{ name: 'Association partenaire', role: 'Animation' }],
    keywords: ['médiation'],
    narrative: {
      context: 'Contexte',
      description: 'Description',
      novelty: 'Nouveauté',
      governance: 'Gouvernance',
      users: 'Usagers',
      results: 'Résultats',
      difficulties: 'Difficultés',
      successConditions: 'Conditions',
      advice: 'Conseils',
    },
    means: { fundingSources: [{ type: 'region', programme: 'Appel à projets' }] },
    results: {
      indicators: [{ label: 'Personnes accompagnées', unit: 'personnes', method: 'Comptage' }],
      evaluationDocuments: [{ title: 'Rapport', url: 'https://exemple.fr/rapport.pdf' }],
    },
    resources: [{ title: 'Guide', url: 'https://exemple.fr/guide', licence: 'CC-BY-4.0' }],
    sources: [{ url: 'https://exemple.fr/source', title: 'Article', publisher: 'Éditeur' }],
    publicContact: { role: 'Chargée de mission' },
    privateContact: { name: 'Camille Exemple', email: 'camille@example.fr' },
  }) as unknown as Record<string, unknown>
}

/** Every free-text field of the submission, as JSON Pointers. */
const TEXT_POINTERS = [
  '/title',
  '/summary',
  '/lead/name',
  '/partners/0/name',
  '/partners/0/role',
  '/keywords/0',
  ...[
    'context',
    'description',
    'novelty',
    'governance',
    'users',
    'results',
    'difficulties',
    'successConditions',
    'advice',
  ].map((k) => `/narrative/${k}`),
  '/means/fundingSources/0/programme',
  '/results/indicators/0/label',
  '/results/indicators/0/unit',
  '/results/indicators/0/method',
  '/results/evaluationDocuments/0/title',
  '/resources/0/title',
  '/resources/0/licence',
  '/sources/0/title',
  '/sources/0/publisher',
  '/publicContact/role',
  '/privateContact/name',
]

function at(target: Record<string, unknown>, pointer: string): [Record<string, unknown>, string] {
  const keys = pointer.slice(1).split('/')
  let node = target
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>
  return [node, keys.at(-1)!]
}

function withText(pointer: string, value: string): Record<string, unknown> {
  const body = structuredClone(fullInput())
  const [node, key] = at(body, pointer)
  node[key] = `${String(node[key])} ${value}`
  return body
}

interface ProblemBody {
  errors?: { pointer?: string; message: string }[]
}

describe('text at the edge', () => {
  it('refuses every awkward character in every text field of a record, naming the field', async () => {
    let sent = 0
    for (const pointer of TEXT_POINTERS) {
      for (const [name, value] of Object.entries(REFUSED_TEXT)) {
        // Invisible-only values are refused as a whole value, the others anywhere in it.
        const body = name.includes('only')
          ? (() => {
              const b = structuredClone(fullInput())
              const [node, key] = at(b, pointer)
              node[key] = value
              return b
            })()
          : withText(pointer, value)
        const res = await send('/api/experiments', json(body))
        sent++
        const problem = (await res.json()) as ProblemBody
        expect(res.status, `${pointer} with ${name}`).toBe(400)
        expect(
          problem.errors?.map((e) => e.pointer),
          `${pointer} with ${name}`
        ).toContain(pointer)
      }
    }
    expect(sent).toBe(TEXT_POINTERS.length * Object.keys(REFUSED_TEXT).length)
  })

  it('refuses them in the other concepts too: reports, moderation reasons, imports', async () => {
    const created = (await (await send('/api/experiments', json(validInput()))).json()) as {
      id: string
    }
    for (const [name, value] of Object.entries(REFUSED_TEXT)) {
      const reason = name.includes('only') ? value : `Raison ${value} suffisante`
      const rejected = await send(
        `/api/moderation/experiments/${created.id}/request-changes`,
        json({ reason }, asModerator())
      )
      expect(rejected.status).toBe(400)
      expect(((await rejected.json()) as ProblemBody).errors?.[0]?.pointer).toBe('/reason')
      const imported = await send(
        '/api/moderation/import?dryRun=true',
        json(
          [{ ...validInput(), sourceId: name.includes('only') ? value : `src-${value}` }],
          asModerator()
        )
      )
      const report = (await imported.json()) as {
        rows: { status: string; errors?: { pointer?: string }[] }[]
      }
      expect(report.rows[0]?.status).toBe('invalid')
      expect(report.rows[0]?.errors?.map((e) => e.pointer)).toContain('/sourceId')
    }
  })

  it('accepts the awkward characters a text may hold and stores them normalised (NFC, \\n)', async () => {
    const body = fullInput()
    const summary = ACCEPTED_TEXT.map((a) => a.sent).join(' | ')
    const res = await send(
      '/api/experiments',
      json({
        ...body,
        title: ACCEPTED_TEXT[2]!.sent,
        summary,
        keywords: ACCEPTED_TEXT.map((a) => a.sent.slice(0, 50)),
        narrative: Object.fromEntries(
          ACCEPTED_TEXT.slice(0, 9).map((a, i) => [
            Object.keys(body.narrative as object)[i]!,
            a.sent,
          ])
        ),
      })
    )
    expect(res.status, await res.clone().text()).toBe(201)
    const { id } = (await res.json()) as { id: string }
    const stored = (await (
      await send(`/api/moderation/experiments/${id}`, {
        headers: asModerator(),
      })
    ).json()) as { title: string; summary: string; narrative: Record<string, string> }
    expect(stored.title).toBe(ACCEPTED_TEXT[2]!.stored)
    expect(stored.summary).toBe(summary.normalize('NFC').replace(/\r\n?/g, '\n').trim())
    expect(Object.values(stored.narrative)).toEqual(ACCEPTED_TEXT.slice(0, 9).map((a) => a.stored))
  })

  it('nested objects are strict: an unknown key is a 400 naming it by its JSON Pointer', async () => {
    const cases: [string, Record<string, unknown>][] = [
      ['/lead/nom', { lead: { ...validInput().lead, nom: 'x' } }],
      ['/privateContact/telephone', { privateContact: { email: 'a@example.fr', telephone: '1' } }],
      ['/narrative/contexte', { narrative: { contexte: 'x' } }],
      ['/partners/0/site', { partners: [{ name: 'Partenaire', site: 'x' }] }],
      [
        '/results/evaluationDocuments/0/auteur',
        {
          results: {
            evaluationDocuments: [{ title: 'Rapport', url: 'https://exemple.fr', auteur: 'x' }],
          },
        },
      ],
      ['/sources/0/date', { sources: [{ url: 'https://exemple.fr', date: '2024' }] }],
    ]
    for (const [pointer, overrides] of cases) {
      const res = await send('/api/experiments', json({ ...validInput(), ...overrides }))
      expect(res.status, pointer).toBe(400)
      const problem = (await res.json()) as ProblemBody
      expect(
        problem.errors?.map((e) => e.pointer),
        pointer
      ).toContain(pointer)
    }
  })
})

describe('bodies that are not UTF-8', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text)
  const withByte = (before: string, after: string) =>
    new Uint8Array([...utf8(before), 0xff, 0xfe, ...utf8(after)])

  it('refuses them with a 400: JSON, form (raw byte or %FF), CSV and NDJSON imports', async () => {
    const record = JSON.stringify(validInput())
    const cut = record.indexOf('Mayenne') + 3
    const jsonRes = await send('/api/experiments', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: withByte(record.slice(0, cut), record.slice(cut)),
    })
    expect(jsonRes.status).toBe(400)
    expect(await jsonRes.text()).toContain('UTF-8')

    const form = (body: BodyInit) =>
      send('/proposer', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
        body,
      })
    expect((await form(withByte('title=Titre ', '&summary=x'))).status).toBe(400)
    expect((await form('title=Titre%20%FF%FE&summary=x')).status).toBe(400)
    // Still fine: a bare % and well-formed escapes.
    expect((await form('title=100%+garanti%20%C3%A9t%C3%A9&summary=x')).status).not.toBe(500)

    for (const [type, text] of [
      ['text/csv', 'title,summary\nTitre '],
      ['application/x-ndjson', '{"title":"Titre '],
    ] as const) {
      const res = await send('/api/moderation/import?dryRun=true', {
        method: 'POST',
        headers: { 'content-type': type, ...asModerator() },
        body: withByte(text, '"}\n'),
      })
      expect(res.status, type).toBe(400)
    }
  })
})

/**
 * Worst cases of the regular expressions that met user input before issue 15, each sent
 * where the input goes: `/\s*[,;]\s*\/` (keywords, 5.6 s for 80 KB), `/\s*[,;\n]\s*\/`
 * (territories), `/\s*\(([^()]*)\)\s*$/` (territory names), `/\s*\n\s*\/` (narrative
 * paragraphs), `/=+$/` (cursors). Linear parsing replaced them; tests/security proves with
 * a ReDoS checker that no regex left in worker/ or web/ is super-linear, and these requests
 * must answer normally (a 4xx or a 2xx), whatever their size.
 */
describe('regular expression worst cases', () => {
  const spaces = ' '.repeat(200_000)
  it('the form, the import and the search answer them without a 5xx', async () => {
    const form = (fields: Record<string, string>) =>
      send('/proposer', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
        body: new URLSearchParams(fields).toString(),
      })
    const worst: Record<string, string>[] = [
      { keywords: `a${spaces}b` },
      { keywords: `${spaces},` },
      { territories: `a${spaces}b` },
      { territories: `${'('.repeat(100_000)}x` },
      { territories: `Rennes${' ('.repeat(50_000)}` },
      { 'narrative.context': `a${'\n '.repeat(100_000)}b` },
    ]
    for (const fields of worst) {
      const res = await form({ title: 'Titre de test', ...fields })
      expect(res.status, Object.keys(fields)[0]).toBeLessThan(500)
    }
    const names = await send(
      '/api/moderation/import?dryRun=true',
      json(
        [{ ...validInput(), territories: [], territoryNames: [`R${' '.repeat(190)}(`] }],
        asModerator()
      )
    )
    expect(names.status).toBe(200)
    const cursor = await send(`/api/experiments?cursor=${'='.repeat(200)}x`)
    expect(cursor.status).toBe(400)
  })
})

describe('headers', () => {
  const HEADER_NAMES = [
    'accept',
    'accept-language',
    'authorization',
    'content-type',
    'cookie',
    'origin',
    'referer',
    'if-none-match',
    'if-modified-since',
    'x-d1-bookmark',
    'cf-connecting-ip',
    'x-forwarded-for',
    'user-agent',
    'range',
    'accept-encoding',
  ]
  /** What a header carries on the wire (visible ASCII, spaces and tabs: CR and LF cannot). */
  const headerValue = fc.oneof(
    fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, '')),
    fc.constantFrom(
      '',
      '\t',
      '%0d%0a',
      'Bearer ',
      `Bearer ${MODERATOR}\t`,
      '__Host-obs_session=; lang=xx',
      'lang=%C3%A9%FF',
      'text/html; charset=x-unknown',
      'application/json; charset=utf-16',
      'fr-FR,fr;q=abc,*;q=-1',
      'W/"", *, "\t"',
      'bytes=-1-2',
      '::1, 999.1.1.1, fe80::1%eth0, unknown',
      'x'.repeat(8000),
      '"; DROP TABLE experiments; --'
    )
  )

  it('no header value makes a 5xx, on any route', async () => {
    const routes = appRoutes()
    let total = 0
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), headerValue), {
          minLength: 1,
          maxLength: 5,
        }),
        async (route, headers) => {
          const init: RequestInit = {
            method: route.method,
            headers: new Headers(headers),
            ...(['GET', 'HEAD'].includes(route.method) ? {} : { body: '{}' }),
          }
          const path = fillPath(route, ['01JD8Z6M4S4X7R2Q9F3K5V1B0C', 'x', 'y'])
          const res = await send(path, init)
          total++
          expect(res.status, `${route.method} ${path} ${JSON.stringify(headers)}`).toBeLessThan(500)
        }
      ),
      { numRuns: 400, endOnFailure: true, reporter: briefReport }
    )
    expect(total).toBe(400)
  }, 120_000)
})

describe('language switch', () => {
  it('goes back only to a path of this site: tabs, newlines, backslashes and encoded slashes go home', async () => {
    const cases: [string, string][] = [
      ['/%09/example.com', '/'],
      ['/\t/example.com', '/'],
      ['/\n/example.com', '/'],
      ['/\r\nSet-Cookie: x=1', '/'],
      ['/\\example.com', '/'],
      ['\\/example.com', '/'],
      ['//example.com', '/'],
      ['/%2fexample.com', '/'],
      ['/%5cexample.com', '/'],
      ['/.//example.com', '/'],
      ['https://example.com/', '/'],
      ['javascript:alert(1)', '/'],
      ['/\u0000/example.com', '/'],
      ['/recherche?q=bus', '/recherche?q=bus'],
      ['/experiences/un-exemple#haut', '/experiences/un-exemple#haut'],
      ['/recherche?q=café', '/recherche?q=caf%C3%A9'],
    ]
    for (const [retour, expected] of cases) {
      const res = await send(`/langue/fr?retour=${encodeURIComponent(retour)}`)
      expect(res.status, JSON.stringify(retour)).toBe(303)
      expect(res.headers.get('location'), JSON.stringify(retour)).toBe(expected)
    }
  })

  it('never answers a 5xx or leaves the site, whatever `retour` holds', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ maxLength: 40 }).map((s) => `/${s}`),
          fc
            .array(
              fc.constantFrom('/', '\\', '\t', '\n', '\r', '%2f', '%5C', '.', 'example.com', '%09')
            )
            .map((parts) => parts.join(''))
        ),
        async (retour) => {
          const res = await send(
            `/langue/en?retour=${encodeURIComponent(retour.replace(/[\ud800-\udfff]/g, ''))}`
          )
          expect(res.status).toBe(303)
          const location = res.headers.get('location') ?? ''
          const resolved = new URL(location, ORIGIN)
          expect(resolved.origin, JSON.stringify(retour)).toBe(ORIGIN)
          expect(location.startsWith('/') && !location.startsWith('//')).toBe(true)
        }
      ),
      { numRuns: 300, reporter: briefReport }
    )
  })
})
