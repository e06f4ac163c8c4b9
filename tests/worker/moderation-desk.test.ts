/**
 * The moderation desk in workerd: named accounts with hashed passwords, the session
 * cookie and its expiries, sign-out, the CSRF gate, the sign-in rate limit, and the
 * pages themselves (queue, record with diff and private contact, decisions, journal).
 */
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it } from 'vitest'
import { insertModerator } from '../../worker/db/moderators'
import { sha256Hex } from '../../worker/lib/crypto'
import { networkHash } from '../../worker/http/client-ip'
import { hashPassword, verifyPassword } from '../../worker/lib/password'
import {
  asModerator,
  postJson,
  publish,
  request,
  validInput,
  type SubmissionBody,
  submit,
} from './fixtures'
import { moderationInput } from './moderation-fixtures'
import { ALL_THEMES, EVIDENCE_LEVELS, labelOf, PUBLICS } from '../../worker/domain/vocabularies'

const ORIGIN = 'https://observatoire.test'
const PASSWORD = 'correct horse battery staple 42'

async function addModerator(name: string, password = PASSWORD): Promise<void> {
  await insertModerator(env.DB, name, await hashPassword(password), new Date().toISOString()).run()
}

function sessionCookie(res: Response): string | null {
  const header = res.headers.getSetCookie().find((c) => c.startsWith('__Host-obs_session='))
  return header ? header.split(';')[0]!.slice('__Host-obs_session='.length) : null
}

function form(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString()
}

async function signIn(
  name: string,
  password = PASSWORD,
  headers: Record<string, string> = {}
): Promise<Response> {
  return request('/moderation/connexion', {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: ORIGIN,
      'cf-connecting-ip': '203.0.113.7',
      ...headers,
    },
    body: form({ moderateur: name, 'mot-de-passe': password }),
  })
}

async function session(name: string): Promise<string> {
  const res = await signIn(name)
  expect(res.status).toBe(303)
  const cookie = sessionCookie(res)
  if (!cookie) throw new Error('no session cookie')
  return cookie
}

const withCookie = (cookie: string, headers: Record<string, string> = {}) => ({
  cookie: `__Host-obs_session=${cookie}`,
  ...headers,
})

function get(path: string, cookie: string): Promise<Response> {
  return request(path, { headers: withCookie(cookie), redirect: 'manual' })
}

function post(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  headers: Record<string, string> = { origin: ORIGIN }
): Promise<Response> {
  return request(path, {
    method: 'POST',
    redirect: 'manual',
    headers: withCookie(cookie, {
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    }),
    body: form(fields),
  })
}

async function csrfToken(cookie: string, path = '/moderation'): Promise<string> {
  const html = await (await get(path, cookie)).text()
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  if (!token) throw new Error(`no CSRF token on ${path}`)
  return token
}

const submitTitled = (title = 'Fiche proposée au bureau') => submit(moderationInput(title))

const statusOf = async (id: string) =>
  (
    await env.DB.prepare('SELECT status FROM experiments WHERE id = ?1').bind(id).first<{
      status: string
    }>()
  )?.status

beforeAll(async () => {
  for (const name of ['claire', 'denis', 'emma', 'farid', 'gaelle', 'hugo', 'ines']) {
    await addModerator(name)
  }
})

describe('moderator accounts', () => {
  it('stores a salted PBKDF2 hash, never the password', async () => {
    const row = await env.DB.prepare('SELECT password_hash FROM moderators WHERE name = ?1')
      .bind('claire')
      .first<{ password_hash: string }>()
    expect(row?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$[\w-]{22}\$[\w-]{43}$/)
    expect(row?.password_hash).not.toContain(PASSWORD)
    const dump = await env.DB.prepare('SELECT * FROM moderators').all()
    expect(JSON.stringify(dump.results)).not.toContain(PASSWORD)
    // Same password, different salt, different hash.
    expect(await hashPassword(PASSWORD)).not.toBe(await hashPassword(PASSWORD))
    expect(await verifyPassword(PASSWORD, row!.password_hash)).toBe(true)
    expect(await verifyPassword(`${PASSWORD}x`, row!.password_hash)).toBe(false)
    expect(await verifyPassword(PASSWORD, null)).toBe(false)
    expect(await verifyPassword(PASSWORD, 'pbkdf2-sha256$1$AAAA$AAAA')).toBe(false)
  })
})

describe('password cost', () => {
  it('a hash stored at a lower cost still signs in, and is rehashed at the current cost', async () => {
    // As an older, cheaper setting made it: same format, its own iteration count.
    const old = await hashPassword(PASSWORD, 50_000)
    await insertModerator(env.DB, 'jade', old, new Date().toISOString()).run()
    expect(await verifyPassword(PASSWORD, old)).toBe(true)
    expect(await verifyPassword(`${PASSWORD}!`, old)).toBe(false)

    expect((await signIn('jade')).status).toBe(303)
    const stored = await env.DB.prepare('SELECT password_hash FROM moderators WHERE name = ?1')
      .bind('jade')
      .first<{ password_hash: string }>()
    expect(stored?.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/)
    expect(stored?.password_hash).not.toBe(old)
    // The new hash is of the same password: signing in again works.
    expect((await signIn('jade')).status).toBe(303)
  })
})

describe('sign-in and session cookie', () => {
  it('sets a __Host- cookie that is Secure, HttpOnly, SameSite=Lax, Path=/ and stores only its hash', async () => {
    const res = await signIn('claire')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/moderation')
    const header = res.headers.getSetCookie().find((c) => c.startsWith('__Host-obs_session='))!
    expect(header).toMatch(/;\s*Secure/i)
    expect(header).toMatch(/;\s*HttpOnly/i)
    expect(header).toMatch(/;\s*SameSite=Lax/i)
    expect(header).toMatch(/;\s*Path=\/(;|$)/)
    expect(header).not.toMatch(/Domain=/i)
    const cookie = sessionCookie(res)!
    expect(cookie.length).toBeGreaterThanOrEqual(43)
    const rows = await env.DB.prepare('SELECT id_hash FROM moderator_sessions').all<{
      id_hash: string
    }>()
    const hashes = rows.results.map((r) => r.id_hash)
    expect(hashes).toContain(await sha256Hex(cookie))
    expect(hashes).not.toContain(cookie)
    const audit = await env.DB.prepare(
      "SELECT actor, action FROM audit_log WHERE action = 'login' ORDER BY seq DESC LIMIT 1"
    ).first()
    expect(audit).toEqual({ actor: 'moderator:claire', action: 'login' })
  })

  it('rotates the session at sign-in: the previous session id stops working', async () => {
    const first = await session('claire')
    const res = await signIn('claire', PASSWORD, withCookie(first))
    const second = sessionCookie(res)!
    expect(second).not.toBe(first)
    expect((await get('/moderation', first)).status).toBe(303)
    expect((await get('/moderation', second)).status).toBe(200)
  })

  it('answers the same to an unknown account and a wrong password, and logs the failure', async () => {
    const wrong = await signIn('claire', 'not the password')
    const unknown = await signIn('nobody', PASSWORD)
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(sessionCookie(wrong)).toBeNull()
    const [a, b] = [await wrong.text(), await unknown.text()]
    expect(a).toContain('Identifiant ou mot de passe incorrect.')
    expect(b).toContain('Identifiant ou mot de passe incorrect.')
    const failures = await env.DB.prepare(
      "SELECT target FROM audit_log WHERE action = 'login-failed' ORDER BY seq DESC LIMIT 2"
    ).all<{ target: string | null }>()
    expect(failures.results.map((r) => r.target)).toEqual([null, 'moderator:claire'])
  })

  it('refuses a sign-in posted from another origin', async () => {
    const res = await signIn('claire', PASSWORD, { origin: 'https://evil.example' })
    expect(res.status).toBe(403)
    expect(sessionCookie(res)).toBeNull()
  })

  it('limits failed sign-ins per account and IP, even with the right password afterwards', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn('denis', 'wrong')).status).toBe(401)
    const blocked = await signIn('denis')
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toBe('900')
    expect(sessionCookie(blocked)).toBeNull()
    // Another address is not blocked (per account AND IP), so an attacker cannot lock a moderator out.
    const elsewhere = await signIn('denis', PASSWORD, { 'cf-connecting-ip': '198.51.100.9' })
    expect(elsewhere.status).toBe(303)
  })

  it('limits failed sign-ins per account across IPs, for a few minutes only', async () => {
    // A botnet: 20 wrong passwords for one account, each from its own address.
    for (let i = 0; i < 20; i++) {
      const res = await signIn('gaelle', 'wrong', { 'cf-connecting-ip': `198.18.0.${i + 1}` })
      expect(res.status).toBe(401)
    }
    // The account is locked for everyone, the right password from a fresh address included.
    const locked = await signIn('gaelle', PASSWORD, { 'cf-connecting-ip': '198.18.1.1' })
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('300')
    expect(sessionCookie(locked)).toBeNull()
    // Other accounts are not affected.
    expect((await signIn('farid', PASSWORD, { 'cf-connecting-ip': '198.18.1.1' })).status).toBe(303)
    // Five minutes later (the window moved back in time), the moderator gets in.
    await env.DB.prepare(
      "UPDATE login_attempts SET window_start = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-301 seconds') WHERE key_hash = ?1"
    )
      .bind(await sha256Hex('login-account:gaelle'))
      .run()
    expect((await signIn('gaelle', PASSWORD, { 'cf-connecting-ip': '198.18.1.1' })).status).toBe(
      303
    )
  })

  it('stores IP pseudonyms keyed with the secret, not a plain hash of the address', async () => {
    await signIn('ines', 'wrong', { 'cf-connecting-ip': '192.0.2.99' })
    const row = await env.DB.prepare(
      "SELECT ip_hash FROM audit_log WHERE action = 'login-failed' AND target = 'moderator:ines'"
    ).first<{ ip_hash: string }>()
    expect(row?.ip_hash).toBe((await networkHash(env, '192.0.2.99', 'audit')).slice(0, 16))
    expect(row?.ip_hash).not.toBe((await sha256Hex('ip:192.0.2.99')).slice(0, 16))
  })

  it('refuses a disabled account, and ends its open sessions', async () => {
    const cookie = await session('ines')
    await env.DB.prepare(
      "UPDATE moderators SET disabled_at = '2026-01-01' WHERE name = 'ines'"
    ).run()
    expect((await get('/moderation', cookie)).status).toBe(303)
    expect((await signIn('ines')).status).toBe(401)
  })
})

describe('session expiry and sign-out', () => {
  it('sends visitors without a session to the sign-in page, with nothing cached', async () => {
    const res = await request('/moderation', { redirect: 'manual' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/moderation/connexion')
    expect(res.headers.get('cache-control')).toBe('no-store')
    const login = await request('/moderation/connexion')
    expect(login.status).toBe(200)
    expect(login.headers.get('x-robots-tag')).toContain('noindex')
  })

  it('expires after 30 minutes idle', async () => {
    const cookie = await session('emma')
    const hash = await sha256Hex(cookie)
    const idle = new Date(Date.now() - 31 * 60_000).toISOString()
    await env.DB.prepare('UPDATE moderator_sessions SET last_seen_at = ?2 WHERE id_hash = ?1')
      .bind(hash, idle)
      .run()
    const res = await get('/moderation', cookie)
    expect(res.status).toBe(303)
    expect(res.headers.getSetCookie().join()).toMatch(/__Host-obs_session=;/)
    const row = await env.DB.prepare('SELECT 1 FROM moderator_sessions WHERE id_hash = ?1')
      .bind(hash)
      .first()
    expect(row).toBeNull()
  })

  it('keeps an active session alive but ends it 12 hours after sign-in whatever the activity', async () => {
    const cookie = await session('emma')
    const hash = await sha256Hex(cookie)
    const recently = new Date(Date.now() - 20 * 60_000).toISOString()
    await env.DB.prepare('UPDATE moderator_sessions SET last_seen_at = ?2 WHERE id_hash = ?1')
      .bind(hash, recently)
      .run()
    expect((await get('/moderation', cookie)).status).toBe(200)
    const touched = await env.DB.prepare(
      'SELECT last_seen_at FROM moderator_sessions WHERE id_hash = ?1'
    )
      .bind(hash)
      .first<{ last_seen_at: string }>()
    expect(touched!.last_seen_at > recently).toBe(true)

    await env.DB.prepare(
      'UPDATE moderator_sessions SET expires_at = ?2, last_seen_at = ?3 WHERE id_hash = ?1'
    )
      .bind(hash, new Date(Date.now() - 1000).toISOString(), new Date().toISOString())
      .run()
    expect((await get('/moderation', cookie)).status).toBe(303)
  })

  it('signs out: the session is gone server-side, the cookie cleared, the event logged', async () => {
    const cookie = await session('farid')
    const token = await csrfToken(cookie)
    const res = await post('/moderation/deconnexion', cookie, { _csrf: token })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/moderation/connexion?fin=1')
    expect(res.headers.getSetCookie().join()).toMatch(/__Host-obs_session=;.*Max-Age=0/i)
    const row = await env.DB.prepare('SELECT 1 FROM moderator_sessions WHERE id_hash = ?1')
      .bind(await sha256Hex(cookie))
      .first()
    expect(row).toBeNull()
    expect((await get('/moderation', cookie)).status).toBe(303)
    const audit = await env.DB.prepare(
      "SELECT actor FROM audit_log WHERE action = 'logout' ORDER BY seq DESC LIMIT 1"
    ).first()
    expect(audit).toEqual({ actor: 'moderator:farid' })
  })
})

describe('CSRF', () => {
  it.each([
    [
      'no token',
      (t: string) => ({ raison: 'Hors sujet ici.', revision: '1', _t: t }),
      { origin: ORIGIN },
    ],
    [
      'a wrong token',
      (t: string) => ({ _csrf: `${t.slice(0, -2)}xx`, raison: 'Hors sujet ici.', revision: '1' }),
      { origin: ORIGIN },
    ],
    [
      'the right token from another origin',
      (t: string) => ({ _csrf: t, raison: 'Hors sujet ici.', revision: '1' }),
      { origin: 'https://evil.example' },
    ],
    [
      'the right token from a cross-site context without Origin',
      (t: string) => ({ _csrf: t, raison: 'Hors sujet ici.', revision: '1' }),
      { 'sec-fetch-site': 'cross-site' },
    ],
    [
      'the right token with neither Origin nor Sec-Fetch-Site',
      (t: string) => ({ _csrf: t, raison: 'Hors sujet ici.', revision: '1' }),
      {},
    ],
  ] as const)('refuses a decision with %s, changing nothing', async (_label, fields, headers) => {
    const cookie = await session('gaelle')
    const { id } = await submitTitled()
    const token = await csrfToken(cookie, `/moderation/experiences/${id}`)
    const res = await post(`/moderation/experiences/${id}/refuser`, cookie, fields(token), headers)
    expect(res.status).toBe(403)
    expect(await statusOf(id)).toBe('pending')
    const audit = await env.DB.prepare(
      "SELECT actor FROM audit_log WHERE action = 'csrf-rejected' ORDER BY seq DESC LIMIT 1"
    ).first()
    expect(audit).toEqual({ actor: 'moderator:gaelle' })
  })

  it('accepts the same decision with the token from the same origin (Sec-Fetch-Site alone is enough)', async () => {
    const cookie = await session('gaelle')
    const { id } = await submitTitled()
    const token = await csrfToken(cookie, `/moderation/experiences/${id}`)
    const res = await post(
      `/moderation/experiences/${id}/refuser`,
      cookie,
      { _csrf: token, raison: 'Hors sujet ici.', revision: '1' },
      { 'sec-fetch-site': 'same-origin' }
    )
    expect(res.status).toBe(303)
    expect(await statusOf(id)).toBe('rejected')
  })
})

describe('desk pages', () => {
  it('lists pending submissions in the queue and shows the record with its private contact', async () => {
    const cookie = await session('hugo')
    const { id } = await submitTitled('Fiche en file d’attente')
    const queue = await get('/moderation', cookie)
    expect(queue.status).toBe(200)
    expect(queue.headers.get('cache-control')).toBe('no-store')
    const html = await queue.text()
    expect(html).toContain(`href="/moderation/experiences/${id}"`)
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/)
    expect(html).not.toMatch(/\sstyle=/)
    const record = await (await get(`/moderation/experiences/${id}`, cookie)).text()
    expect(record).toContain('referent@example.fr')
    expect(record).toContain('Première proposition')
    for (const slug of [
      'approuver',
      'refuser',
      'demander-modifications',
      'supprimer',
      'fusionner',
    ]) {
      expect(record).toContain(`action="/moderation/experiences/${id}/${slug}"`)
    }
    expect(record).not.toContain(`/moderation/experiences/${id}/depublier`)
  })

  it('shows a first submission whole, like its public page, with the private contact marked private', async () => {
    const cookie = await session('hugo')
    const { id } = await submit({
      ...moderationInput('Fiche complète pour le bureau'),
      themes: ['cybersecurity.sensibilisation', 'cybersecurity.hebergement'],
      publics: ['elected'],
      narrative: {
        context: 'Contexte : des agents peu formés aux attaques par hameçonnage.',
        difficulties: 'Difficulté : libérer du temps aux agents pour les ateliers.',
      },
      means: {
        budgetEur: 18000,
        fundingSources: [{ type: 'region', programme: 'Programme régional de contrôle' }],
      },
      results: {
        peopleReached: 240,
        indicators: [{ label: 'Clics sur les faux courriels', value: 12, unit: '%' }],
        evaluationDocuments: [
          { title: 'Rapport d’évaluation du bureau', url: 'https://example.org/evaluation.pdf' },
        ],
      },
      evidenceLevel: 3,
      resources: [{ title: 'Kit de sensibilisation', url: 'https://example.org/kit' }],
      sources: [{ url: 'https://example.org/source', title: 'Article source du bureau' }],
      privateContact: { name: 'Agathe Privée', email: 'agathe.privee@example.org' },
    })
    const html = await (await get(`/moderation/experiences/${id}`, cookie)).text()
    // The public page's sections, in the desk.
    for (const section of [
      's-facts',
      's-story',
      's-results',
      's-means',
      's-lessons',
      's-resources',
      's-sources',
    ])
      expect(html, section).toContain(`id="${section}"`)
    expect(html).toContain('Corse') // reg:94 by its name, not its code
    for (const code of ['cybersecurity.sensibilisation', 'cybersecurity.hebergement'])
      expect(html).toContain(`<li>${labelOf(ALL_THEMES, code, 'fr')}</li>`)
    expect(html).toContain(labelOf(PUBLICS, 'elected', 'fr'))
    expect(html).toContain('Contexte : des agents peu formés')
    expect(html).toContain('Difficulté : libérer du temps')
    expect(html).toContain('Programme régional de contrôle')
    expect(html).toContain('Clics sur les faux courriels')
    expect(html).toContain(EVIDENCE_LEVELS[3]!.fr)
    expect(html).toContain('href="https://example.org/evaluation.pdf"')
    expect(html).toContain('Kit de sensibilisation')
    expect(html).toContain('Article source du bureau')
    // The private contact appears once, inside the section marked private.
    const privateSection = /<section[^>]*desk-private[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
    expect(privateSection).toContain('Privé')
    expect(privateSection).toContain('jamais publié')
    for (const secret of ['agathe.privee@example.org', 'Agathe Privée']) {
      expect(privateSection).toContain(secret)
      expect(html.split(secret)).toHaveLength(2)
    }
  })

  it('publishes from the desk, then the public page shows it; the decision is in the journal', async () => {
    const cookie = await session('hugo')
    const { id, slug } = await submitTitled('Fiche publiée depuis le bureau')
    const token = await csrfToken(cookie, `/moderation/experiences/${id}`)
    const res = await post(`/moderation/experiences/${id}/approuver`, cookie, {
      _csrf: token,
      revision: '1',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/moderation/experiences/${id}?fait=approuver`)
    const after = await (await get(res.headers.get('location')!, cookie)).text()
    expect(after).toContain('La fiche est publiée.')
    expect((await request(`/experiences/${slug}`)).status).toBe(200)
    const journal = await (await get('/moderation/journal', cookie)).text()
    expect(journal).toContain(`/moderation/experiences/${id}`)
    expect(journal).toContain('de : En attente · à : Publiée · révision : 2 · par : bureau')
  })

  it('re-renders the form with the error next to the field when a reason is missing', async () => {
    const cookie = await session('hugo')
    const { id } = await submitTitled()
    const token = await csrfToken(cookie, `/moderation/experiences/${id}`)
    const res = await post(`/moderation/experiences/${id}/refuser`, cookie, {
      _csrf: token,
      raison: '',
      revision: '1',
    })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(/id="raison-refuser-erreur"[^>]*>Indiquez la raison/)
    expect(html).toMatch(/aria-invalid="true"/)
    expect(await statusOf(id)).toBe('pending')
  })

  it('refuses a decision taken on a stale page (the record moved since)', async () => {
    const cookie = await session('hugo')
    const { id } = await submitTitled()
    const token = await csrfToken(cookie, `/moderation/experiences/${id}`)
    const moved = await postJson(
      `/api/moderation/experiments/${id}/request-changes`,
      { reason: 'Complétez.' },
      asModerator()
    )
    expect(moved.status).toBe(200)
    const res = await post(`/moderation/experiences/${id}/approuver`, cookie, {
      _csrf: token,
      revision: '1',
    })
    expect(res.status).toBe(409)
    expect(await statusOf(id)).toBe('changes_requested')
  })

  it('shows a re-submission against the published version, field by field', async () => {
    const cookie = await session('hugo')
    const { id } = await publish(moderationInput('Fiche republiée'))
    // Back to the queue with new content, as an edit after "request changes" would do.
    await postJson(
      `/api/moderation/experiments/${id}/unpublish`,
      { reason: 'À revoir.' },
      asModerator()
    )
    const row = await env.DB.prepare('SELECT data FROM experiments WHERE id = ?1')
      .bind(id)
      .first<{ data: string }>()
    const data = {
      ...JSON.parse(row!.data),
      summary: 'Un résumé entièrement réécrit par le porteur.',
    }
    await env.DB.prepare('UPDATE experiments SET data = ?2 WHERE id = ?1')
      .bind(id, JSON.stringify(data))
      .run()
    const html = await (await get(`/moderation/experiences/${id}`, cookie)).text()
    expect(html).toContain('<th scope="row">Résumé</th>')
    expect(html).not.toContain('<code>summary</code>')
    expect(html).toContain('<ins>Un résumé entièrement réécrit par le porteur.</ins>')
    expect(html).toContain('<del>Registre interne de contrôle du bureau de modération')
  })

  it('escapes hostile text everywhere on the desk', async () => {
    const cookie = await session('hugo')
    const hostile = '<script>alert(1)</script>"><svg onload=alert(2)>'
    const { id } = await submitTitled(hostile)
    for (const path of ['/moderation', `/moderation/experiences/${id}`]) {
      const html = await (await get(path, cookie)).text()
      expect(html).not.toContain('<script>alert(1)')
      expect(html).not.toContain('<svg onload')
    }
  })

  it('decides a proposed edit and closes a report from the record page', async () => {
    const cookie = await session('hugo')
    const published = await publish(moderationInput('Fiche modifiée par son porteur'))
    // The submitter edits the published record: it becomes a proposal.
    const edited = await request(`/api/experiments/${published.id}/edit`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${published.editToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(
        validInput({
          ...moderationInput('Fiche modifiée par son porteur'),
          summary: 'Résumé corrigé par le porteur après un an de fonctionnement.',
        })
      ),
    })
    expect(edited.status).toBe(200)
    const reported = await postJson(`/api/experiments/${published.id}/reports`, {
      reason: 'outdated',
      message: 'Le service a changé de nom.',
    })
    expect(reported.status).toBe(201)

    const queue = await (await get('/moderation', cookie)).text()
    expect(queue).toContain(`/moderation/experiences/${published.id}#proposition`)
    expect(queue).toContain(`/moderation/experiences/${published.id}#signalements`)

    const record = await (await get(`/moderation/experiences/${published.id}`, cookie)).text()
    expect(record).toContain(
      '<ins>Résumé corrigé par le porteur après un an de fonctionnement.</ins>'
    )
    const proposal = /action="\/moderation\/propositions\/([^/"]+)\/approuver"/.exec(record)?.[1]
    const report = /action="\/moderation\/signalements\/([^/"]+)\/clore"/.exec(record)?.[1]
    expect(proposal).toBeDefined()
    expect(report).toBeDefined()
    const token = await csrfToken(cookie, `/moderation/experiences/${published.id}`)

    const approved = await post(`/moderation/propositions/${proposal}/approuver`, cookie, {
      _csrf: token,
      fiche: published.id,
    })
    expect(approved.status).toBe(303)
    expect(approved.headers.get('location')).toBe(
      `/moderation/experiences/${published.id}?fait=proposition-publiee`
    )
    const live = (await (await request(`/api/experiments/${published.id}`)).json()) as {
      summary: string
    }
    expect(live.summary).toBe('Résumé corrigé par le porteur après un an de fonctionnement.')

    const closed = await post(`/moderation/signalements/${report}/clore`, cookie, {
      _csrf: token,
      fiche: published.id,
      raison: 'Fiche mise à jour.',
    })
    expect(closed.status).toBe(303)
    const after = await (await get(`/moderation/experiences/${published.id}`, cookie)).text()
    expect(after).not.toContain(`/moderation/signalements/${report}/clore`)
    // Without the CSRF token, neither form does anything.
    expect(
      (await post(`/moderation/propositions/${proposal}/refuser`, cookie, { raison: 'Non.' }))
        .status
    ).toBe(403)
  })
})
