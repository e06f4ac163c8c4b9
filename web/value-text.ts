/** A stored value as plain text: lists joined, rows as `key: value` pairs (diff tables). */
export function valueText(value: unknown): string {
  if (value === undefined || value === null || value === '') return ''
  if (Array.isArray(value)) return value.map(valueText).join(' ; ')
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => `${k} : ${valueText(v)}`)
      .join(', ')
  }
  return String(value)
}
