/**
 * XML text escaping for feeds. Everything user-written goes through `xmlText`/`xmlAttr`:
 * markup characters become entities (so `<script>`, `]]>` and `&` stay text), and code
 * points that XML 1.0 forbids are dropped, because one of them would make the whole feed
 * unreadable in every reader.
 */

// Allowed: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

export function xmlText(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}

export function xmlAttr(value: string): string {
  return xmlText(value).replaceAll('"', '&quot;').replaceAll("'", '&apos;')
}
