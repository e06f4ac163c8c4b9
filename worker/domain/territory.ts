/**
 * Territory codes always carry their type, because the digits alone are ambiguous
 * (région 53 Bretagne and département 53 Mayenne): `com:35238`, `epci:200039865`,
 * `dep:2A`, `reg:53`. The digits are INSEE's COG codes; EPCI use their SIREN.
 */
import { z } from '@hono/zod-openapi'
import type { TerritoryKind } from './vocabularies'

const TERRITORY_CODE = /^(com:(\d[0-9AB]\d{3})|epci:\d{9}|dep:(\d{2,3}|2A|2B)|reg:\d{2,3})$/

export const TerritoryCode = z
  .string()
  .trim()
  .regex(TERRITORY_CODE, {
    error: 'Code de territoire invalide : attendu com:35238, epci:200039865, dep:35 ou reg:53.',
  })
  .openapi({ example: 'com:35238' })
export type TerritoryCode = z.infer<typeof TerritoryCode>

export function territoryKind(code: string): TerritoryKind {
  return code.slice(0, code.indexOf(':')) as TerritoryKind
}

export function inseeCode(code: string): string {
  return code.slice(code.indexOf(':') + 1)
}

export const Territory = z
  .object({
    code: z.string().openapi({ example: 'epci:243500139' }),
    kind: z.enum(['com', 'epci', 'dep', 'reg']),
    name: z.string().openapi({ example: 'Rennes Métropole' }),
    population: z.number().int().nullable(),
    department: z
      .string()
      .nullable()
      .openapi({ description: 'Code du département (communes, EPCI)' }),
    region: z.string().nullable().openapi({ description: 'Code de la région' }),
  })
  .openapi('Territory')
export type Territory = z.infer<typeof Territory>
