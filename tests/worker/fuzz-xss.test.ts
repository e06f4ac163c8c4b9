/**
 * XSS matrix: each payload (script tags, attribute breakouts, `javascript:` URLs, bidi and
 * zero-width characters, very long strings), wrapped in random text by fast-check, goes
 * into every text field of a record, into search terms, and into highlights; then every
 * page that can show it is rendered (experiment page, home search results and
 * highlights, history diff, report form, edit form, submission form with errors, 404),
 * and none may contain the payload unescaped. `javascript:` URLs are refused at input.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NARRATIVE_SECTIONS } from '../../worker/domain/experiment'
import { drainOutbox } from '../../worker/search/sync'
import { MODERATOR } from './fixtures'
import { FUZZ_ENV, send, unescapedPayload, XSS_PAYLOADS, briefReport } from './fuzz-support'

const ORIGIN = 'https://observatoire.test'
const moderator = { authorization: `Bearer ${MODERATOR}` }
let requests = 0

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  requests++
  return send(path, init)
}

/** At most `max` UTF-16 units (what the schemas' max counts), never half a surrogate pair. */
function cut(s: string, max: number): string {
  let out = ''
  for (const ch of s) {
    if (out.length + ch.length > max) break
    out += ch
  }
  return out
}

/** A record with the payload in every free-text field, within each field's limits. */
function payloadRecord(p: string, marker: string) {
  return {
    title: cut(`Médiation ${marker} ${p}`, 160),
    summary: cut(`Résumé de l’expérience ${marker} ${p} ${'pour les habitants '.repeat(2)}`, 500),
    lead: { name: cut(`Porteur ${p}`, 200), kind: 'commune' },
    territories: ['dep:53'],
    themes: ['mediation.itinerance'],
    stage: 'rollout',
    startDate: '2021-09',
    partners: [{ name: cut(`Partenaire ${p}`, 200), role: cut(p, 200) }],
    keywords: [cut(`mot ${p}`, 50)],
    narrative: Object.fromEntries(NARRATIVE_SECTIONS.map((k) => [k, cut(`${p}\n\n${p}`, 3000)])),
    means: { fundingSources: [{ type: 'state', programme: cut(p, 200) }] },
    results: {
      indicators: [{ label: cut(`Indicateur ${p}`, 200), unit: cut(p, 50), method: cut(p, 500) }],
      evaluationDocuments: [
        { title: cut(`Évaluation ${p}`, 200), url: 'https://exemple.fr/evaluation' },
      ],
    },
    resources: [
      { title: cut(`Ressource ${p}`, 200), url: 'https://exemple.fr/kit', licence: cut(p, 50) },
    ],
    publicContact: { role: cut(p, 200) },
    privateContact: { email: 'xss@example.fr', name: cut(p, 200) },
  }
}

async function expectEscaped(path: string, init: RequestInit = {}, expectedStatus?: number) {
  const res = await call(path, {
    ...init,
    headers: { accept: 'text/html', ...(init.headers ?? {}) },
  })
  const html = await res.text()
  expect(res.status, `${path} → ${res.status}`).toBeLessThan(500)
  if (expectedStatus) expect(res.status, path).toBe(expectedStatus)
  expect(unescapedPayload(html), `${path} rendered a payload unescaped`).toBeNull()
  return html
}

const payload = fc
  .tuple(
    fc.constantFrom(...XSS_PAYLOADS, 'x'.repeat(4000) + '<script>alert(1)</script>'),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 8 })
  )
  .map(([p, before, after]) => `${before}${p}${after}`)

describe('XSS matrix', () => {
  it('never renders a payload unescaped, in any field, search term, highlight or page', async () => {
    const started = Date.now()
    let run = 0
    await fc.assert(
      fc.asyncProperty(payload, payload, async (p, q) => {
        run++
        // Letters only, so every engine tokenises it as one word.
        const marker = `repere${[...String(run)].map((d) => 'abcdefghij'[Number(d)]).join('')}`
        const record = payloadRecord(p, marker)
        const res = await call('/api/experiments', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(record),
        })
        expect(res.status, await res.clone().text()).toBe(201)
        const sub = (await res.json()) as { id: string; slug: string; editToken: string }
        expect(
          (
            await call(`/api/moderation/experiments/${sub.id}/approve`, {
              method: 'POST',
              headers: moderator,
            })
          ).status
        ).toBe(200)

        // A second version with another payload, through a proposal, for the history diff.
        const edit = await call(`/api/experiments/${sub.id}/edit`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${sub.editToken}` },
          body: JSON.stringify(payloadRecord(q, marker)),
        })
        expect(edit.status, await edit.clone().text()).toBe(200)
        const proposal = (await edit.json()) as { outcome: string; proposalId?: string }
        if (proposal.proposalId) {
          const approved = await call(`/api/moderation/proposals/${proposal.proposalId}/approve`, {
            method: 'POST',
            headers: moderator,
          })
          expect(approved.status, await approved.clone().text()).toBe(200)
        }
        await drainOutbox(FUZZ_ENV, { targets: ['embedded'] })

        await expectEscaped(`/experiences/${sub.slug}`, {}, 200)
        await expectEscaped(`/experiences/${sub.slug}/historique`, {}, 200)
        await expectEscaped(`/experiences/${sub.slug}/signaler`, {}, 200)
        // Search results: the term found next to the payload (highlights), and payloads as terms.
        const results = await expectEscaped(`/?q=${encodeURIComponent(marker)}`, {}, 200)
        expect(results).toContain(`/experiences/${encodeURIComponent(sub.slug)}`)
        await expectEscaped(`/?q=${encodeURIComponent(cut(p, 190))}`)
        await expectEscaped(
          `/?q=${encodeURIComponent(cut(q, 190))}&theme=${encodeURIComponent(cut(p, 50))}`
        )
        const api = await call(`/api/search?q=${encodeURIComponent(marker)}`)
        expect(api.status, await api.clone().text()).toBe(200)
        const hits = (
          (await api.json()) as { hits: { highlight: { title: string; summary: string } }[] }
        ).hits
        for (const hit of hits) {
          expect(unescapedPayload(hit.highlight.title)).toBeNull()
          expect(unescapedPayload(hit.highlight.summary)).toBeNull()
        }
        // The payload in a URL path, in the capability URL, and in the submission form's errors.
        await expectEscaped(`/experiences/${encodeURIComponent(cut(p, 100))}`)
        await expectEscaped(`/modifier/${encodeURIComponent(cut(p, 150))}`)
        const open = await call('/modifier/ouvrir', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
          body: new URLSearchParams({ token: sub.editToken }).toString(),
        })
        const cookie = (open.headers.get('set-cookie') ?? '').split(';')[0]!
        await expectEscaped('/modifier', { headers: { cookie } }, 200)
        const form = new URLSearchParams({
          title: p,
          summary: q,
          'lead.name': p,
          territories: p,
          'privateContact.email': q,
        })
        await expectEscaped(
          '/proposer',
          {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
            body: form.toString(),
          },
          400
        )
        // The language switch never sends the reader to a script URL or another site.
        const lang = await call(`/langue/en?retour=${encodeURIComponent(p)}`)
        const location = lang.headers.get('location') ?? ''
        expect(location.startsWith('/') && !location.startsWith('//')).toBe(true)
      }),
      { numRuns: 40, endOnFailure: true, reporter: briefReport }
    )
    console.info(
      `xss: ${requests} requests, ${run} records in ${((Date.now() - started) / 1000).toFixed(1)} s`
    )
  }, 600_000)

  it('refuses javascript: and data: URLs in every URL field', async () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      ' javascript:alert(1)',
      'vbscript:x',
    ]) {
      for (const field of ['website', 'resources', 'evaluationDocuments'] as const) {
        const record = payloadRecord('texte', 'url')
        const body =
          field === 'website'
            ? { ...record, website: url }
            : field === 'resources'
              ? { ...record, resources: [{ title: 'Kit', url }] }
              : { ...record, results: { evaluationDocuments: [{ title: 'Rapport', url }] } }
        const res = await call('/api/experiments', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        })
        expect(res.status, `${field} = ${url}`).toBe(400)
      }
    }
  })
})
