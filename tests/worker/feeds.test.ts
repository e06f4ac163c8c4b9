import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { drainOutbox } from '../../worker/search/sync'
import { HOSTILE } from './exports-fixtures'
import { publish, request, validInput } from './fixtures'

interface XmlElement {
  name: string
  attributes: Record<string, string>
  children: XmlElement[]
  text: string
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

function decode(raw: string): string {
  return raw.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    const value = ENTITIES[name]
    if (value === undefined) throw new Error(`unknown entity ${m}`)
    return value
  })
}

/**
 * A strict little XML parser: enough to prove well-formedness (one root, balanced and
 * properly nested tags, quoted attributes, no bare `<` or `&` in text, known entities).
 */
function parseXml(xml: string): XmlElement {
  let i = 0
  const rest = () => xml.slice(i)
  const prolog = /^<\?xml[^?]*\?>\s*/.exec(rest())
  if (prolog) i += prolog[0].length
  const stack: XmlElement[] = []
  let root: XmlElement | null = null
  while (i < xml.length) {
    if (xml.startsWith('</', i)) {
      const m = /^<\/([\w:.-]+)\s*>/.exec(rest())
      if (!m) throw new Error(`bad end tag at ${i}`)
      const open = stack.pop()
      if (open?.name !== m[1]) throw new Error(`mismatched </${m[1]}> at ${i}`)
      i += m[0].length
    } else if (xml[i] === '<') {
      const m = /^<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/.exec(rest())
      if (!m) throw new Error(`bad start tag at ${i}: ${xml.slice(i, i + 40)}`)
      const attributes: Record<string, string> = {}
      for (const a of m[2]!.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1]! in attributes) throw new Error(`duplicate attribute ${a[1]}`)
        attributes[a[1]!] = decode(a[2] ?? a[3] ?? '')
      }
      const el: XmlElement = { name: m[1]!, attributes, children: [], text: '' }
      if (stack.length === 0) {
        if (root) throw new Error('two root elements')
        root = el
      } else stack.at(-1)!.children.push(el)
      if (m[3] !== '/') stack.push(el)
      i += m[0].length
    } else {
      const end = xml.indexOf('<', i)
      const raw = xml.slice(i, end === -1 ? xml.length : end)
      if (/&(?!(#x[0-9a-f]+|#\d+|\w+);)/i.test(raw)) throw new Error(`bare & at ${i}`)
      if (raw.includes(']]>')) throw new Error(']]> in text')
      if (stack.length === 0) {
        if (raw.trim()) throw new Error('text outside the root')
      } else stack.at(-1)!.text += decode(raw)
      i += raw.length
    }
  }
  if (stack.length > 0 || !root) throw new Error('unclosed elements')
  return root
}

const child = (el: XmlElement, name: string) => el.children.find((c) => c.name === name)
const children = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name)
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** The RFC 4287 requirements a validator checks first (§4.1.1, §4.1.2). */
function expectAtom(feed: XmlElement) {
  expect(feed.name).toBe('feed')
  expect(feed.attributes.xmlns).toBe('http://www.w3.org/2005/Atom')
  for (const name of ['id', 'title', 'updated']) expect(children(feed, name)).toHaveLength(1)
  expect(child(feed, 'updated')!.text).toMatch(RFC3339)
  const self = children(feed, 'link').find((l) => l.attributes.rel === 'self')
  expect(self?.attributes.href).toMatch(/^https?:\/\//)
  const feedAuthor = children(feed, 'author').length > 0
  for (const entry of children(feed, 'entry')) {
    for (const name of ['id', 'title', 'updated']) expect(children(entry, name)).toHaveLength(1)
    expect(child(entry, 'updated')!.text).toMatch(RFC3339)
    expect(child(entry, 'published')!.text).toMatch(RFC3339)
    expect(child(entry, 'id')!.text).toMatch(/^https?:\/\//)
    expect(feedAuthor || children(entry, 'author').length > 0).toBe(true)
    const alternate = children(entry, 'link').find((l) => l.attributes.rel === 'alternate')
    expect(alternate?.attributes.href).toMatch(/\/experiences\//)
  }
}

describe('Atom feed', () => {
  it('is well-formed RFC 4287 and escapes hostile text', async () => {
    const hostile = await publish(
      validInput({
        title: 'Fiche <script>alert(1)</script> & ]]> « piège »',
        // U+0001 is refused at the edge since issue 15; U+FFFE (not XML) is still accepted.
        summary: `Résumé hostile : ${HOSTILE}\uFFFE fin.`,
        lead: { name: 'Commune <b>&amp;</b> "Test"', kind: 'commune' },
        themes: ['open-data.publication'],
      })
    )
    await publish(validInput({ title: 'Une fiche tout à fait ordinaire' }))
    const res = await request('/api/feeds/experiments.atom')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
    const xml = await res.text()
    expect(xml).not.toContain('<script>')
    expect(xml).not.toMatch(/]]>/)
    const feed = parseXml(xml)
    expectAtom(feed)
    const entries = children(feed, 'entry')
    expect(entries).toHaveLength(2)
    const entry = entries.find((e) => child(e, 'id')!.text.endsWith(hostile.id))!
    // What the reader shows is exactly what was written, minus XML-forbidden characters.
    expect(child(entry, 'title')!.text).toBe('Fiche <script>alert(1)</script> & ]]> « piège »')
    expect(child(entry, 'summary')!.text).toBe(`Résumé hostile : ${HOSTILE} fin.`)
    expect(child(child(entry, 'author')!, 'name')!.text).toBe('Commune <b>&amp;</b> "Test"')
    expect(child(entry, 'category')!.attributes.term).toBe('open-data.publication')
  })

  it('follows a search with the list’s filters, under a stable feed id', async () => {
    const a = await request('/api/feeds/experiments.atom?theme=open-data&region=53')
    const b = await request('/api/feeds/experiments.atom?region=53&theme=open-data')
    const feedA = parseXml(await a.text())
    const feedB = parseXml(await b.text())
    expectAtom(feedA)
    expect(child(feedA, 'id')!.text).toBe(child(feedB, 'id')!.text)
    expect(children(feedA, 'entry')).toHaveLength(0)
    const feedC = parseXml(
      await (await request('/api/feeds/experiments.atom?theme=open-data')).text()
    )
    expect(children(feedC, 'entry')).toHaveLength(1)
    const bad = await request('/api/feeds/experiments.atom?stage=unknown')
    expect(bad.status).toBe(400)
  })

  it('follows a text search like the list, and keeps the text in its id', async () => {
    const matching = await publish(
      validInput({ title: 'Cartographie participative des sentiers de randonnée' })
    )
    await drainOutbox(env)
    const feed = parseXml(
      await (await request('/api/feeds/experiments.atom?q=randonnee+cartographie')).text()
    )
    expectAtom(feed)
    const ids = children(feed, 'entry').map((e) => child(e, 'id')!.text)
    expect(ids).toHaveLength(1)
    expect(ids[0]).toContain(matching.id)
    expect(child(feed, 'id')!.text).toContain('q=randonnee+cartographie')
    const tooLong = await request(`/api/feeds/experiments.atom?q=${'a'.repeat(201)}`)
    expect(tooLong.status).toBe(400)
  })
})
