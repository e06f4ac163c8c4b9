/**
 * The seed's real actors say nothing their sources do not: the committed file is what the
 * derivation gives from the corpus, and every fact of every actor traces back to the
 * catalogue records it is the porteur of.
 */
import { describe, expect, it } from 'vitest'
import { corpusRecords, realCatalogueRows } from '../../scripts/lib/real-catalogue'
import { deriveRealActors, firstOrganisation, realActors } from '../../scripts/lib/real-actors'

describe('real actors (data/network/actors.json)', () => {
  const actors = realActors()
  const records = new Map(corpusRecords().map((r) => [r.id, r]))
  const rows = new Map(realCatalogueRows().map((r) => [r.sourceId!, r]))

  it('is the derivation of the current corpus (npm run derive:actors)', () => {
    expect(actors).toEqual(deriveRealActors())
  })

  it('has one actor per name, each the porteur of at least one record', () => {
    expect(actors.length).toBeGreaterThan(80)
    expect(new Set(actors.map((a) => a.sourceId)).size).toBe(actors.length)
    for (const actor of actors) expect(actor.experiments.length, actor.name).toBeGreaterThan(0)
  })

  it('takes every fact from the records it leads', () => {
    for (const actor of actors) {
      const own = actor.experiments.map((id) => records.get(id)!)
      expect(own.every(Boolean), actor.name).toBe(true)
      // Named first by each of its records (one alias: Région Sud).
      for (const r of own)
        expect([actor.name, 'Région Sud'], r.id).toContain(firstOrganisation(r.porteur))
      for (const s of actor.sources)
        expect(
          own.map((r) => r.source_url),
          actor.name
        ).toContain(s.url)
      const codes = own.flatMap((r) => rows.get(r.id)!.territories ?? [])
      for (const code of actor.territories) expect(codes, actor.name).toContain(code)
      if (actor.scope === 'national') expect(actor.territories).toEqual([])
      else expect(actor.territories.length, actor.name).toBeGreaterThan(0)
      if (actor.siren) expect(own.map((r) => r.siren)).toContain(actor.siren)
      // Nothing the sources do not give.
      expect(Object.keys(actor).sort()).toEqual(
        ['experiments', 'kind', 'name', 'scope', 'sourceId', 'sources', 'territories']
          .concat(actor.siren ? ['siren'] : [])
          .sort()
      )
    }
  })

  it('leaves out records abroad and names that do not say what the organisation is', () => {
    const linked = new Set(actors.flatMap((a) => a.experiments))
    for (const r of records.values()) if (r.country !== 'FR') expect(linked.has(r.id)).toBe(false)
    expect(actors.find((a) => a.name === 'Emmaüs Connect')).toBeUndefined()
    expect(actors.find((a) => a.name.startsWith('État ('))).toBeUndefined()
  })
})
