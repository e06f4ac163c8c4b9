/**
 * The record picker of the forms: a published experiment (« inspirée de », « notre
 * fiche ») or a published actor (porteur, partners, « votre structure ») found by name
 * and stored by id. One option shape serves the no-JavaScript choice list, the JSON
 * endpoint the combobox calls, and the chosen values shown back by title.
 */
import { z } from '@hono/zod-openapi'

export const PICKER_KINDS = ['experiment', 'actor'] as const
export type PickerKind = (typeof PICKER_KINDS)[number]

/** Longest search a picker sends; options listed per search. */
export const PICKER_QUERY_MAX = 200
export const PICKER_LIMIT = 8

export const PickerOption = z
  .object({
    id: z.string(),
    title: z.string().openapi({ description: 'Titre de la fiche ou nom de la structure' }),
    place: z.string().nullable().openapi({
      description: 'Ses territoires (les deux premiers), pour distinguer deux homonymes',
    }),
  })
  .openapi('PickerOption')
export type PickerOption = z.infer<typeof PickerOption>

/** A record's place as the picker shows it: its first two territories' names. */
export function placeOf(territories: readonly { name: string }[]): string | null {
  if (territories.length === 0) return null
  const names = territories.slice(0, 2).map((t) => t.name)
  return territories.length > 2 ? `${names.join(', ')}…` : names.join(', ')
}
