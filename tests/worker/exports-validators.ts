/**
 * Small validators for the published schemas, written here so the tests check our
 * exports against the documents we publish without a validator package: the subset of
 * JSON Schema 2020-12 that z.toJSONSchema emits, and frictionless Table Schema field
 * types and constraints.
 */

import type { JsonSchema } from '../../worker/open-data/schema'

/** The JSON Schema subset our published schemas use: the domain's own type. */
export type Schema = JsonSchema

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function typeMatches(expected: string, value: unknown): boolean {
  const actual = typeOf(value)
  return expected === actual || (expected === 'number' && actual === 'integer')
}

/** Errors of `value` against `schema` (empty when valid), each with its JSON path. */
export function validateJson(schema: Schema, value: unknown, path = '$'): string[] {
  if (schema.anyOf) {
    const ok = schema.anyOf.some((s) => validateJson(s, value, path).length === 0)
    return ok ? [] : [`${path}: matches no anyOf branch`]
  }
  const errors: string[] = []
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type]
    if (!types.some((t) => typeMatches(t, value)))
      return [`${path}: expected ${types.join('|')}, got ${typeOf(value)}`]
  }
  if (schema.const !== undefined && value !== schema.const) errors.push(`${path}: const`)
  if (schema.enum && !schema.enum.includes(value))
    errors.push(`${path}: not in enum (${String(value)})`)
  if (typeof value === 'string') {
    if (schema.pattern && !new RegExp(schema.pattern, 'u').test(value))
      errors.push(`${path}: pattern ${schema.pattern}`)
    if (schema.minLength !== undefined && [...value].length < schema.minLength)
      errors.push(`${path}: minLength`)
    if (schema.maxLength !== undefined && [...value].length > schema.maxLength)
      errors.push(`${path}: maxLength`)
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) errors.push(`${path}: minimum`)
    if (schema.maximum !== undefined && value > schema.maximum) errors.push(`${path}: maximum`)
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems)
      errors.push(`${path}: minItems`)
    if (schema.maxItems !== undefined && value.length > schema.maxItems)
      errors.push(`${path}: maxItems`)
    value.forEach((item, i) => {
      const itemSchema = schema.prefixItems?.[i] ?? schema.items
      if (itemSchema) errors.push(...validateJson(itemSchema, item, `${path}[${i}]`))
    })
  }
  if (typeOf(value) === 'object') {
    const record = value as Record<string, unknown>
    for (const key of schema.required ?? []) {
      if (!(key in record)) errors.push(`${path}.${key}: required`)
    }
    for (const [key, item] of Object.entries(record)) {
      const propSchema = schema.properties?.[key]
      if (propSchema) errors.push(...validateJson(propSchema, item, `${path}.${key}`))
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: not allowed`)
      else if (typeof schema.additionalProperties === 'object')
        errors.push(...validateJson(schema.additionalProperties, item, `${path}.${key}`))
    }
  }
  return errors
}

export interface TableField {
  name: string
  type: string
  constraints?: {
    required?: boolean
    enum?: string[]
    pattern?: string
    minimum?: number
    maximum?: number
    minLength?: number
    maxLength?: number
  }
}

/** Errors of one CSV cell against its Table Schema field (missing value: empty cell). */
export function validateCell(field: TableField, cell: string): string[] {
  const c = field.constraints ?? {}
  if (cell === '') return c.required ? [`${field.name}: required`] : []
  const errors: string[] = []
  switch (field.type) {
    case 'integer':
      if (!/^-?\d+$/.test(cell)) errors.push(`${field.name}: not an integer (${cell})`)
      break
    case 'number':
      if (!/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(cell)) errors.push(`${field.name}: not a number`)
      break
    case 'datetime':
      if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(cell))
        errors.push(`${field.name}: not an ISO 8601 datetime (${cell})`)
      break
    case 'array':
      try {
        if (!Array.isArray(JSON.parse(cell))) errors.push(`${field.name}: not a JSON array`)
      } catch {
        errors.push(`${field.name}: not JSON`)
      }
      break
    case 'string':
      break
    default:
      errors.push(`${field.name}: unknown type ${field.type}`)
  }
  if (c.enum && !c.enum.includes(cell)) errors.push(`${field.name}: not in enum (${cell})`)
  // Table Schema patterns are implicitly anchored (XML Schema regular expressions).
  if (c.pattern && !new RegExp(`^(?:${c.pattern})$`, 'u').test(cell))
    errors.push(`${field.name}: pattern (${cell})`)
  if (c.minimum !== undefined && Number(cell) < c.minimum) errors.push(`${field.name}: minimum`)
  if (c.maximum !== undefined && Number(cell) > c.maximum) errors.push(`${field.name}: maximum`)
  if (c.maxLength !== undefined && [...cell].length > c.maxLength)
    errors.push(`${field.name}: maxLength`)
  return errors
}
