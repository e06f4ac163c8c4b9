import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../worker/open-data/import-rows'
import { richInput } from './exports-fixtures'
import { asModerator, request, validInput } from './fixtures'

function importBody(
  body: string,
  contentType: string,
  query = '',
  headers: Record<string, string> = asModerator()
): Promise<Response> {
  return request(`/api/moderation/import${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body,
  })
}

async function importJson(rows: unknown[], query = ''): Promise<ImportReport> {
  const res = await importBody(JSON.stringify(rows), 'application/json', query)
  expect(res.status, await res.clone().text()).toBe(200)
  return res.json()
}

interface Counts {
  experiments: number
  revisions: number
  themes: number
  territories: number
  outbox: number
  sources: number
}

async function counts(): Promise<Counts> {
  const row = await env.DB.prepare(
    `SELECT (SELECT count(*) FROM experiments) AS experiments,
            (SELECT count(*) FROM experiment_revisions) AS revisions,
            (SELECT count(*) FROM experiment_themes) AS themes,
            (SELECT count(*) FROM experiment_territories) AS territories,
            -- Rows ever enqueued: the post-write sync may already have drained some.
            (SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = 'search_outbox') AS outbox,
            (SELECT count(*) FROM experiment_sources) AS sources`
  ).first<Counts>()
  return row!
}

describe('bulk import: access', () => {
  it('requires a moderator token and a supported media type', async () => {
    expect((await importBody('[]', 'application/json', '', {})).status).toBe(401)
    const bad = await importBody('x', 'text/plain')
    expect(bad.status).toBe(415)
    expect(bad.headers.get('content-type')).toContain('application/problem+json')
  })

  it('refuses more rows than the documented per-request limit', async () => {
    const rows = Array.from({ length: 101 }, () => validInput())
    const res = await importBody(JSON.stringify(rows), 'application/json')
    expect(res.status).toBe(413)
  })
})

describe('bulk import: mixed good and bad rows', () => {
  it('reports bad rows per field, writes good rows whole, and nothing partial', async () => {
    const before = await counts()
    const report = await importJson([
      validInput({ title: 'Bonne fiche numéro un' }),
      { ...validInput(), title: 'abc', lead: { name: 'X', kind: 'mairie' } },
      validInput({ title: 'Bonne fiche numéro deux', territories: ['com:35238', 'dep:35'] }),
      validInput({ title: 'Territoire inconnu au référentiel', territories: ['dep:53', 'dep:00'] }),
      validInput({
        title: 'Inspirée d’une fiche absente',
        inspiredBy: ['01JD8Z6M4S4X7R2Q9F3K5V1B0C'],
      }),
      { ...validInput(), unexpected: 'champ inconnu' },
      'pas un objet',
    ])
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, invalid: 5, failed: 0 })
    expect(report.rows.map((r) => r.status)).toEqual([
      'created',
      'invalid',
      'created',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ])
    const pointers = (row: number) => report.rows[row - 1]!.errors!.map((e) => e.pointer)
    expect(pointers(2)).toEqual(expect.arrayContaining(['/title', '/lead/name', '/lead/kind']))
    expect(pointers(4)).toEqual(['/territories/1'])
    expect(pointers(5)).toEqual(['/inspiredBy/0'])
    expect(report.rows[5]!.errors![0]!.message).toBeTruthy()

    const after = await counts()
    // Two records, each with one revision, its theme and territory rows, two outbox rows.
    expect(after.experiments - before.experiments).toBe(2)
    expect(after.revisions - before.revisions).toBe(2)
    expect(after.outbox - before.outbox).toBe(4)
    expect(after.themes - before.themes).toBe(2)
    const second = await env.DB.prepare(`SELECT status, derived FROM experiments WHERE id = ?1`)
      .bind(report.rows[2]!.id)
      .first<{ status: string; derived: string }>()
    expect(second!.status).toBe('pending')
    expect(JSON.parse(second!.derived).regions).toEqual([{ code: 'reg:53', name: 'Bretagne' }])
    const territories = await env.DB.prepare(
      `SELECT territory FROM experiment_territories WHERE experiment_id = ?1 ORDER BY territory`
    )
      .bind(report.rows[2]!.id)
      .all<{ territory: string }>()
    expect(territories.results.map((r) => r.territory)).toEqual(['com:35238', 'dep:35', 'reg:53'])
  })

  it('is one transaction: refused by the database midway, it writes none of its rows and says so', async () => {
    // The database refuses the third record (as a crash or a full disk would, midway).
    await env.DB.prepare(
      `CREATE TRIGGER refuse_third_import_row BEFORE INSERT ON experiments
       WHEN NEW.data LIKE '%Troisième ligne refusée%'
       BEGIN SELECT RAISE(ABORT, 'refusée pour le test'); END`
    ).run()
    try {
      const before = await counts()
      const audits = await env.DB.prepare(
        "SELECT count(*) AS n FROM audit_log WHERE action = 'import'"
      ).first<{ n: number }>()
      const rows = [
        'Première ligne de l’import atomique',
        'Deuxième ligne de l’import atomique',
        'Troisième ligne refusée par la base',
        'Quatrième ligne de l’import atomique',
      ].map((title, i) => ({ ...validInput({ title }), sourceId: `atomique-${i}` }))
      const report = await importJson(rows)
      expect(report.counts).toMatchObject({ created: 0, failed: 4 })
      for (const row of report.rows) {
        expect(row.status).toBe('failed')
        expect(row.errors?.[0]?.message).toMatch(/aucune ligne/)
      }
      expect(await counts()).toEqual(before)
      expect(
        await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'import'").first()
      ).toEqual(audits)
    } finally {
      await env.DB.prepare('DROP TRIGGER refuse_third_import_row').run()
    }
    // Sent again once the cause is gone, the same request writes every row.
    const again = await importJson(
      ['Première', 'Deuxième', 'Troisième', 'Quatrième'].map((word, i) => ({
        ...validInput({ title: `${word} ligne, renvoyée` }),
        sourceId: `atomique-${i}`,
      }))
    )
    expect(again.counts).toMatchObject({ created: 4, failed: 0 })
  })

  it('names the CSV column of each invalid field', async () => {
    const csv = [
      'title,summary,lead_name,lead_kind,territories,themes,stage,start_date,private_contact_email',
      'Une fiche importée en CSV,Un résumé suffisamment long pour passer la validation.,Commune de Rennes,commune,com:35238,mediation;open-data,pilot,2022-01,a@example.fr',
      'Une autre fiche CSV,Un résumé suffisamment long pour passer la validation.,Commune de Rennes,mairie,com:35238,mediation,pilot,2022-13,a@example.fr',
    ].join('\r\n')
    const res = await importBody(csv, 'text/csv; charset=utf-8', '?dryRun=true')
    const report = (await res.json()) as ImportReport
    expect(report.rows[0]!.status).toBe('created')
    expect(report.rows[1]!.status).toBe('invalid')
    expect(report.rows[1]!.errors!.map((e) => e.column).sort()).toEqual(['lead_kind', 'start_date'])
  })

  it('refuses a CSV with unknown columns, naming them', async () => {
    const res = await importBody('titre,title\r\nx,y', 'text/csv')
    expect(res.status).toBe(400)
    const problem = (await res.json()) as { errors: { parameter: string }[] }
    expect(problem.errors.map((e) => e.parameter)).toEqual(['titre'])
  })
})

describe('bulk import: dry run and idempotency', () => {
  it('--dry-run validates and reports but changes nothing', async () => {
    const before = await counts()
    const report = await importJson(
      [{ ...validInput({ title: 'Fiche à blanc' }), sourceId: 'essai-1' }, { title: 'x' }],
      '?dryRun=true&publish=true'
    )
    expect(report.dryRun).toBe(true)
    expect(report.counts.created).toBe(1)
    expect(report.counts.invalid).toBe(1)
    expect(await counts()).toEqual(before)
  })

  it('leaves records deleted by the moderation alone, and audits what it publishes', async () => {
    const first = await importJson([
      { ...validInput({ title: 'Fiche supprimée puis réimportée' }), sourceId: 'suppr-1' },
    ])
    const id = first.rows[0]!.id!
    const deleted = await request(`/api/moderation/experiments/${id}/delete`, {
      method: 'POST',
      headers: { ...asModerator(), 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'Doublon signalé par un lecteur.' }),
    })
    expect(deleted.status).toBe(200)
    const again = await importJson(
      [{ ...validInput({ title: 'Fiche supprimée puis réimportée' }), sourceId: 'suppr-1' }],
      '?publish=true'
    )
    expect(again.counts.invalid).toBe(1)
    expect(again.rows[0]!.errors![0]!.pointer).toBe('/sourceId')
    const row = await env.DB.prepare('SELECT status, deleted_at FROM experiments WHERE id = ?1')
      .bind(id)
      .first<{ status: string; deleted_at: string | null }>()
    expect(row?.deleted_at).not.toBeNull()

    const pending = await importJson([
      { ...validInput({ title: 'Fiche publiée par import' }), sourceId: 'pub-1' },
    ])
    const pendingId = pending.rows[0]!.id!
    await importJson(
      [{ ...validInput({ title: 'Fiche publiée par import' }), sourceId: 'pub-1' }],
      '?publish=true'
    )
    const audit = await env.DB.prepare(
      "SELECT actor, detail FROM audit_log WHERE action = 'approve' AND target = ?1"
    )
      .bind(`experiment:${pendingId}`)
      .first<{ actor: string; detail: string }>()
    expect(audit?.actor).toBe('moderator:alice')
    expect(JSON.parse(audit!.detail)).toMatchObject({
      from: 'pending',
      to: 'published',
      via: 'import',
    })
  })

  it('records each import in the audit log, and no dry run', async () => {
    const audited = async () =>
      (
        await env.DB.prepare(
          "SELECT actor, detail FROM audit_log WHERE action = 'import' ORDER BY seq DESC"
        ).all<{ actor: string; detail: string }>()
      ).results
    const before = (await audited()).length
    await importJson(
      [{ ...validInput({ title: 'Fiche auditée' }), sourceId: 'audit-1' }],
      '?dryRun=true'
    )
    expect((await audited()).length).toBe(before)
    await importJson(
      [{ ...validInput({ title: 'Fiche auditée' }), sourceId: 'audit-1' }],
      '?publish=true'
    )
    const [last] = await audited()
    expect((await audited()).length).toBe(before + 1)
    expect(last?.actor).toBe('moderator:alice')
    expect(JSON.parse(last!.detail)).toMatchObject({ publish: true, counts: { created: 1 } })
  })

  it('re-importing the same sourceId updates instead of duplicating', async () => {
    const rows = [
      { ...richInput(), sourceId: 'reseau-bzh:42' },
      { ...validInput({ title: 'Deuxième fiche du réseau' }), sourceId: 'reseau-bzh:43' },
    ]
    const first = await importJson(rows, '?publish=true')
    expect(first.counts.created).toBe(2)
    const id = first.rows[0]!.id!
    const before = await counts()

    const again = await importJson(rows, '?publish=true')
    expect(again.counts).toMatchObject({ created: 0, unchanged: 2 })
    expect(again.rows[0]!.id).toBe(id)
    expect(await counts()).toEqual(before)

    const changed = await importJson([{ ...rows[0], title: 'Fablab solidaire, titre corrigé' }])
    expect(changed.rows[0]).toMatchObject({ status: 'updated', id, sourceId: 'reseau-bzh:42' })
    const after = await counts()
    expect(after.experiments).toBe(before.experiments)
    expect(after.revisions).toBe(before.revisions + 1)
    const res = await request(`/api/experiments/${id}`)
    const record = (await res.json()) as { title: string; revision: number }
    expect(record.title).toBe('Fablab solidaire, titre corrigé')
    expect(record.revision).toBe(2)
    const revision = await env.DB.prepare(
      'SELECT action, actor FROM experiment_revisions WHERE experiment_id = ?1 AND revision = 2'
    )
      .bind(id)
      .first<{ action: string; actor: string }>()
    expect(revision).toEqual({ action: 'import-update', actor: 'moderator:alice' })
  })

  it('publishes an already imported pending record when asked', async () => {
    const row = { ...validInput({ title: 'En attente puis publiée' }), sourceId: 'attente-1' }
    const pending = await importJson([row])
    const id = pending.rows[0]!.id!
    expect((await request(`/api/experiments/${id}`)).status).toBe(404)
    const published = await importJson([row], '?publish=true')
    expect(published.rows[0]!.status).toBe('updated')
    expect((await request(`/api/experiments/${id}`)).status).toBe(200)
  })

  it('keeps the date a source was checked, so an old one is « à vérifier » from the start', async () => {
    const checked = '2023-02-01T00:00:00.000Z'
    const report = await importJson(
      [
        { ...validInput({ title: 'Source vérifiée en 2023' }), lastVerifiedAt: checked },
        validInput({ title: 'Source sans date de vérification' }),
      ],
      '?publish=true'
    )
    const [old, fresh] = report.rows.map((r) => r.id!)
    const record = (id: string) =>
      request(`/api/experiments/${id}`).then(
        (r) => r.json() as Promise<{ lastVerifiedAt: string; publishedAt: string }>
      )
    expect((await record(old!)).lastVerifiedAt).toBe(checked)
    // Without the date, the import counts as the verification.
    const other = await record(fresh!)
    expect(other.lastVerifiedAt).toBe(other.publishedAt)
    const stale = (await (await request('/api/experiments?toVerify=true&limit=100')).json()) as {
      items: { id: string }[]
    }
    expect(stale.items.map((e) => e.id)).toContain(old)
    expect(stale.items.map((e) => e.id)).not.toContain(fresh)

    const future = await importBody(
      JSON.stringify([{ ...validInput(), lastVerifiedAt: '2999-01-01T00:00:00Z' }]),
      'application/json'
    )
    const rows = ((await future.json()) as ImportReport).rows
    expect(rows[0]).toMatchObject({ status: 'invalid' })
    expect(rows[0]!.errors!.map((e) => e.pointer)).toEqual(['/lastVerifiedAt'])
  })
})
