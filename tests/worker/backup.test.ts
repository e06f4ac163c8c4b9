/**
 * Backups: the export `npm run backup` writes (`wrangler d1 export`, which for a local
 * database runs `PRAGMA miniflare_d1_export` on the D1 binding, the same call made here)
 * restores into an empty database with the same experiments and revisions (awkward text and
 * a stored NUL included, escaped by scripts/lib/stored-text.ts), and the app
 * serves the restored catalogue. The primary database holds no virtual table, so the
 * export (which refuses them) keeps working.
 */
import { reset } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { restorableSql } from '../../scripts/lib/stored-text'
import { asModerator, postJson, publish, request, validInput } from './fixtures'
import { ACCEPTED_TEXT } from './text-fixtures'

/** What wrangler's local export sends, byte for byte: the simulator recognises this exact text. */
const EXPORT_PRAGMA = 'PRAGMA miniflare_d1_export(?,?,?);'

async function snapshot() {
  const experiments = await env.DB.prepare('SELECT * FROM experiments ORDER BY id').all()
  const revisions = await env.DB.prepare(
    'SELECT * FROM experiment_revisions ORDER BY experiment_id, revision'
  ).all()
  const proposals = await env.DB.prepare('SELECT * FROM proposals ORDER BY id').all()
  return {
    experiments: experiments.results,
    revisions: revisions.results,
    proposals: proposals.results,
  }
}

describe('backup and restore', () => {
  it('a plain single-pass export does not restore: children come before their parent table', async () => {
    const [plain] = (await env.DB.prepare(EXPORT_PRAGMA).bind(0, 0).raw()) as [string[]]
    const position = (prefix: string) => plain.findIndex((sql) => sql.startsWith(prefix))
    // Rows of a table follow its CREATE TABLE, so revisions would be inserted before
    // `experiments` (their foreign-key parent) exists — an error even with deferred checks.
    expect(position('CREATE TABLE experiment_revisions')).toBeGreaterThan(-1)
    expect(position('CREATE TABLE experiment_revisions')).toBeLessThan(
      position('CREATE TABLE experiments ')
    )
  })

  it('restores an export into a fresh database with the same experiments and revisions', async () => {
    const a = await publish({ title: 'Fiche sauvegardée numéro un' })
    await publish({ title: 'Fiche sauvegardée numéro deux' })
    await postJson('/api/experiments', validInput({ title: 'Fiche en attente sauvegardée' }))
    // A published edit through a proposal, so revisions, proposals and the audit log have rows.
    const edit = await request(`/api/experiments/${a.id}/edit`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${a.editToken}` },
      body: JSON.stringify(validInput({ title: 'Fiche sauvegardée numéro un, modifiée' })),
    })
    const { proposalId } = (await edit.json()) as { proposalId: string }
    expect(
      (await postJson(`/api/moderation/proposals/${proposalId}/approve`, {}, asModerator())).status
    ).toBe(200)

    // Every awkward character the schemas accept, in a published record's text fields…
    const awkward = await publish({
      title: ACCEPTED_TEXT[3]!.sent,
      summary: ACCEPTED_TEXT.map((a) => a.sent).join(' | '),
      keywords: ACCEPTED_TEXT.map((a) => a.sent.slice(0, 50)),
      narrative: { context: ACCEPTED_TEXT.map((a) => a.sent).join('\n\n') },
    })
    // …and a NUL stored before the edge refused it (issue 15: such a backup did not restore).
    await env.DB.prepare('UPDATE experiments SET moderation_note = ?2 WHERE id = ?1')
      .bind(awkward.id, 'Note\u0000avec un NUL, une \u0027apostrophe\u0027 et\r\nune ligne')
      .run()

    const before = await snapshot()
    expect(before.experiments.length).toBeGreaterThanOrEqual(3)
    expect(before.revisions.length).toBeGreaterThanOrEqual(6)

    // Schema first, then data (`--no-data`, then `--no-schema`), as scripts/backup.ts
    // writes it: a plain export lists each table's rows right after the table, in creation
    // order, and migration 0005 rebuilt `experiments` after the tables that reference it,
    // so a plain export would insert child rows before their parent table exists.
    const exportPart = async (noSchema: number, noData: number) =>
      ((await env.DB.prepare(EXPORT_PRAGMA).bind(noSchema, noData).raw()) as [string[]])[0]
    const dump = [...(await exportPart(0, 1)), ...(await exportPart(1, 0))].map(restorableSql)
    expect(dump.some((sql) => /CREATE VIRTUAL TABLE/i.test(sql))).toBe(false)
    expect(dump.some((sql) => sql.startsWith('CREATE TABLE experiments'))).toBe(true)

    // A fresh, empty database (reset() wipes every table, migrations included)…
    await reset()
    const empty = await env.DB.prepare(
      "SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'experiments'"
    ).first<{ n: number }>()
    expect(empty?.n).toBe(0)

    // …then the export in one batch (one transaction, as `wrangler d1 execute --file` does,
    // so the leading `PRAGMA defer_foreign_keys` covers every row).
    await env.DB.batch(dump.map((sql) => env.DB.prepare(sql)))

    expect(await snapshot()).toEqual(before)
    const restored = await env.DB.prepare('SELECT moderation_note FROM experiments WHERE id = ?1')
      .bind(awkward.id)
      .first<{ moderation_note: string }>()
    expect(restored?.moderation_note).toContain('\u0000')
    // The restored database is a working catalogue: the API lists what was published.
    const list = (await (await request('/api/experiments?limit=100')).json()) as {
      items: { id: string; title: string }[]
    }
    expect(list.items.map((i) => i.title)).toEqual(
      expect.arrayContaining([
        'Fiche sauvegardée numéro un, modifiée',
        'Fiche sauvegardée numéro deux',
      ])
    )
    // Append-only guards came back with the schema.
    await expect(
      env.DB.prepare('DELETE FROM experiment_revisions WHERE experiment_id = ?1').bind(a.id).run()
    ).rejects.toThrow(/append-only/)
  }, 120_000)
})
