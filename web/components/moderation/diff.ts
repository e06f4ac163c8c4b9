/**
 * Field-level diff of two experiment contents, for the desk: each changed leaf as a
 * dotted path (`lead.name`, `results.indicators.0.value`) with its text before and after.
 * Arrays of plain values (themes, territories, keywords) compare as one field, so a
 * reordered or extended list reads as one change rather than a cascade of shifted indexes.
 */

export interface FieldChange {
  path: string
  before: string | null
  after: string | null
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

function isPlainList(value: Json[]): boolean {
  return value.every((v) => v === null || typeof v !== 'object')
}

function flatten(value: Json | undefined, prefix: string, out: Map<string, string>): void {
  if (value === undefined || value === null || value === '') return
  if (Array.isArray(value)) {
    if (value.length === 0) return
    if (isPlainList(value)) {
      out.set(prefix, value.map(String).join(', '))
      return
    }
    value.forEach((item, i) => flatten(item, `${prefix}.${i}`, out))
    return
  }
  if (typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      flatten(item, prefix ? `${prefix}.${key}` : key, out)
    }
    return
  }
  out.set(prefix, String(value))
}

export function fieldDiff(before: unknown, after: unknown): FieldChange[] {
  const a = new Map<string, string>()
  const b = new Map<string, string>()
  flatten(before as Json, '', a)
  flatten(after as Json, '', b)
  // Order of the record as it reads now, then fields that disappeared.
  const paths = [...new Set([...b.keys(), ...a.keys()])]
  return paths.flatMap((path) => {
    const x = a.get(path) ?? null
    const y = b.get(path) ?? null
    return x === y ? [] : [{ path, before: x, after: y }]
  })
}
