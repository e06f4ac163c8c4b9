import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../worker/services/moderation/import'
import { richInput } from './exports-fixtures'
import { asModerator, publish, request, validInput } from './fixtures'

/**
 * Empties the catalogue, as a fresh database would be. Revisions are append-only (triggers),
 * so the test lifts the delete trigger for the time of the wipe and puts it back.
 */
async function emptyCatalogue() {
  await env.DB.batch(
    [
      'DROP TRIGGER experiment_revisions_append_only_delete',
      'DELETE FROM experiment_sources',
      'DELETE FROM experiment_themes',
      'DELETE FROM experiment_territories',
      'DELETE FROM experiment_revisions',
      'DELETE FROM search_outbox',
      'DELETE FROM experiments',
      `CREATE TRIGGER experiment_revisions_append_only_delete BEFORE DELETE ON experiment_revisions
       BEGIN SELECT RAISE(ABORT, 'experiment_revisions is append-only'); END`,
    ].map((sql) => env.DB.prepare(sql))
  )
}

async function exported(ext: 'csv' | 'json' | 'ndjson'): Promise<string> {
  const res = await request(`/api/exports/experiments.${ext}`)
  expect(res.status).toBe(200)
  return res.text()
}

/** The catalogue as a reuser sees it, minus what an import legitimately renews. */
async function catalogue() {
  const records = JSON.parse(await exported('json')) as Record<string, unknown>[]
  return records.map(({ revision: _r, createdAt: _c, updatedAt: _u, ...rest }) => rest)
}

async function reimport(body: string, contentType: string): Promise<ImportReport> {
  const res = await request('/api/moderation/import?publish=true&contactEmail=import@example.fr', {
    method: 'POST',
    headers: { 'content-type': contentType, ...asModerator() },
    body,
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return res.json()
}

describe('export → import round trip', () => {
  it('gives the same catalogue from CSV, from NDJSON and from JSON', async () => {
    const origin = await publish(richInput())
    await publish(
      validInput({
        title: 'Essaimage du fablab en Mayenne',
        inspiredBy: [origin.id],
        themes: ['third-places', 'mediation.competences', 'education'],
        keywords: ['essaimage'],
        narrative: { description: 'Ligne 1\nLigne 2, avec "guillemets"' },
      })
    )
    await publish(
      validInput({ title: 'Budget participatif numérique', themes: ['participation.budget'] })
    )
    const before = await catalogue()
    expect(before).toHaveLength(3)
    const csv = await exported('csv')
    const ndjson = await exported('ndjson')
    const json = await exported('json')

    for (const [body, type] of [
      [csv, 'text/csv'],
      [ndjson, 'application/x-ndjson'],
      [json, 'application/json'],
    ] as const) {
      await emptyCatalogue()
      expect(await catalogue()).toEqual([])
      const report = await reimport(body, type)
      expect(report.counts, type).toMatchObject({ created: 3, invalid: 0, failed: 0 })
      expect(await catalogue(), type).toEqual(before)
      // Re-importing the same export into the now-full catalogue changes nothing.
      const again = await reimport(body, type)
      expect(again.counts, type).toMatchObject({ created: 0, unchanged: 3 })
      expect(await catalogue(), type).toEqual(before)
    }
  })
})
