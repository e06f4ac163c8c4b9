/**
 * The statistics report: published experiments per territory, normalised by population
 * and number of collectivités, with breakdowns and the national reference. One zod
 * definition gives the API's JSON schema (OpenAPI), the type worker/db/stats.ts builds
 * and the type the pages render. The counting rules are stated in worker/db/stats.ts.
 */
import { z } from '@hono/zod-openapi'

/** Experiments of a territory per code of one vocabulary (theme, stage, evidence level). */
export const Breakdown = z.object({
  code: z.string(),
  label: z.string(),
  count: z.number().int(),
  share: z.number().nullable().openapi({ description: 'count / experiments ; null si aucune' }),
})

export const TerritoryStats = z
  .object({
    code: z.string().openapi({
      example: 'reg:53',
      description:
        '`fr` : toutes les fiches en France ; `national` : programmes nationaux (France entière) ; `abroad` : hors de France',
    }),
    name: z.string().openapi({ example: 'Bretagne' }),
    kind: z.enum(['reg', 'dep', 'fr', 'national', 'abroad']),
    zone: z.string().nullable().openapi({ description: 'metro ou drom' }),
    population: z.number().int().openapi({ description: 'Population municipale (référentiel)' }),
    communes: z.number().int(),
    epci: z.number().int().openapi({ description: 'EPCI ayant au moins une commune membre ici' }),
    collectivites: z.number().int().openapi({ description: 'communes + epci' }),
    experiments: z
      .number()
      .int()
      .openapi({ description: 'Expériences publiées qui couvrent ce territoire' }),
    per100kInhabitants: z
      .number()
      .nullable()
      .openapi({ description: 'experiments / population × 100 000' }),
    per100Collectivites: z
      .number()
      .nullable()
      .openapi({ description: 'experiments / collectivites × 100' }),
    themes: z.array(Breakdown).openapi({
      description:
        'Part des expériences portant chaque thématique (1 à 3 par expérience : la somme peut dépasser 1)',
    }),
    stages: z.array(Breakdown),
    evidenceLevels: z.array(Breakdown),
    budget: z.object({
      known: z.number().int().openapi({ description: 'Expériences indiquant un budget' }),
      medianEur: z.number().nullable(),
    }),
    peopleReached: z.object({
      known: z.number().int().openapi({ description: 'Expériences indiquant un public touché' }),
      total: z.number().int().nullable(),
    }),
    startYears: z
      .array(
        z.object({
          year: z
            .number()
            .int()
            .nullable()
            .openapi({ description: 'null : date de démarrage inconnue' }),
          count: z.number().int(),
        })
      )
      .openapi({ description: 'Par année de démarrage ; l’année null (inconnue) en dernier' }),
  })
  .openapi('TerritoryStats')

export const StatsReport = z
  .object({
    national: TerritoryStats.openapi({
      description:
        'France entière : toutes les fiches en France (territoires et programmes nationaux)',
    }),
    nationalScope: TerritoryStats.openapi({
      description:
        'Programmes nationaux (portée France entière) : comptés dans `national`, jamais dans une région ou un département',
    }),
    abroad: TerritoryStats.openapi({
      description: 'Fiches hors de France : hors de toute statistique française',
    }),
    territories: z.array(TerritoryStats),
    reference: z.object({
      source: z.string().nullable(),
      vintage: z.string().nullable().openapi({ example: 'COG 2026' }),
    }),
  })
  .openapi('StatsReport')

export type Breakdown = z.infer<typeof Breakdown>
export type TerritoryStats = z.infer<typeof TerritoryStats>
export type StatsReport = z.infer<typeof StatsReport>
