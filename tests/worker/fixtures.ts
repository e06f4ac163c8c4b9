/** Test data and helpers shared by the worker tests. */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { expect } from 'vitest'
import { app } from '../../worker/app'
import type { ExperimentInput } from '../../worker/domain/experiment'

export const MODERATOR = 'test-moderator-token-alice-0123456789'

type Defaulted = 'language' | 'licence' | 'evidenceLevel' | 'scope' | 'territories'
type Input = Omit<ExperimentInput, Defaulted> & Partial<Pick<ExperimentInput, Defaulted>>

/** A minimal valid submission; `overrides` replace top-level fields. */
export function validInput(overrides: Partial<Input> = {}): Input {
  return {
    title: 'Conseillers numériques itinérants en Mayenne',
    summary: 'Un bus équipé sillonne les communes rurales pour accompagner les démarches en ligne.',
    lead: { name: 'Département de la Mayenne', kind: 'departement', siren: '225300011' },
    territories: ['dep:53'],
    themes: ['mediation.itinerance'],
    stage: 'rollout',
    startDate: '2021-09',
    privateContact: { email: 'referent@example.fr' },
    ...overrides,
  }
}

export function request(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`https://observatoire.test${path}`, init))
}

export function postJson(
  path: string,
  body: unknown,
  headers: Record<string, string> = {}
): Promise<Response> {
  return request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

/** Posts a same-origin form (as a browser would), without following the redirect. */
export function postForm(
  path: string,
  pairs: [string, string][],
  headers: Record<string, string> = {}
): Promise<Response> {
  return request(path, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://observatoire.test',
      ...headers,
    },
    body: new URLSearchParams(pairs).toString(),
    redirect: 'manual',
  })
}

/**
 * Posts a same-origin form to the app with Turnstile configured and no token posted, so
 * the check fails without asking Cloudflare; checks the refusal is shown at the widget
 * (`{idPrefix}-turnstile`) and in the summary linking there. Returns the page.
 */
export async function refusedByTurnstile(
  path: string,
  pairs: [string, string][],
  idPrefix: string
): Promise<string> {
  const ctx = createExecutionContext()
  const res = await app.fetch(
    new Request(`https://observatoire.test${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://observatoire.test',
        accept: 'text/html',
      },
      body: new URLSearchParams(pairs).toString(),
    }),
    { ...env, TURNSTILE_SITE_KEY: 'site-key-test', TURNSTILE_SECRET: 'secret-test' } as Env,
    ctx
  )
  await waitOnExecutionContext(ctx)
  expect(res.status).toBe(400)
  const html = await res.text()
  const robot = 'La vérification anti-robot a échoué : réessayez.'
  const id = `${idPrefix}-turnstile`
  expect(html).toContain(`<a href="#${id}">${robot}</a>`)
  expect(html).toMatch(
    new RegExp(
      `<div id="${id}"[^>]*><p class="field-error" id="${id}-erreur">${robot}</p><div class="cf-turnstile"`
    )
  )
  return html
}

export const asModerator = (token = MODERATOR) => ({ authorization: `Bearer ${token}` })

export interface SubmissionBody {
  id: string
  slug: string
  status: string
  editToken: string
}

/** Submits through the public API (which must accept it); returns the submission. */
export async function submit(overrides: Partial<Input> = {}): Promise<SubmissionBody> {
  const res = await postJson('/api/experiments', validInput(overrides))
  if (res.status !== 201) throw new Error(`submission failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as SubmissionBody
}

/** Submits and approves; returns the submission. */
export async function publish(overrides: Partial<Input> = {}): Promise<SubmissionBody> {
  const sub = await submit(overrides)
  const approved = await postJson(
    `/api/moderation/experiments/${sub.id}/approve`,
    {},
    asModerator()
  )
  if (approved.status !== 200)
    throw new Error(`approval failed: ${approved.status} ${await approved.text()}`)
  return sub
}
