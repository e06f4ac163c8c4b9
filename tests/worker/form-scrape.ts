/**
 * What a browser with JavaScript off submits from a rendered form: every successful
 * control in document order (text, hidden and search inputs, ticked boxes and radios, each
 * select's chosen option, textareas with their line breaks sent as CRLF), submit buttons
 * left out. Written for the markup our JSX renders, so tests post exactly what the page offers.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" }

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name in ENTITIES) return ENTITIES[name]!
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)))
    return whole
  })
}

function attributes(tag: string): Map<string, string> {
  const attrs = new Map<string, string>()
  for (const m of tag.matchAll(/([a-zA-Z][\w:-]*)(?:="([^"]*)")?/g))
    attrs.set(m[1]!.toLowerCase(), decode(m[2] ?? ''))
  return attrs
}

/** The form whose opening tag matches `selector` (a substring of it), as submitted pairs. */
export function scrapeForm(html: string, selector: string): [string, string][] {
  const start = html.indexOf(selector)
  if (start < 0) throw new Error(`no form matching ${selector}`)
  const formStart = html.lastIndexOf('<form', start)
  const form = html.slice(formStart, html.indexOf('</form>', start))
  const pairs: [string, string][] = []
  const controls = /<input\b([^>]*)>|<(textarea|select)\b([^>]*)>([\s\S]*?)<\/\2>/g
  for (const m of form.matchAll(controls)) {
    const element = m[2] ?? 'input'
    const rawAttrs = m[1] ?? m[3] ?? ''
    const inner = m[4] ?? ''
    const attrs = attributes(rawAttrs)
    const name = attrs.get('name')
    if (!name || attrs.has('disabled')) continue
    if (element === 'input') {
      const type = attrs.get('type') ?? 'text'
      if (['submit', 'button', 'image', 'reset', 'file'].includes(type)) continue
      if ((type === 'checkbox' || type === 'radio') && !attrs.has('checked')) continue
      pairs.push([name, attrs.get('value') ?? (type === 'checkbox' ? 'on' : '')])
    } else if (element === 'textarea') {
      pairs.push([name, decode(inner).replace(/\r?\n/g, '\r\n')])
    } else {
      const options = [...inner.matchAll(/<option\b([^>]*)>/g)].map((o) => attributes(o[1]!))
      const chosen = options.find((o) => o.has('selected')) ?? options[0]
      if (chosen) pairs.push([name, chosen.get('value') ?? ''])
    }
  }
  return pairs
}
