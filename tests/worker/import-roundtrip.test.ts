import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { csvLine, parseCsv } from '../../worker/open-data/csv'
import { IMPORT_MAX_ROWS, type ImportReport } from '../../worker/open-data/import-rows'
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
    // No French territory, no start date, sources: what real records bring.
    await publish(
      validInput({
        title: 'Programme national d’exemple',
        scope: 'national',
        territories: [],
        startDate: undefined,
        sources: [{ url: 'https://exemple.org/programme', publisher: 'Agence d’Exemple' }],
      })
    )
    await publish(
      validInput({
        title: 'Commerces en ligne d’Exempleville',
        scope: 'abroad',
        territories: [],
        abroad: { country: 'CH', subdivision: 'CH-VD', place: 'Exempleville' },
        themes: ['economy.commerce'],
        sources: [
          {
            url: 'https://exemple.org/commerces?a=1&b="2"',
            title: 'Titre ; avec, séparateurs',
            publisher: 'Gazette d’Exemple',
            consultedAt: '2026-11-30',
          },
        ],
      })
    )
    const before = await catalogue()
    expect(before).toHaveLength(5)
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
      expect(report.counts, type).toMatchObject({ created: 5, invalid: 0, failed: 0 })
      expect(await catalogue(), type).toEqual(before)
      // Re-importing the same export into the now-full catalogue changes nothing.
      const again = await reimport(body, type)
      expect(again.counts, type).toMatchObject({ created: 0, unchanged: 5 })
      expect(await catalogue(), type).toEqual(before)
    }
  })
})

/** Rows in requests of at most IMPORT_MAX_ROWS, reports merged (rows renumbered in order). */
async function importInChunks<T>(
  rows: readonly T[],
  body: (chunk: readonly T[]) => string,
  contentType: string
): Promise<{ counts: ImportReport['counts']; rows: ImportReport['rows'] }> {
  const counts = { created: 0, updated: 0, unchanged: 0, invalid: 0, failed: 0 }
  const all: ImportReport['rows'] = []
  for (let i = 0; i < rows.length; i += IMPORT_MAX_ROWS) {
    const report = await reimport(body(rows.slice(i, i + IMPORT_MAX_ROWS)), contentType)
    for (const [k, n] of Object.entries(report.counts)) counts[k as keyof typeof counts] += n
    all.push(...report.rows.map((r) => ({ ...r, row: r.row + i })))
  }
  return { counts, rows: all }
}

describe('the real catalogue (data/relevance/corpus.json)', () => {
  const rows = env.TEST_REAL_CATALOGUE
  const row = (sourceId: string) => rows.find((r) => r.sourceId === sourceId)!

  it('converts each record with what the corpus gives, and nothing more', () => {
    expect(row('sicoval-clickn-co-commerce-en-ligne')).toMatchObject({
      lead: { name: "Communauté d'agglomération du Sicoval", kind: 'epci', siren: '243100633' },
      scope: 'territories',
      territories: ['epci:243100633'],
      themes: ['economy'],
      stage: 'rollout',
      startDate: '2020',
      sources: [{ publisher: '20minutes.fr' }],
    })
    // Not an EPCI à fiscalité propre: no code of its own, placed at its région, name kept.
    expect(row('sivu-altu-di-casacconi-numerique')).toMatchObject({
      lead: { kind: 'syndicat' },
      territories: ['reg:94'],
      keywords: ["SIVU de l'Altu di Casacconi"],
    })
    expect(row('epn-de-wallonie-label')).toMatchObject({
      scope: 'abroad',
      territories: [],
      abroad: { country: 'BE', subdivision: 'BE-WAL', place: 'Wallonie' },
    })
    expect(row('aidants-connect')).toMatchObject({ scope: 'national', territories: [] })
    // A porteur whose name does not say what it is stays "other", not a guess.
    expect(row('lacollecte-tech-emmaus-connect').lead.kind).toBe('other')

    // No start year in the source: no start date. A summary too long for the record keeps
    // its leading sentences, the whole text going to the narrative.
    const long = row('sieeen-dpo-mutualise-nievre')
    expect(long.startDate).toBeUndefined()
    expect(long.narrative?.description?.length).toBeGreaterThan(500)
    for (const r of rows) {
      expect(r.summary.length, r.sourceId).toBeLessThanOrEqual(500)
      if (r.narrative?.description) expect(r.narrative.description.startsWith(r.summary)).toBe(true)
    }
  })

  it('imports its 150 records with no rejected row, each as the corpus gives it', async () => {
    await emptyCatalogue()
    const report = await importInChunks(rows, (chunk) => JSON.stringify(chunk), 'application/json')
    const refused = report.rows.filter((r) => r.status === 'invalid' || r.status === 'failed')
    expect(refused, JSON.stringify(refused, null, 1)).toEqual([])
    expect(report.counts.created).toBe(150)

    const records = await catalogue()
    expect(records).toHaveLength(150)
    const count = (test: (r: Record<string, unknown>) => boolean) => records.filter(test).length
    // The corpus README's figures: 14 French national programmes, 11 records abroad,
    // 106 with a start year; every record carries its source.
    expect(count((r) => r.scope === 'national')).toBe(14)
    expect(count((r) => r.scope === 'abroad')).toBe(11)
    expect(count((r) => r.startDate !== undefined)).toBe(106)
    expect(count((r) => Array.isArray(r.sources) && r.sources.length === 1)).toBe(150)
    const regions = new Set(
      records.flatMap((r) =>
        ((r.derived as { regions: { code: string }[] }).regions ?? []).map((g) => g.code)
      )
    )
    expect(regions.size).toBe(18)
  })

  it('round-trips through the CSV and JSON exports', async () => {
    await emptyCatalogue()
    await importInChunks(rows, (chunk) => JSON.stringify(chunk), 'application/json')
    const before = await catalogue()
    expect(before).toHaveLength(150)

    const [header = [], ...lines] = parseCsv(await exported('csv'))
    const json = JSON.parse(await exported('json')) as unknown[]
    for (const [records, body, type] of [
      [
        lines,
        (chunk: readonly string[][]) => [header, ...chunk].map(csvLine).join('\r\n'),
        'text/csv',
      ],
      [json, (chunk: readonly unknown[]) => JSON.stringify(chunk), 'application/json'],
    ] as const) {
      await emptyCatalogue()
      const report = await importInChunks(
        records as unknown[],
        body as (c: readonly unknown[]) => string,
        type
      )
      expect(report.counts, type).toMatchObject({ created: 150, invalid: 0, failed: 0 })
      expect(await catalogue(), type).toEqual(before)
    }
  })
})
