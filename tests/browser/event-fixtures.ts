/** Events for the Chromium tests, submitted and approved through the API (fictitious places). */
import { expect } from 'vitest'

export interface DebateFields {
  title: string
  description?: string
  startsAt?: string
  endsAt?: string
}

/** A débat citoyen in Rennes, submitted and approved through the API. */
export async function publishDebate(
  baseUrl: string,
  moderatorToken: string,
  fields: DebateFields
): Promise<{ id: string; slug: string }> {
  const res = await fetch(`${baseUrl}/api/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'debat',
      description: 'Un débat ouvert à tous sur l’accès aux démarches en ligne dans le quartier.',
      startsAt: '2027-06-18T18:30',
      endsAt: '2027-06-18T20:30',
      place: { commune: 'com:35238', venue: 'Salle des fêtes d’Exemple' },
      organiserName: 'Association Clic d’Exemple',
      themes: ['mediation'],
      privateContact: { email: 'organisation@example.org' },
      ...fields,
    }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
  const event = (await res.json()) as { id: string; slug: string }
  const approved = await fetch(`${baseUrl}/api/moderation/events/${event.id}/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${moderatorToken}` },
    body: '{}',
  })
  expect(approved.status).toBe(200)
  return event
}
