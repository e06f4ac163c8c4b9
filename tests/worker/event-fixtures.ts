/** Event test data and helpers shared by the worker tests (fictitious venues and organisers). */
import { env } from 'cloudflare:workers'
import type { EventInput } from '../../worker/domain/event'
import { getPendingProposalFor } from '../../worker/db/proposals'
import { approveProposal } from '../../worker/services/moderation/proposals'
import { asModerator, postJson } from './fixtures'

type Defaulted = 'attendance' | 'organisers' | 'audiences' | 'price' | 'access'
export type EventInputData = Omit<EventInput, Defaulted> & Partial<Pick<EventInput, Defaulted>>

/** A débat citoyen in Rennes, past (documenting a debate that took place is allowed). */
export function debate(overrides: Partial<EventInputData> = {}): EventInputData {
  return {
    title: 'Débat citoyen : le numérique dans nos démarches',
    kind: 'debat',
    description: 'Un débat ouvert à tous sur l’accès aux démarches en ligne dans le quartier.',
    startsAt: '2026-03-12T18:30',
    endsAt: '2026-03-12T20:30',
    place: { commune: 'com:35238', venue: 'Salle des fêtes d’Exemple' },
    organiserName: 'Association Clic d’Exemple',
    themes: ['mediation'],
    privateContact: { email: 'organisation@example.org' },
    ...overrides,
  }
}

export interface EventSubmissionBody {
  id: string
  slug: string
  status: string
  editToken: string
}

/** Submits through the public API (which must accept it). */
export async function submitEvent(
  overrides: Partial<EventInputData> = {}
): Promise<EventSubmissionBody> {
  const res = await postJson('/api/events', debate(overrides))
  if (res.status !== 201)
    throw new Error(`event submission failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as EventSubmissionBody
}

/** Submits and approves through the moderation API. */
export async function publishEvent(
  overrides: Partial<EventInputData> = {}
): Promise<EventSubmissionBody> {
  const sub = await submitEvent(overrides)
  const res = await postJson(`/api/moderation/events/${sub.id}/approve`, {}, asModerator())
  if (res.status !== 200)
    throw new Error(`event approval failed: ${res.status} ${await res.text()}`)
  return sub
}

/** A moderator approves the organiser's change waiting on event `id` (the shared decision). */
export async function approveEventChange(id: string): Promise<void> {
  const proposal = await getPendingProposalFor(env.DB, id, 'event')
  if (!proposal) throw new Error(`no change waits on event ${id}`)
  await approveProposal(env.DB, proposal.id, { name: 'alice', via: 'api' }, new Date(), 'event')
}
