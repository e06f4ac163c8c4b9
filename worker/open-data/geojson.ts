/**
 * GeoJSON export (RFC 7946): one point feature per record, at its `derived.point` (the
 * centroid of its first declared territory, the same point the search hits carry), with
 * the record as properties.
 */
import { z } from '@hono/zod-openapi'
import { Experiment } from '../domain/experiment'
import type { StreamShape } from './files'

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
              'Centroïde du premier territoire déclaré ([longitude, latitude], WGS 84, 5 décimales : `derived.point` de la fiche) ; null pour une fiche de portée nationale (France entière) ou hors de France, ou si le référentiel ne connaît pas ce point (RFC 7946 §3.2).',
          }),
        properties: Experiment,
        locatedBy: z
          .string()
          .nullable()
          .openapi({ description: 'Code du territoire dont le point est le centroïde' }),
      })
    ),
  })
  .openapi('ExperimentFeatureCollection')
/** What a record needs to be a feature: an id and its derived point. */
interface Located {
  id: string
  derived: { point?: { lon: number; lat: number } | null | undefined }
}

/**
 * A GeoJSON FeatureCollection, one point per record; `locatedBy` names the territory whose
 * centroid the point is (an experiment's first territory, an event's commune).
 */
export function geojsonShape<R extends Located>(
  locatedBy: (record: R) => string | null
): StreamShape<R> {
  return {
    head: '{"type":"FeatureCollection","features":[\n',
    tail: '\n]}\n',
    page: (records, first) => features(records, first, locatedBy),
  }
}

/** The GeoJSON of experiments and actors: located by their first declared territory. */
export const geojsonFile = geojsonShape(
  (r: Located & { territories: readonly string[] }) => r.territories[0] ?? null
)

function features<R extends Located>(
  records: R[],
  first: boolean,
  locatedBy: (record: R) => string | null
): string {
  return records
    .map((e, i) => {
      const point = e.derived.point ?? null
      const feature = {
        type: 'Feature',
        id: e.id,
        // RFC 7946 §3.1.1: longitude first.
        geometry: point
          ? { type: 'Point', coordinates: [round(point.lon), round(point.lat)] }
          : null,
        properties: e,
        // Foreign member (RFC 7946 §6.1): which territory the point stands for.
        locatedBy: point ? locatedBy(e) : null,
      }
      return (first && i === 0 ? '' : ',\n') + JSON.stringify(feature)
    })
    .join('')
}

/** At most six decimals (~10 cm), as RFC 7946 §11.2 recommends; the source has five. */
const round = (n: number) => Math.round(n * 1e6) / 1e6
