/**
 * GeoJSON export (RFC 7946): one point feature per record, at the centroid of the
 * territory that best locates it, with the record as properties.
 */
import { z } from '@hono/zod-openapi'
import { Experiment } from '../domain/experiment'
import type { StreamShape } from './files'

/** A territory's representative point (WGS 84). */
interface Centroid {
  lon: number
  lat: number
}

export const GeoFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z
          .object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) })
          .nullable()
          .openapi({
            description:
              'Centroïde du premier territoire déclaré qui en a un (sinon du département, de la région) ; null si aucun centroïde n’est connu, et toujours pour une fiche de portée nationale (France entière) ou hors de France.',
          }),
        properties: Experiment,
        locatedBy: z.string().nullable(),
      })
    ),
  })
  .openapi('ExperimentFeatureCollection')
/**
 * Where a record sits on a map: the centroid of its first declared territory that has
 * one, else of its first département, else of its first région; null (an unlocated
 * feature, RFC 7946 §3.2) when the centroid table holds none of them.
 */
function locate(e: Experiment, centroids: Map<string, Centroid>) {
  const candidates = [
    ...e.territories,
    ...e.derived.departments.map((d) => d.code),
    ...e.derived.regions.map((r) => r.code),
  ]
  for (const code of candidates) {
    const point = centroids.get(code)
    if (point) return { code, point }
  }
  return null
}

/** The territory codes whose centroids a page of records needs. */
function codesOf(records: readonly Experiment[]): string[] {
  const codes = new Set<string>()
  for (const e of records) {
    for (const code of e.territories) codes.add(code)
    for (const t of [...e.derived.departments, ...e.derived.regions]) codes.add(t.code)
  }
  return [...codes]
}

/**
 * The GeoJSON FeatureCollection, one point per record; `centroidsOf` looks up the points
 * of a page's territories (D1's centroid table, passed in by the caller).
 */
export function geojsonFile(
  centroidsOf: (codes: string[]) => Promise<Map<string, Centroid>>
): StreamShape {
  return {
    head: '{"type":"FeatureCollection","features":[\n',
    tail: '\n]}\n',
    page: async (records, first) => features(records, await centroidsOf(codesOf(records)), first),
  }
}

function features(records: Experiment[], centroids: Map<string, Centroid>, first: boolean): string {
  return records
    .map((e, i) => {
      const found = locate(e, centroids)
      const feature = {
        type: 'Feature',
        id: e.id,
        geometry: found
          ? { type: 'Point', coordinates: [round(found.point.lon), round(found.point.lat)] }
          : null,
        properties: e,
        // Foreign member (RFC 7946 §6.1): which territory the point stands for.
        locatedBy: found?.code ?? null,
      }
      return (first && i === 0 ? '' : ',\n') + JSON.stringify(feature)
    })
    .join('')
}

/** Six decimals (~10 cm), as RFC 7946 §11.2 recommends. */
const round = (n: number) => Math.round(n * 1e6) / 1e6
