/**
 * Territory names in the bulk import (`territoryNames` in JSON rows, `territory_names` in
 * CSV): resolved to codes like the form does; an ambiguous or unknown name is reported on
 * its row, with its field and candidates, and the row is not written.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../worker/open-data/import-rows'
import { asModerator, request, validInput } from './fixtures'

async function importRows(body: string, contentType: string, query = ''): Promise<ImportReport> {
  const res = await request(`/api/moderation/import${query}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...asModerator() },
    body,
  })
  expect(res.status, await res.clone().text()).toBe(200)
  return res.json()
}

const { territories: _codes, ...withoutTerritories } = validInput()

describe('bulk import: territories by name', () => {
  it('resolves names to codes, next to the codes given, and stores codes only', async () => {
    const report = await importRows(
      JSON.stringify([
        { ...validInput({ territories: ['dep:53'] }), territoryNames: ['Redon Agglomération'] },
        { ...withoutTerritories, title: 'Fiche par nom seulement', territoryNames: ['Rennes'] },
      ]),
      'application/json'
    )
    expect(report.counts).toMatchObject({ created: 2, invalid: 0 })
    const stored = await Promise.all(
      report.rows.map((r) =>
        env.DB.prepare('SELECT data FROM experiments WHERE id = ?1')
          .bind(r.id)
          .first<{ data: string }>()
      )
    )
    const data = stored.map((row) => JSON.parse(row!.data) as Record<string, unknown>)
    expect(data.map((d) => d.territories)).toEqual([['dep:53', 'epci:243500741'], ['com:35238']])
    expect(data.some((d) => 'territoryNames' in d)).toBe(false)
  })

  it('reports ambiguous and unknown names per row, field and candidates, and writes neither', async () => {
    const csv = [
      'title,summary,lead_name,lead_kind,territory_names,themes,stage,start_date,private_contact_email',
      'Une fiche nommée sans ambiguïté,Un résumé suffisamment long pour passer la validation.,Ville de Brest,commune,Brest,mediation,pilot,2022,a@example.fr',
      'Une fiche à Saint-Denis,Un résumé suffisamment long pour passer la validation.,Ville de Saint-Denis,commune,Gironde;Saint-Denis,mediation,pilot,2022,a@example.fr',
      'Une fiche nulle part,Un résumé suffisamment long pour passer la validation.,Commune d’Exemple,commune,Atlantide-sur-Mer,mediation,pilot,2022,a@example.fr',
      'Une fiche départagée,Un résumé suffisamment long pour passer la validation.,Ville de Saint-Denis,commune,Saint-Denis (La Réunion),mediation,pilot,2022,a@example.fr',
    ].join('\r\n')
    const report = await importRows(csv, 'text/csv; charset=utf-8', '?dryRun=true')
    expect(report.rows.map((r) => r.status)).toEqual(['created', 'invalid', 'invalid', 'created'])

    const [ambiguous] = report.rows[1]!.errors!
    expect(ambiguous).toMatchObject({ pointer: '/territoryNames/1', column: 'territory_names' })
    expect(ambiguous!.message).toContain('Saint-Denis')
    expect(ambiguous!.candidates!.map((c) => c.code)).toEqual(
      expect.arrayContaining(['com:93066', 'com:97411'])
    )

    const [unknown] = report.rows[2]!.errors!
    expect(unknown).toMatchObject({ pointer: '/territoryNames/0', column: 'territory_names' })
    expect(unknown!.message).toContain('Atlantide-sur-Mer')
    expect(unknown!.candidates).toBeUndefined()
  })

  it('offers a close intercommunality as a candidate instead of taking it', async () => {
    const report = await importRows(
      JSON.stringify([{ ...withoutTerritories, territoryNames: ['CC du Pays de Redon'] }]),
      'application/json',
      '?dryRun=true'
    )
    expect(report.rows[0]!.status).toBe('invalid')
    expect(report.rows[0]!.errors![0]!.candidates).toEqual([
      { code: 'epci:243500741', name: 'CA Redon Agglomération' },
    ])
  })
})
