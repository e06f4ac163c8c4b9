/**
 * The moderation loop closes with the contributor: the private link's page says where the
 * record stands (French and English), quotes the moderator's request or refusal with its
 * date and says what to do next; the owner answers by editing with a message, which puts
 * the record back in the queue with the answer on the desk; each decision e-mails the
 * private contact through the configured sender — here the local recorder (MAIL_SENDER=local,
 * table local_mail) — and nothing is sent when no sender is configured.
 */
import { createExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { app } from '../../worker/app'
import { describe, expect, it } from 'vitest'
import { insertModerator } from '../../worker/db/moderators'
import { hashPassword } from '../../worker/lib/password'
import { formatDate } from '../../web/format'
import { asModerator, postJson, publish, request, submit } from './fixtures'
import { scrapeForm } from './form-scrape'

const ORIGIN = 'https://observatoire.test'
const REQUEST = 'Précisez le budget et ajoutez le rapport d’évaluation de 2023.'

function postForm(path: string, pairs: [string, string][], cookie = '') {
  return request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, cookie },
    body: new URLSearchParams(pairs).toString(),
    redirect: 'manual',
  })
}

async function openSession(token: string): Promise<string> {
  const res = await postForm('/modifier/ouvrir', [['token', token]])
  expect(res.status).toBe(303)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

async function privatePage(cookie: string, lang: 'fr' | 'en' = 'fr'): Promise<string> {
  const res = await request('/modifier', { headers: { cookie: `${cookie}; lang=${lang}` } })
  expect(res.status).toBe(200)
  return res.text()
}

/** Posts the private page's form as the browser would, with some fields retyped. */
async function postEdit(cookie: string, typed: Record<string, string>): Promise<Response> {
  const form = scrapeForm(await privatePage(cookie), 'action="/modifier" novalidate')
  const pairs = form.map(([name, value]): [string, string] => [name, typed[name] ?? value])
  return postForm('/modifier', pairs, cookie)
}

async function mailsTo(address: string) {
  const { results } = await env.DB.prepare(
    'SELECT subject, body FROM local_mail WHERE to_address = ?1 ORDER BY id'
  )
    .bind(address)
    .all<{ subject: string; body: string }>()
  return results
}

const unique = () => `porteur-${crypto.randomUUID().slice(0, 8)}@exemple.fr`

describe('the contributor sees the moderators’ words on their private page', () => {
  it('a request for changes: status, request, date and next step, in French and English; e-mailed', async () => {
    const email = unique()
    const sub = await submit({ privateContact: { email } })
    const asked = await postJson(
      `/api/moderation/experiments/${sub.id}/request-changes`,
      { reason: REQUEST },
      asModerator()
    )
    expect(asked.status).toBe(200)
    const cookie = await openSession(sub.editToken)

    const fr = await privatePage(cookie)
    expect(fr).toContain('Modifications demandées par l’équipe de modération.')
    expect(fr).toContain(REQUEST)
    expect(fr).toContain(
      `Demande de l’équipe de modération, le ${formatDate(new Date().toISOString(), 'fr')}`
    )
    expect(fr).toContain('la fiche retourne dans la file de modération')
    const en = await privatePage(cookie, 'en')
    expect(en).toContain('Changes requested by the moderation team.')
    expect(en).toContain('What to do next?')

    const mails = await mailsTo(email)
    expect(mails).toHaveLength(1)
    expect(mails[0]!.subject).toContain('Modifications demandées')
    expect(mails[0]!.body).toContain(REQUEST)
    expect(mails[0]!.body).toContain('Open the private link')
  })

  it('the owner answers by editing with a message: back in the queue, answer on the desk', async () => {
    const sub = await submit({ privateContact: { email: unique() } })
    await postJson(
      `/api/moderation/experiments/${sub.id}/request-changes`,
      { reason: REQUEST },
      asModerator()
    )
    const cookie = await openSession(sub.editToken)
    const saved = await postEdit(cookie, {
      'means.budgetEur': '48000',
      ownerMessage: 'Budget ajouté : 48 000 €. Le rapport arrive en juin.',
    })
    expect(saved.status).toBe(303)

    const queue = await request('/api/moderation/queue', { headers: asModerator() })
    expect(queue.status).toBe(200)
    const items = ((await queue.json()) as { items: { id: string; status: string }[] }).items
    expect(items.find((i) => i.id === sub.id)?.status).toBe('pending')
    const page = await privatePage(cookie)
    expect(page).toContain('Votre réponse du')
    expect(page).toContain('Budget ajouté : 48 000 €.')

    await insertModerator(
      env.DB,
      'claude-desk',
      await hashPassword('correct horse battery staple 42'),
      new Date().toISOString()
    )
      .run()
      .catch(() => undefined)
    const signIn = await request('/moderation/connexion', {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: ORIGIN,
        'cf-connecting-ip': '203.0.113.77',
      },
      body: new URLSearchParams({
        moderateur: 'claude-desk',
        'mot-de-passe': 'correct horse battery staple 42',
      }).toString(),
    })
    expect(signIn.status).toBe(303)
    const desk = signIn.headers.getSetCookie().find((c) => c.startsWith('__Host-obs_session='))!
    const record = await request(`/moderation/experiences/${sub.id}`, {
      headers: { cookie: desk.split(';')[0]! },
    })
    const html = await record.text()
    expect(html).toContain('Réponse du porteur')
    expect(html).toContain('Budget ajouté : 48 000 €. Le rapport arrive en juin.')
  })

  it('a refusal: the link still opens, the reason and its date show, no form; e-mailed', async () => {
    const email = unique()
    const sub = await submit({ privateContact: { email } })
    const reason = 'Cette expérience ne relève pas du numérique local.'
    const rejected = await postJson(
      `/api/moderation/experiments/${sub.id}/reject`,
      { reason },
      asModerator()
    )
    expect(rejected.status).toBe(200)
    const page = await privatePage(await openSession(sub.editToken))
    expect(page).toContain('Refusée par l’équipe de modération.')
    expect(page).toContain(reason)
    expect(page).toContain('href="/proposer"')
    expect(page).not.toContain('action="/modifier" novalidate')
    const mails = await mailsTo(email)
    expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining('Fiche refusée')])
    expect(mails[0]!.body).toContain(reason)
  })

  it('publication and a refused proposal are e-mailed; the refused change shows on the page', async () => {
    const email = unique()
    const sub = await publish({ privateContact: { email } })
    const cookie = await openSession(sub.editToken)
    const proposed = await postEdit(cookie, {
      title: 'Un titre que la modération refusera',
      ownerMessage: 'Nouveau nom du dispositif.',
    })
    expect(proposed.status).toBe(303)
    const list = await request('/api/moderation/proposals', { headers: asModerator() })
    const proposal = (
      (await list.json()) as {
        items: { id: string; experimentId: string; message: string | null }[]
      }
    ).items.find((p) => p.experimentId === sub.id)!
    expect(proposal.message).toBe('Nouveau nom du dispositif.')
    const reason = 'Le titre doit rester descriptif.'
    const refused = await postJson(
      `/api/moderation/proposals/${proposal.id}/reject`,
      { reason },
      asModerator()
    )
    expect(refused.status).toBe(204)
    const page = await privatePage(cookie)
    expect(page).toContain('Votre modification a été refusée le')
    expect(page).toContain(reason)
    const subjects = (await mailsTo(email)).map((m) => m.subject)
    expect(subjects).toEqual([
      expect.stringContaining('Fiche publiée'),
      expect.stringContaining('Modification refusée'),
    ])
  })

  it('sends nothing when no sender is configured', async () => {
    const email = unique()
    const sub = await submit({ privateContact: { email } })
    const off = await app.fetch(
      new Request(`${ORIGIN}/api/moderation/experiments/${sub.id}/reject`, {
        method: 'POST',
        headers: { ...asModerator(), 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'Hors du champ de l’observatoire.' }),
      }),
      { ...env, MAIL_SENDER: '' } as Env,
      createExecutionContext()
    )
    expect(off.status).toBe(200)
    expect(await mailsTo(email)).toEqual([])
  })
})
