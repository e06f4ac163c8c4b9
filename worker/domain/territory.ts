/**
 * Territory codes always carry their type, because the digits alone are ambiguous
 * (région 53 Bretagne and département 53 Mayenne): `com:35238`, `epci:200039865`,
 * `dep:2A`, `reg:53`. The digits are INSEE's COG codes; EPCI use their SIREN.
 */
import { z } from '@hono/zod-openapi'
import { TerritorySize } from './territory-size'
import type { TerritoryKind } from './vocabularies'

/** The digits of each kind of code (INSEE's COG; SIREN for EPCI), as regex source. */
const DIGITS: Record<TerritoryKind, string> = {
  com: '\\d[0-9AB]\\d{3}',
  epci: '\\d{9}',
  dep: '\\d{2,3}|2A|2B',
  reg: '\\d{2,3}',
}

/**
 * The pattern of a typed code (`dep:35`) of these kinds; with `prefix: 'optional'`, the
 * bare digits (`35`) match too, as query parameters accept them.
 */
export function territoryCodePattern(
  kinds: readonly TerritoryKind[] = ['com', 'epci', 'dep', 'reg'],
  prefix: 'required' | 'optional' = 'required'
): RegExp {
  const q = prefix === 'optional' ? '?' : ''
  return new RegExp(`^(?:${kinds.map((k) => `(?:${k}:)${q}(?:${DIGITS[k]})`).join('|')})$`)
}

const TERRITORY_CODE = territoryCodePattern()

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

/** The digits of a typed code (`dep:35` → `35`); bare digits are returned as they are. */
export function inseeCode(code: string): string {
  return code.slice(code.indexOf(':') + 1)
}

/**
 * A territory's representative point, WGS 84 in GeoJSON's order (RFC 7946: longitude
 * first), five decimals (about a metre).
 */
export const GeoPoint = z
  .object({
    lon: z.number().min(-180).max(180).openapi({ example: -1.68002 }),
    lat: z.number().min(-90).max(90).openapi({ example: 48.11198 }),
  })
  .openapi('GeoPoint')
export type GeoPoint = z.infer<typeof GeoPoint>

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
    areaKm2: z.number().nullable().openapi({ description: 'Superficie (km²), null si inconnue' }),
    point: GeoPoint.nullable().openapi({
      description:
        'Centroïde (commune, département, région ; EPCI : barycentre de ses communes pondéré par la population) ; une commune absente de la source 2018 reçoit celui de son département',
    }),
    size: TerritorySize.nullable().openapi({
      description: 'Tranche de population et classe de densité (communes, EPCI, départements)',
    }),
  })
  .openapi('Territory')
export type Territory = z.infer<typeof Territory>
