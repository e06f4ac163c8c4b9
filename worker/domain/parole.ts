/**
 * « La parole recueillie »: what debates and other events produced — the ideas, proposals
 * and disagreements of their restitutions — gathered per theme and per territory, newest
 * event first. One row per idea, carrying its event (id, title, date, place, themes), is
 * the shape of the page's exports (CSV and JSON) and of its OpenAPI description.
 */
import { z } from '@hono/zod-openapi'
import type { Event } from './event'
import { TOP_THEME_CODES } from './vocabularies'

/** What a line of a restitution is. */
export const IDEA_KINDS = ['idea', 'proposal', 'disagreement'] as const
export type IdeaKind = (typeof IDEA_KINDS)[number]

export const ParoleIdea = z
  .object({
    kind: z.enum(IDEA_KINDS).openapi({ description: 'Idée, proposition ou désaccord' }),
    text: z.string(),
    eventId: z.string(),
    eventSlug: z.string(),
    eventTitle: z.string(),
    eventKind: z.string().openapi({ description: 'Type d’événement (code)' }),
    startsAt: z.string().openapi({ description: 'Début, heure locale du lieu' }),
    startsAtUtc: z.string().openapi({ description: 'Début (UTC, ISO 8601)' }),
    timeZone: z.string(),
    territory: z
      .string()
      .nullable()
      .openapi({ description: 'Commune du lieu, ou territoire concerné (code typé)' }),
    territoryName: z.string().nullable(),
    department: z.string().nullable().openapi({ description: 'Département (code typé)' }),
    region: z.string().nullable().openapi({ description: 'Région (code typé)' }),
    themes: z.array(z.string()).openapi({ description: 'Thématiques de l’événement (codes)' }),
    participants: z.number().int().nullable(),
  })
  .openapi('ParoleIdea')
export type ParoleIdea = z.infer<typeof ParoleIdea>

/** The ideas, proposals and disagreements of an event's restitution, in that order. */
export function ideasOf(event: Event): ParoleIdea[] {
  const r = event.restitution
  if (!r) return []
  const place = event.derived.territories[0] ?? null
  const common = {
    eventId: event.id,
    eventSlug: event.slug,
    eventTitle: event.title,
    eventKind: event.kind,
    startsAt: event.startsAt,
    startsAtUtc: event.startsAtUtc,
    timeZone: event.timeZone,
    territory: event.place?.commune ?? event.territory ?? place?.code ?? null,
    territoryName: place?.name ?? null,
    department: event.derived.departments[0]?.code ?? null,
    region: event.derived.regions[0]?.code ?? null,
    themes: event.themes,
    participants: r.participants ?? null,
  }
  const rows = (kind: IdeaKind, texts: readonly string[]) =>
    texts.map((text): ParoleIdea => ({ kind, text, ...common }))
  return [
    ...rows('idea', r.ideas),
    ...rows('proposal', r.proposals),
    ...rows('disagreement', r.disagreements),
  ]
}

/** What a page of « la parole recueillie » is about: a theme, a territory, or everything. */
export type ParoleScope =
  | { kind: 'all' }
  | { kind: 'theme'; code: (typeof TOP_THEME_CODES)[number] }
  | { kind: 'territory'; code: string; name: string }

export const isTopTheme = (code: string): code is (typeof TOP_THEME_CODES)[number] =>
  (TOP_THEME_CODES as readonly string[]).includes(code)
