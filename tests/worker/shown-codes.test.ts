/**
 * Every code a person can meet is shown through its label, never raw: the owner's private
 * page in each status (French and English), the public history and record (with a
 * replication and feedback), the e-mails the owner receives, and the desk (queue, record,
 * journal). The visible text of each is searched for the codes of the statuses, kinds of
 * change, decisions, report reasons, replication and feedback vocabularies.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { insertModerator } from '../../worker/db/moderators'
import { STATUSES } from '../../worker/domain/experiment'
import { FEEDBACK_ROLES, RECOMMEND_LEVELS } from '../../worker/domain/feedback'
import { AUDIT_ACTIONS } from '../../worker/domain/moderation'
import { REPORT_REASONS } from '../../worker/domain/report'
import {
  REPLICATION_PROGRESS,
  REPLICATION_RELATIONS,
  REPLICATION_STATUSES,
} from '../../worker/domain/replication'
import { hashPassword } from '../../worker/lib/password'
import { asModerator, postForm, postJson, publish, request, submit } from './fixtures'
import { scrapeForm } from './form-scrape'

const ORIGIN = 'https://observatoire.test'

/** Codes that are not words of either language: never acceptable in any visible text. */
const CODES: string[] = [
  ...STATUSES,
  ...AUDIT_ACTIONS,
  ...REPORT_REASONS,
  ...REPLICATION_STATUSES,
  ...REPLICATION_RELATIONS.map((t) => t.code),
  ...REPLICATION_PROGRESS.map((t) => t.code),
  ...FEEDBACK_ROLES.map((t) => t.code),
  ...RECOMMEND_LEVELS.map((t) => t.code),
]
const ALWAYS = new Set(CODES.filter((c) => /[-_]/.test(c)))
/** English codes that a French text would only show by mistake (« import » is French too). */
const IN_FRENCH = new Set(CODES.filter((c) => !ALWAYS.has(c) && c !== 'import' && c.length > 3))

/** What a reader sees: the text outside tags, scripts and styles. */
function visibleText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ')
}

function rawCodes(text: string, lang: 'fr' | 'en'): string[] {
  const words = new Set(text.split(/[^\p{L}\p{N}_-]+/u))
  return [...words].filter((w) => ALWAYS.has(w) || (lang === 'fr' && IN_FRENCH.has(w)))
}

const seen: { what: string; codes: string[] }[] = []
function check(what: string, body: string, lang: 'fr' | 'en', html = true) {
  seen.push({ what, codes: rawCodes(html ? visibleText(body) : body, lang) })
}

async function openSession(token: string): Promise<string> {
  const res = await postForm('/modifier/ouvrir', [['token', token]])
  expect(res.status).toBe(303)
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!
}

async function ownerPage(cookie: string, what: string) {
  for (const lang of ['fr', 'en'] as const) {
    const res = await request('/modifier', { headers: { cookie: `${cookie}; lang=${lang}` } })
    expect(res.status).toBe(200)
    check(`${what} (${lang})`, await res.text(), lang)
  }
}

async function page(path: string, lang: 'fr' | 'en' = 'fr', cookie = '') {
  const res = await request(path, {
    headers: { accept: 'text/html', cookie: `lang=${lang}${cookie}` },
  })
  expect(res.status, path).toBe(200)
  check(`${path} (${lang})`, await res.text(), lang)
}

const unique = () => `porteur-${crypto.randomUUID().slice(0, 8)}@exemple.fr`

describe('codes shown to people', () => {
  it('owner pages, e-mails, public pages and the desk show labels, never codes', async () => {
    const email = unique()
    // Changes requested, answered, published, an edit refused, verified, then unpublished.
    const sub = await submit({
      privateContact: { email },
      title: 'Fiche témoin de la Commune d’Exemple',
    })
    const cookie = await openSession(sub.editToken)
    await ownerPage(cookie, 'owner, pending')
    await postJson(
      `/api/moderation/experiments/${sub.id}/request-changes`,
      { reason: 'Précisez le budget, s’il vous plaît.' },
      asModerator()
    )
    await ownerPage(cookie, 'owner, changes requested')
    const form = scrapeForm(
      await (await request('/modifier', { headers: { cookie } })).text(),
      'action="/modifier" novalidate'
    )
    const typed: Record<string, string> = {
      ownerMessage: 'Budget précisé.',
      'means.budgetEur': '48000',
    }
    const edited = await postForm(
      '/modifier',
      form.map(([n, v]) => [n, typed[n] ?? v]),
      { cookie }
    )
    expect(edited.status).toBe(303)
    expect(
      (await postJson(`/api/moderation/experiments/${sub.id}/approve`, {}, asModerator())).status
    ).toBe(200)
    await ownerPage(cookie, 'owner, published')

    const again = scrapeForm(
      await (await request('/modifier', { headers: { cookie } })).text(),
      'action="/modifier" novalidate'
    )
    const retitled = await postForm(
      '/modifier',
      again.map(([n, v]) => [n, n === 'means.budgetEur' ? '52000' : v]),
      { cookie }
    )
    expect(retitled.status).toBe(303)
    const proposals = (await (
      await request('/api/moderation/proposals', { headers: asModerator() })
    ).json()) as { items: { id: string; experimentId: string }[] }
    const proposal = proposals.items.find((p) => p.experimentId === sub.id)!
    expect(
      (
        await postJson(
          `/api/moderation/proposals/${proposal.id}/reject`,
          { reason: 'Le budget publié est déjà le bon.' },
          asModerator()
        )
      ).status
    ).toBeLessThan(300)
    expect((await postForm('/modifier/verifier', [], { cookie })).status).toBe(303)
    await ownerPage(cookie, 'owner, edit refused and verified')

    // A replication, feedback and a report on the published record.
    const slug = ((await (await request(`/api/experiments/${sub.id}`)).json()) as { slug: string })
      .slug
    const replication = await postJson(`/api/experiments/${sub.id}/replications`, {
      territory: 'com:35238',
      declarant: { name: 'Commune d’Exemple', kind: 'commune' },
      relation: 'adapted',
      progress: 'in-progress',
    })
    const { id: rid } = (await replication.json()) as { id: string }
    await postJson(`/api/moderation/replications/${rid}/approve`, {}, asModerator())
    const feedback = await postJson(`/api/experiments/${sub.id}/feedback`, {
      role: 'adopter',
      authorName: 'Médiathèque d’Exemple',
      tried: 'Des permanences le samedi matin.',
      recommend: 'rather-yes',
    })
    const { id: fid } = (await feedback.json()) as { id: string }
    await postJson(`/api/moderation/feedback/${fid}/approve`, {}, asModerator())
    await postJson(`/api/experiments/${sub.id}/reports`, { reason: 'outdated' })
    for (const lang of ['fr', 'en'] as const) {
      await page(`/experiences/${slug}`, lang)
      await page(`/experiences/${slug}/historique`, lang)
    }

    // The desk, before and after the report is closed.
    await insertModerator(
      env.DB,
      'desk-codes',
      await hashPassword('correct horse battery staple 42'),
      new Date().toISOString()
    )
      .run()
      .catch(() => undefined)
    const signIn = await postForm(
      '/moderation/connexion',
      [
        ['moderateur', 'desk-codes'],
        ['mot-de-passe', 'correct horse battery staple 42'],
      ],
      { 'cf-connecting-ip': '203.0.113.78' }
    )
    expect(signIn.status).toBe(303)
    const desk = `; ${
      signIn.headers
        .getSetCookie()
        .find((c) => c.startsWith('__Host-obs_session='))!
        .split(';')[0]
    }`
    await page('/moderation', 'fr', desk)
    await page(`/moderation/experiences/${sub.id}`, 'fr', desk)
    const reports = (await (
      await request('/api/moderation/reports', { headers: asModerator() })
    ).json()) as { items: { id: string }[] }
    for (const r of reports.items)
      await postJson(`/api/moderation/reports/${r.id}/close`, {}, asModerator())
    await postJson(
      `/api/moderation/experiments/${sub.id}/unpublish`,
      { reason: 'Le projet est arrêté.' },
      asModerator()
    )
    await ownerPage(cookie, 'owner, unpublished')
    await page('/moderation/journal', 'fr', desk)
    await page(`/moderation/experiences/${sub.id}`, 'fr', desk)

    // A rejected submission.
    const refused = await submit({ privateContact: { email } })
    await postJson(
      `/api/moderation/experiments/${refused.id}/reject`,
      { reason: 'Hors du champ de l’observatoire.' },
      asModerator()
    )
    await ownerPage(await openSession(refused.editToken), 'owner, rejected')

    // Every e-mail the owner received.
    const { results: mails } = await env.DB.prepare(
      'SELECT subject, body FROM local_mail WHERE to_address = ?1 ORDER BY id'
    )
      .bind(email)
      .all<{ subject: string; body: string }>()
    expect(mails.length).toBeGreaterThanOrEqual(4)
    for (const m of mails) {
      const [fr, en] = m.body.split('— English —')
      // The subject says it in both languages.
      check(`e-mail « ${m.subject} » (subject)`, m.subject, 'en', false)
      check(`e-mail « ${m.subject} » (fr)`, fr ?? '', 'fr', false)
      check(`e-mail « ${m.subject} » (en)`, en ?? '', 'en', false)
    }

    expect(seen.length).toBeGreaterThan(15)
    expect(seen.filter((s) => s.codes.length > 0)).toEqual([])
  })

  it('the check itself finds a raw code', () => {
    expect(rawCodes(visibleText('<p>Statut : <b>changes_requested</b></p>'), 'en')).toEqual([
      'changes_requested',
    ])
    expect(rawCodes(visibleText('<p class="status-rejected">Refusée</p>'), 'fr')).toEqual([])
    expect(rawCodes('Motif : outdated', 'fr')).toEqual(['outdated'])
    expect(rawCodes('Action : close-report', 'en')).toEqual(['close-report'])
  })
})
