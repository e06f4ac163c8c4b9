/**
 * The shapes of the links between experiments and actors and of what an actor brought
 * to the network, as pages and the API read them (db/experiment-actors.ts fills them).
 */
import { z } from '@hono/zod-openapi'

/** How an experiment names an actor: its porteur or one of its partners. */
export const LinkRole = z.enum(['lead', 'partner'])
export type LinkRole = z.infer<typeof LinkRole>

/** A published actor linked to an experiment. */
export const LinkedActor = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), kind: z.string(), role: LinkRole })
  .openapi('LinkedActor')
export type LinkedActor = z.infer<typeof LinkedActor>

/** A published experiment linked to an actor. */
export const LinkedExperiment = z
  .object({ id: z.string(), slug: z.string(), title: z.string(), role: LinkRole })
  .openapi('LinkedExperiment')
export type LinkedExperiment = z.infer<typeof LinkedExperiment>

/**
 * What an actor brought, counted from the published records that name it, by role: none
 * weighs more than another, and nothing ranks actors by it.
 */
export const Contributions = z
  .object({
    led: z.number().int().openapi({ description: 'Expériences publiées qu’il porte' }),
    partnered: z
      .number()
      .int()
      .openapi({ description: 'Expériences publiées dont il est partenaire' }),
    inspired: z.number().int().openapi({
      description: 'Expériences publiées d’autres acteurs qui disent s’inspirer des siennes',
    }),
    replicated: z.number().int().openapi({
      description: 'Pratiques publiées qu’il a déclaré avoir reproduites (déclarations approuvées)',
    }),
    takenUp: z.number().int().openapi({
      description:
        'Reprises de ses expériences publiées (qu’il porte) déclarées par d’autres (déclarations approuvées)',
    }),
    events: z.number().int().openapi({ description: 'Événements publiés qu’il organise' }),
    reviewed: z.number().int().openapi({
      description:
        'Retours d’expérience publiés donnés en son nom sur des expériences publiées qu’il ne porte pas et dont il n’est pas partenaire (relectures)',
    }),
  })
  .openapi('Contributions')
export type Contributions = z.infer<typeof Contributions>

/**
 * A review: published feedback an actor gave on someone else's published experiment
 * (one it neither leads nor partners).
 */
export const Review = z
  .object({
    id: z.string().openapi({ description: 'Identifiant du retour d’expérience' }),
    experiment: z.object({ id: z.string(), slug: z.string(), title: z.string() }),
    publishedAt: z.string(),
  })
  .openapi('Review')
export type Review = z.infer<typeof Review>

/** A published actor of a territory with what it brought. */
export interface Contributor extends Contributions {
  id: string
  slug: string
  name: string
  kind: string
  /** Skills it offers. */
  offers: number
}
