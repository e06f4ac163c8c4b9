/** Actor test data and helpers shared by the worker tests (fictitious structures only). */
import type { ActorInput } from '../../worker/domain/actor'
import { asModerator, postJson } from './fixtures'

type Defaulted = 'scope' | 'territories' | 'offers' | 'needs'
export type ActorInputData = Omit<ActorInput, Defaulted> & Partial<Pick<ActorInput, Defaulted>>

/** The smallest entry into the network: a name, a kind, a commune and one need. */
export function needOnlyActor(overrides: Partial<ActorInputData> = {}): ActorInputData {
  return {
    name: 'Association Clic d’Exemple',
    kind: 'association',
    territories: ['com:35238'],
    needs: [{ skill: 'formation.mediateurs', text: 'Former nos deux médiatrices à Pix' }],
    privateContact: { email: 'mediatrice@example.org' },
    ...overrides,
  }
}

export interface ActorSubmissionBody {
  id: string
  slug: string
  status: string
  editToken: string
}

/** Submits through the public API (which must accept it). */
export async function submitActor(
  overrides: Partial<ActorInputData> = {}
): Promise<ActorSubmissionBody> {
  const res = await postJson('/api/actors', needOnlyActor(overrides))
  if (res.status !== 201)
    throw new Error(`actor submission failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as ActorSubmissionBody
}

/** Submits and approves through the moderation API. */
export async function publishActor(
  overrides: Partial<ActorInputData> = {}
): Promise<ActorSubmissionBody> {
  const sub = await submitActor(overrides)
  const res = await postJson(`/api/moderation/actors/${sub.id}/approve`, {}, asModerator())
  if (res.status !== 200)
    throw new Error(`actor approval failed: ${res.status} ${await res.text()}`)
  return sub
}
