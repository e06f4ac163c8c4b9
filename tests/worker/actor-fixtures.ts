/** Actor test data and helpers shared by the worker tests (fictitious structures only). */
import { env } from 'cloudflare:workers'
import type { ActorInput } from '../../worker/domain/actor'
import type { SkillCode } from '../../worker/domain/skills'
import { INDEXED_KIND_NAMES } from '../../worker/search/indexed-kinds'
import { drainOutbox } from '../../worker/search/sync'
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

/**
 * Submits through the public API (which must accept it), confirmed: tests enter look-alike
 * fictitious actors on purpose (the duplicate check has its own tests).
 */
export async function submitActor(
  overrides: Partial<ActorInputData> = {}
): Promise<ActorSubmissionBody> {
  const res = await postJson('/api/actors?confirm=true', needOnlyActor(overrides))
  if (res.status !== 201)
    throw new Error(`actor submission failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as ActorSubmissionBody
}

/** Submits and approves through the moderation API; returns once the embedded index has it. */
export async function publishActor(
  overrides: Partial<ActorInputData> = {}
): Promise<ActorSubmissionBody> {
  const sub = await submitActor(overrides)
  const res = await postJson(`/api/moderation/actors/${sub.id}/approve`, {}, asModerator())
  if (res.status !== 200)
    throw new Error(`actor approval failed: ${res.status} ${await res.text()}`)
  await drainEmbedded()
  return sub
}

/**
 * Drains the outbox into the embedded engine (the Worker's only engine in these tests)
 * until no row of an indexed kind is left: the drain nudged by the write may hold some
 * rows under its lease meanwhile, and rows of a kind with no index yet wait for it.
 */
export async function drainEmbedded(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    await drainOutbox(env, { targets: ['embedded'] })
    const left = await env.DB.prepare(
      `SELECT count(*) AS n FROM search_outbox WHERE target = 'embedded'
         AND record_kind IN (SELECT value FROM json_each(?1))`
    )
      .bind(JSON.stringify(INDEXED_KIND_NAMES))
      .first<{ n: number }>()
    if (!left?.n) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the embedded outbox did not drain')
}

export const OFFER = (skill: SkillCode, text?: string) => ({ skill, ...(text ? { text } : {}) })

/** Actors around Rennes offering workshops, from the same commune to France entière. */
export const AROUND_RENNES: Record<string, Partial<ActorInputData>> = {
  commune: {
    name: 'Atelier numérique d’Exemple-Rennes',
    kind: 'epn',
    territories: ['com:35238'],
    offers: [OFFER('ateliers.collectifs', 'Initiation le mardi')],
    needs: [],
  },
  epci: {
    name: 'Médiathèque d’Exemple-Bruz',
    kind: 'mediatheque',
    territories: ['com:35047'],
    offers: [OFFER('ateliers.collectifs')],
    needs: [],
  },
  departement: {
    name: 'Réseau d’Exemple d’Ille-et-Vilaine',
    kind: 'reseau',
    territories: ['dep:35'],
    offers: [OFFER('ateliers.collectifs')],
    needs: [],
  },
  region: {
    name: 'Tiers-lieu d’Exemple-Brest',
    kind: 'tiers-lieu',
    territories: ['com:29019'],
    offers: [OFFER('ateliers.collectifs'), OFFER('ressources.salles')],
    needs: [],
  },
  national: {
    name: 'Association nationale d’Exemple',
    kind: 'association',
    scope: 'national',
    territories: [],
    offers: [OFFER('ateliers.collectifs')],
    needs: [],
  },
  elsewhere: {
    name: 'Fablab d’Exemple-Alençon',
    kind: 'fablab',
    territories: ['dep:61'],
    offers: [OFFER('ateliers.collectifs')],
    needs: [],
  },
  otherSkill: {
    name: 'Club d’Exemple-Rennes jeunesse',
    kind: 'association',
    territories: ['com:35238'],
    offers: [OFFER('ateliers.jeunesse')],
    needs: [],
  },
}
