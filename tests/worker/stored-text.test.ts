/**
 * `npm run check:text` (scripts/check-text.ts) reads every table and reports the text the
 * edge refuses since issue 15, stored before: here its check runs on rows of the real
 * schema holding such values, written directly as older code let them in.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { storedTextDefects } from '../../scripts/lib/stored-text'
import { insertReport } from '../../worker/db/reports'
import { publish } from './fixtures'

async function rows(table: string): Promise<Record<string, unknown>[]> {
  return (await env.DB.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all()).results
}

describe('stored text check', () => {
  it('finds NUL, controls, lone surrogates and invisible-only values, naming table, row, column and pointer', async () => {
    const clean = await publish({ title: 'Fiche propre, rien à signaler' })
    const dirty = await publish({ title: 'Fiche abîmée avant la correction' })
    const data = JSON.parse(
      (await env.DB.prepare('SELECT data FROM experiments WHERE id = ?1')
        .bind(dirty.id)
        .first<{ data: string }>())!.data
    ) as Record<string, unknown>
    // JSON.stringify writes a lone surrogate as the escape `\ud800`, as the old edge stored it.
    data.title = 'Titre \ud800 abîmé'
    data.lead = { ...(data.lead as object), name: '\u200b\u200b\u200b' }
    data.keywords = ['ok', 'bip\u0007']
    await env.DB.prepare('UPDATE experiments SET data = ?2, moderation_note = ?3 WHERE id = ?1')
      .bind(dirty.id, JSON.stringify(data), 'note\u0000nul')
      .run()
    await insertReport(env.DB, {
      id: 'report-with-escape',
      experimentId: clean.id,
      reason: 'wrong',
      message: 'Couleur \u001b[31m',
      at: new Date().toISOString(),
    }).run()

    const found = [
      ...storedTextDefects('experiments', await rows('experiments'), ['id']),
      ...storedTextDefects('reports', await rows('reports'), ['id']),
    ]
    const where = found.map((d) => `${d.table} ${d.row} ${d.column}${d.pointer}`)
    expect(where.sort()).toEqual(
      [
        `experiments ${dirty.id} data/title`,
        `experiments ${dirty.id} data/lead/name`,
        `experiments ${dirty.id} data/keywords/1`,
        `experiments ${dirty.id} moderation_note`,
        'reports report-with-escape message',
      ].sort()
    )
    expect(found.find((d) => d.pointer === '/title')?.defect).toMatch(/surrogate|demi-paire/)
    expect(found.find((d) => d.column === 'moderation_note')?.defect).toContain('U+0000')
  })
})
