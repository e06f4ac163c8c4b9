/** Actors for the Chromium tests, submitted and approved through the API (fictitious places). */
import { expect } from 'vitest'

/**
 * Submits an actor, approves it, and returns once the search index has it (the pickers and
 * matching read the index, fed by the drain the approval nudged).
 */
export async function publishedActor(
  baseUrl: string,
  moderatorToken: string,
  body: Record<string, unknown>
): Promise<{ id: string; slug: string }> {
  // Confirmed: a rerun on the same server enters the same names again.
  const res = await fetch(`${baseUrl}/api/actors?confirm=true`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ privateContact: { email: 'contact@example.org' }, ...body }),
  })
  expect(res.status).toBe(201)
  const actor = (await res.json()) as { id: string; slug: string }
  const approved = await fetch(`${baseUrl}/api/moderation/actors/${actor.id}/approve`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${moderatorToken}` },
    body: '{}',
  })
  expect(approved.status).toBe(200)
  await indexed(baseUrl, actor.id)
  return actor
}

async function indexed(baseUrl: string, id: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const list = (await (await fetch(`${baseUrl}/api/actors?limit=100`)).json()) as {
      items: { id: string }[]
    }
    if (list.items.some((a) => a.id === id)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`actor ${id} never reached the search index`)
}
